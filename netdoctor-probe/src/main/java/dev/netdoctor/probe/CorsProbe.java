package dev.netdoctor.probe;

import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.probe.internal.FailureMapper;
import dev.netdoctor.probe.internal.HttpExchange;
import dev.netdoctor.probe.internal.ResultBuilder;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import okhttp3.Headers;

/**
 * A browser's CORS preflight against the backend for one frontend origin ({@code Cors.AllowedOrigins}):
 * {@code OPTIONS} with {@code Origin}, {@code Access-Control-Request-Method} and
 * {@code Access-Control-Request-Headers} from {@link ProbeOptions#cors()} (default {@code POST} with
 * {@code content-type, authorization}), then the answer checked as the Fetch standard's CORS-preflight fetch does:
 *
 * <ul>
 *   <li>a 2xx status; a redirect is a failure (browsers never follow one on a preflight);</li>
 *   <li>exactly one {@code Access-Control-Allow-Origin}, equal to the origin byte for byte, or {@code *} for a
 *       request without credentials; with credentials also {@code Access-Control-Allow-Credentials: true};
 *       {@code *} together with {@code Access-Control-Allow-Credentials: true} is reported (a failure for a
 *       request with credentials, a warning otherwise);</li>
 *   <li>the method in {@code Access-Control-Allow-Methods} (case-sensitive), unless it is CORS-safelisted
 *       ({@code GET}, {@code HEAD}, {@code POST}) or the list holds {@code *} and there are no credentials;</li>
 *   <li>each request header in {@code Access-Control-Allow-Headers} (case-insensitive); {@code *} covers every
 *       header but {@code Authorization}, and nothing when the request carries credentials.</li>
 * </ul>
 *
 * <p>Facts: {@code origin}, {@code method}, {@code requestHeaders}, {@code credentials}, {@code status},
 * {@code allowOrigin}, {@code allowMethods}, {@code allowHeaders}, {@code allowCredentials}, {@code location}.
 */
