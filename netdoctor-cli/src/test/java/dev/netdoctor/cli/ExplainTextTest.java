package dev.netdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code explain} given error text: classified into a code with cause, evidence, fix and guide. */
class ExplainTextTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void pythonErrno8IsDnsNameNotFoundWithFixAndGuide() {
    Run run = Run.of("explain", "[Errno 8] nodename nor servname provided, or not known");
    assertThat(run.exit).as(run.toString()).isZero();
    assertThat(run.out).startsWith("NET002 DnsResolutionFailed").contains("Cause:      nxdomain")
        .contains("Evidence:").contains("What to do").contains("Guide: dns-resolution-failed");
  }

  @Test
  void aWholeStackTraceOnStdinIsClassifiedByItsDeepestCause() {
    String trace = String.join("\n",
        "Exception in thread \"main\" java.io.UncheckedIOException: request to https://api.openai.com failed",
        "\tat com.example.Client.send(Client.java:42)",
        "\tat com.example.Main.main(Main.java:7)",
        "Caused by: java.net.UnknownHostException: api.openai.com: Name or service not known",
        "\tat java.base/java.net.Inet6AddressImpl.lookupAllHostAddr(Native Method)",
        "\t... 2 more",
        "");
    Run run = Run.withStdin(trace, "explain", "-");
    assertThat(run.exit).as(run.toString()).isZero();
    assertThat(run.out).startsWith("NET002");
  }

  @Test
  void jsonForTextCarriesConfidenceAndEvidence() throws Exception {
    JsonNode json = JSON.readTree(Run.of("explain", "--format", "json", "getaddrinfo ENOTFOUND api.openai.com").out);
    assertThat(json.get("recognised").asBoolean()).isTrue();
    assertThat(json.get("input").asText()).isEqualTo("text");
    assertThat(json.get("code").asText()).isEqualTo("NET002");
    assertThat(json.get("confidence").asDouble()).isBetween(0.01, 1.0);
    assertThat(json.get("evidence")).isNotEmpty();
    assertThat(json.get("evidence").get(0).get("matched").asText()).isNotBlank();
  }

  @Test
  void secretsInTheInputAreNeverEchoed() {
    String text = "openai.AuthenticationError: Error code: 401 - Incorrect API key provided: "
        + "sk-proj-Zq8XyW3vU9tS2rQ7pO6nM5lK4jI1hG0f. Proxy http://build:Hunter2pass@proxy.corp.example:3128";
    for (String format : new String[] {"text", "json", "markdown"}) {
      Run run = Run.of("explain", "--format", format, text);
      assertThat(run.out + run.err).as(format).doesNotContain("Zq8XyW3vU9tS2rQ7").doesNotContain("Hunter2pass");
    }
  }

  @Test
  void fixStepsNameTheHostTheTextNames() throws Exception {
    Run text = Run.of("explain", "--os", "linux", "getaddrinfo ENOTFOUND api.anthropic.com");
    JsonNode json = JSON.readTree(Run.of("explain", "--os", "linux", "--format", "json",
        "getaddrinfo ENOTFOUND api.anthropic.com").out);

    assertThat(text.out).contains("getent hosts api.anthropic.com").doesNotContain("<host>");
    assertThat(json.get("fix").get("linux").get(0).asText()).contains("nslookup api.anthropic.com 1.1.1.1");
    assertThat(Run.of("explain", "--os", "linux", "NET002").out).contains("getent hosts <host>");
  }
}
