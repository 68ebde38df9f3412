package dev.netdoctor.core.settings;

import java.util.Locale;
import java.util.Optional;

/**
 * A level in {@code Logging.LogLevel}. The names are the ones seed 000's files use (the .NET names:
 * {@code Trace}, {@code Debug}, {@code Information}, {@code Warning}, {@code Error}, {@code Critical},
 * {@code None}); {@link #parse} also takes the SLF4J names ({@code INFO}, {@code WARN}, {@code OFF}).
 */
public enum LogLevel {
  TRACE("Trace"),
  DEBUG("Debug"),
  INFORMATION("Information"),
  WARNING("Warning"),
  ERROR("Error"),
  /** Mapped to SLF4J's ERROR, which has nothing above it. */
  CRITICAL("Critical"),
  /** Logging switched off for the category. */
  NONE("None");

  private final String settingsName;

  LogLevel(String settingsName) {
    this.settingsName = settingsName;
  }

  /** The spelling used in settings files ({@code Information}). */
  public String settingsName() {
    return settingsName;
  }

  /** The level for {@code name} in either spelling, ignoring case; empty when unknown. */
  public static Optional<LogLevel> parse(String name) {
    if (name == null) return Optional.empty();
    String n = name.trim().toUpperCase(Locale.ROOT);
    switch (n) {
      case "INFO": return Optional.of(INFORMATION);
      case "WARN": return Optional.of(WARNING);
      case "FATAL": return Optional.of(CRITICAL);
      case "OFF": return Optional.of(NONE);
      default:
        for (LogLevel l : values()) {
          if (l.name().equals(n)) return Optional.of(l);
        }
        return Optional.empty();
    }
  }
}
