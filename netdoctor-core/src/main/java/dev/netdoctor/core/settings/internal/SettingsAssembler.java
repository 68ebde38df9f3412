package dev.netdoctor.core.settings.internal;

import dev.netdoctor.core.settings.Assets;
import dev.netdoctor.core.settings.Backend;
import dev.netdoctor.core.settings.CircuitBreaker;
import dev.netdoctor.core.settings.Cors;
import dev.netdoctor.core.settings.LogLevel;
import dev.netdoctor.core.settings.Logging;
import dev.netdoctor.core.settings.Network;
import dev.netdoctor.core.settings.OfflineMode;
import dev.netdoctor.core.settings.Provider;
import dev.netdoctor.core.settings.ProviderKind;
import dev.netdoctor.core.settings.Providers;
import dev.netdoctor.core.settings.RateLimiting;
import dev.netdoctor.core.settings.Resilience;
import dev.netdoctor.core.settings.Secret;
import dev.netdoctor.core.settings.Settings;
import dev.netdoctor.core.settings.TlsVersion;
import dev.netdoctor.core.settings.Tools;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns {@link Bindings} into {@link Settings}: defaults for every key no source set, credentials moved out of
 * {@code ProxyUrl}, API keys from their conventional variables, and the checks that span keys ({@code UseProxy}
 * without {@code ProxyUrl}, TLS minimum above every allowed version, a custom provider without {@code BaseUrl},
 * fallbacks naming no provider, insecure switches).
 */
final class SettingsAssembler {
  private final Bindings b;
  private final Path userHome;

  SettingsAssembler(Bindings bindings, Path userHome) {
    this.b = bindings;
    this.userHome = userHome;
  }

  /**
   * The settings from everything bound, with defaults for the rest. Problems found here (rules that span keys)
   * are added to the bindings; the caller decides whether to throw.
   */
  Settings assemble(Map<String, String> environment) {
    Network network = network();
    Providers providers = providers(environment, network.timeout());
    Resilience resilience = resilience(providers);
    Settings settings = Settings.builder(userHome)
        .network(network)
        .providers(providers)
        .resilience(resilience)
        .rateLimiting(new RateLimiting(b.get("RateLimiting.MaxConcurrentRequests", 5), b.get("RateLimiting.QueueLimit", 20)))
        .offlineMode(new OfflineMode(b.get("OfflineMode.Enabled", false), b.get("OfflineMode.UseLocalProvidersOnly", true),
            b.get("OfflineMode.CacheRemoteResponses", false)))
        .logging(logging())
        .assets(new Assets(b.get("Assets.UseCDN", false), b.get("Assets.CacheLocally", true)))
        .backend(new Backend(b.get("Backend.BaseUrl", Backend.defaults().baseUrl())))
        .cors(new Cors(b.get("Cors.AllowedOrigins", Cors.defaults().allowedOrigins())))
        .tools(new Tools(b.optional("Tools.FFmpegPath", Optional.empty())))
        .build();
    return settings;
  }

