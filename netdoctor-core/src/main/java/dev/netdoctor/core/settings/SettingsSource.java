package dev.netdoctor.core.settings;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the settings file came from, in {@link SettingsLoader}'s lookup order.
 *
 * @param kind which rule found it
 * @param file the file read; empty for {@link Kind#DEFAULTS} and {@link Kind#TEXT}
 */
public record SettingsSource(Kind kind, Optional<Path> file) {

  /** The lookup rules, in order. */
  public enum Kind {
    /** A path given in code or on the command line ({@code --settings}). */
    EXPLICIT,
    /** The {@code NETDOCTOR_SETTINGS} environment variable. */
    ENVIRONMENT_VARIABLE,
    /** {@code ./appsettings.json} in the working directory. */
    WORKING_DIRECTORY,
    /** {@code ~/.config/netdoctor/appsettings.json}. */
    USER_CONFIG,
    /** Settings text given in code ({@link SettingsLoader.Builder#text}). */
    TEXT,
    /** No file: built-in defaults, environment and system properties only. */
    DEFAULTS
  }

  public SettingsSource {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(file, "file");
  }

  /** A phrase for reports: {@code ./appsettings.json (working directory)}. */
  public String describe() {
    switch (kind) {
      case EXPLICIT: return file.orElseThrow() + " (given explicitly)";
      case ENVIRONMENT_VARIABLE: return file.orElseThrow() + " (from NETDOCTOR_SETTINGS)";
      case WORKING_DIRECTORY: return file.orElseThrow() + " (working directory)";
      case USER_CONFIG: return file.orElseThrow() + " (user configuration)";
      case TEXT: return "settings given in code";
      default: return "built-in defaults (no settings file found)";
    }
  }
}
