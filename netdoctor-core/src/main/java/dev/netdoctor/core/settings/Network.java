package dev.netdoctor.core.settings;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code Network} section of seed 000: timeouts, proxy, TLS, connection pool, caching.
 *
 * <p>The file keeps the seed's units (milliseconds for {@code Timeout}, {@code RetryDelay},
 * {@code ConnectionIdleTimeout}, {@code ConnectionLifetime}; minutes for {@code CacheDurationMinutes}); this
 * record holds them as {@link Duration}s. Every component is non-null; "not set" is an empty {@link Optional}.
 * {@link #proxyUrl()} never carries user information: credentials written into the URL are moved into
 * {@link #proxyUsername()} and {@link #proxyPassword()} by the loader.
 *
 * @param timeout {@code Timeout}: the whole-request timeout, default 30 s
 * @param retryAttempts {@code RetryAttempts}: default 3. The loader copies it into
 *     {@link Resilience#maxRetryAttempts()} when no source sets that key; retry with {@link Resilience}, not this
 * @param retryDelay {@code RetryDelay}: default 1 s; copied into {@link Resilience#retryDelay()} likewise
 * @param useProxy {@code UseProxy}: use {@link #proxyUrl()} for every request not bypassed
 * @param proxyUrl {@code ProxyUrl}: {@code http}, {@code https} or SOCKS ({@code socks5}, {@code socks5h}, {@code socks4}, {@code socks4a}, {@code socks} = SOCKS5) URL of the proxy
 * @param proxyUsername {@code ProxyUsername}
 * @param proxyPassword {@code ProxyPassword}
 * @param proxyBypass {@code ProxyBypass}: hosts reached directly, {@code NO_PROXY} syntax, default loopback
 * @param useSystemProxy {@code UseSystemProxy}: honour the JDK's {@code http(s).proxyHost} properties
 * @param ignoreSslErrors {@code IgnoreSSLErrors}: accept any certificate (insecure; warned about)
 * @param customCertificatePath {@code CustomCertificatePath}: a PEM/DER certificate added to the default trust
 * @param minimumTlsVersion {@code MinimumTLSVersion}: default {@link TlsVersion#TLS12}
 * @param allowedTlsVersions {@code AllowedTLSVersions}: default TLS12 and TLS13
 * @param maxConnectionsPerServer {@code MaxConnectionsPerServer}: default 10
 * @param connectionIdleTimeout {@code ConnectionIdleTimeout}: default 90 s
 * @param connectionLifetime {@code ConnectionLifetime}: default 10 min
 * @param enableConnectionReuse {@code EnableConnectionReuse}: default true
 * @param enableHttp2 {@code EnableHttp2}: default true
 * @param preferIpv4 {@code PreferIPv4}: try IPv4 addresses first, default false
 * @param enableCompression {@code EnableCompression}: default true
 * @param enableCaching {@code EnableCaching}: HTTP caching of cacheable GETs, default false
 * @param cacheDuration {@code CacheDurationMinutes}: default 60 min
 * @param dnsServers {@code DnsServers} (netdoctor addition): extra resolvers ({@code ip} or {@code ip:port}) the
 *     probe queries besides the system's, default none
 */
public record Network(
    Duration timeout,
    int retryAttempts,
    Duration retryDelay,
    boolean useProxy,
    Optional<URI> proxyUrl,
    Optional<String> proxyUsername,
    Optional<Secret> proxyPassword,
    List<String> proxyBypass,
    boolean useSystemProxy,
    boolean ignoreSslErrors,
    Optional<Path> customCertificatePath,
    TlsVersion minimumTlsVersion,
    List<TlsVersion> allowedTlsVersions,
    int maxConnectionsPerServer,
    Duration connectionIdleTimeout,
    Duration connectionLifetime,
    boolean enableConnectionReuse,
    boolean enableHttp2,
    boolean preferIpv4,
    boolean enableCompression,
    boolean enableCaching,
    Duration cacheDuration,
    List<String> dnsServers) {

  private static final Network DEFAULTS = new Builder().build();

  public Network {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(retryDelay, "retryDelay");
    Objects.requireNonNull(proxyUrl, "proxyUrl");
    Objects.requireNonNull(proxyUsername, "proxyUsername");
    Objects.requireNonNull(proxyPassword, "proxyPassword");
    proxyBypass = List.copyOf(proxyBypass);
    Objects.requireNonNull(customCertificatePath, "customCertificatePath");
    Objects.requireNonNull(minimumTlsVersion, "minimumTlsVersion");
    allowedTlsVersions = List.copyOf(allowedTlsVersions);
    Objects.requireNonNull(connectionIdleTimeout, "connectionIdleTimeout");
    Objects.requireNonNull(connectionLifetime, "connectionLifetime");
    Objects.requireNonNull(cacheDuration, "cacheDuration");
    dnsServers = List.copyOf(dnsServers);
    if (proxyUrl.isPresent() && proxyUrl.get().getUserInfo() != null) {
      throw new IllegalArgumentException("proxyUrl must not carry credentials; use proxyUsername/proxyPassword");
    }
  }

  /** Seed 000's defaults. */
  public static Network defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * The TLS versions that may be negotiated: {@link #allowedTlsVersions()} without those below
   * {@link #minimumTlsVersion()}, oldest first.
   */
  public List<TlsVersion> effectiveTlsVersions() {
    return allowedTlsVersions.stream().filter(v -> v.atLeast(minimumTlsVersion)).sorted().distinct().toList();
  }

  /** Builds a {@link Network}; starts from the defaults. */
  public static final class Builder {
    private Duration timeout = Duration.ofMillis(30_000);
    private int retryAttempts = 3;
    private Duration retryDelay = Duration.ofMillis(1_000);
    private boolean useProxy = false;
    private Optional<URI> proxyUrl = Optional.empty();
    private Optional<String> proxyUsername = Optional.empty();
    private Optional<Secret> proxyPassword = Optional.empty();
    private List<String> proxyBypass = List.of("localhost", "127.0.0.1", "::1");
    private boolean useSystemProxy = false;
    private boolean ignoreSslErrors = false;
    private Optional<Path> customCertificatePath = Optional.empty();
    private TlsVersion minimumTlsVersion = TlsVersion.TLS12;
    private List<TlsVersion> allowedTlsVersions = List.of(TlsVersion.TLS12, TlsVersion.TLS13);
    private int maxConnectionsPerServer = 10;
    private Duration connectionIdleTimeout = Duration.ofMillis(90_000);
    private Duration connectionLifetime = Duration.ofMillis(600_000);
    private boolean enableConnectionReuse = true;
    private boolean enableHttp2 = true;
    private boolean preferIpv4 = false;
    private boolean enableCompression = true;
    private boolean enableCaching = false;
    private Duration cacheDuration = Duration.ofMinutes(60);
    private List<String> dnsServers = List.of();

    private Builder() {}

    private Builder(Network n) {
      timeout = n.timeout;
      retryAttempts = n.retryAttempts;
      retryDelay = n.retryDelay;
      useProxy = n.useProxy;
      proxyUrl = n.proxyUrl;
      proxyUsername = n.proxyUsername;
      proxyPassword = n.proxyPassword;
      proxyBypass = n.proxyBypass;
      useSystemProxy = n.useSystemProxy;
      ignoreSslErrors = n.ignoreSslErrors;
      customCertificatePath = n.customCertificatePath;
      minimumTlsVersion = n.minimumTlsVersion;
      allowedTlsVersions = n.allowedTlsVersions;
      maxConnectionsPerServer = n.maxConnectionsPerServer;
      connectionIdleTimeout = n.connectionIdleTimeout;
      connectionLifetime = n.connectionLifetime;
      enableConnectionReuse = n.enableConnectionReuse;
      enableHttp2 = n.enableHttp2;
      preferIpv4 = n.preferIpv4;
      enableCompression = n.enableCompression;
      enableCaching = n.enableCaching;
      cacheDuration = n.cacheDuration;
      dnsServers = n.dnsServers;
    }

    public Builder timeout(Duration v) { timeout = v; return this; }
    public Builder retryAttempts(int v) { retryAttempts = v; return this; }
    public Builder retryDelay(Duration v) { retryDelay = v; return this; }
    public Builder useProxy(boolean v) { useProxy = v; return this; }
    public Builder proxyUrl(Optional<URI> v) { proxyUrl = v; return this; }
    public Builder proxyUsername(Optional<String> v) { proxyUsername = v; return this; }
    public Builder proxyPassword(Optional<Secret> v) { proxyPassword = v; return this; }
    public Builder proxyBypass(List<String> v) { proxyBypass = v; return this; }
    public Builder useSystemProxy(boolean v) { useSystemProxy = v; return this; }
    public Builder ignoreSslErrors(boolean v) { ignoreSslErrors = v; return this; }
    public Builder customCertificatePath(Optional<Path> v) { customCertificatePath = v; return this; }
    public Builder minimumTlsVersion(TlsVersion v) { minimumTlsVersion = v; return this; }
    public Builder allowedTlsVersions(List<TlsVersion> v) { allowedTlsVersions = v; return this; }
    public Builder maxConnectionsPerServer(int v) { maxConnectionsPerServer = v; return this; }
    public Builder connectionIdleTimeout(Duration v) { connectionIdleTimeout = v; return this; }
    public Builder connectionLifetime(Duration v) { connectionLifetime = v; return this; }
    public Builder enableConnectionReuse(boolean v) { enableConnectionReuse = v; return this; }
    public Builder enableHttp2(boolean v) { enableHttp2 = v; return this; }
    public Builder preferIpv4(boolean v) { preferIpv4 = v; return this; }
    public Builder enableCompression(boolean v) { enableCompression = v; return this; }
    public Builder enableCaching(boolean v) { enableCaching = v; return this; }
    public Builder cacheDuration(Duration v) { cacheDuration = v; return this; }
    public Builder dnsServers(List<String> v) { dnsServers = v; return this; }

    public Network build() {
      return new Network(timeout, retryAttempts, retryDelay, useProxy, proxyUrl, proxyUsername, proxyPassword,
          proxyBypass, useSystemProxy, ignoreSslErrors, customCertificatePath, minimumTlsVersion,
          allowedTlsVersions, maxConnectionsPerServer, connectionIdleTimeout, connectionLifetime,
          enableConnectionReuse, enableHttp2, preferIpv4, enableCompression, enableCaching, cacheDuration,
          dnsServers);
    }
  }
}
