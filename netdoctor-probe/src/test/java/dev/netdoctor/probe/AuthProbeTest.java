package dev.netdoctor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.core.report.CheckStatus;
import dev.netdoctor.core.report.ReportJson;
import dev.netdoctor.core.settings.Provider;
import dev.netdoctor.core.settings.ProviderKind;
import dev.netdoctor.core.settings.Secret;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthProbeTest {
  private static final String KEY = "sk-test-abcdefghijklmnopqrstuvwxyz0123456789";
  private final ProbeFixture fx = new ProbeFixture();
  private MockWebServer server;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private CheckResult auth(ProviderKind kind, String basePath, MockResponse answer) throws Exception {
    server.enqueue(answer);
    Provider p = Provider.builtIn(kind).toBuilder().baseUrl(URI.create(server.url(basePath).toString()))
        .apiKey(Optional.of(Secret.of(KEY))).build();
    return new AuthProbe().run(fx.context(Target.provider(p)));
  }

  private static MockResponse answer(int code, String body) {
    return new MockResponse.Builder().code(code).body(body).build();
  }

  @Test
  void acceptedKeyPassesAndOpenAiGetsBearerOnModels() throws Exception {
    CheckResult r = auth(ProviderKind.OPENAI, "/v1", answer(200, "{\"data\":[]}"));

    RecordedRequest req = server.takeRequest(1, TimeUnit.SECONDS);
    assertThat(r.status()).isEqualTo(CheckStatus.PASS);
    assertThat(req.getTarget()).isEqualTo("/v1/models");
    assertThat(req.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
  }

  @Test
  void anthropicGetsXApiKeyAndVersion() throws Exception {
    auth(ProviderKind.ANTHROPIC, "/v1", answer(200, "{}"));

    RecordedRequest req = server.takeRequest(1, TimeUnit.SECONDS);
    assertThat(req.getTarget()).isEqualTo("/v1/models");
    assertThat(req.getHeaders().get("x-api-key")).isEqualTo(KEY);
    assertThat(req.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
  }

  @Test
  void elevenLabsStabilityAndReplicateUseTheirOwnEndpoints() throws Exception {
    auth(ProviderKind.ELEVENLABS, "/v1", answer(200, "{}"));
    RecordedRequest eleven = server.takeRequest(1, TimeUnit.SECONDS);
    auth(ProviderKind.STABILITY, "", answer(200, "{}"));
    RecordedRequest stability = server.takeRequest(1, TimeUnit.SECONDS);
    auth(ProviderKind.REPLICATE, "/v1", answer(200, "{}"));
    RecordedRequest replicate = server.takeRequest(1, TimeUnit.SECONDS);

    assertThat(eleven.getTarget()).isEqualTo("/v1/user");
    assertThat(eleven.getHeaders().get("xi-api-key")).isEqualTo(KEY);
    assertThat(stability.getTarget()).isEqualTo("/v1/user/account");
    assertThat(replicate.getTarget()).isEqualTo("/v1/account");
    assertThat(replicate.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
  }

  @Test
  void unauthorizedIsAnInvalidKeyAndTheKeyNeverAppears() throws Exception {
    CheckResult r = auth(ProviderKind.OPENAI, "/v1", answer(401,
        "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}"));

    assertThat(r.code() + "/" + r.cause()).isEqualTo("AUTH002/invalid");
    assertThat(r.summary()).contains("reachable");
    assertThat(ReportJson.write(r)).doesNotContain(KEY).doesNotContain("sk-test");
  }

  @Test
  void insufficientQuotaIsToldApartFromARateLimit() throws Exception {
    CheckResult quota = auth(ProviderKind.OPENAI, "/v1", answer(429,
        "{\"error\":{\"type\":\"insufficient_quota\",\"code\":\"insufficient_quota\"}}"));
    CheckResult rate = auth(ProviderKind.OPENAI, "/v1", answer(429,
        "{\"error\":{\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}"));

    assertThat(quota.code() + "/" + quota.cause()).isEqualTo("AUTH005/insufficient-quota");
    assertThat(rate.code()).isEqualTo("AUTH006");
  }

  @Test
  void regionBlockIsForbiddenForTheRegion() throws Exception {
    CheckResult r = auth(ProviderKind.OPENAI, "/v1", answer(403,
        "{\"error\":{\"code\":\"unsupported_country_region_territory\",\"message\":\"Country, region, or territory not supported\"}}"));

    assertThat(r.code() + "/" + r.cause()).isEqualTo("AUTH004/region-not-supported");
  }

  @Test
  void noKeyIsSkippedNamingTheVariable() throws Exception {
    Provider p = Provider.builtIn(ProviderKind.OPENAI).toBuilder().baseUrl(URI.create(server.url("/v1").toString()))
        .build();

    CheckResult r = new AuthProbe().run(fx.context(Target.provider(p)));

    assertThat(r.status()).isEqualTo(CheckStatus.SKIPPED);
    assertThat(r.summary()).contains("OPENAI_API_KEY");
  }
}
