package dev.netdoctor.probe;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.X509TrustManager;

/**
 * How to run the checks, beyond what the settings say: curl-like overrides for {@code netdoctor probe}, the
 * per-step ceilings, and extra measurements. Immutable; build with {@link #builder()}.
 *
 * @param budget the one time budget of a run (default 10 s)
 * @param families the address families to try ({@code -4}/{@code -6} narrow it)
 * @param resolve curl's {@code --resolve}: {@code host:port} → address; the name is kept for SNI and verification
 * @param extraResolvers resolvers to query directly besides the system's configuration
 * @param proxy a proxy that replaces what settings and environment decide ({@code --proxy}); {@code
 *     URI.create("direct:")} forces direct
 * @param trust the trust manager that replaces the JVM's ({@code --cacert}, tests)
 * @param insecure accept any certificate (reported as such, never silently)
 * @param dnsTimeout ceiling for one DNS query
 * @param connectTimeout ceiling for one TCP connect
 * @param tlsTimeout ceiling for one TLS handshake
 * @param httpTimeout ceiling for one HTTP exchange
 * @param latencySamples how many connects the latency check times (0 turns it off)
 * @param latencyThreshold a median connect time above this is NET016/high-latency (default 500 ms)
 * @param downloadUrl a URL whose body the throughput check downloads (empty: download not measured, and said so)
 * @param uploadUrl a URL that accepts a POST the throughput check uploads to (empty: upload not measured)
 * @param path whether to run the path check (tracepath/traceroute/mtr)
 * @param only the check names to run (empty: all)
 * @param cors the cross-origin request whose preflight the CORS check sends (default {@link CorsRequest#DEFAULT})
 */
public record ProbeOptions(
    Duration budget,
    Set<IpFamily> families,
    Map<String, InetAddress> resolve,
    List<InetSocketAddress> extraResolvers,
    Optional<URI> proxy,
    Optional<X509TrustManager> trust,
    boolean insecure,
    Duration dnsTimeout,
    Duration connectTimeout,
    Duration tlsTimeout,
    Duration httpTimeout,
    int latencySamples,
    Duration latencyThreshold,
    Optional<URI> downloadUrl,
    Optional<URI> uploadUrl,
    boolean path,
    Set<String> only,
    CorsRequest cors) {

  public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(10);

  public ProbeOptions {
    families = Set.copyOf(families);
    resolve = Map.copyOf(resolve);
    extraResolvers = List.copyOf(extraResolvers);
    only = Set.copyOf(only);
    if (families.isEmpty()) throw new IllegalArgumentException("at least one address family");
    if (latencySamples < 0) throw new IllegalArgumentException("latencySamples must not be negative");
    if (latencyThreshold.isNegative()) throw new IllegalArgumentException("latencyThreshold must not be negative");
    java.util.Objects.requireNonNull(cors, "cors");
  }

  public static ProbeOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * A trust manager over exactly the certificates of a PEM or DER file (curl's {@code --cacert}).
   *
   * @throws java.io.IOException when the file cannot be read
   * @throws java.security.GeneralSecurityException when it holds no certificate
   */
  public static X509TrustManager trustFromFile(java.nio.file.Path file)
      throws java.io.IOException, java.security.GeneralSecurityException {
    return dev.netdoctor.probe.internal.TrustSupport.fromFile(file);
  }

  /** Whether check {@code name} should run. */
  public boolean wants(String name) {
    return only.isEmpty() || only.contains(name);
  }

  /** The {@code --resolve} address for this host and port, if any. */
  public Optional<InetAddress> resolved(String host, int port) {
    return Optional.ofNullable(resolve.get(host.toLowerCase(java.util.Locale.ROOT) + ":" + port));
  }

  /** Builds {@link ProbeOptions}. */
  public static final class Builder {
    private Duration budget = DEFAULT_BUDGET;
    private Set<IpFamily> families = Set.of(IpFamily.IPV4, IpFamily.IPV6);
    private final Map<String, InetAddress> resolve = new LinkedHashMap<>();
    private final List<InetSocketAddress> extraResolvers = new ArrayList<>();
    private Optional<URI> proxy = Optional.empty();
    private Optional<X509TrustManager> trust = Optional.empty();
    private boolean insecure;
    private Duration dnsTimeout = Duration.ofMillis(2000);
    private Duration connectTimeout = Duration.ofMillis(2500);
    private Duration tlsTimeout = Duration.ofMillis(3000);
    private Duration httpTimeout = Duration.ofMillis(4000);
    private int latencySamples = 5;
    private Duration latencyThreshold = Duration.ofMillis(500);
    private Optional<URI> downloadUrl = Optional.empty();
    private Optional<URI> uploadUrl = Optional.empty();
    private boolean path = true;
    private Set<String> only = Set.of();
    private CorsRequest cors = CorsRequest.DEFAULT;

    private Builder() {}

    private Builder(ProbeOptions o) {
      budget = o.budget;
      families = o.families;
      resolve.putAll(o.resolve);
      extraResolvers.addAll(o.extraResolvers);
      proxy = o.proxy;
      trust = o.trust;
      insecure = o.insecure;
      dnsTimeout = o.dnsTimeout;
      connectTimeout = o.connectTimeout;
      tlsTimeout = o.tlsTimeout;
      httpTimeout = o.httpTimeout;
      latencySamples = o.latencySamples;
      latencyThreshold = o.latencyThreshold;
      downloadUrl = o.downloadUrl;
      uploadUrl = o.uploadUrl;
      path = o.path;
      only = o.only;
      cors = o.cors;
    }

    public Builder budget(Duration v) { budget = v; return this; }
    public Builder families(Set<IpFamily> v) { families = v; return this; }
    /** curl's {@code --resolve host:port:address}. */
    public Builder resolve(String host, int port, InetAddress address) {
      resolve.put(host.toLowerCase(java.util.Locale.ROOT) + ":" + port, address);
      return this;
    }
    public Builder extraResolver(InetSocketAddress v) { extraResolvers.add(v); return this; }
    public Builder proxy(URI v) { proxy = Optional.of(v); return this; }
    public Builder trust(X509TrustManager v) { trust = Optional.of(v); return this; }
    public Builder insecure(boolean v) { insecure = v; return this; }
    public Builder dnsTimeout(Duration v) { dnsTimeout = v; return this; }
    public Builder connectTimeout(Duration v) { connectTimeout = v; return this; }
    public Builder tlsTimeout(Duration v) { tlsTimeout = v; return this; }
    public Builder httpTimeout(Duration v) { httpTimeout = v; return this; }
    public Builder latencySamples(int v) { latencySamples = v; return this; }
    public Builder latencyThreshold(Duration v) { latencyThreshold = v; return this; }
    public Builder downloadUrl(URI v) { downloadUrl = Optional.of(v); return this; }
    public Builder uploadUrl(URI v) { uploadUrl = Optional.of(v); return this; }
    public Builder path(boolean v) { path = v; return this; }
    public Builder only(Set<String> v) { only = v; return this; }
    public Builder cors(CorsRequest v) { cors = java.util.Objects.requireNonNull(v); return this; }

    public ProbeOptions build() {
      return new ProbeOptions(budget, families, resolve, extraResolvers, proxy, trust, insecure, dnsTimeout,
          connectTimeout, tlsTimeout, httpTimeout, latencySamples, latencyThreshold, downloadUrl, uploadUrl, path,
          only, cors);
    }
  }
}
