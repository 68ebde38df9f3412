package dev.netdoctor.core.redact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactorTest {
  @Test
  void openAiKeysKeepTheirPrefixOnly() {
    assertThat(Redactor.redact("key sk-abcdefghijklmnopqrstuvwxyz0123456789ABCD used"))
        .isEqualTo("key sk-*** used");
    assertThat(Redactor.redact("sk-proj-Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0_-xyz")).isEqualTo("sk-proj-***");
  }

  @Test
  void anthropicKeysAreMasked() {
    assertThat(Redactor.redact("ANTHROPIC_API_KEY=sk-ant-api03-AbCdEf0123456789-ghIJkl_mnOP"))
        .doesNotContain("AbCdEf0123456789").contains("***");
    assertThat(Redactor.redact("using sk-ant-api03-AbCdEf0123456789-ghIJkl_mnOP now"))
        .isEqualTo("using sk-ant-*** now");
  }

  @Test
  void replicateTokensAreMasked() {
    assertThat(Redactor.redact("token r8_AbCdEfGhIjKlMnOpQrStUvWxYz012345 rejected"))
        .isEqualTo("token r8_*** rejected");
  }

  @Test
  void elevenLabsKeyHeaderIsMasked() {
    assertThat(Redactor.redact("xi-api-key: 0123456789abcdef0123456789abcdef"))
        .isEqualTo("xi-api-key: ***");
    assertThat(Redactor.redact("{\"xi-api-key\": \"0123456789abcdef0123456789abcdef\"}"))
        .isEqualTo("{\"xi-api-key\": \"***\"}");
  }

  @Test
  void bearerTokensAreMasked() {
    assertThat(Redactor.redact("sent Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc123 to the api"))
        .isEqualTo("sent Bearer *** to the api");
  }

  @Test
  void authorizationHeadersKeepTheSchemeOnly() {
    assertThat(Redactor.redact("Authorization: Bearer abcdef123456")).isEqualTo("Authorization: Bearer ***");
    assertThat(Redactor.redact("Proxy-Authorization: Basic dXNlcjpwYXNzd29yZA==\r\nHost: x"))
        .isEqualTo("Proxy-Authorization: Basic ***\r\nHost: x");
    assertThat(Redactor.redact("authorization: somerawtoken")).isEqualTo("authorization: ***");
  }

  @Test
  void apiKeyHeadersAreMasked() {
    assertThat(Redactor.redact("x-api-key: my-secret-value")).isEqualTo("x-api-key: ***");
    assertThat(Redactor.redact("api-key: 1234567890abcdef")).isEqualTo("api-key: ***");
  }

  @Test
  void passwordsInUrlsAreMaskedAndTheUserKept() {
    assertThat(Redactor.redact("HTTPS_PROXY=http://alice:s3cr3t!@proxy.corp:3128"))
        .isEqualTo("HTTPS_PROXY=http://alice:***@proxy.corp:3128");
  }

  @Test
  void secretQueryAndJsonValuesAreMasked() {
    assertThat(Redactor.redact("GET /v1/x?api_key=abc123&model=gpt-4o")).isEqualTo("GET /v1/x?api_key=***&model=gpt-4o");
    assertThat(Redactor.redact("{\"password\": \"hunter2\", \"user\": \"bob\"}"))
        .isEqualTo("{\"password\": \"***\", \"user\": \"bob\"}");
    assertThat(Redactor.redact("{'token': 'abc.def.ghi'}")).isEqualTo("{'token': '***'}");
  }

  @Test
  void ordinaryTextIsUnchanged() {
    String text = "curl: (6) Could not resolve host: api.openai.com; max_tokens=100 skip-this task-list";
    assertThat(Redactor.redact(text)).isEqualTo(text);
    assertThat(Redactor.redact(null)).isNull();
    assertThat(Redactor.redact("")).isEmpty();
  }

  @Test
  void alreadyMaskedKeysStayAsTheProviderPrintedThem() {
    String text = "Incorrect API key provided: sk-proj-********************abcd.";
    assertThat(Redactor.redact(text)).isEqualTo(text);
  }

  @Test
  void redactingIsIdempotent() {
    String once = Redactor.redact("Authorization: Bearer abcdef123456 http://u:p@h sk-abcdefghijklmnopqrstu");
    assertThat(Redactor.redact(once)).isEqualTo(once);
  }

  @Test
  void aStatusThatDescribesAKeyStaysReadableButAKeyIsStillMasked() {
    assertThat(Redactor.redact("\"ApiKey\": \"not set (OPENAI_API_KEY)\""))
        .isEqualTo("\"ApiKey\": \"not set (OPENAI_API_KEY)\"");
    assertThat(Redactor.redact("api_key=set (51 characters)")).isEqualTo("api_key=set (51 characters)");
    assertThat(Redactor.redact("\"ApiKey\": \"notsecretvalue123\"")).doesNotContain("notsecretvalue123");
    assertThat(Redactor.redact("password=nothing-to-see")).doesNotContain("nothing-to-see");
  }
}
