package dev.netdoctor.core.codes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every error code netdoctor knows, loaded from one data file ({@code /netdoctor/codes.json} on the class
 * path) that is the single source of truth.
 *
 * <p>{@link #find} accepts the short code ({@code NET002}), the qualified long form
 * ({@code NET002_DnsResolutionFailed}), the long name alone ({@code DnsResolutionFailed}) and aliases such as an
 * application's own codes ({@code AI101-NET-001}), all case-insensitively. Instances are immutable and
 * thread-safe.
 */
public final class CodeRegistry {
  /** Class-path location of the built-in registry. */
  public static final String RESOURCE = "/netdoctor/codes.json";

  private static volatile CodeRegistry builtIn;

  private final List<ErrorCode> codes;
  private final Map<String, ErrorCode> byKey;
  private final Map<String, String> aliases;

  private CodeRegistry(List<ErrorCode> codes, Map<String, String> aliases) {
    this.codes = List.copyOf(codes);
    Map<String, ErrorCode> keys = new LinkedHashMap<>();
    for (ErrorCode code : codes) {
      keys.put(normalize(code.id()), code);
      keys.put(normalize(code.qualifiedName()), code);
      keys.putIfAbsent(normalize(code.longName()), code);
    }
    Map<String, String> normalizedAliases = new LinkedHashMap<>();
    aliases.forEach((alias, target) -> {
      ErrorCode code = keys.get(normalize(target));
      if (code == null) {
        throw new IllegalArgumentException("alias " + alias + " points at unknown code " + target);
      }
      normalizedAliases.put(alias, code.id());
      keys.putIfAbsent(normalize(alias), code);
    });
    this.byKey = Collections.unmodifiableMap(keys);
    this.aliases = Collections.unmodifiableMap(normalizedAliases);
  }

  /** The registry shipped in the jar. Loaded once. */
  public static CodeRegistry builtIn() {
    CodeRegistry result = builtIn;
    if (result == null) {
      synchronized (CodeRegistry.class) {
        result = builtIn;
        if (result == null) {
          try (InputStream in = CodeRegistry.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
              throw new IllegalStateException("missing class-path resource " + RESOURCE);
            }
            result = load(in, RESOURCE);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          builtIn = result;
        }
      }
    }
    return result;
  }

  /**
   * Reads a registry from JSON.
   *
   * @throws IllegalArgumentException naming {@code sourceName} and the offending code when the data is invalid
   */
  public static CodeRegistry load(InputStream in, String sourceName) throws IOException {
    JsonNode root = new ObjectMapper().readTree(in);
    JsonNode list = root.path("codes");
    if (!list.isArray()) {
      throw new IllegalArgumentException(sourceName + ": expected a top-level \"codes\" array");
    }
    List<ErrorCode> codes = new ArrayList<>();
    for (JsonNode node : list) {
      codes.add(parse(node, sourceName));
    }
    Map<String, String> aliases = new LinkedHashMap<>();
    root.path("aliases").fields().forEachRemaining(e -> aliases.put(e.getKey(), e.getValue().asText()));
    return new CodeRegistry(codes, aliases);
  }

  private static ErrorCode parse(JsonNode node, String sourceName) {
    String id = required(node, "id", sourceName, "?");
    Map<Os, List<String>> fix = new EnumMap<>(Os.class);
    for (Os os : Os.values()) {
      List<String> steps = new ArrayList<>();
      node.path("fix").path(os.key()).forEach(s -> steps.add(s.asText()));
      if (!steps.isEmpty()) fix.put(os, steps);
    }
    List<Cause> causes = new ArrayList<>();
    for (JsonNode c : node.path("causes")) {
      causes.add(new Cause(required(c, "id", sourceName, id), required(c, "title", sourceName, id),
          c.path("description").asText("")));
    }
    JsonNode retry = node.path("retry");
    RetryWhen when;
    try {
      when = RetryWhen.valueOf(required(retry, "when", sourceName, id));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(sourceName + ": code " + id + ": unknown retry.when '"
          + retry.path("when").asText() + "'", e);
    }
    return new ErrorCode(
        id,
        required(node, "longName", sourceName, id),
        required(node, "category", sourceName, id),
        required(node, "title", sourceName, id),
        required(node, "message", sourceName, id),
        node.path("transient").asBoolean(false),
        new RetryAdvice(when, required(retry, "text", sourceName, id)),
        fix,
        causes,
        required(node, "guide", sourceName, id));
  }

  private static String required(JsonNode node, String field, String sourceName, String codeId) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException(sourceName + ": code " + codeId + ": missing field '" + field + "'");
    }
    return value.asText();
  }

  /** A copy of this registry that also answers to {@code aliases} (alias → code or long form). */
  public CodeRegistry withAliases(Map<String, String> more) {
    Map<String, String> merged = new LinkedHashMap<>(aliases);
    merged.putAll(more);
    return new CodeRegistry(codes, merged);
  }

  /** The code for a short code, long form, long name or alias; empty when unknown. */
  public Optional<ErrorCode> find(String codeOrAlias) {
    if (codeOrAlias == null) return Optional.empty();
    return Optional.ofNullable(byKey.get(normalize(codeOrAlias)));
  }

  /** Like {@link #find} but for codes the caller knows exist. */
  public ErrorCode require(String codeOrAlias) {
    return find(codeOrAlias).orElseThrow(() -> new IllegalArgumentException("unknown code: " + codeOrAlias));
  }

  /** Every code in data-file order. */
  public List<ErrorCode> all() {
    return codes;
  }

  /** Alias → short code. */
  public Map<String, String> aliases() {
    return aliases;
  }

  private static String normalize(String key) {
    return key.trim().toUpperCase(Locale.ROOT);
  }
}
