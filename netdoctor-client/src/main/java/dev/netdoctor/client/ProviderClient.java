package dev.netdoctor.client;

import dev.netdoctor.client.internal.CacheInterceptor;
import dev.netdoctor.client.internal.CallContext;
import dev.netdoctor.client.internal.CircuitBreakerInterceptor;
import dev.netdoctor.client.internal.ClientFailure;
import dev.netdoctor.client.internal.ClientLog;
import dev.netdoctor.client.internal.CompressionInterceptor;
import dev.netdoctor.client.internal.ConcurrencyInterceptor;
import dev.netdoctor.client.internal.DiskCache;
import dev.netdoctor.client.internal.FailureTranslator;
import dev.netdoctor.client.internal.HostLimitInterceptor;
import dev.netdoctor.client.internal.HttpCacheDefaultsInterceptor;
import dev.netdoctor.client.internal.IdempotencyKey;
import dev.netdoctor.client.internal.Ipv4FirstDns;
import dev.netdoctor.client.internal.LoggingInterceptor;
import dev.netdoctor.client.internal.NetworkPolicyInterceptor;
import dev.netdoctor.client.internal.OfflineInterceptor;
import dev.netdoctor.client.internal.PhaseListener;
import dev.netdoctor.client.internal.ProviderRoute;
import dev.netdoctor.client.internal.ProxyAuthInterceptor;
import dev.netdoctor.client.internal.ProxyAuthenticator;
import dev.netdoctor.client.internal.Redaction;
import dev.netdoctor.client.internal.RetryInterceptor;
import dev.netdoctor.client.internal.RetryPolicy;
import dev.netdoctor.client.internal.SettingsProxySelector;
import dev.netdoctor.client.internal.TrustSetup;
import dev.netdoctor.core.classify.Classifier;
import dev.netdoctor.core.codes.CodeRegistry;
import dev.netdoctor.core.settings.Network;
import dev.netdoctor.core.settings.Provider;
import dev.netdoctor.core.settings.ProxySelection;
import dev.netdoctor.core.settings.Secret;
import dev.netdoctor.core.settings.Settings;
import dev.netdoctor.core.settings.TlsVersion;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import okhttp3.Cache;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.Dns;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Calls AI providers with every policy of the settings file applied: timeouts, retries, circuit breaker and
 * fallback, the local queue, the connection pool, proxy, TLS, the response cache, offline mode, batching,
 * streaming and redacted logging. Every failure is a {@link NetdoctorException}.
 *
 * <p>Thread-safe; build one per application and {@link #close()} it at exit. A call runs on the calling thread.
 *
 * <pre>{@code
 * try (ProviderClient client = ProviderClient.create(settings);
 *      Response r = client.call("OpenAI", client.newRequest("OpenAI", "chat/completions").post(body).build())) {
 *   ...
 * }
 * }</pre>
 */
public final class ProviderClient implements Closeable {
  private final Settings settings;
  private final Map<String, ProviderRoute> routes = new ConcurrentHashMap<>();
  private final Map<String, OkHttpClient> perProvider = new ConcurrentHashMap<>();
  private final Map<String, OkHttpClient> perProviderStreaming = new ConcurrentHashMap<>();
  private final OkHttpClient base;
  private final FailureTranslator translator;
  private final Clock clock;
  private final ClientLog fallbackLog;
  private final CircuitBreakerInterceptor breakers;
  private final Duration streamIdle;
  private final ConcurrencyInterceptor queue;
  private final RetryPolicy retryPolicy;

  private ProviderClient(Builder b) {
    this.settings = b.settings;
    this.clock = b.clock;
    this.streamIdle = b.streamIdle;
    this.queue = new ConcurrencyInterceptor(settings.rateLimiting(), clock,
        ClientLog.of("queue", settings.logging()));
    Network network = settings.network();
    Redaction redaction = Redaction.of(secrets(settings, b.environment));
    boolean insecure = network.ignoreSslErrors();
    this.translator = new FailureTranslator(Classifier.builtIn(), CodeRegistry.builtIn(), redaction, insecure);
    this.fallbackLog = ClientLog.of("breaker", settings.logging());
    this.breakers = new CircuitBreakerInterceptor(settings.resilience().circuitBreaker(), clock, fallbackLog);
    this.retryPolicy = new RetryPolicy(settings.resilience());
    try {
      this.base = assemble(b, redaction);
    } catch (IOException e) {
      throw new NetdoctorException("CFG004_InvalidSettings/bad-value: " + redaction.text(e.getMessage()), e,
          "CFG004", "bad-value", "", 0, 0, false,
          CodeRegistry.builtIn().require("CFG004").fixStepsFor(dev.netdoctor.core.codes.Os.current()), insecure);
    }
  }

  /**
   * The OkHttp client every provider shares, with the whole interceptor chain in one place. Application
   * interceptors run outermost first; network interceptors see each attempt on its connection.
   */
  private OkHttpClient assemble(Builder b, Redaction redaction) throws IOException {
    Network net = settings.network();
    var logging = settings.logging();
    Clock clock = b.clock;
    boolean offline = settings.offlineMode().enabled();
    boolean cacheRead = settings.providers().enableResponseCache();
    boolean cacheWrite = cacheRead || settings.offlineMode().cacheRemoteResponses();
    boolean localOnly = offline && settings.offlineMode().useLocalProvidersOnly();

    OkHttpClient.Builder ok = new OkHttpClient.Builder().retryOnConnectionFailure(false).followSslRedirects(true);

    // Work a setting turns off is not done at all: an interceptor whose feature is off is not installed.
    ClientLog httpLog = ClientLog.of("http", logging);
    if (httpLog.settingsAllowDebug()) ok.addInterceptor(new LoggingInterceptor(httpLog, redaction));
    if (cacheWrite || offline) {
      DiskCache cache = new DiskCache(settings.providers().cacheDirectory(), b.cacheMaxBytes, clock);
      ok.addInterceptor(new CacheInterceptor(cache, cacheRead, offline, net.cacheDuration(),
          ClientLog.of("cache", logging)));
    }
    if (localOnly) ok.addInterceptor(new OfflineInterceptor(cacheWrite));
    ok.addInterceptor(queue);
    ok.addInterceptor(new HostLimitInterceptor(net.maxConnectionsPerServer(), clock));
    ok.addInterceptor(breakers);
    ok.addInterceptor(new RetryInterceptor(retryPolicy, b.sleeper, clock, b.random, ClientLog.of("retry", logging),
        redaction));
    if (!net.enableCompression()) ok.addInterceptor(new CompressionInterceptor());

    SettingsProxySelector proxies = new SettingsProxySelector(ProxySelection.of(net, b.environment,
        b.systemProperties));
    ok.proxySelector(proxies).proxyAuthenticator(new ProxyAuthenticator(proxies));
    ok.addNetworkInterceptor(new ProxyAuthInterceptor(proxies));
    if (NetworkPolicyInterceptor.needed(net.enableConnectionReuse(), net.connectionLifetime())) {
      ok.addNetworkInterceptor(new NetworkPolicyInterceptor(net.enableConnectionReuse(), net.connectionLifetime(),
          clock, httpLog));
    }

    if (net.enableCaching()) {
      ok.cache(new Cache(settings.providers().cacheDirectory().resolve("http").toFile(), b.cacheMaxBytes));
      ok.addNetworkInterceptor(new HttpCacheDefaultsInterceptor(net.cacheDuration()));
    }

    int perServer = Math.max(1, net.maxConnectionsPerServer());
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequestsPerHost(perServer);
    dispatcher.setMaxRequests(Math.max(perServer, settings.rateLimiting().maxConcurrentRequests()));
    ok.dispatcher(dispatcher);
    long idleMs = Math.max(1, net.connectionIdleTimeout().toMillis());
    ok.connectionPool(net.enableConnectionReuse() ? new ConnectionPool(perServer, idleMs, TimeUnit.MILLISECONDS)
        : new ConnectionPool(0, 1, TimeUnit.MILLISECONDS));
    ok.protocols(net.enableHttp2() ? List.of(Protocol.HTTP_2, Protocol.HTTP_1_1) : List.of(Protocol.HTTP_1_1));
    Dns dns = b.dns;
    ok.dns(net.preferIpv4() ? new Ipv4FirstDns(dns) : dns);

    List<TlsVersion> versions = net.effectiveTlsVersions();
    if (versions.isEmpty()) {
      throw new IOException("Network.MinimumTLSVersion " + net.minimumTlsVersion().settingsName()
          + " excludes every version of Network.AllowedTLSVersions");
    }
    ConnectionSpec tls = new ConnectionSpec.Builder(ConnectionSpec.MODERN_TLS)
        .tlsVersions(versions.stream().map(v -> okhttp3.TlsVersion.forJavaName(v.jdkName()))
            .toArray(okhttp3.TlsVersion[]::new))
        .build();
    ok.connectionSpecs(List.of(tls, ConnectionSpec.CLEARTEXT));
    TrustSetup.Trust trust = TrustSetup.build(net.customCertificatePath().orElse(null), net.ignoreSslErrors());
    ok.sslSocketFactory(trust.socketFactory(), trust.trustManager());
    if (net.ignoreSslErrors()) {
      ok.hostnameVerifier((host, session) -> true);
      ClientLog.of("tls", logging).loudWarn("INSECURE: Network.IgnoreSSLErrors is on — certificate and host name "
          + "checks are DISABLED for every provider; anyone on the network path can read and change this "
          + "client's traffic, API keys included. Turn it off and use Network.CustomCertificatePath instead.");
    }

    ClientLog phaseLog = ClientLog.of("http.phases", logging);
    EventListener.Factory user = b.eventListener;
    if (phaseLog.settingsAllowDebug()) {
      EventListener.Factory phases = PhaseListener.factory(phaseLog, redaction);
      ok.eventListenerFactory(user == null ? phases : call -> phases.create(call).plus(user.create(call)));
    } else if (user != null) {
      ok.eventListenerFactory(user);
    }
    return ok.build();
  }

  /** A client for {@code settings} with the real clock, sleeps, environment and system properties. */
  public static ProviderClient create(Settings settings) {
    return builder(settings).build();
  }

  public static Builder builder(Settings settings) {
    return new Builder(settings);
  }

  /**
   * A request builder for {@code path} below the provider's {@code BaseUrl} ({@code "chat/completions"}), with
   * the provider's credentials already set.
   *
   * @throws NetdoctorException {@code CFG001/missing} when no provider has this name
   */
  public Request.Builder newRequest(String provider, String path) {
    ProviderRoute route = route(provider);
    return route.authenticate(new Request.Builder().url(route.resolve(path)), null);
  }

  /**
   * Sends {@code request} to {@code provider} and returns its 2xx answer (close it). A provider-side failure
   * (breaker open, 5xx after the retries) moves the call to the provider's fallback when
   * {@code Resilience.Fallbacks} names one.
   *
   * @throws NetdoctorException for every failure, classified
   */
  public Response call(String provider, Request request) {
    return withFallback(provider, request, false);
  }

  /**
   * Like {@link #call} and reads the whole answer as UTF-8 text. An answer cut off while being read fails with
   * {@code NET018}.
   */
  public String callForText(String provider, Request request) {
    Response response = call(provider, request);
    try (response) {
      return response.body().string();
    } catch (IOException e) {
      ClientFailure cut = new ClientFailure("NET018", "content-length-mismatch", response.code(),
          "the answer was cut off while being read (" + e.getClass().getSimpleName() + ")");
      cut.initCause(e);
      CallContext context = response.request().tag(CallContext.class);
      throw translator.fromFailure(cut, response.request(), context, provider);
    }
  }

  /**
   * Sends {@code request} and reads its answer as server-sent events. Retries happen only before the first
   * byte of the body; the stream itself is never retried.
   */
  public EventStream stream(String provider, Request request) {
    Request streaming = request.header("Accept") == null
        ? request.newBuilder().header("Accept", "text/event-stream").build() : request;
    String[] used = {provider};
    Response response = withFallback(provider, streaming, true, used);
    ProviderRoute route = route(used[0]);
    CallContext context = response.request().tag(CallContext.class);
    return new EventStream(response, streamIdle != null ? streamIdle : route.timeouts().idle(),
        e -> translator.fromFailure(e, response.request(), context, route.kind().name()));
  }

  /**
   * A batcher of {@code Providers.MaxBatchSize} items per {@code sender} call, or of one item when
   * {@code Providers.EnableBatching} is off.
   */
  public <T, R> Batcher<T, R> batcher(Batcher.Sender<T, R> sender) {
    int size = settings.providers().enableBatching() ? Math.max(1, settings.providers().maxBatchSize()) : 1;
    return new Batcher<>(size, sender);
  }

  /**
   * {@code Providers.<Name>.UseStreaming}: whether the application should ask this provider for a streamed answer
   * (and read it with {@link #stream}). The client cannot add {@code "stream": true} to a body it does not own.
   */
  public boolean useStreaming(String provider) {
    return settings.providers().find(provider).map(Provider::useStreaming).orElse(false);
  }

  /** The settings this client was built from. */
  public Settings settings() {
    return settings;
  }

  private Response withFallback(String provider, Request request, boolean streaming) {
    return withFallback(provider, request, streaming, new String[] {provider});
  }

  private Response withFallback(String provider, Request request, boolean streaming, String[] used) {
    try {
      return execute(provider, request, streaming);
    } catch (NetdoctorException primary) {
      String fallback = settings.resilience().fallbacks().entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(provider)).map(Map.Entry::getValue).findFirst().orElse(null);
      if (fallback == null || !providerSide(primary)) throw primary;
      fallbackLog.warn("provider {} failed with {}; using fallback provider {}", provider, primary.code(), fallback);
      Request moved = route(provider).moveTo(request, route(fallback));
      try {
        used[0] = fallback;
        return execute(fallback, moved, streaming);
      } catch (NetdoctorException second) {
        second.addSuppressed(primary);
        throw second;
      }
    }
  }

  private static boolean providerSide(NetdoctorException e) {
    return Set.of("NET007", "NET021", "NET013", "NET008").contains(String.valueOf(e.code()));
  }

  private Response execute(String provider, Request request, boolean streaming) {
    ProviderRoute route = route(provider);
    CallContext context = new CallContext(route.name(), route.local(), streaming,
        clock.instant().plus(route.timeouts().total()));
    // One copy of the request carries both the context and the idempotency key, made once for every attempt.
    Request.Builder copy = request.newBuilder().tag(CallContext.class, context);
    if (retryPolicy.wantsIdempotencyKey(request)) copy.header(RetryInterceptor.IDEMPOTENCY_KEY, IdempotencyKey.next());
    Request tagged = copy.build();
    OkHttpClient client = clientFor(route, streaming);
    ProxyAuthenticator.bind(context);
    try {
      Response response = client.newCall(tagged).execute();
      if (response.isSuccessful()) return response;
      throw translator.fromResponse(response, tagged, context, route.kind().name());
    } catch (IOException e) {
      throw translator.fromFailure(e, tagged, context, route.kind().name());
    } finally {
      ProxyAuthenticator.bind(null);
    }
  }

  /** The shared client with {@code route}'s timeouts, built once per provider and kind of call. */
  private OkHttpClient clientFor(ProviderRoute route, boolean streaming) {
    Map<String, OkHttpClient> clients = streaming ? perProviderStreaming : perProvider;
    OkHttpClient known = clients.get(route.name());
    if (known != null) return known;
    return clients.computeIfAbsent(route.name(), k -> base.newBuilder()
        .connectTimeout(route.timeouts().connect())
        .readTimeout(route.timeouts().firstByte())
        .writeTimeout(route.timeouts().firstByte())
        .callTimeout(streaming ? Duration.ZERO : route.timeouts().total())
        .build());
  }

  private ProviderRoute route(String name) {
    Objects.requireNonNull(name, "provider");
    ProviderRoute cached = routes.get(name);
    if (cached != null) return cached;
    Provider p = settings.providers().find(name).orElseThrow(() -> new NetdoctorException(
        "CFG001_InvalidBaseUrl/missing: no provider named '" + name + "' in Providers (known: "
            + String.join(", ", settings.providers().entries().keySet()) + ")",
        null, "CFG001", "missing", "", 0, 0, false,
        List.of("Add a Providers." + name + " entry with a BaseUrl, or use one of the known names."),
        settings.network().ignoreSslErrors()));
    ProviderRoute route = ProviderRoute.of(p);
    routes.put(name, route);
    return route;
  }

  private static List<String> secrets(Settings settings, Map<String, String> env) {
    List<String> out = new ArrayList<>();
    for (Provider p : settings.providers().entries().values()) p.apiKey().map(Secret::reveal).ifPresent(out::add);
    settings.network().proxyPassword().map(Secret::reveal).ifPresent(out::add);
    for (String var : List.of("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy")) {
      String v = env.get(var);
      if (v == null) continue;
      try {
        String info = URI.create(v.trim()).getRawUserInfo();
        if (info != null && info.contains(":")) out.add(info.substring(info.indexOf(':') + 1));
      } catch (IllegalArgumentException ignored) {
        // a malformed variable is the settings' problem to report
      }
    }
    return out;
  }

  @Override
  public void close() {
    base.dispatcher().executorService().shutdown();
    base.connectionPool().evictAll();
    if (base.cache() != null) {
      try {
        base.cache().close();
      } catch (IOException ignored) {
        // the cache journal is rebuilt on next open
      }
    }
  }

  /** Configures a {@link ProviderClient}; every outside effect is replaceable for tests. */
  public static final class Builder {
    private final Settings settings;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
    private EventListener.Factory eventListener;
    private Map<String, String> environment = System.getenv();
    private Map<String, String> systemProperties = snapshot(System.getProperties());
    private Dns dns = Dns.SYSTEM;
    private long cacheMaxBytes = 256L * 1024 * 1024;
    private Duration streamIdle;

    private Builder(Settings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The clock for Retry-After dates, breaker windows, cache ages and connection lifetimes. */
    public Builder clock(Clock v) { clock = Objects.requireNonNull(v); return this; }

    /** Waits between retries. */
    public Builder sleeper(Sleeper v) { sleeper = Objects.requireNonNull(v); return this; }

    /** The jitter source: values in [0, 1). */
    public Builder random(DoubleSupplier v) { random = Objects.requireNonNull(v); return this; }

    /** An OkHttp event listener for each call, in addition to the client's own phase logging. */
    public Builder eventListener(EventListener v) {
      Objects.requireNonNull(v);
      eventListener = call -> v;
      return this;
    }

    /** The environment ({@code HTTP(S)_PROXY}, {@code NO_PROXY}) instead of {@code System.getenv()}. */
    public Builder environment(Map<String, String> v) { environment = Map.copyOf(v); return this; }

    /** System properties ({@code http(s).proxyHost}) instead of the JVM's. */
    public Builder systemProperties(Map<String, String> v) { systemProperties = Map.copyOf(v); return this; }

    /** The resolver (default {@link Dns#SYSTEM}); {@code PreferIPv4} wraps it. */
    public Builder dns(Dns v) { dns = Objects.requireNonNull(v); return this; }

    /**
     * The longest silence inside a streamed body for every provider, instead of the per-kind default (60 s for
     * LLMs, 30 s for TTS, 120 s for images). The settings file has no key for it.
     */
    public Builder streamIdleTimeout(Duration v) { streamIdle = Objects.requireNonNull(v); return this; }

    /** The bound of the response cache directory, default 256 MiB. */
    public Builder cacheMaxBytes(long v) { cacheMaxBytes = v; return this; }

    /**
     * @throws NetdoctorException {@code CFG004} when a setting cannot be applied (an unreadable
     *     {@code CustomCertificatePath}, no TLS version left)
     */
    public ProviderClient build() {
      return new ProviderClient(this);
    }

    private static Map<String, String> snapshot(Properties p) {
      Map<String, String> m = new LinkedHashMap<>();
      for (String k : p.stringPropertyNames()) m.put(k, p.getProperty(k));
      return m;
    }
  }

  /** Calls waiting in the local queue right now (visible to tests in this package). */
  int queueWaiting() {
    return queue.waiting();
  }

  /** Exposed for tests in this module: the breaker state of a provider. */
  String breakerState(String provider) {
    return breakers.breaker(provider).state().name();
  }
}
