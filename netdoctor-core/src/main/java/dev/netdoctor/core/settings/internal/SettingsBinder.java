package dev.netdoctor.core.settings.internal;

import dev.netdoctor.core.settings.Logging;
import dev.netdoctor.core.settings.Settings;
import dev.netdoctor.core.settings.SettingsException;
import dev.netdoctor.core.settings.SettingsLoader;
import dev.netdoctor.core.settings.SettingsProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads every source, in precedence order, into {@link Bindings}: the file (walked against the {@link Schema},
 * with locations), then environment variables, system properties and overrides (flat key paths). Names are
 * matched ignoring case (with a warning), unknown names warn with the nearest known one, values that do not fit
 * their key are located errors. Problems are collected, never thrown one by one: {@link #finish} throws a single
 * {@link SettingsException} with all of them when any is an error.
 *
 * <p>Not thread-safe; one binder per load.
 */
public final class SettingsBinder {
  private static final Set<String> BUILT_IN = Set.of("OpenAI", "Anthropic", "ElevenLabs", "StabilityAI",
      "Replicate");

  /** A settings file is a few kilobytes; anything this large is the wrong file, not settings. */
  static final long MAX_FILE_BYTES = 1024 * 1024;

  private final KeyType.Context ctx;
  private final Bindings b = new Bindings();

  public SettingsBinder(Path userHome) {
    this.ctx = new KeyType.Context(userHome);
  }

  // ---------------------------------------------------------------- sources

  /** Reads a settings file; an unreadable file or bad JSON becomes a problem. */
  public void readFile(Path file) {
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        b.unreadable(new Bindings.Origin(file.toString(), 1, 1),
            "the settings file is larger than " + MAX_FILE_BYTES / 1024 + " KiB; is it the right file?");
        return;
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      b.unreadable(new Bindings.Origin(file.toString(), 1, 1),
          "cannot read the settings file (" + e.getClass().getSimpleName() + ")");
      return;
    }
    read(bytes, file.toString());
  }

  /** Reads settings text; {@code name} stands for the file in messages. */
  public void readText(String text, String name) {
    read(text.getBytes(StandardCharsets.UTF_8), name);
  }

  /** Records that a file that had to exist does not. */
  public void missingFile(Path file, String what) {
    b.unreadable(new Bindings.Origin(file.toString(), 0, 0), "settings file not found (named by " + what + ")");
  }

  private void read(byte[] bytes, String source) {
    Node root;
    try {
      root = JsonTreeReader.read(bytes);
    } catch (JsonTreeReader.SyntaxError e) {
      b.unreadable(new Bindings.Origin(source, e.line, e.column), e.getMessage());
      return;
    }
    walk(Schema.ROOT, (Node.Obj) root, "", source);
  }

  /** Applies {@code NETDOCTOR_<Section>__<Key>} variables (names ignore case, no warning for upper case). */
  public void applyEnvironment(Map<String, String> env) {
    for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
      String name = e.getKey();
      if (name.length() <= SettingsLoader.VARIABLE_PREFIX.length()
          || !name.regionMatches(true, 0, SettingsLoader.VARIABLE_PREFIX, 0, SettingsLoader.VARIABLE_PREFIX.length())
          || !name.contains("__")) {
        continue;
      }
      List<String> segments = Arrays.asList(name.substring(SettingsLoader.VARIABLE_PREFIX.length()).split("__", -1));
      applyFlat(segments, e.getValue(), "environment variable " + name, false);
    }
  }

  /** Applies {@code netdoctor.<Section>.<Key>} system properties. */
  public void applySystemProperties(Map<String, String> properties) {
    for (Map.Entry<String, String> e : new TreeMap<>(properties).entrySet()) {
      String name = e.getKey();
      if (!name.startsWith(SettingsLoader.PROPERTY_PREFIX) || name.length() == SettingsLoader.PROPERTY_PREFIX.length()) {
        continue;
      }
      List<String> segments = Arrays.asList(name.substring(SettingsLoader.PROPERTY_PREFIX.length()).split("\\.", -1));
      applyFlat(segments, e.getValue(), "system property " + name, true);
    }
  }

  /** Applies overrides from code or the command line ({@code Network.Timeout} → value). */
  public void applyOverrides(Map<String, String> overrides) {
    for (Map.Entry<String, String> e : overrides.entrySet()) {
      applyFlat(Arrays.asList(e.getKey().split("\\.", -1)), e.getValue(), "override " + e.getKey(), true);
    }
  }

  // ---------------------------------------------------------------- the file

  private void walk(Schema.Level level, Node.Obj obj, String prefix, String source) {
    Map<String, Node.Field> seen = new LinkedHashMap<>();
    for (Node.Field field : obj.fields()) {
      Bindings.Origin keyAt = new Bindings.Origin(source, field.line(), field.column());
      String written = prefix + field.name();
      Resolved r = resolve(level, field.name(), field.value() instanceof Node.Obj, prefix, keyAt, true);
      if (r == null) continue;
      String path = prefix + r.name;
      Node.Field earlier = seen.put(path.toLowerCase(Locale.ROOT), field);
      if (earlier != null) {
        b.warn(keyAt, written, "duplicate key (also on line " + earlier.line() + "); this later value wins",
            "CFG004", "syntax");
      }
      if (r.target instanceof Schema.Level child) {
        if (field.value() instanceof Node.Obj childObj) {
          if (level == Schema.ROOT.children.get("Providers") && !(level.children.containsKey(r.name))) {
            b.providerOrigins.putIfAbsent(r.name, keyAt);
          }
          walk(child, childObj, path + ".", source);
        } else {
          Node v = field.value();
          String noun = level.wildcard == child && level.wildcardNoun != null ? level.wildcardNoun : "an object";
          b.valueError(new Bindings.Origin(source, v.line(), v.column()), path,
              "expected " + noun + ", got " + renderPlain(v));
        }
      } else {
        Schema.Key key = (Schema.Key) r.target;
        Node v = field.value();
        try {
          b.put(path, key.type().fromNode(v, ctx), new Bindings.Origin(source, v.line(), v.column()));
        } catch (Invalid e) {
          Node at = e.at != null ? e.at : v;
          b.valueError(new Bindings.Origin(source, at.line(), at.column()), path + e.suffix, e);
        }
      }
    }
  }

  private static String renderPlain(Node v) {
    if (v instanceof Node.Obj) return "an object";
    if (v instanceof Node.Arr) return "a list";
    Node.Scalar s = (Node.Scalar) v;
    return s.kind() == Node.Kind.STRING ? "a string" : s.text();
  }

  // ---------------------------------------------------------------- flat sources

  private void applyFlat(List<String> segments, String value, String source, boolean warnCase) {
    Bindings.Origin at = new Bindings.Origin(source, 0, 0);
    Schema.Level level = Schema.ROOT;
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < segments.size(); i++) {
      String segment = segments.get(i);
      boolean last = i == segments.size() - 1;
      Object wildcard = level.wildcard;
      if (wildcard instanceof Schema.Key && level.find(segment).isEmpty()) {
        // a map whose keys may contain dots (log categories): the rest is the name
        String name = String.join(".", segments.subList(i, segments.size()));
        if (level.name.equals("LogLevel") && name.equalsIgnoreCase(Logging.DEFAULT_CATEGORY)) {
          name = Logging.DEFAULT_CATEGORY;
        }
        assignText(path + name, (Schema.Key) wildcard, value, at);
        return;
      }
      Resolved r = resolve(level, segment, !last, path.toString(), at, warnCase);
      if (r == null) return;
      path.append(r.name);
      if (r.target instanceof Schema.Key key) {
        if (!last) {
          b.keyWarning(at, path + "." + String.join(".", segments.subList(i + 1, segments.size())),
              "unknown key (" + path + " is a single value)");
          return;
        }
        assignText(path.toString(), key, value, at);
        return;
      }
      if (last) {
        b.keyWarning(at, path.toString(), "names a section, not a key; nothing set");
        return;
      }
      if (level == Schema.ROOT.children.get("Providers") && !level.children.containsKey(r.name)) {
        b.providerOrigins.putIfAbsent(r.name, at);
      }
      level = (Schema.Level) r.target;
      path.append('.');
    }
  }

  private void assignText(String path, Schema.Key key, String value, Bindings.Origin at) {
    try {
      b.put(path, key.type().fromText(value, ctx), at);
    } catch (Invalid e) {
      b.valueError(at, path + e.suffix, e);
    }
  }

  // ---------------------------------------------------------------- names

  private record Resolved(String name, Object target) {}

  /**
   * The canonical name and schema entry for {@code written} at {@code level}, or null (after a warning) when it
   * is unknown. {@code isObject}: whether the value is an object (or, for flat keys, more segments follow).
   */
  private Resolved resolve(Schema.Level level, String written, boolean isObject, String prefix, Bindings.Origin at,
      boolean warnCase) {
    Optional<Map.Entry<String, Object>> fixed = level.find(written);
    if (fixed.isPresent()) {
      String canonical = fixed.get().getKey();
      if (!canonical.equals(written) && warnCase) {
        b.keyWarning(at, prefix + written, "key spelled in another case; write it as " + prefix + canonical);
      }
      return new Resolved(canonical, fixed.get().getValue());
    }
    if (level.wildcard instanceof Schema.Level && !isObject) {
      // A provider entry must be an object; a scalar here is more likely a misspelt fixed key.
      Optional<String> near = Levenshtein.nearest(written, level.names());
      if (near.isPresent()) {
        b.keyWarning(at, prefix + written, "unknown key (did you mean " + prefix + near.get() + "?)");
        return null;
      }
    }
    if (level.wildcard != null) {
      String name = written;
      if (level.wildcard instanceof Schema.Level) {
        String known = b.providerNames.get(written.toLowerCase(Locale.ROOT));
        if (known != null) {
          if (!known.equals(written) && warnCase && BUILT_IN.contains(known)) {
            b.keyWarning(at, prefix + written, "provider name spelled in another case; write it as " + prefix + known);
          }
          name = known;
        } else if (isObject) {
          // only a real entry is registered; a scalar here is reported by the caller as the wrong type
          b.providerNames.put(written.toLowerCase(Locale.ROOT), written);
        }
      } else if (level.name.equals("LogLevel") && written.equalsIgnoreCase(Logging.DEFAULT_CATEGORY)) {
        name = Logging.DEFAULT_CATEGORY;
      }
      return new Resolved(name, level.wildcard);
    }
    Optional<String> near = Levenshtein.nearest(written, level.names());
    b.keyWarning(at, prefix + written, near.map(n -> "unknown key (did you mean " + prefix + n + "?)")
        .orElse("unknown key" + (level.names().isEmpty() || level.names().size() > 8 ? ""
            : "; known keys here: " + String.join(", ", level.names()))));
    return null;
  }

  // ---------------------------------------------------------------- results

  /**
   * Builds the settings from everything applied, checks the rules that span keys, and reads API keys from
   * {@code environment} where no source set one.
   *
   * @throws SettingsException when any problem is an error
   */
  public Settings finish(Map<String, String> environment) throws SettingsException {
    Settings settings = new SettingsAssembler(b, ctx.userHome()).assemble(environment);
    if (b.hasErrors()) {
      throw new SettingsException(b.problems);
    }
    return settings;
  }

  /** Canonical key path → where its value came from, for every key some source set (after {@link #finish}). */
  public Map<String, String> keySources() {
    return b.keySources();
  }

  /** Every warning (after {@link #finish}, all of them). */
  public List<SettingsProblem> warnings() {
    return b.problems.stream().filter(p -> !p.isError()).toList();
  }
}
