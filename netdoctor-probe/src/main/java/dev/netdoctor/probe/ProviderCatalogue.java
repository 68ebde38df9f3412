package dev.netdoctor.probe;

import dev.netdoctor.core.settings.Provider;
import dev.netdoctor.core.settings.ProviderKind;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What netdoctor knows about each provider API: the default base URL, how the key is sent, the usual key
 * variable, the status page, and the cheapest read-only request that proves a key works (a model, voice or
 * account listing; never a billable call).
 */
public final class ProviderCatalogue {
  /** How the key is put on the wire. */
  public enum AuthStyle {
    /** {@code Authorization: Bearer <key>} (OpenAI, Stability AI, Replicate, OpenAI-compatible servers). */
    BEARER,
    /** {@code x-api-key: <key>} plus {@code anthropic-version} (Anthropic). */
    X_API_KEY,
    /** {@code xi-api-key: <key>} (ElevenLabs). */
    XI_API_KEY
  }

  /**
   * One provider API.
   *
   * @param kind the settings' provider kind
   * @param displayName for people
   * @param defaultBaseUrl where the vendor's API lives, including the version path where the vendor uses one
   * @param authStyle how the key is sent
   * @param keyVariable the usual environment variable ({@code OPENAI_API_KEY})
   * @param statusPage the vendor's status page, if it has one
   * @param checkPath the read-only check request, relative to the base URL
   */
  public record Profile(ProviderKind kind, String displayName, URI defaultBaseUrl, AuthStyle authStyle,
      String keyVariable, Optional<URI> statusPage, String checkPath) {

    /** The check URL for a provider entry (its own base URL, which settings may point elsewhere). */
    public URI checkUrl(URI baseUrl) {
      String base = baseUrl.toString();
      if (base.endsWith("/")) base = base.substring(0, base.length() - 1);
      return URI.create(base + checkPath);
    }

    /** The headers that carry {@code key}. The caller must never log them. */
    public Map<String, String> authHeaders(String key) {
      return switch (authStyle) {
        case BEARER -> Map.of("Authorization", "Bearer " + key);
        case X_API_KEY -> Map.of("x-api-key", key, "anthropic-version", "2023-06-01");
        case XI_API_KEY -> Map.of("xi-api-key", key);
      };
    }
  }

  private static final List<Profile> PROFILES = List.of(
      new Profile(ProviderKind.OPENAI, "OpenAI", URI.create("https://api.openai.com/v1"), AuthStyle.BEARER,
          "OPENAI_API_KEY", Optional.of(URI.create("https://status.openai.com/")), "/models"),
      new Profile(ProviderKind.ANTHROPIC, "Anthropic", URI.create("https://api.anthropic.com/v1"),
          AuthStyle.X_API_KEY, "ANTHROPIC_API_KEY", Optional.of(URI.create("https://status.anthropic.com/")),
          "/models"),
      new Profile(ProviderKind.ELEVENLABS, "ElevenLabs", URI.create("https://api.elevenlabs.io/v1"),
          AuthStyle.XI_API_KEY, "ELEVENLABS_API_KEY", Optional.of(URI.create("https://status.elevenlabs.io/")),
          "/user"),
      new Profile(ProviderKind.STABILITY, "Stability AI", URI.create("https://api.stability.ai"), AuthStyle.BEARER,
          "STABILITY_API_KEY", Optional.of(URI.create("https://status.stability.ai/")), "/v1/user/account"),
      new Profile(ProviderKind.REPLICATE, "Replicate", URI.create("https://api.replicate.com/v1"), AuthStyle.BEARER,
          "REPLICATE_API_TOKEN", Optional.of(URI.create("https://replicatestatus.com/")), "/account"),
      new Profile(ProviderKind.OPENAI_COMPATIBLE, "OpenAI-compatible", URI.create("http://localhost:11434/v1"),
          AuthStyle.BEARER, "", Optional.empty(), "/models"));

  private ProviderCatalogue() {}

  public static List<Profile> all() {
    return PROFILES;
  }

  public static Profile of(ProviderKind kind) {
    return PROFILES.stream().filter(p -> p.kind() == kind).findFirst().orElseThrow();
  }

  public static Profile of(Provider provider) {
    return of(provider.kind());
  }
}