public final class CorsProbe implements Probe {
  public static final String NAME = "cors";
  private static final Set<String> SAFELISTED_METHODS = Set.of("GET", "HEAD", "POST");
  private static final Set<String> NORMALISED_METHODS = Set.of("DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT");

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
    CorsRequest request = ctx.options().cors();
    String upper = request.method().toUpperCase(Locale.ROOT);
    String method = NORMALISED_METHODS.contains(upper) ? upper : request.method();
    ResultBuilder r = new ResultBuilder(NAME, origin, ctx).fact("origin", origin).fact("method", method)
        .fact("requestHeaders", String.join(", ", request.headers())).fact("credentials", request.credentials());
    CheckResult backend = ctx.prior(BackendProbe.NAME).orElse(null);
    if (backend != null && !backend.passed()) return r.skip("backend not reachable");
    URI url = ctx.settings().backend().baseUrl();
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Origin", origin);
    h.put("Access-Control-Request-Method", method);
    if (!request.headers().isEmpty()) {
      h.put("Access-Control-Request-Headers", String.join(",", request.headers().stream().sorted().toList()));
    }
    HttpExchange.Result x = HttpExchange.execute(ctx, "OPTIONS", url, Headers.of(h));
    if (!x.answered()) {
      r.evidence(FailureMapper.describe(x.failure()));
      return r.fail("NET006", "preflight-failed", "the preflight got no answer");
    }
    List<String> allowOrigins = x.headers().getOrDefault("access-control-allow-origin", List.of());
    String allowOrigin = allowOrigins.isEmpty() ? null : String.join(", ", allowOrigins);
    String allowMethods = x.header("access-control-allow-methods").orElse(null);
    String allowHeaders = x.header("access-control-allow-headers").orElse(null);
    String allowCredentials = x.header("access-control-allow-credentials").orElse(null);
    r.fact("status", x.status()).fact("allowOrigin", allowOrigin).fact("allowMethods", allowMethods)
        .fact("allowHeaders", allowHeaders).fact("allowCredentials", allowCredentials)
        .evidence("OPTIONS " + url + " Origin: " + origin + ", Access-Control-Request-Method: " + method
            + (request.headers().isEmpty() ? "" : ", Access-Control-Request-Headers: "
                + h.get("Access-Control-Request-Headers")) + " → " + x.status())
        .evidence("Access-Control-Allow-Origin: " + (allowOrigin == null ? "(absent)" : allowOrigin));
    if (x.status() >= 300 && x.status() <= 399) {
      String location = x.header("location").orElse("(no Location)");
      r.fact("location", location).evidence("Location: " + location);
      return r.fail("NET006", "preflight-failed", "the preflight for " + origin + " is redirected (" + x.status()
          + " to " + location + "); browsers never follow a redirect on a preflight: point VITE_API_BASE_URL and "
          + "Backend.BaseUrl at the final URL");
    }
    if (x.status() < 200 || x.status() > 299) {
      return r.fail("NET006", "preflight-failed", "the preflight for " + origin + " is answered " + x.status()
          + "; browsers need a 2xx answer to OPTIONS");
    }
    if (allowOrigin == null) {
      return r.fail("NET006", "missing-allow-origin", "the backend sends no Access-Control-Allow-Origin for "
          + origin + ": add it to Cors.AllowedOrigins on the backend");
    }
    if (allowOrigins.size() > 1 || allowOrigin.contains(",")) {
      return r.fail("NET006", "origin-mismatch", "the backend sends several Access-Control-Allow-Origin values ("
          + allowOrigin + "); browsers accept exactly one: echo the request's origin");
    }
    boolean wildcard = allowOrigin.equals("*");
    if (wildcard && request.credentials()) {
      return r.fail("NET006", "credentials", "the backend answers Access-Control-Allow-Origin: * to a request with "
          + "credentials from " + origin + ", which browsers reject: it must name the origin");
    }
    if (!wildcard && !allowOrigin.equals(origin)) {
      String hint = allowOrigin.equals(origin + "/") ? " (a trailing slash)"
          : allowOrigin.equalsIgnoreCase(origin) ? " (letter case: origins compare exactly)" : "";
      return r.fail("NET006", "origin-mismatch", "the backend allows " + allowOrigin + ", not " + origin + hint);
    }
    if (request.credentials() && !"true".equals(allowCredentials)) {
      r.evidence("Access-Control-Allow-Credentials: " + (allowCredentials == null ? "(absent)" : allowCredentials));
      return r.fail("NET006", "credentials", "the request from " + origin + " carries credentials but the backend "
          + "does not answer Access-Control-Allow-Credentials: true");
    }
    List<String> methods = list(allowMethods, false);
    boolean methodAllowed = methods.contains(method) || SAFELISTED_METHODS.contains(method)
        || (!request.credentials() && methods.contains("*"));
    r.evidence("Access-Control-Allow-Methods: " + (allowMethods == null ? "(absent)" : allowMethods)
        + (SAFELISTED_METHODS.contains(method) && !methods.contains(method)
            ? " (" + method + " is CORS-safelisted: allowed whatever this says)" : ""));
    if (!methodAllowed) {
      return r.fail("NET006", "method-not-allowed", "the backend does not allow " + method + " from " + origin
          + (allowMethods == null ? ": the preflight answer has no Access-Control-Allow-Methods"
              : methods.contains("*") ? ": * does not cover a request with credentials" : ""));
    }
    List<String> headers = list(allowHeaders, true);
    if (!request.headers().isEmpty()) {
      r.evidence("Access-Control-Allow-Headers: " + (allowHeaders == null ? "(absent)" : allowHeaders));
    }
    for (String header : request.headers()) {
      if (headers.contains(header)) continue;
      boolean star = headers.contains("*");
      if (star && !request.credentials() && !header.equals("authorization")) continue;
      String why = allowHeaders == null ? ": the preflight answer has no Access-Control-Allow-Headers"
          : star && header.equals("authorization") ? ": * never covers Authorization, it must be listed by name"
          : star ? ": * does not cover a request with credentials" : "";
      return r.fail("NET006", "header-not-allowed", "the backend does not allow the " + header + " header from "
          + origin + why);
    }
    if (wildcard && "true".equals(allowCredentials)) {
      return r.warn("NET006", "credentials", origin + " allowed only while no credentials are sent: the backend "
          + "answers Access-Control-Allow-Origin: * with Access-Control-Allow-Credentials: true, and browsers reject "
          + "that pair for any request with cookies");
    }
    return r.pass(origin + " allowed (" + method + (request.headers().isEmpty() ? ""
        : " with " + String.join(", ", request.headers())) + ")");
  }

  /** A comma-separated header value as a list; lower-cased when {@code lower}. */
  private static List<String> list(String value, boolean lower) {
    if (value == null) return List.of();
    return Arrays.stream(value.split(",")).map(String::trim).filter(v -> !v.isEmpty())
        .map(v -> lower ? v.toLowerCase(Locale.ROOT) : v).toList();
  }
}
