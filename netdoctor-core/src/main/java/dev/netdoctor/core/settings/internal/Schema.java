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
        .key("Timeout", KeyType.millis(1, 3_600_000))
        .key("RetryAttempts", KeyType.integer(0, 100))
        .key("RetryDelay", KeyType.millis(0, 3_600_000))
        .key("UseProxy", KeyType.bool())
        .key("ProxyUrl", KeyType.url(true, "http", "https", "socks5"))
        .key("ProxyUsername", KeyType.string(true))
        .key("ProxyPassword", KeyType.secretString())
        .key("ProxyBypass", KeyType.list(KeyType.bypassEntry(), "host names, IP addresses or CIDR blocks"))
        .key("UseSystemProxy", KeyType.bool())
        .key("IgnoreSSLErrors", KeyType.bool())
        .key("CustomCertificatePath", KeyType.path())
        .key("MinimumTLSVersion", KeyType.tlsVersion())
        .key("AllowedTLSVersions", KeyType.list(KeyType.tlsVersion(), "TLS versions (TLS12, TLS13)"))
        .key("MaxConnectionsPerServer", KeyType.integer(1, 10_000))
        .key("ConnectionIdleTimeout", KeyType.millis(0, 86_400_000))
        .key("ConnectionLifetime", KeyType.millis(0, 604_800_000))
        .key("EnableConnectionReuse", KeyType.bool())
        .key("EnableHttp2", KeyType.bool())
        .key("PreferIPv4", KeyType.bool())
        .key("EnableCompression", KeyType.bool())
        .key("EnableCaching", KeyType.bool())
        .key("CacheDurationMinutes", KeyType.minutes(0, 525_600))
        .key("DnsServers", KeyType.list(KeyType.dnsServer(), "resolver addresses"));

    Level provider = new Level("<provider>")
        .key("Type", KeyType.providerKind())
        .key("BaseUrl", KeyType.url(false, "http", "https"))
        .key("TimeoutSeconds", KeyType.seconds(1, 86_400))
        .key("UseStreaming", KeyType.bool())
        .key("ApiKey", KeyType.secretString())
        .key("ApiKeyVariable", KeyType.environmentVariableName())
        .key("Local", KeyType.bool());
    Level providers = new Level("Providers")
        .key("EnableResponseCache", KeyType.bool())
        .key("CacheDirectory", KeyType.path())
        .key("EnableBatching", KeyType.bool())
        .key("MaxBatchSize", KeyType.integer(1, 10_000));
    providers.wildcard = provider;
    providers.wildcardNoun = "a provider's settings ({ \"BaseUrl\": ..., \"TimeoutSeconds\": ... })";

    Level breaker = new Level("CircuitBreaker")
        .key("Enabled", KeyType.bool())
        .key("FailureRateThreshold", KeyType.integer(1, 100))
        .key("SlidingWindowSize", KeyType.integer(1, 10_000))
        .key("MinimumCalls", KeyType.integer(1, 10_000))
        .key("OpenDuration", KeyType.millis(1, 86_400_000))
        .key("HalfOpenCalls", KeyType.integer(1, 1_000));
    Level fallbacks = new Level("Fallbacks");
    fallbacks.wildcard = new Key("<provider>", KeyType.name());
    fallbacks.wildcardNoun = "a provider name";
    Level resilience = new Level("Resilience")
        .key("EnableRetry", KeyType.bool())
        .key("MaxRetryAttempts", KeyType.integer(0, 100))
        .key("RetryDelay", KeyType.millis(0, 3_600_000))
        .key("BackoffMultiplier", KeyType.decimal(1, 10))
        .key("MaxRetryDelay", KeyType.millis(0, 86_400_000))
        .key("JitterFactor", KeyType.decimal(0, 1))
        .level(breaker)
        .level(fallbacks);

    Level rateLimiting = new Level("RateLimiting")
        .key("MaxConcurrentRequests", KeyType.integer(1, 10_000))
        .key("QueueLimit", KeyType.integer(0, 1_000_000));
    Level offline = new Level("OfflineMode")
        .key("Enabled", KeyType.bool())
        .key("UseLocalProvidersOnly", KeyType.bool())
        .key("CacheRemoteResponses", KeyType.bool());
    Level logLevel = new Level("LogLevel");
    logLevel.wildcard = new Key("<category>", KeyType.logLevel());
    logLevel.wildcardNoun = "a log level";
    Level logging = new Level("Logging").level(logLevel);
    Level assets = new Level("Assets")
        .key("UseCDN", KeyType.bool())
        .key("CacheLocally", KeyType.bool());
    Level backend = new Level("Backend").key("BaseUrl", KeyType.url(false, "http", "https"));
    Level cors = new Level("Cors")
        .key("AllowedOrigins", KeyType.list(KeyType.origin(), "origins"));
    Level tools = new Level("Tools").key("FFmpegPath", KeyType.path());

    return new Level("")
        .level(network).level(providers).level(resilience).level(rateLimiting).level(offline).level(logging)
        .level(assets).level(backend).level(cors).level(tools);
  }
}
