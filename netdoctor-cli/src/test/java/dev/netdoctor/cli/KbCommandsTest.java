package dev.netdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KbCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String GUIDE = String.join("\n",
      "---",
      "id: team-vpn-dns",
      "title: Our VPN breaks DNS for the model gateway",
      "category: Connectivity",
      "symptoms:",
      "  - gateway name does not resolve on the VPN",
      "errorCodes:",
      "  - NET002",
      "relatedDocs:",
      "  - dns-resolution-failed",
      "---",
      "",
      "## Symptom Description",
      "",
      "The zorblax gateway cannot be resolved while the VPN is up.",
      "",
      "## Diagnosis Steps",
      "",
      "1. **Check** `getent hosts gateway.example`",
      "",
      "## Solutions",
      "",
      "Split DNS.",
      "",
      "## Prevention",
      "",
      "Keep the VPN profile current.",
      "",
      "## Related Documentation",
      "",
      "- dns-resolution-failed",
      "");

  @TempDir Path dir;

  private Path guides() throws IOException {
    Path d = Files.createDirectories(dir.resolve("guides"));
    Files.writeString(d.resolve("team-vpn-dns.md"), GUIDE);
    return d;
  }

  @Test
  void searchRanksTheProxyAuthenticationGuideFirstForProxy407() {
    Run run = Run.of("kb", "search", "proxy 407");
    assertThat(run.exit).as(run.toString()).isZero();
    String firstHit = run.out.lines().skip(1).findFirst().orElseThrow();
    assertThat(firstHit).contains("proxy-authentication-failed").contains("NET010");
  }

  @Test
  void searchJsonListsScoreIdTitleAndCodes() throws Exception {
    JsonNode json = JSON.readTree(Run.of("kb", "search", "--format", "json", "--limit", "3", "certificat expired").out);
    assertThat(json.get("hits")).isNotEmpty().hasSizeLessThanOrEqualTo(3);
    JsonNode hit = json.get("hits").get(0);
    assertThat(hit.get("score").asDouble()).isPositive();
    assertThat(hit.get("id").asText()).isNotBlank();
    assertThat(hit.get("codes").isArray()).isTrue();
  }

  @Test
  void searchWithoutHitExitsOne() {
    Run run = Run.of("kb", "search", "qqxjvz");
    assertThat(run.exit).as(run.toString()).isEqualTo(ExitCode.PROBLEMS);
    assertThat(run.out).contains("No guide matches");
  }

  @Test
  void searchLimitBelowOneIsBadInput() {
    Run run = Run.of("kb", "search", "--limit", "0", "dns");
    assertThat(run.exit).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(run.err).contains("--limit: must be 1 or more");
  }

  @Test
  void showFindsAGuideByCodeAndRendersItForTheTerminal() {
    Run run = Run.of("kb", "show", "NET010");
    assertThat(run.exit).as(run.toString()).isZero();
    assertThat(run.out).startsWith("Proxy authentication failed").contains("SYMPTOM DESCRIPTION")
        .doesNotContain("## ");
  }

  @Test
  void showMarkdownIsTheGuideAsWrittenAndJsonHasItsFields() throws Exception {
    assertThat(Run.of("kb", "show", "--format", "markdown", "dns-resolution-failed").out)
        .startsWith("# ").contains("## Symptom Description");
    JsonNode json = JSON.readTree(Run.of("kb", "show", "--format", "json", "NET002_DnsResolutionFailed").out);
    assertThat(json.get("id").asText()).isEqualTo("dns-resolution-failed");
    assertThat(json.get("errorCodes").toString()).contains("NET002");
    assertThat(json.get("body").asText()).contains("Symptom Description");
  }

  @Test
  void showOfAnUnknownGuideIsBadInputPointingAtSearch() {
    Run run = Run.of("kb", "show", "no-such-guide");
    assertThat(run.exit).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(run.err).contains("no guide 'no-such-guide'").contains("kb search");
  }

  @Test
  void aUsersGuidesAreSearchedAndShownWithKbDir() throws IOException {
    Path d = guides();
    Run search = Run.of("kb", "search", "--kb", d.toString(), "zorblax");
    assertThat(search.exit).as(search.toString()).isZero();
    assertThat(search.out).contains("team-vpn-dns");
    assertThat(Run.of("kb", "show", "--kb", d.toString(), "team-vpn-dns").out)
        .startsWith("Our VPN breaks DNS for the model gateway");
  }

  @Test
  void kbDirThatIsNotADirectoryIsBadInput() throws IOException {
    Path file = Files.writeString(dir.resolve("x.md"), "x");
    Run run = Run.of("kb", "search", "--kb", file.toString(), "dns");
    assertThat(run.exit).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(run.err).contains("--kb " + file + ": not a directory");
  }

  @Test
  void lintPassesOnTheShippedGuides() {
    Run run = Run.of("kb", "lint");
    assertThat(run.exit).as(run.toString()).isZero();
    assertThat(run.out).contains("No problems in built-in guides");
  }

  @Test
  void lintReportsFileAndLineOfEachProblemAndExitsOne() throws IOException {
    Path d = guides();
    Files.writeString(d.resolve("broken.md"), GUIDE.replace("id: team-vpn-dns", "id: broken-guide")
        .replace("  - NET002", "  - NET999").replace("category: Connectivity", "category: Connectivity\ncolour: red"));
    Run run = Run.of("kb", "lint", d.toString());
    assertThat(run.exit).as(run.toString()).isEqualTo(ExitCode.PROBLEMS);
    assertThat(run.out).containsPattern(java.util.regex.Pattern.quote(d.resolve("broken.md").toString())
        + ":\\d+: .*NET999");
    assertThat(run.out).containsPattern("broken.md:5: .*colour");
  }

  @Test
  void lintOfAMissingDirectoryIsBadInput() {
    Run run = Run.of("kb", "lint", dir.resolve("nope").toString());
    assertThat(run.exit).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(run.err).contains("nope: no such directory");
  }

  @Test
  void explainAcceptsAnApplicationAliasDeclaredByAGuide() {
    Run run = Run.of("explain", "AI101-NET-001");
    assertThat(run.exit).as(run.toString()).isZero();
    assertThat(run.out).startsWith("NET005");
  }

  @Test
  void explainShowsTheGuideTitle() {
    assertThat(Run.of("explain", "NET010").out).contains("Guide: proxy-authentication-failed — Proxy authentication failed");
  }
}
