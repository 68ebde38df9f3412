package dev.netdoctor.core.classify.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.netdoctor.core.classify.HttpFailure;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an HTTP answer into hits: the status (from the {@code http-status} table), header rules, and the body.
 *
 * <p>A JSON body is parsed and the fields the providers put their error in are written one per line
 * ({@code error.type: insufficient_quota}): OpenAI {@code error.type}/{@code error.code}/{@code error.message},
 * Anthropic {@code error.type}/{@code error.message}, ElevenLabs {@code detail.status}/{@code detail.message},
 * Replicate and Stability problem+json {@code title}/{@code detail}/{@code name}/{@code errors}. Any other body is
 * read as text. Body hits are deeper than the status, so a 500 whose body says the name did not resolve is a DNS
 * failure with the 500 as context.
 */
public final class HttpFailureText {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int BODY_LIMIT = 64 * 1024;
  private static final Set<String> FIELDS = Set.of("type", "code", "status", "message", "detail", "title",
      "name", "error", "errors", "reason", "error_type", "error_code");
  private static final long BODY_DEPTH = ChainDepth.sectionBase(1);

  private HttpFailureText() {}

  public static void hits(HttpFailure response, RuleSet rules, TextScanner scanner, List<Hit> out) {
    rules.tableEntry("http-status", Integer.toString(response.status())).ifPresent(rule ->
        out.add(new Hit(rule, rule.outcome(), "HTTP " + response.status(), 0)));
    for (Rule rule : rules.headerRules()) {
      response.header(rule.header()).ifPresent(value -> {
        if (rule.regex().matcher(value).find()) {
          out.add(new Hit(rule, rule.outcome(), rule.header() + ": " + value, 1));
        }
      });
    }
    String body = response.body();
    if (body.isBlank()) return;
    if (body.length() > BODY_LIMIT) body = body.substring(0, BODY_LIMIT);
    scanner.hits(bodyText(body), BODY_DEPTH, out);
  }

  /** The provider error fields of a JSON body, one {@code path: value} per line; other bodies unchanged. */
  static String bodyText(String body) {
    String trimmed = body.strip();
    if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) return body;
    JsonNode root;
    try {
      root = JSON.readTree(trimmed);
    } catch (Exception e) {
      return body; // not JSON after all: read it as text
    }
    StringBuilder out = new StringBuilder();
    collect(root, "", out, 0);
    return out.length() == 0 ? body : out.toString();
  }

  private static void collect(JsonNode node, String path, StringBuilder out, int depth) {
    if (depth > 4 || out.length() > BODY_LIMIT) return;
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!FIELDS.contains(e.getKey())) continue;
        collect(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out, depth + 1);
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) collect(element, path, out, depth + 1);
    } else if (!node.isNull()) {
      out.append(path).append(": ").append(node.asText()).append('\n');
    }
  }
}
