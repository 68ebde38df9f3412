package dev.netdoctor.probe;

import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.probe.internal.FailureMapper;
import dev.netdoctor.probe.internal.HttpExchange;
import dev.netdoctor.probe.internal.ResultBuilder;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import okhttp3.Headers;

/**
 * A browser's CORS preflight against the backend for one frontend origin ({@code Cors.AllowedOrigins}):
 * {@code OPTIONS} with {@code Origin}, {@code Access-Control-Request-Method: POST} and
 * {@code Access-Control-Request-Headers: content-type, authorization}, then the answer checked as a browser would.
 *
 * <p>Facts: {@code origin}, {@code status}, {@code allowOrigin}, {@code allowMethods}, {@code allowHeaders}.
 */
public final class CorsProbe implements Probe {
  public static final String NAME = "cors";
  static final String METHOD = "POST";
  static final String[] HEADERS = {"content-type", "authorization"};

  private final String origin;

  public CorsProbe(String origin) {
    this.origin = origin;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CheckResult run(ProbeContext ctx) {
    ResultBuilder r = new ResultBuilder(NAME, origin, ctx).fact("origin", origin);
    CheckResult backend = ctx.prior(BackendProbe.NAME).orElse(null);
    if (backend != null && !backend.passed()) return r.skip("backend not reachable");
    URI url = ctx.settings().backend().baseUrl();
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Origin", origin);
    h.put("Access-Control-Request-Method", METHOD);
    h.put("Access-Control-Request-Headers", String.join(", ", HEADERS));
    HttpExchange.Result x = HttpExchange.execute(ctx, "OPTIONS", url, Headers.of(h));
    if (!x.answered()) {
      r.evidence(FailureMapper.describe(x.failure()));
      return r.fail("NET006", "preflight-failed", "the preflight got no answer");
    }
    String allowOrigin = x.header("access-control-allow-origin").orElse(null);
    String allowMethods = x.header("access-control-allow-methods").orElse("");
    String allowHeaders = x.header("access-control-allow-headers").orElse("");
    r.fact("status", x.status()).fact("allowOrigin", allowOrigin).fact("allowMethods", allowMethods)
        .fact("allowHeaders", allowHeaders)
        .evidence("OPTIONS " + url + " Origin: " + origin + " → " + x.status())
        .evidence("Access-Control-Allow-Origin: " + (allowOrigin == null ? "(absent)" : allowOrigin));
    if (x.status() < 200 || x.status() > 299) {
      return r.fail("NET006", "preflight-failed", "the preflight for " + origin + " is answered " + x.status());
    }
    if (allowOrigin == null) {
      return r.fail("NET006", "missing-allow-origin", "the backend sends no Access-Control-Allow-Origin for "
          + origin + ": add it to Cors.AllowedOrigins on the backend");
    }
    if (!allowOrigin.equals("*") && !allowOrigin.equals(origin)) {
      return r.fail("NET006", "origin-mismatch", "the backend allows " + allowOrigin + ", not " + origin
          + (allowOrigin.equals(origin + "/") ? " (a trailing slash)" : ""));
    }
    if (!lists(allowMethods, METHOD)) {
      r.evidence("Access-Control-Allow-Methods: " + allowMethods);
      return r.fail("NET006", "method-not-allowed", "the backend does not allow " + METHOD + " from " + origin);
    }
    for (String header : HEADERS) {
      if (!lists(allowHeaders, header)) {
        r.evidence("Access-Control-Allow-Headers: " + allowHeaders);
        return r.fail("NET006", "header-not-allowed", "the backend does not allow the " + header + " header from "
            + origin);
      }
    }
    return r.pass(origin + " allowed");
  }

  private static boolean lists(String value, String item) {
    return Arrays.stream(value.split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT))
        .anyMatch(s -> s.equals("*") || s.equals(item.toLowerCase(Locale.ROOT)));
  }
}
