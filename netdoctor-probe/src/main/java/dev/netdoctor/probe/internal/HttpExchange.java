package dev.netdoctor.probe.internal;

import dev.netdoctor.core.settings.TlsVersion;
import dev.netdoctor.probe.IpFamily;
import dev.netdoctor.probe.ProbeContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.Dns;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * One HTTP exchange the way the application would make it (its proxy, trust, TLS versions, resolver, families),
 * with every phase timed like curl's {@code -w}. A fresh connection pool per exchange, so the timings always include
 * connect and handshake; the sockets have Nagle's algorithm off, as curl's do ({@link PhaseRecorder#socketFactory}),
 * and an exchange starts its clock only once the JVM's one-time client (and TLS) set-up is done
 * ({@link HttpsWarmup}). With certificate checks on, it verifies through the run's shared context
 * ({@link TlsSessions}), except the {@link #timed} exchange, which makes a full handshake on the native engine
 * ({@link NativeTls}) with the same trust and takes the run's verdict on the chain ({@link ChainVerdicts}). Never
 * retries, never follows redirects. Reads at most {@link #MAX_BODY} bytes of the body.
 */
public final class HttpExchange {
  public static final int MAX_BODY = 16 * 1024;
  /** The longest the body is read for; a body still arriving then is a trickle. */
  public static final Duration BODY_WINDOW = Duration.ofSeconds(2);

  /**
   * What happened.
   *
   * @param status the status code, or -1 when no answer came
   * @param headers response headers (names lower-case)
   * @param body the first {@link #MAX_BODY} bytes of the body as text
   * @param failure the exception when no answer came
   * @param failedPhase the phase it failed in
   * @param recorder phase times, TLS version and cipher, remote address
   * @param insecure whether certificate checks were off for this exchange
   * @param respondedAtMillis wall-clock time the headers arrived, for clock skew
   * @param bodyBytes body bytes read
   * @param bodyMillis how long reading them took
   * @param bodyIncomplete whether reading stopped at {@link #BODY_WINDOW} before the end of a body smaller than
   *     {@link #MAX_BODY} (a trickle)
   * @param tlsEngine the TLS engine the exchange used ({@link NativeTls}), or null for plain http
   */
  public record Result(int status, Map<String, List<String>> headers, String body, IOException failure,
      FailureMapper.Phase failedPhase, PhaseRecorder recorder, boolean insecure, long respondedAtMillis,
      long bodyBytes, long bodyMillis, boolean bodyIncomplete, String tlsEngine) {
    /** The body's arrival rate in Mbit/s. */
    public double bodyMbps() {
      return bodyMillis <= 0 ? Double.MAX_VALUE : bodyBytes * 8.0 / (bodyMillis / 1000.0) / 1e6;
    }

    public boolean answered() {
      return status >= 0;
    }

    public Optional<String> header(String name) {
      List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
      return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }
  }

  private HttpExchange() {}

  /** A request with no body. */
  public static Result execute(ProbeContext ctx, String method, URI url, Headers headers) {
    return execute(ctx, method, url, headers, null);
  }

  public static Result execute(ProbeContext ctx, String method, URI url, Headers headers, RequestBody body) {
    return execute(ctx, method, url, headers, body, false);
  }

  /**
   * The exchange whose phases are reported like curl's {@code -w} (the {@code http} check): over https a full
   * handshake on the native TLS engine where it loads ({@link NativeTls}), so the TLS phase is the server's and the
   * network's time, not the JVM's start-up. Verification is the application's trust, as for every exchange.
   */
  public static Result timed(ProbeContext ctx, String method, URI url, Headers headers) {
    return execute(ctx, method, url, headers, null, true);
  }

  private static Result execute(ProbeContext ctx, String method, URI url, Headers headers, RequestBody body,
      boolean timed) {
    PhaseRecorder recorder = new PhaseRecorder(ctx.env().ticker());
    boolean insecure = ctx.options().insecure() || ctx.settings().network().ignoreSslErrors();
    boolean https = "https".equalsIgnoreCase(url.getScheme());
    boolean nativeTls = https && timed && NativeTls.availability().available();
    // The JVM's one-time client and TLS set-up is not the network's time: let the warm-up finish before the clock.
    HttpsWarmup.await(https, nativeTls, ctx.budget().remaining().toMillis() / 2);
    // The timed exchange names its engine and, on the JVM's, why the native one is not used.
    String engine = !https ? null : timed ? NativeTls.availability().description() : "JSSE";
    OkHttpClient client = client(ctx, recorder, insecure, https, nativeTls);
    Request request = new Request.Builder().url(url.toString()).headers(headers).method(method, body).build();
    try (Response response = client.newCall(request).execute()) {
      long respondedAt = ctx.env().clock().millis();
      String text = "";
      ResponseBody rb = response.body();
      long bodyStart = ctx.env().ticker().getAsLong();
      long deadline = bodyStart + Math.min(BODY_WINDOW.toNanos(),
          Math.max(1, ctx.budget().remaining().toNanos() - 200_000_000L));
      int read = 0;
      boolean incomplete = false;
      if (rb != null && !method.equals("HEAD")) {
        byte[] bytes = new byte[MAX_BODY];
        java.io.InputStream in = rb.byteStream();
        // A reset or a cut while reading is a failure of the exchange (thrown); a body still arriving at the
        // deadline is a trickle.
        // Each read returns what has arrived (at least a byte): as many bytes as are there, in as few reads.
        for (int n; read < MAX_BODY && (n = in.read(bytes, read, MAX_BODY - read)) != -1; ) {
          read += n;
          if (ctx.env().ticker().getAsLong() > deadline) {
            incomplete = read < MAX_BODY;
            break;
          }
        }
        text = new String(bytes, 0, read, java.nio.charset.StandardCharsets.UTF_8);
      }
      long bodyMillis = (ctx.env().ticker().getAsLong() - bodyStart) / 1_000_000;
      recorder.finish();
      Map<String, List<String>> h = new TreeMap<>();
      for (String name : response.headers().names()) {
        h.put(name.toLowerCase(Locale.ROOT), response.headers().values(name));
      }
      return new Result(response.code(), h, text, null, null, recorder, insecure, respondedAt, read, bodyMillis,
          incomplete, engine);
    } catch (IOException e) {
      recorder.finish();
      return new Result(-1, Map.of(), "", e, recorder.phase(), recorder, insecure, ctx.env().clock().millis(), 0, 0,
          false, engine);
    } finally {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }

  /**
   * {@code tls}: whether the URL is https; a plain-http exchange (redirects are not followed) needs no TLS set-up.
   * {@code nativeTls}: a context of its own on the native engine (never the run's shared JSSE context).
   */
  private static OkHttpClient client(ProbeContext ctx, PhaseRecorder recorder, boolean insecure, boolean tls,
      boolean nativeTls) {
    Duration remaining = ctx.budget().remaining();
    boolean shared = tls && !insecure && !nativeTls;
    // Verified https: start from the run's client, whose TLS context resumes the session the tls check verified
    // and whose trust (and OkHttp's index of its roots) is built once per run. Its dispatcher is not shared.
    OkHttpClient.Builder b = (shared ? ctx.tlsSessions().verifyingClient(
        TrustSupport.resolve(ctx.settings(), ctx.options(), ctx.env().systemProperties()).manager()).newBuilder()
        : new OkHttpClient.Builder())
        .dispatcher(new Dispatcher())
        .eventListener(recorder)
        .socketFactory(recorder.socketFactory())
        .dns(dns(ctx))
        .connectionPool(new ConnectionPool(1, 1, TimeUnit.SECONDS))
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .followSslRedirects(false)
        .connectTimeout(ctx.budget().cap(ctx.options().connectTimeout()))
        .readTimeout(ctx.budget().cap(ctx.options().httpTimeout()))
        .writeTimeout(ctx.budget().cap(ctx.options().httpTimeout()))
        .callTimeout(remaining.isZero() ? Duration.ofMillis(1) : remaining);
    if (!ctx.settings().network().enableHttp2()) b.protocols(List.of(Protocol.HTTP_1_1));
    ProxyRouting.apply(b, ctx.proxy(), ctx.env().resolver(), dns(ctx));
    if (!tls) {
      // Building a trust manager's root index costs more than the whole loopback exchange; skip it for http.
      return b.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).build();
    }
    List<okhttp3.TlsVersion> versions = new ArrayList<>();
    for (TlsVersion v : ctx.settings().network().effectiveTlsVersions()) {
      versions.add(okhttp3.TlsVersion.forJavaName(v.jdkName()));
    }
    ConnectionSpec.Builder spec = new ConnectionSpec.Builder(ConnectionSpec.MODERN_TLS);
    if (!versions.isEmpty()) spec.tlsVersions(versions.toArray(new okhttp3.TlsVersion[0]));
    b.connectionSpecs(List.of(spec.build(), ConnectionSpec.CLEARTEXT));
    if (shared) return b.build();
    X509TrustManager trust = insecure ? new AcceptAll()
        : ctx.tlsSessions().remembering(
            TrustSupport.resolve(ctx.settings(), ctx.options(), ctx.env().systemProperties()).manager());
    try {
      SSLContext ssl;
      if (nativeTls) {
        ssl = NativeTls.newContext(trust);
      } else {
        ssl = SSLContext.getInstance("TLS");
        ssl.init(null, new TrustManager[] {trust}, new SecureRandom());
      }
      b.sslSocketFactory(nativeTls ? recorder.sslSocketFactory(ssl.getSocketFactory()) : ssl.getSocketFactory(), trust);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("no TLS in this JVM", e);
    }
    if (insecure) b.hostnameVerifier((host, session) -> true);
    return b.build();
  }

  /**
   * The application's resolution: {@code --resolve} first, then the injected resolver, narrowed to the families,
   * IPv4 first when the settings prefer it (otherwise in the resolver's order). Written without lambdas: it runs
   * inside the timed DNS phase, and in a fresh JVM the first call of each lambda is linked there (0.2–0.5 ms each).
   */
  static Dns dns(ProbeContext ctx) {
    return new Dns() {
      @Override
      public List<InetAddress> lookup(String host) throws UnknownHostException {
        int port = ctx.target().isPresent() ? ctx.target().get().port() : 443;
        Optional<InetAddress> forced = ctx.options().resolved(host, port);
        List<InetAddress> all = forced.isPresent() ? List.of(forced.get()) : ctx.env().resolver().lookup(host);
        boolean ipv4First = ctx.settings().network().preferIpv4();
        List<InetAddress> kept = new ArrayList<>();
        List<InetAddress> later = new ArrayList<>();
        for (InetAddress a : all) {
          IpFamily family = IpFamily.of(a);
          if (!ctx.options().families().contains(family)) continue;
          if (ipv4First && family == IpFamily.IPV6) later.add(a);
          else kept.add(a);
        }
        kept.addAll(later);
        if (kept.isEmpty()) {
          throw new UnknownHostException(host + ": no address of the allowed families " + ctx.options().families());
        }
        return kept;
      }
    };
  }

  /** For {@code --insecure} and {@code IgnoreSSLErrors}: accepts any chain. Reported wherever used. */
  static final class AcceptAll implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
