package dev.netdoctor.core.settings;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code Logging} section: {@code LogLevel} maps a logger category (a logger-name prefix such as
 * {@code dev.netdoctor.client}, or {@code Default}) to a level.
 *
 * @param logLevel category → level, in file order; default {@code {"Default": "Information"}}
 */
public record Logging(Map<String, LogLevel> logLevel) {
  /** The category that applies when no other prefix matches. */
  public static final String DEFAULT_CATEGORY = "Default";

  private static final Logging DEFAULTS = new Logging(Map.of(DEFAULT_CATEGORY, LogLevel.INFORMATION));

  public Logging {
    logLevel = Collections.unmodifiableMap(new LinkedHashMap<>(logLevel));
  }

  public static Logging defaults() {
    return DEFAULTS;
  }

  /**
   * The level for a logger: the entry with the longest category that equals {@code loggerName} or is a
   * dot-separated prefix of it, else {@code Default}, else empty.
   */
  public Optional<LogLevel> levelFor(String loggerName) {
    String best = null;
    for (String category : logLevel.keySet()) {
      if (category.equals(DEFAULT_CATEGORY)) continue;
      boolean matches = loggerName.equals(category) || loggerName.startsWith(category + ".");
      if (matches && (best == null || category.length() > best.length())) best = category;
    }
    if (best != null) return Optional.of(logLevel.get(best));
    return Optional.ofNullable(logLevel.get(DEFAULT_CATEGORY));
  }
}
