package dev.netdoctor.core.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** classify(HttpFailure): status, headers and each provider's error body. */
class HttpFailureClassificationTest {
  private static final Classifier CLASSIFIER = Classifier.builtIn();

  private static Classification classify(int status, String body) {
    return CLASSIFIER.classify(HttpFailure.of(status, body));
  }

  @Test
  void openAiInsufficientQuotaIsQuotaExhaustedNotRateLimit() {
    Classification c = classify(429, """
        {"error":{"message":"You exceeded your current quota, please check your plan and billing details.",
        "type":"insufficient_quota","param":null,"code":"insufficient_quota"}}""");

    assertThat(c.code()).isEqualTo("AUTH005");
    assertThat(c.cause()).isEqualTo("insufficient-quota");
    assertThat(c.evidence()).extracting(Evidence::kind).contains("provider-error");
    assertThat(c.context()).extracting(Classification::code).containsExactly("AUTH006");
  }

  @Test
  void openAiRateLimitIsRateLimitedWithItsDimension() {
    Classification c = classify(429, """
        {"error":{"message":"Rate limit reached for gpt-4o in organization org-x on tokens per min (TPM): Limit 30000",
        "type":"tokens","param":null,"code":"rate_limit_exceeded"}}""");

    assertThat(c.code()).isEqualTo("AUTH006");
    assertThat(c.cause()).isEqualTo("tokens");
  }

  @Test
  void a429WithoutBodyIsRateLimitedByRequests() {
    Classification c = classify(429, "");

    assertThat(c.code()).isEqualTo("AUTH006");
    assertThat(c.cause()).isEqualTo("requests");
    assertThat(c.evidence()).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo("http-status");
      assertThat(e.matched()).isEqualTo("HTTP 429");
    });
  }

  @Test
  void anthropicOverloadedIsProviderOverloaded() {
    Classification c = CLASSIFIER.classify(new HttpFailure(529, Map.of(),
        "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}", "anthropic"));

    assertThat(c.code()).isEqualTo("NET007");
    assertThat(c.cause()).isEqualTo("overloaded");
  }

  @Test
  void anthropicRateLimitAndAuthenticationErrorsAreTold() {
    assertThat(classify(429, "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"x\"}}")
        .code()).isEqualTo("AUTH006");
    assertThat(classify(401,
        "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key\"}}")
        .code()).isEqualTo("AUTH002");
  }

  @Test
  void unsupportedRegionIsForbiddenForRegion() {
    Classification c = classify(403, """
        {"error":{"code":"unsupported_country_region_territory","message":"Country, region, or territory not supported",
        "param":null,"type":"request_forbidden"}}""");

    assertThat(c.code()).isEqualTo("AUTH004");
    assertThat(c.cause()).isEqualTo("region-not-supported");
  }

  @Test
  void a401IsAnInvalidKey() {
    Classification c = classify(401, "");

    assertThat(c.code()).isEqualTo("AUTH002");
    assertThat(c.cause()).isEqualTo("invalid");
  }

  @Test
  void a407CarriesTheSchemeFromProxyAuthenticate() {
    Classification basic = CLASSIFIER.classify(new HttpFailure(407,
        Map.of("Proxy-Authenticate", List.of("Basic realm=\"corp\"")), "", null));
    Classification negotiate = CLASSIFIER.classify(new HttpFailure(407,
        Map.of("proxy-authenticate", List.of("Negotiate")), "", null));

    assertThat(basic.code()).isEqualTo("NET010");
    assertThat(basic.cause()).isEqualTo("credentials-missing");
    assertThat(basic.evidence()).anySatisfy(e -> {
      assertThat(e.kind()).isEqualTo("header");
      assertThat(e.matched()).isEqualTo("Proxy-Authenticate: Basic realm=\"corp\"");
    });
    assertThat(negotiate.code()).isEqualTo("NET010");
    assertThat(negotiate.cause()).isEqualTo("scheme-unsupported");
  }

  @Test
  void a408IsAServerRequestTimeout() {
    Classification c = classify(408, "");

    assertThat(c.code()).isEqualTo("NET004");
    assertThat(c.cause()).isEqualTo("server-request-timeout");
  }

  @Test
  void serverErrorsMapToProviderUnavailableCauses() {
    assertThat(classify(500, "").cause()).isEqualTo("server-error");
    assertThat(classify(502, "<html><body><h1>502 Bad Gateway</h1></body></html>").cause())
        .isEqualTo("bad-gateway");
    assertThat(classify(503, "").cause()).isEqualTo("service-unavailable");
    assertThat(classify(504, "").cause()).isEqualTo("gateway-timeout");
    assertThat(classify(503, "").code()).isEqualTo("NET007");
  }

  @Test
  void a5xxWhoseBodySaysTheNameDidNotResolveIsADnsFailureWithTheStatusAsContext() {
    Classification c = classify(500,
        "{\"error\":{\"message\":\"upstream request failed: getaddrinfo ENOTFOUND api.openai.com\",\"type\":null}}");

    assertThat(c.code()).isEqualTo("NET002");
    assertThat(c.cause()).isEqualTo("nxdomain");
    assertThat(c.context()).singleElement().satisfies(ctx -> {
      assertThat(ctx.code()).isEqualTo("NET007");
      assertThat(ctx.cause()).isEqualTo("server-error");
    });
  }

  @Test
  void elevenLabsDetailStatusIsRead() {
    assertThat(classify(401, "{\"detail\":{\"status\":\"quota_exceeded\",\"message\":\"This request exceeds your quota of 10000.\"}}")
        .code()).isEqualTo("AUTH005");
    assertThat(classify(401, "{\"detail\":{\"status\":\"invalid_api_key\",\"message\":\"Invalid API key\"}}")
        .code()).isEqualTo("AUTH002");
  }

  @Test
  void replicateAndStabilityProblemBodiesAreRead() {
    assertThat(classify(402, "{\"title\":\"Insufficient credit\",\"detail\":\"You have insufficient credit to run this model.\",\"status\":402}")
        .code()).isEqualTo("AUTH005");
    assertThat(classify(429, "{\"title\":\"Request was throttled.\",\"detail\":\"Request was throttled. Expected available in 1 second.\",\"status\":429}")
        .code()).isEqualTo("AUTH006");
    assertThat(classify(402, "{\"id\":\"abc\",\"name\":\"payment_required\",\"errors\":[\"lack of balance\"]}")
        .code()).isEqualTo("AUTH005");
  }

  @Test
  void successAndUnrelatedStatusesAreNotRecognised() {
    assertThat(classify(200, "{\"ok\":true}").recognised()).isFalse();
    assertThat(classify(404, "{\"error\":{\"message\":\"not found\"}}").recognised()).isFalse();
  }

  @Test
  void aBodyThatIsNotValidJsonIsReadAsText() {
    Classification c = classify(502, "{not json: upstream connect error ECONNREFUSED");

    assertThat(c.code()).isEqualTo("NET008");
    assertThat(c.context()).extracting(Classification::code).contains("NET007");
  }
}
