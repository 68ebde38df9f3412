package dev.netdoctor.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.core.report.CheckStatus;
import dev.netdoctor.core.settings.Backend;
import dev.netdoctor.core.settings.Settings;
import java.net.InetAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CORS preflight checked as a browser checks it, against a real loopback backend for each failure. */
class CorsProbeTest {
  private static final String ORIGIN = "http://localhost:5173";
  private final ProbeFixture fx = new ProbeFixture();
  private final Map<String, String> answer = new LinkedHashMap<>();
  private int status = 204;
  private MockWebServer backend;

  @BeforeEach
  void start() throws Exception {
    backend = new MockWebServer();
    backend.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if (!request.getMethod().equals("OPTIONS")) return new MockResponse.Builder().code(200).build();
        MockResponse.Builder b = new MockResponse.Builder().code(status);
        answer.forEach((name, value) -> {
          for (String v : value.split("\\|")) b.addHeader(name, v);
        });
        return b.build();
      }
    });
    backend.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    backend.close();
  }

  /** The backend's preflight answer: header → value ({@code a|b} sends the header twice). */
  private CorsProbeTest answers(String... nameValue) {
    for (int i = 0; i < nameValue.length; i += 2) answer.put(nameValue[i], nameValue[i + 1]);
    return this;
  }

  private CheckResult preflight(CorsRequest request) throws Exception {
    Settings s = Settings.defaults(fx.dir).toBuilder().backend(new Backend(backend.url("/").uri())).build();
    ProbeContext ctx = fx.context(s, null, fx.options().cors(request).build());
    ctx.record(new BackendProbe().run(ctx));
    return new CorsProbe(ORIGIN).run(ctx);
  }

  private CheckResult preflight() throws Exception {
    return preflight(CorsRequest.DEFAULT);
  }

  private static String codeAndCause(CheckResult r) {
    return r.code() + "/" + r.cause();
  }

  /** The OPTIONS request the backend received (skipping the health check's GET). */
  private RecordedRequest options() throws Exception {
    for (int i = 0; i < 5; i++) {
      RecordedRequest r = backend.takeRequest(1, TimeUnit.SECONDS);
      if (r != null && r.getMethod().equals("OPTIONS")) return r;
    }
    throw new AssertionError("no OPTIONS request");
  }

  @Test
  void defaultRequestIsAJsonPostWithABearerTokenAndPassesWhenAllowed() throws Exception {
    answers("Access-Control-Allow-Origin", ORIGIN, "Access-Control-Allow-Methods", "GET, POST",
        "Access-Control-Allow-Headers", "Content-Type, Authorization");

    CheckResult r = preflight();

    assertThat(r.status()).isEqualTo(CheckStatus.PASS);
    RecordedRequest sent = options();
    assertThat(sent.getHeaders().get("Origin")).isEqualTo(ORIGIN);
    assertThat(sent.getHeaders().get("Access-Control-Request-Method")).isEqualTo("POST");
    assertThat(sent.getHeaders().get("Access-Control-Request-Headers")).isEqualTo("authorization,content-type");
  }

  @Test
  void configuredMethodAndHeadersAreWhatThePreflightAsksFor() throws Exception {
    answers("Access-Control-Allow-Origin", ORIGIN, "Access-Control-Allow-Methods", "PUT",
        "Access-Control-Allow-Headers", "x-request-id");

    CheckResult r = preflight(new CorsRequest("put", List.of("X-Request-Id"), false));

    assertThat(r.status()).isEqualTo(CheckStatus.PASS);
    RecordedRequest sent = options();
    assertThat(sent.getHeaders().get("Access-Control-Request-Method")).isEqualTo("PUT");
    assertThat(sent.getHeaders().get("Access-Control-Request-Headers")).isEqualTo("x-request-id");
  }

  @Test
  void missingAllowOriginIsNamed() throws Exception {
    CheckResult r = preflight();

    assertThat(codeAndCause(r)).isEqualTo("NET006/missing-allow-origin");
  }

  @Test
  void anotherOriginIsAMismatchAndATrailingSlashIsPointedOut() throws Exception {
    answers("Access-Control-Allow-Origin", ORIGIN + "/", "Access-Control-Allow-Headers", "*, authorization");

    CheckResult r = preflight();

    assertThat(codeAndCause(r)).isEqualTo("NET006/origin-mismatch");
    assertThat(r.summary()).contains("trailing slash");
  }

  @Test
  void originsCompareExactlyNotIgnoringCase() throws Exception {
    answers("Access-Control-Allow-Origin", "HTTP://LOCALHOST:5173", "Access-Control-Allow-Headers", "*");

    CheckResult r = preflight();

    assertThat(codeAndCause(r)).isEqualTo("NET006/origin-mismatch");
    assertThat(r.summary()).contains("letter case");
  }

  @Test
  void severalAllowOriginValuesAreRejected() throws Exception {
    answers("Access-Control-Allow-Origin", ORIGIN + "|http://localhost:3000");

    CheckResult r = preflight();

    assertThat(codeAndCause(r)).isEqualTo("NET006/origin-mismatch");
    assertThat(r.summary()).contains("several");
  }

  @Test
  void wildcardOriginWithCredentialsIsAnError() throws Exception {
    answers("Access-Control-Allow-Origin", "*", "Access-Control-Allow-Credentials", "true",
        "Access-Control-Allow-Headers", "content-type, authorization");

    CheckResult withCredentials = preflight(new CorsRequest("POST", List.of("content-type"), true));
    CheckResult without = preflight();

    assertThat(codeAndCause(withCredentials)).isEqualTo("NET006/credentials");
    assertThat(withCredentials.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(codeAndCause(without)).isEqualTo("NET006/credentials");
    assertThat(without.status()).isEqualTo(CheckStatus.WARN);
  }

  @Test
  void credentialedRequestNeedsAllowCredentialsTrue() throws Exception {
    answers("Access-Control-Allow-Origin", ORIGIN, "Access-Control-Allow-Headers", "content-type");

    CheckResult r = preflight(new CorsRequest("POST", List.of("content-type"), true));

    assertThat(codeAndCause(r)).isEqualTo("NET006/credentials");
    assertThat(r.evidence()).contains("Access-Control-Allow-Credentials: (absent)");
  }

  @Test
  void redirectedPreflightFails() throws Exception {
    status = 307;
    answers("Location", "http://127.0.0.1:1/api", "Access-Control-Allow-Origin", ORIGIN);

    CheckResult r = preflight();

    assertThat(codeAndCause(r)).isEqualTo("NET006/preflight-failed");
    assertThat(r.summary()).contains("redirect").contains("307");
    assertThat(r.fact("location")).isEqualTo("http://127.0.0.1:1/api");
  }

  @Test
  void preflightAnsweredWithAnErrorStatusFails() throws Exception {
    status = 405;

    CheckResult r = preflight();

    assertThat(codeAndCause(r)).isEqualTo("NET006/preflight-failed");
    assertThat(r.summary()).contains("405");
  }

  @Test
  void unlistedMethodIsNotAllowedButSafelistedPostAlwaysIs() throws Exception {
    answers("Access-Control-Allow-Origin", ORIGIN, "Access-Control-Allow-Methods", "GET",
        "Access-Control-Allow-Headers", "content-type, authorization");

    CheckResult put = preflight(new CorsRequest("PUT", List.of(), false));
    CheckResult post = preflight();

    assertThat(codeAndCause(put)).isEqualTo("NET006/method-not-allowed");
    assertThat(post.status()).isEqualTo(CheckStatus.PASS);
    assertThat(post.evidence()).anyMatch(e -> e.contains("CORS-safelisted"));
  }

  @Test
  void missingAllowMethodsIsNamedForAMethodThatNeedsIt() throws Exception {
    answers("Access-Control-Allow-Origin", ORIGIN);

    CheckResult r = preflight(new CorsRequest("DELETE", List.of(), false));

    assertThat(codeAndCause(r)).isEqualTo("NET006/method-not-allowed");
    assertThat(r.summary()).contains("no Access-Control-Allow-Methods");
  }

  @Test
  void methodsCompareCaseSensitivelyAndWildcardCoversThemWithoutCredentials() throws Exception {
    answers("Access-Control-Allow-Origin", ORIGIN, "Access-Control-Allow-Methods", "patch",
        "Access-Control-Allow-Headers", "content-type");

    assertThat(codeAndCause(preflight(new CorsRequest("PATCH", List.of(), false))))
        .isEqualTo("NET006/method-not-allowed");
    answer.put("Access-Control-Allow-Methods", "*");
    assertThat(preflight(new CorsRequest("PATCH", List.of(), false)).status()).isEqualTo(CheckStatus.PASS);
    answer.put("Access-Control-Allow-Credentials", "true");
    assertThat(codeAndCause(preflight(new CorsRequest("PATCH", List.of(), true))))
        .isEqualTo("NET006/method-not-allowed");
  }

  @Test
  void unlistedHeaderIsNotAllowedAndHeadersCompareIgnoringCase() throws Exception {
    answers("Access-Control-Allow-Origin", ORIGIN, "Access-Control-Allow-Headers", "CONTENT-TYPE");

    CheckResult r = preflight();

    assertThat(codeAndCause(r)).isEqualTo("NET006/header-not-allowed");
    assertThat(r.summary()).contains("authorization");
    answer.put("Access-Control-Allow-Headers", "Content-Type, AUTHORIZATION");
    assertThat(preflight().status()).isEqualTo(CheckStatus.PASS);
  }

  @Test
  void wildcardHeadersNeverCoverAuthorization() throws Exception {
    answers("Access-Control-Allow-Origin", "*", "Access-Control-Allow-Headers", "*");

    CheckResult withAuth = preflight();
    CheckResult withoutAuth = preflight(new CorsRequest("POST", List.of("content-type", "x-trace"), false));

    assertThat(codeAndCause(withAuth)).isEqualTo("NET006/header-not-allowed");
    assertThat(withAuth.summary()).contains("never covers Authorization");
    assertThat(withoutAuth.status()).isEqualTo(CheckStatus.PASS);
  }

  @Test
  void missingAllowHeadersIsNamed() throws Exception {
    answers("Access-Control-Allow-Origin", ORIGIN);

    CheckResult r = preflight();

    assertThat(codeAndCause(r)).isEqualTo("NET006/header-not-allowed");
    assertThat(r.summary()).contains("no Access-Control-Allow-Headers");
  }

  @Test
  void badMethodOrHeaderNameIsRejectedNamingIt() {
    assertThatThrownBy(() -> new CorsRequest("PO ST", List.of(), false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'PO ST'");
    assertThatThrownBy(() -> new CorsRequest("POST", List.of("x:y"), false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'x:y'");
  }

  @Test
  void backendUnreachableSkipsThePreflight() throws Exception {
    Settings s = Settings.defaults(fx.dir).toBuilder()
        .backend(new Backend(URI.create("http://127.0.0.1:" + dev.netdoctor.testing.FaultPorts.closedPort())))
        .build();
    ProbeContext ctx = fx.context(s, null, fx.options().build());
    ctx.record(new BackendProbe().run(ctx));

    assertThat(new CorsProbe(ORIGIN).run(ctx).status()).isEqualTo(CheckStatus.SKIPPED);
  }
}
