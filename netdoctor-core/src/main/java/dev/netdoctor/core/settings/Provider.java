package dev.netdoctor.core.settings;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of {@code Providers.<Name>}: seed 000's {@code TimeoutSeconds}, {@code UseStreaming},
 * {@code BaseUrl}, plus the netdoctor additions {@code Type}, {@code ApiKey}, {@code ApiKeyVariable} and
 * {@code Local} that custom and local OpenAI-compatible servers need.
 *
 * @param name the entry's name as written in the file ({@code OpenAI}, {@code MyOllama}); lookups ignore case
 * @param kind {@code Type}: which API it speaks; built-in names have theirs, custom entries default to
 *     {@link ProviderKind#OPENAI_COMPATIBLE}
 * @param baseUrl {@code BaseUrl}: where requests go, including the API version path ({@code .../v1})
 * @param timeout {@code TimeoutSeconds}: the whole-call budget for one request, default 30 s
 * @param useStreaming {@code UseStreaming}: ask for streamed (SSE) responses where the API offers them
 * @param apiKey {@code ApiKey}, else the environment variable {@link #apiKeyVariable()}; empty when neither
 * @param apiKeyVariable {@code ApiKeyVariable}: the environment variable read when {@code ApiKey} is absent;
 *     defaults to the vendor's ({@code OPENAI_API_KEY}, ...); empty string for none
 * @param local {@code Local}: a provider on this machine or network that offline mode keeps using; defaults to
 *     true when {@code BaseUrl} names a loopback host
 */
public record Provider(
    String name,
    ProviderKind kind,
    URI baseUrl,
    Duration timeout,
    boolean useStreaming,
    Optional<Secret> apiKey,
    String apiKeyVariable,
    boolean local) {

  /** {@code TimeoutSeconds} when the file does not set it (seed 000: "Increase from default 30"). */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  public Provider {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(apiKeyVariable, "apiKeyVariable");
  }

  /** The built-in entry for a vendor, before the settings file and the environment are applied. */
  public static Provider builtIn(ProviderKind kind) {
    String url;
    switch (kind) {
      case OPENAI: url = "https://api.openai.com/v1"; break;
      case ANTHROPIC: url = "https://api.anthropic.com/v1"; break;
      case ELEVENLABS: url = "https://api.elevenlabs.io/v1"; break;
      case STABILITY: url = "https://api.stability.ai"; break;
      case REPLICATE: url = "https://api.replicate.com/v1"; break;
      default: throw new IllegalArgumentException("no built-in entry for " + kind);
    }
    return new Provider(kind.settingsName(), kind, URI.create(url), DEFAULT_TIMEOUT, false, Optional.empty(),
        kind.conventionalKeyVariable(), false);
  }

  /** Whether {@code host} is a loopback name or address ({@code localhost}, {@code 127.0.0.0/8}, {@code ::1}). */
  public static boolean isLoopbackHost(String host) {
    if (host == null) return false;
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
    return h.equals("localhost") || h.endsWith(".localhost") || h.startsWith("127.") || h.equals("::1")
        || h.equals("0:0:0:0:0:0:0:1");
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds a {@link Provider}. A custom entry must be given a {@link #baseUrl(URI)}. */
  public static final class Builder {
    private final String name;
    private ProviderKind kind = ProviderKind.OPENAI_COMPATIBLE;
    private URI baseUrl;
    private Duration timeout = DEFAULT_TIMEOUT;
    private boolean useStreaming;
    private Optional<Secret> apiKey = Optional.empty();
    private String apiKeyVariable = "";
    private Boolean local;

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    private Builder(Provider p) {
      name = p.name;
      kind = p.kind;
      baseUrl = p.baseUrl;
      timeout = p.timeout;
      useStreaming = p.useStreaming;
      apiKey = p.apiKey;
      apiKeyVariable = p.apiKeyVariable;
      local = p.local;
    }

    public Builder kind(ProviderKind v) { kind = v; return this; }
    public Builder baseUrl(URI v) { baseUrl = v; return this; }
    public Builder timeout(Duration v) { timeout = v; return this; }
    public Builder useStreaming(boolean v) { useStreaming = v; return this; }
    public Builder apiKey(Optional<Secret> v) { apiKey = v; return this; }
    public Builder apiKeyVariable(String v) { apiKeyVariable = v; return this; }
    /** Sets {@code Local}; when never called, it follows whether the base URL is a loopback host. */
    public Builder local(boolean v) { local = v; return this; }

    public Provider build() {
      Objects.requireNonNull(baseUrl, () -> "provider " + name + " needs a baseUrl");
      boolean isLocal = local != null ? local : isLoopbackHost(baseUrl.getHost());
      return new Provider(name, kind, baseUrl, timeout, useStreaming, apiKey, apiKeyVariable, isLocal);
    }
  }
}