  private Network network() {
    Network d = Network.defaults();
    Optional<URI> proxyUrl = b.optional("Network.ProxyUrl", d.proxyUrl());
    Optional<String> username = b.optional("Network.ProxyUsername", d.proxyUsername());
    Optional<Secret> password = b.optional("Network.ProxyPassword", d.proxyPassword());
    if (proxyUrl.isPresent() && proxyUrl.get().getRawUserInfo() != null) {
      String info = proxyUrl.get().getRawUserInfo();
      int colon = info.indexOf(':');
      String user = decode(colon < 0 ? info : info.substring(0, colon));
      String pass = colon < 0 ? "" : decode(info.substring(colon + 1));
      String from = b.origin("Network.ProxyUrl").describe();
      if (username.isEmpty() && !user.isEmpty()) {
        username = Optional.of(user);
        b.derivedSources.put("Network.ProxyUsername", from);
      }
      if (password.isEmpty() && !pass.isEmpty()) {
        password = Optional.of(Secret.of(pass));
        b.derivedSources.put("Network.ProxyPassword", from);
      }
      proxyUrl = Optional.of(withoutUserInfo(proxyUrl.get()));
    }
    boolean useProxy = b.get("Network.UseProxy", d.useProxy());
    if (useProxy && proxyUrl.isEmpty()) {
      b.error(b.originOf("Network.UseProxy", "Network.ProxyUrl"), "Network.UseProxy",
          "UseProxy is true but Network.ProxyUrl is not set", "CFG005", "malformed-url");
    }
    if (password.isPresent() && username.isEmpty()) {
      b.warn(b.origin("Network.ProxyPassword"), "Network.ProxyPassword",
          "ProxyPassword is set but ProxyUsername is not; the password is not sent", "CFG005", "malformed-url");
    }
    boolean ignoreSsl = b.get("Network.IgnoreSSLErrors", d.ignoreSslErrors());
    if (ignoreSsl) {
      b.warn(b.origin("Network.IgnoreSSLErrors"), "Network.IgnoreSSLErrors",
          "certificate checks are OFF: any server, an attacker's included, is trusted. Use only to debug;"
              + " add the certificate with CustomCertificatePath instead", "CFG003", "ignore-ssl-errors");
    }
    TlsVersion minimum = b.get("Network.MinimumTLSVersion", d.minimumTlsVersion());
    List<TlsVersion> allowed = b.get("Network.AllowedTLSVersions", d.allowedTlsVersions());
    if (allowed.isEmpty()) {
      b.valueError(b.origin("Network.AllowedTLSVersions"), "Network.AllowedTLSVersions",
          "expected at least one TLS version, got an empty list");
    } else if (allowed.stream().noneMatch(v -> v.atLeast(minimum))) {
      b.valueError(b.originOf("Network.MinimumTLSVersion", "Network.AllowedTLSVersions"), "Network.MinimumTLSVersion",
          minimum.settingsName() + " is above every version in Network.AllowedTLSVersions ("
              + String.join(", ", allowed.stream().map(TlsVersion::settingsName).toList())
              + "); no connection could be made");
    }
    boolean weak = minimum.compareTo(TlsVersion.TLS12) < 0;
    if (weak) {
      b.warn(b.origin("Network.MinimumTLSVersion"), "Network.MinimumTLSVersion",
          minimum.settingsName() + " is obsolete and disabled by current JDKs and providers; use TLS12",
          "CFG006", "min-version-too-low");
    }
    return Network.builder()
        .timeout(b.get("Network.Timeout", d.timeout()))
        .retryAttempts(b.get("Network.RetryAttempts", d.retryAttempts()))
        .retryDelay(b.get("Network.RetryDelay", d.retryDelay()))
        .useProxy(useProxy)
        .proxyUrl(proxyUrl)
        .proxyUsername(username)
        .proxyPassword(password)
        .proxyBypass(b.get("Network.ProxyBypass", d.proxyBypass()))
        .useSystemProxy(b.get("Network.UseSystemProxy", d.useSystemProxy()))
        .ignoreSslErrors(ignoreSsl)
        .customCertificatePath(b.optional("Network.CustomCertificatePath", d.customCertificatePath()))
        .minimumTlsVersion(minimum)
        .allowedTlsVersions(allowed)
        .maxConnectionsPerServer(b.get("Network.MaxConnectionsPerServer", d.maxConnectionsPerServer()))
        .connectionIdleTimeout(b.get("Network.ConnectionIdleTimeout", d.connectionIdleTimeout()))
        .connectionLifetime(b.get("Network.ConnectionLifetime", d.connectionLifetime()))
        .enableConnectionReuse(b.get("Network.EnableConnectionReuse", d.enableConnectionReuse()))
        .enableHttp2(b.get("Network.EnableHttp2", d.enableHttp2()))
        .preferIpv4(b.get("Network.PreferIPv4", d.preferIpv4()))
        .enableCompression(b.get("Network.EnableCompression", d.enableCompression()))
        .enableCaching(b.get("Network.EnableCaching", d.enableCaching()))
        .cacheDuration(b.get("Network.CacheDurationMinutes", d.cacheDuration()))
        .dnsServers(b.get("Network.DnsServers", d.dnsServers()))
        .build();
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static URI withoutUserInfo(URI uri) {
    try {
      return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(),
          uri.getFragment());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e); // parts of a valid URI
    }
  }

  private Providers providers(Map<String, String> environment, java.time.Duration networkTimeout) {
    Providers.Builder builder = Providers.builder(userHome)
        .enableResponseCache(b.get("Providers.EnableResponseCache", false))
        .enableBatching(b.get("Providers.EnableBatching", false))
        .maxBatchSize(b.get("Providers.MaxBatchSize", 10));
    Path cacheDir = b.get("Providers.CacheDirectory", null);
    if (cacheDir != null) builder.cacheDirectory(cacheDir);
    for (String name : b.providerNames.values()) {
      String p = "Providers." + name + ".";
      Optional<ProviderKind> builtIn = ProviderKind.parse(name)
          .filter(k -> k != ProviderKind.OPENAI_COMPATIBLE && k.settingsName().equals(name));
      Provider base = builtIn.map(Provider::builtIn).orElse(null);
      URI baseUrl = b.get(p + "BaseUrl", base == null ? null : base.baseUrl());
      if (baseUrl == null) {
        b.error(b.providerOrigins.getOrDefault(name, Bindings.DEFAULT), "Providers." + name,
            "a provider that is not built in needs BaseUrl (e.g. \"http://localhost:11434/v1\")", "CFG001", "missing");
        continue;
      }
      ProviderKind kind = b.get(p + "Type", builtIn.orElse(ProviderKind.OPENAI_COMPATIBLE));
      String variable = b.get(p + "ApiKeyVariable", kind.conventionalKeyVariable());
      Optional<Secret> key = b.optional(p + "ApiKey", Optional.empty());
      if (key.isEmpty() && !variable.isEmpty()) {
        String fromEnv = environment.get(variable);
        if (fromEnv != null && !fromEnv.isBlank()) {
          key = Optional.of(Secret.of(fromEnv.trim()));
          b.derivedSources.put(p + "ApiKey", "environment variable " + variable);
        }
      }
      Provider.Builder pb = Provider.builder(name)
          .kind(kind)
          .baseUrl(baseUrl)
          .timeout(b.get(p + "TimeoutSeconds", providerDefaultTimeout(networkTimeout)))
          .useStreaming(b.get(p + "UseStreaming", false))
          .apiKey(key)
          .apiKeyVariable(variable);
      Boolean local = b.get(p + "Local", null);
      if (local != null) pb.local(local);
      builder.put(pb.build());
    }
    return builder.build();
  }

  /**
   * A provider without its own {@code TimeoutSeconds} inherits {@code Network.Timeout} (milliseconds, rounded up to
   * whole seconds), as docs/settings.md promises; with neither set it is the seed's 30 s.
   */
  private static java.time.Duration providerDefaultTimeout(java.time.Duration networkTimeout) {
    long seconds = Math.max(1, (networkTimeout.toMillis() + 999) / 1000);
    return java.time.Duration.ofSeconds(seconds);
  }

  private Resilience resilience(Providers providers) {
    Resilience d = Resilience.defaults();
    CircuitBreaker cb = CircuitBreaker.defaults();
    String c = "Resilience.CircuitBreaker.";
    cb = new CircuitBreaker(b.get(c + "Enabled", cb.enabled()), b.get(c + "FailureRateThreshold", cb.failureRateThreshold()),
        b.get(c + "SlidingWindowSize", cb.slidingWindowSize()), b.get(c + "MinimumCalls", cb.minimumCalls()),
        b.get(c + "OpenDuration", cb.openDuration()), b.get(c + "HalfOpenCalls", cb.halfOpenCalls()));
    Map<String, String> fallbacks = new LinkedHashMap<>();
    Set<String> fromSeen = new HashSet<>();
    for (Map.Entry<String, Bindings.Assigned> e : b.values.entrySet()) {
      if (!e.getKey().startsWith("Resilience.Fallbacks.") || e.getValue().value() == KeyType.UNSET) continue;
      String from = e.getKey().substring("Resilience.Fallbacks.".length());
      String to = (String) e.getValue().value();
      Optional<String> fromName = providers.find(from).map(Provider::name);
      Optional<String> toName = providers.find(to).map(Provider::name);
      if (fromName.isEmpty()) {
        b.valueError(e.getValue().origin(), e.getKey(), "no provider named " + from + " in Providers");
      } else if (toName.isEmpty()) {
        b.valueError(e.getValue().origin(), e.getKey(), "fallback " + KeyType.echo(to) + " is not a provider in Providers");
      } else if (fromName.get().equals(toName.get())) {
        b.valueError(e.getValue().origin(), e.getKey(), "a provider cannot be its own fallback");
      } else if (fromSeen.add(fromName.get())) {
        fallbacks.put(fromName.get(), toName.get());
      }
    }
    // Network.RetryAttempts/RetryDelay are the seed's other spelling of the same policy: they apply when the
    // Resilience keys are not set by any source, so there is one retry layer and both spellings work.
    Duration retryDelay = b.get("Resilience.RetryDelay", b.get("Network.RetryDelay", d.retryDelay()));
    int maxRetryAttempts = b.get("Resilience.MaxRetryAttempts", b.get("Network.RetryAttempts", d.maxRetryAttempts()));
    Duration maxRetryDelay = b.get("Resilience.MaxRetryDelay", d.maxRetryDelay());
    if (maxRetryDelay.compareTo(retryDelay) < 0) {
      b.warn(b.originOf("Resilience.MaxRetryDelay", "Resilience.RetryDelay"), "Resilience.MaxRetryDelay",
          "MaxRetryDelay is below RetryDelay; every retry waits MaxRetryDelay", "CFG004", "bad-value");
    }
    return Resilience.builder()
        .enableRetry(b.get("Resilience.EnableRetry", d.enableRetry()))
        .maxRetryAttempts(maxRetryAttempts)
        .retryDelay(retryDelay)
        .backoffMultiplier(b.get("Resilience.BackoffMultiplier", d.backoffMultiplier()))
        .maxRetryDelay(maxRetryDelay)
        .jitterFactor(b.get("Resilience.JitterFactor", d.jitterFactor()))
        .circuitBreaker(cb)
        .fallbacks(fallbacks)
        .build();
  }

  private Logging logging() {
    Map<String, LogLevel> levels = new LinkedHashMap<>();
    boolean any = false;
    for (Map.Entry<String, Bindings.Assigned> e : b.values.entrySet()) {
      if (e.getKey().startsWith("Logging.LogLevel.") && e.getValue().value() instanceof LogLevel level) {
        levels.put(e.getKey().substring("Logging.LogLevel.".length()), level);
        any = true;
      }
    }
    if (!any) return Logging.defaults();
    levels.putIfAbsent(Logging.DEFAULT_CATEGORY, LogLevel.INFORMATION);
    return new Logging(levels);
  }
}
