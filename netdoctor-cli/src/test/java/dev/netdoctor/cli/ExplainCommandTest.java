package dev.netdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExplainCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shortCodeIsExplainedWithCausesFixRetryAndGuide() {
    Run run = Run.of("explain", "--os", "linux", "NET002");
    assertThat(run.exit).as(run.toString()).isZero();
    assertThat(run.out)
        .contains("NET002 DnsResolutionFailed")
        .contains("nxdomain: The name does not exist")
        .contains("What to do (Linux):")
        .contains("When to retry:")
        .contains("Guide: dns-resolution-failed");
    assertThat(run.err).isEmpty();
  }

  @Test
  void longFormIsAcceptedLikeTheShortCode() {
    Run run = Run.of("explain", "NET002_DnsResolutionFailed");
    assertThat(run.exit).isZero();
    assertThat(run.out).startsWith("NET002 DnsResolutionFailed");
  }

  @Test
  void codesAreCaseInsensitiveAndTrimmed() {
    assertThat(Run.of("explain", " net010 ").out).startsWith("NET010 ProxyAuthenticationFailed");
  }

  @Test
  void osAllPrintsFixStepsForEverySystem() {
    Run run = Run.of("explain", "--os", "all", "NET009");
    assertThat(run.out).contains("What to do (Windows):", "What to do (macOS):", "What to do (Linux):");
  }

  @Test
  void jsonHasTheDocumentedStableKeys() throws Exception {
    Run run = Run.of("explain", "--format", "json", "--os", "windows", "NET010");
    assertThat(run.exit).isZero();
    JsonNode json = JSON.readTree(run.out);
    assertThat(json.fieldNames()).toIterable().containsExactly("recognised", "input", "code", "qualifiedName",
        "category", "title", "message", "transient", "cause", "confidence", "evidence", "context", "causes", "fix",
        "retry", "guide", "hint");
    assertThat(json.get("recognised").asBoolean()).isTrue();
    assertThat(json.get("input").asText()).isEqualTo("code");
    assertThat(json.get("code").asText()).isEqualTo("NET010");
    assertThat(json.get("qualifiedName").asText()).isEqualTo("NET010_ProxyAuthenticationFailed");
    assertThat(json.get("fix").fieldNames()).toIterable().containsExactly("windows");
    assertThat(json.get("guide").get("id").asText()).isEqualTo("proxy-authentication-failed");
    assertThat(json.get("retry").get("when").asText()).isNotEmpty();
    assertThat(json.get("causes")).isNotEmpty();
    assertThat(json.get("hint").isNull()).isTrue();
  }

  @Test
  void notRecognisedTextExitsOneWithAHelpfulLine() throws Exception {
    Run run = Run.of("explain", "the", "printer", "is", "on", "fire");
    assertThat(run.exit).isEqualTo(ExitCode.PROBLEMS);
    assertThat(run.out).contains("Not recognised").contains("netdoctor kb search");
    JsonNode json = JSON.readTree(Run.of("explain", "--format", "json", "the printer is on fire").out);
    assertThat(json.get("recognised").asBoolean()).isFalse();
    assertThat(json.get("code").isNull()).isTrue();
    assertThat(json.get("hint").asText()).contains("kb search");
  }

  @Test
  void markdownIsAPasteableBlock() {
    Run run = Run.of("explain", "--format", "markdown", "--os", "macos", "NET002");
    assertThat(run.exit).isZero();
    assertThat(run.out).startsWith("### NET002 DnsResolutionFailed — DNS resolution failed")
        .contains("**What to do (macOS):**").contains("**Guide:** `dns-resolution-failed`")
        .doesNotContain("\u001b[");
  }

  @Test
  void colourOnlyOnATerminal() {
    assertThat(Run.with(new byte[0], Map.of(), true, "explain", "NET002").out).contains("\u001b[1m");
    assertThat(Run.with(new byte[0], Map.of(), false, "explain", "NET002").out).doesNotContain("\u001b[");
  }

  @Test
  void noColourUnderNoColorOrTheOption() {
    assertThat(Run.with(new byte[0], Map.of("NO_COLOR", "1"), true, "explain", "NET002").out)
        .doesNotContain("\u001b[");
    assertThat(Run.with(new byte[0], Map.of(), true, "explain", "--no-color", "NET002").out)
        .doesNotContain("\u001b[");
    assertThat(Run.with(new byte[0], Map.of(), true, "explain", "--format", "json", "NET002").out)
        .doesNotContain("\u001b[");
  }

  @Test
  void everyHelpDocumentsExitCodesAndExamples() {
    for (String[] args : List.of(new String[] {"--help"}, new String[] {"explain", "--help"},
        new String[] {"scan", "--help"}, new String[] {"kb", "--help"}, new String[] {"kb", "search", "--help"},
        new String[] {"kb", "show", "--help"}, new String[] {"kb", "lint", "--help"})) {
      String command = String.join(" ", args);
      Run run = Run.of(args);
      assertThat(run.exit).as(command).isZero();
      assertThat(run.out).as(command)
          .contains("Exit codes:").contains(" 0 ").contains(" 2 ").contains(" 3 ")
          .contains("Examples:").contains("--format");
    }
  }
}
