package dev.netdoctor.core.settings;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of a successful load.
 *
 * @param settings the merged settings
 * @param warnings problems that did not stop loading (unknown keys with a suggestion, a key spelled in another
 *     case, insecure switches such as {@code IgnoreSSLErrors}), in source order
 * @param source where the settings file came from
 * @param keySources for every key set by a source other than the defaults, where its value came from:
 *     {@code appsettings.json:12:5}, {@code environment variable NETDOCTOR_NETWORK__TIMEOUT},
 *     {@code system property netdoctor.Network.Timeout}, {@code override Network.Timeout}, or for an API key read
 *     from its conventional variable {@code environment variable OPENAI_API_KEY}. Keys are canonical paths
 *     ({@code Providers.OpenAI.TimeoutSeconds}); a key absent here has its default. For settings summaries.
 */
public record LoadedSettings(Settings settings, List<SettingsProblem> warnings, SettingsSource source,
    Map<String, String> keySources) {
  public LoadedSettings {
    Objects.requireNonNull(settings, "settings");
    warnings = List.copyOf(warnings);
    Objects.requireNonNull(source, "source");
    keySources = Collections.unmodifiableMap(new LinkedHashMap<>(keySources));
  }

  /** A result with no per-key sources (settings built in code). */
  public LoadedSettings(Settings settings, List<SettingsProblem> warnings, SettingsSource source) {
    this(settings, warnings, source, Map.of());
  }
}
