package dev.netdoctor.probe;

import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.probe.internal.FailureMapper;
import dev.netdoctor.probe.internal.HttpExchange;
import dev.netdoctor.probe.internal.ResultBuilder;
import java.net.URI;
import java.util.Map;
import okhttp3.Headers;

/**
 * One unauthenticated GET of the target, as the application would send it (its proxy, trust, TLS versions and
 * resolver), with every phase timed like curl's {@code -w}. For a provider the URL is its check endpoint, where
 * 200, 401 and 403 all mean "reachable" (seed 000); 5xx is the provider failing (NET007).
 *
 * <p>Facts: {@code url}, {@code status}, {@code protocol}, {@code remote}, {@code timings} (map: {@code dnsMs},
 * {@code connectMs}, {@code tlsMs}, {@code firstByteMs}, {@code totalMs}, cumulative from the call's start like
 * curl's {@code time_namelookup}, {@code time_connect}, {@code time_appconnect}, {@code time_starttransfer},
 * {@code time_total}), {@code date} (the {@code Date} header), {@code respondedAtMillis}, {@code server},
 * {@code via} (proxy or {@code direct}), {@code insecure}, {@code tlsEngine} (over https: the engine the exchange's
 * handshake used, BoringSSL where it loads, so the TLS phase is comparable with curl's; the {@code tls} check
 * reports what the JVM's own TLS makes of the server).
 */
public final class HttpProbe implements Probe {
  public static final String NAME = "http";

  @Override
  public String name() {
    return NAME;
  }

  /**
   * The URL the HTTP check requests: a provider's check endpoint when the target is the provider's base URL,
   * else the target URL itself (as given to {@code netdoctor probe}).
   */
  public static URI checkUrl(Target target) {
    return target.provider().filter(p -> p.baseUrl().equals(target.url()))
        .map(p -> ProviderCatalogue.of(p).checkUrl(p.baseUrl())).orElse(target.url());
  }

  @Override
  public CheckResult run(ProbeContext ctx) {
    Target target = ctx.requireTarget();
    ResultBuilder r = new ResultBuilder(NAME, ctx);
    if (!reachablePath(ctx)) return r.skip("no connection (earlier check failed)");
    URI url = checkUrl(target);
    r.fact("url", url.toString()).fact("via", ctx.proxy().proxy().map(Object::toString).orElse("direct"));
    HttpExchange.Result x = HttpExchange.timed(ctx, "GET", url, Headers.of(Map.of("User-Agent", "netdoctor")));
    r.fact("timings", x.recorder().timings()).fact("insecure", x.insecure());
    if (x.tlsEngine() != null) r.fact("tlsEngine", x.tlsEngine());
    if (x.recorder().remote() != null) r.fact("remote", x.recorder().remote().toString());
    if (x.recorder().tlsVersion() != null) r.fact("tlsVersion", x.recorder().tlsVersion());
    if (!x.answered()) {
      r.evidence("GET " + url + ": " + FailureMapper.describe(x.failure()));
      FailureMapper.Mapped m = FailureMapper.map(x.failure(), x.failedPhase());
      return r.fail(m, "GET failed in the " + x.failedPhase().name().toLowerCase() + " phase: " + m.evidence());
    }
    r.fact("status", x.status()).fact("protocol", x.recorder().protocol() == null ? null
        : x.recorder().protocol().toString()).fact("respondedAtMillis", x.respondedAtMillis());
    x.header("date").ifPresent(d -> r.fact("date", d));
    x.header("server").ifPresent(s -> r.fact("server", s));
    r.fact("bodyBytes", x.bodyBytes()).fact("bodyMs", x.bodyMillis());
    r.evidence("GET " + url + " → " + x.status());
    int s = x.status();
    if (s >= 500) {
      String cause = switch (s) {
        case 502 -> "bad-gateway";
        case 503 -> "service-unavailable";
        case 504 -> "gateway-timeout";
        case 529 -> "overloaded";
        default -> "server-error";
      };
      target.provider().flatMap(p -> ProviderCatalogue.of(p).statusPage())
          .ifPresent(page -> r.evidence("status page: " + page));
      return r.fail("NET007", cause, target.name() + " answers " + s + ": the service is failing");
    }
    if (target.provider().isEmpty() && (s == 401 || s == 403 || s == 429)) {
      // A URL given as is: its answer is the diagnosis (a provider's keyless 401 is judged by the auth check).
      String[] cc = AuthProbe.classifyAnswer(s, x.headers(), x.body(), null, r);
      String error = AuthProbe.providerError(x.body());
      if (error != null) r.fact("providerError", error).evidence("provider error: " + error);
      return r.fail(cc[0], cc[1], "reachable, but the answer is " + s + (error == null ? "" : " " + error));
    }
    if (x.bodyIncomplete() && x.bodyMbps() < ThroughputProbe.MIN_DOWN_MBPS) {
      return r.warn("NET016", "low-throughput", String.format(java.util.Locale.ROOT,
          "HTTP %d, but the body arrives at %.4f Mbit/s (%d bytes in %d ms)", s, x.bodyMbps(), x.bodyBytes(),
          x.bodyMillis()));
    }
    String meaning = s == 401 || s == 403 ? " (reachable; a key is needed)" : "";
    return r.pass("HTTP " + s + meaning);
  }

  /** Whether a connection to the target (direct on some family, or through the proxy) was shown to work. */
  static boolean reachablePath(ProbeContext ctx) {
    if (!ctx.proxy().isDirect()) {
      return ctx.prior(ProxyProbe.NAME).map(CheckResult::passed).orElse(true);
    }
    boolean any = false;
    for (IpFamily f : IpFamily.values()) {
      CheckResult tcp = ctx.prior(TcpProbe.nameFor(f)).orElse(null);
      if (tcp == null) return true; // not planned: let the exchange find out
      if (tcp.passed()) any = true;
    }
    return any;
  }
}
