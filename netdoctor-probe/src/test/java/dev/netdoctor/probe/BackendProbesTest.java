package dev.netdoctor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.core.report.CheckStatus;
import dev.netdoctor.core.settings.Backend;
import dev.netdoctor.core.settings.Settings;
import dev.netdoctor.testing.FaultPorts;
import java.net.URI;
import java.time.Duration;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Backend health (NET001) and CORS preflight (NET006). */
class BackendProbesTest {
  private final ProbeFixture fx = new ProbeFixture();

  private ProbeContext ctx(String backendUrl) {
    Settings s = Settings.defaults(fx.dir).toBuilder().backend(new Backend(URI.create(backendUrl))).build();
    return fx.context(s, null, fx.options().connectTimeout(Duration.ofMillis(300)).build());
  }

  @Test
  void backendNotRunningIsRefused() throws Exception {
    CheckResult r = new BackendProbe().run(ctx("http://localhost:" + FaultPorts.closedPort()));

    assertThat(r.code() + "/" + r.cause()).isEqualTo("NET001/refused");
    assertThat(r.summary()).contains("not running");
  }

  @Test
  void hangingBackendIsATimeout() throws Exception {
    try (FaultPorts.Endpoint silent = FaultPorts.silent()) {
      Settings s = Settings.defaults(fx.dir).toBuilder()
          .backend(new Backend(URI.create("http://localhost:" + silent.port()))).build();
      ProbeContext ctx = fx.context(s, null, fx.options().httpTimeout(Duration.ofMillis(300)).build());

      assertThat(new BackendProbe().run(ctx).code() + "/" + new BackendProbe().run(ctx).cause())
          .isEqualTo("NET001/timeout");
    }
  }

  private static MockWebServer cors(String allowOrigin, String methods, String headers) throws Exception {
    MockWebServer server = new MockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        MockResponse.Builder b = new MockResponse.Builder().code(request.getMethod().equals("OPTIONS") ? 204 : 200);
        if (allowOrigin != null) b.setHeader("Access-Control-Allow-Origin", allowOrigin);
        if (methods != null) b.setHeader("Access-Control-Allow-Methods", methods);
        if (headers != null) b.setHeader("Access-Control-Allow-Headers", headers);
        return b.build();
      }
    });
    server.start();
    return server;
  }

  private CheckResult preflight(MockWebServer server, String origin) throws Exception {
    ProbeContext ctx = ctx(server.url("/").toString());
    ctx.record(new BackendProbe().run(ctx));
    return new CorsProbe(origin).run(ctx);
  }

  @Test
  void allowedOriginPasses() throws Exception {
    try (MockWebServer s = cors("http://localhost:5173", "GET, POST", "content-type, authorization")) {
      assertThat(preflight(s, "http://localhost:5173").status()).isEqualTo(CheckStatus.PASS);
    }
  }

  @Test
  void missingAllowOriginIsNamed() throws Exception {
    try (MockWebServer s = cors(null, null, null)) {
      CheckResult r = preflight(s, "http://localhost:5173");

      assertThat(r.code() + "/" + r.cause()).isEqualTo("NET006/missing-allow-origin");
    }
  }

  @Test
  void otherOriginIsAMismatch() throws Exception {
    try (MockWebServer s = cors("http://localhost:3000", "POST", "*")) {
      CheckResult r = preflight(s, "http://localhost:5173");

      assertThat(r.code() + "/" + r.cause()).isEqualTo("NET006/origin-mismatch");
      assertThat(r.fact("allowOrigin")).isEqualTo("http://localhost:3000");
    }
  }

  @Test
  void headerNotAllowedIsNamed() throws Exception {
    // The default request is a POST, which is CORS-safelisted: method failures are in CorsProbeTest.
    try (MockWebServer header = cors("*", "POST", "content-type")) {
      assertThat(preflight(header, "app://.").cause()).isEqualTo("header-not-allowed");
    }
  }
}
