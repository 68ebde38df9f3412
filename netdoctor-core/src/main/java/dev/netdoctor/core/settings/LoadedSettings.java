package dev.netdoctor.core.settings;

import java.util.List;
import java.util.Objects;

/**
 * The result of a successful load.
 *
 * @param settings the merged settings
 * @param warnings problems that did not stop loading (unknown keys with a suggestion, a key spelled in another
 *     case, insecure switches such as {@code IgnoreSSLErrors}), in source order
 * @param source where the settings file came from
 */
public record LoadedSettings(Settings settings, List<SettingsProblem> warnings, SettingsSource source) {
  public LoadedSettings {
    Objects.requireNonNull(settings, "settings");
    warnings = List.copyOf(warnings);
    Objects.requireNonNull(source, "source");
  }
}
