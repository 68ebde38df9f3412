package dev.netdoctor.core.settings.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every key the settings file may hold, as a tree of sections. The spelling here is the canonical one (seed
 * 000's); lookups ignore case so that the binder can accept another case with a warning.
 */
final class Schema {
  /** A leaf: one key and its type. */
  record Key(String name, KeyType type) {}

  /** A section or map: fixed children, and optionally any other name (provider entries, log categories). */
  static final class Level {
    final String name;
    final Map<String, Object> children = new LinkedHashMap<>();
    /** Key or Level for names not among {@link #children}; null when only fixed names are allowed. */
    Object wildcard;
    /** What a wildcard entry is, for messages ("a provider's settings"). */
    String wildcardNoun;

    Level(String name) {
      this.name = name;
    }

    Level key(String name, KeyType type) {
      children.put(name, new Key(name, type));
      return this;
    }

    Level level(Level child) {
      children.put(child.name, child);
      return this;
    }

    /** The fixed child spelled {@code name} in any case. */
    Optional<Map.Entry<String, Object>> find(String name) {
      Object exact = children.get(name);
      if (exact != null) return Optional.of(Map.entry(name, exact));
      String lower = name.toLowerCase(Locale.ROOT);
      return children.entrySet().stream().filter(e -> e.getKey().toLowerCase(Locale.ROOT).equals(lower))
          .findFirst();
    }

    List<String> names() {
      return new ArrayList<>(children.keySet());
    }
  }

  static final Level ROOT = build();

  private Schema() {}

  private static Level build() {
    Level network = new Level("Network")
        .key("Timeout", KeyTypes.millis(1, 3_600_000))
        .key("RetryAttempts", KeyTypes.integer(0, 100))
        .key("RetryDelay", KeyTypes.millis(0, 3_600_000))
        .key("UseProxy", KeyTypes.bool())
        .key("ProxyUrl", KeyTypes.url(true, "http", "https", "socks5", "socks5h", "socks4", "socks4a", "socks"))
        .key("ProxyUsername", KeyTypes.string(true))
        .key("ProxyPassword", KeyTypes.secretString())
        .key("ProxyBypass", KeyTypes.list(KeyTypes.bypassEntry(), "host names, IP addresses or CIDR blocks"))
        .key("UseSystemProxy", KeyTypes.bool())
        .key("IgnoreSSLErrors", KeyTypes.bool())
        .key("CustomCertificatePath", KeyTypes.path())
        .key("MinimumTLSVersion", KeyTypes.tlsVersion())
        .key("AllowedTLSVersions", KeyTypes.list(KeyTypes.tlsVersion(), "TLS versions (TLS12, TLS13)"))
        .key("MaxConnectionsPerServer", KeyTypes.integer(1, 10_000))
        .key("ConnectionIdleTimeout", KeyTypes.millis(0, 86_400_000))
        .key("ConnectionLifetime", KeyTypes.millis(0, 604_800_000))
        .key("EnableConnectionReuse", KeyTypes.bool())
        .key("EnableHttp2", KeyTypes.bool())
        .key("PreferIPv4", KeyTypes.bool())
        .key("EnableCompression", KeyTypes.bool())
        .key("EnableCaching", KeyTypes.bool())
        .key("CacheDurationMinutes", KeyTypes.minutes(0, 525_600))
        .key("DnsServers", KeyTypes.list(KeyTypes.dnsServer(), "resolver addresses"));

    Level provider = new Level("<provider>")
        .key("Type", KeyTypes.providerKind())
        .key("BaseUrl", KeyTypes.url(false, "http", "https"))
        .key("TimeoutSeconds", KeyTypes.seconds(1, 86_400))
        .key("UseStreaming", KeyTypes.bool())
        .key("ApiKey", KeyTypes.secretString())
        .key("ApiKeyVariable", KeyTypes.environmentVariableName())
        .key("Local", KeyTypes.bool());
    Level providers = new Level("Providers")
        .key("EnableResponseCache", KeyTypes.bool())
        .key("CacheDirectory", KeyTypes.path())
        .key("EnableBatching", KeyTypes.bool())
        .key("MaxBatchSize", KeyTypes.integer(1, 10_000));
    providers.wildcard = provider;
    providers.wildcardNoun = "a provider's settings ({ \"BaseUrl\": ..., \"TimeoutSeconds\": ... })";

    Level breaker = new Level("CircuitBreaker")
        .key("Enabled", KeyTypes.bool())
        .key("FailureRateThreshold", KeyTypes.integer(1, 100))
        .key("SlidingWindowSize", KeyTypes.integer(1, 10_000))
        .key("MinimumCalls", KeyTypes.integer(1, 10_000))
        .key("OpenDuration", KeyTypes.millis(1, 86_400_000))
        .key("HalfOpenCalls", KeyTypes.integer(1, 1_000));
    Level fallbacks = new Level("Fallbacks");
    fallbacks.wildcard = new Key("<provider>", KeyTypes.name());
    fallbacks.wildcardNoun = "a provider name";
    Level resilience = new Level("Resilience")
        .key("EnableRetry", KeyTypes.bool())
        .key("MaxRetryAttempts", KeyTypes.integer(0, 100))
        .key("RetryDelay", KeyTypes.millis(0, 3_600_000))
        .key("BackoffMultiplier", KeyTypes.decimal(1, 10))
        .key("MaxRetryDelay", KeyTypes.millis(0, 86_400_000))
        .key("JitterFactor", KeyTypes.decimal(0, 1))
        .level(breaker)
        .level(fallbacks);

    Level rateLimiting = new Level("RateLimiting")
        .key("MaxConcurrentRequests", KeyTypes.integer(1, 10_000))
        .key("QueueLimit", KeyTypes.integer(0, 1_000_000));
    Level offline = new Level("OfflineMode")
        .key("Enabled", KeyTypes.bool())
        .key("UseLocalProvidersOnly", KeyTypes.bool())
        .key("CacheRemoteResponses", KeyTypes.bool());
    Level logLevel = new Level("LogLevel");
    logLevel.wildcard = new Key("<category>", KeyTypes.logLevel());
    logLevel.wildcardNoun = "a log level";
    Level logging = new Level("Logging").level(logLevel);
    Level assets = new Level("Assets")
        .key("UseCDN", KeyTypes.bool())
        .key("CacheLocally", KeyTypes.bool());
    Level backend = new Level("Backend").key("BaseUrl", KeyTypes.url(false, "http", "https"));
    Level cors = new Level("Cors")
        .key("AllowedOrigins", KeyTypes.list(KeyTypes.origin(), "origins"));
    Level tools = new Level("Tools").key("FFmpegPath", KeyTypes.path());

    return new Level("")
        .level(network).level(providers).level(resilience).level(rateLimiting).level(offline).level(logging)
        .level(assets).level(backend).level(cors).level(tools);
  }
}
