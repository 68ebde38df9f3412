package dev.netdoctor.core.settings.internal;

import dev.netdoctor.core.settings.ProviderKind;
import dev.netdoctor.core.settings.SettingsProblem;
import dev.netdoctor.core.settings.SettingsProblem.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the sources said: canonical key path → value and where it came from, the provider entries seen, and every
 * problem so far. Written by {@link SettingsBinder} source after source (a later source replaces a key), read by
 * {@link SettingsAssembler}.
 */
final class Bindings {
  /** Where a value came from; line and column are 0 outside a file. */
  record Origin(String source, int line, int column) {
    String describe() {
      return line > 0 ? source + ":" + line + ":" + column : source;
    }
  }

  record Assigned(Object value, Origin origin) {}

  static final Origin DEFAULT = new Origin("defaults", 0, 0);

  final Map<String, Assigned> values = new LinkedHashMap<>();
  /** Provider entries in the order first seen: lower-case name → canonical spelling. Built-ins first. */
  final Map<String, String> providerNames = new LinkedHashMap<>();
  /** Where each custom provider entry was first named, to locate "needs BaseUrl". */
  final Map<String, Origin> providerOrigins = new LinkedHashMap<>();
  /** Sources of values not assigned directly: API keys from their variables, credentials split from ProxyUrl. */
  final Map<String, String> derivedSources = new LinkedHashMap<>();
  final List<SettingsProblem> problems = new ArrayList<>();

  Bindings() {
    for (ProviderKind kind : ProviderKind.values()) {
      if (kind != ProviderKind.OPENAI_COMPATIBLE) {
        providerNames.put(kind.settingsName().toLowerCase(Locale.ROOT), kind.settingsName());
      }
    }
  }

  void put(String path, Object value, Origin origin) {
    values.put(path, new Assigned(value, origin));
  }

  /** The value set for {@code path}, or {@code fallback} when no source set it or one explicitly unset it. */
  @SuppressWarnings("unchecked")
  <T> T get(String path, T fallback) {
    Assigned a = values.get(path);
    if (a == null || a.value() == KeyType.UNSET) return fallback;
    return (T) a.value();
  }

  /** Like {@link #get} for optional keys: an explicit unset gives empty, not the fallback. */
  @SuppressWarnings("unchecked")
  <T> Optional<T> optional(String path, Optional<T> fallback) {
    Assigned a = values.get(path);
    if (a == null) return fallback;
    if (a.value() == KeyType.UNSET) return Optional.empty();
    return Optional.of((T) a.value());
  }

  Origin origin(String path) {
    Assigned a = values.get(path);
    return a == null ? DEFAULT : a.origin();
  }

  /** The origin of the first of {@code paths} that some source set. */
  Origin originOf(String... paths) {
    for (String p : paths) {
      if (values.containsKey(p)) return values.get(p).origin();
    }
    return DEFAULT;
  }

  void warn(Origin at, String path, String message, String code, String cause) {
    problems.add(new SettingsProblem(Severity.WARNING, at.source(), at.line(), at.column(), path, message, code,
        cause));
  }

  void error(Origin at, String path, String message, String code, String cause) {
    problems.add(new SettingsProblem(Severity.ERROR, at.source(), at.line(), at.column(), path, message, code,
        cause));
  }

  /** A file that cannot be read as settings at all (missing, unreadable, not JSON): CFG004/syntax. */
  void unreadable(Origin at, String message) {
    error(at, "", message, "CFG004", "syntax");
  }

  /** An unknown key, a key in another case, a section used as a key: CFG004/unknown-key. */
  void keyWarning(Origin at, String path, String message) {
    warn(at, path, message, "CFG004", "unknown-key");
  }

  /** A value that does not fit its key, filed under the code that names that kind of key. */
  void valueError(Origin at, String path, Invalid e) {
    error(at, path, e.getMessage(), codeFor(path), causeFor(path, e.hint));
  }

  /** A value error found by a rule, not a type: CFG004/bad-value unless the key has its own code. */
  void valueError(Origin at, String path, String message) {
    error(at, path, message, codeFor(path), causeFor(path, null));
  }

  private static String codeFor(String path) {
    if (path.endsWith(".BaseUrl")) return "CFG001";
    if (path.startsWith("Cors.AllowedOrigins")) return "CFG002";
    if (path.equals("Network.ProxyUrl")) return "CFG005";
    return "CFG004";
  }

  private static String causeFor(String path, String hint) {
    switch (codeFor(path)) {
      case "CFG001": return hint != null && (hint.equals("wrong-scheme") || hint.equals("malformed")) ? hint : "malformed";
      case "CFG002":
        return hint != null && (hint.equals("trailing-slash") || hint.equals("path")) ? hint : "missing-scheme";
      case "CFG005": return "malformed-url";
      default: return "bad-value";
    }
  }

  boolean hasErrors() {
    return problems.stream().anyMatch(SettingsProblem::isError);
  }

  Map<String, String> keySources() {
    Map<String, String> out = new LinkedHashMap<>();
    values.forEach((path, assigned) -> out.put(path, assigned.origin().describe()));
    out.putAll(derivedSources);
    return out;
  }
}
