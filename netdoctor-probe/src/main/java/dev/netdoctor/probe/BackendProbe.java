package dev.netdoctor.probe;

import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.probe.internal.FailureMapper;
import dev.netdoctor.probe.internal.HttpExchange;
import dev.netdoctor.probe.internal.ResultBuilder;
import java.net.URI;
import java.util.Map;
import okhttp3.Headers;

/**
 * Whether the application's backend answers at {@code Backend.BaseUrl} (seed 000's NET001; default
 * {@code http://localhost:5005}). Any HTTP answer means it runs; a refused connect means it is not running or
 * listens elsewhere; silence means it hangs or a firewall drops the port.
 *
 * <p>Facts: {@code url}, {@code status}, {@code timings}.
 */
public final class BackendProbe implements Probe {
  public static final String NAME = "backend";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CheckResult run(ProbeContext ctx) {
    URI url = ctx.settings().backend().baseUrl();
    ResultBuilder r = new ResultBuilder(NAME, "backend", ctx).fact("url", url.toString());
    if (url.getHost() == null || url.getScheme() == null
        || !(url.getScheme().equals("http") || url.getScheme().equals("https"))) {
      return r.fail("NET001", "wrong-base-url", "Backend.BaseUrl " + url + " is not an http(s) URL");
    }
    HttpExchange.Result x = HttpExchange.execute(ctx, "GET", url, Headers.of(Map.of("User-Agent", "netdoctor")));
    r.fact("timings", x.recorder().timings());
    if (x.answered()) {
      r.fact("status", x.status()).evidence("GET " + url + " → " + x.status());
      return r.pass("backend answers at " + url + " (HTTP " + x.status() + ")");
    }
    r.evidence("GET " + url + ": " + FailureMapper.describe(x.failure()));
    FailureMapper.Mapped m = FailureMapper.map(x.failure(), x.failedPhase());
    return switch (m.code()) {
      case "NET008" -> r.fail("NET001", "refused", "nothing listens at " + url
          + ": the backend is not running, or runs on another port");
      case "NET004" -> r.fail("NET001", "timeout", "the backend at " + url + " does not answer in time");
      case "NET002" -> r.fail("NET001", "wrong-base-url", "Backend.BaseUrl's host " + url.getHost()
          + " does not resolve");
      default -> r.fail("NET001", null, "cannot reach the backend at " + url + ": " + m.evidence());
    };
  }
}
