package dev.netdoctor.core.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netdoctor.core.codes.CodeRegistry;
import dev.netdoctor.core.codes.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeBaseTest {
  private static final Path VALID = Fixtures.dir("valid");
  private final KnowledgeBase kb = KnowledgeBase.fromDirectories(List.of(VALID), CodeRegistry.builtIn());

  @Test
  void readsTheFrontMatterAndTheBody() {
    Guide guide = kb.find("connectivity-network-errors").orElseThrow();
    assertThat(guide.title()).isEqualTo("General Network Errors");
    assertThat(guide.category()).isEqualTo("Connectivity");
    assertThat(guide.symptoms()).containsExactly(
        "network error", "connection failed", "cannot connect", "offline", "no internet");
    assertThat(guide.errorCodes()).containsExactly("NET005", "AI101-NET-001", "AI101-NET-002");
    assertThat(guide.relatedDocs())
        .containsExactly("docs/setup.md#network-requirements", "dns-resolution-failed#diagnosis-steps");
    assertThat(guide.body()).startsWith("\n## Symptom Description\n").contains("ping api.openai.com");
    assertThat(guide.source()).isEqualTo(VALID.resolve("connectivity-network-errors.md").toString());
    assertThat(guide.builtIn()).isFalse();
  }

  @Test
  void findsAGuideByIdIgnoringCase() {
    assertThat(kb.find("DNS-Resolution-Failed")).map(Guide::id).contains("dns-resolution-failed");
  }

  @Test
  void findsTheRegistrysGuideForAShortOrLongCode() {
    assertThat(kb.find("NET010")).map(Guide::id).contains("proxy-authentication-failed");
    assertThat(kb.find("net002")).map(Guide::id).contains("dns-resolution-failed");
    assertThat(kb.find("NET002_DnsResolutionFailed")).map(Guide::id).contains("dns-resolution-failed");
  }

  @Test
  void prefersTheRegistrysGuideOverAnotherThatListsTheSameCode(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("a-general.md"), Files.readString(VALID.resolve("connection-refused.md"))
        .replace("id: connection-refused", "id: a-general")
        .replace("  - NET008", "  - NET002"));
    KnowledgeBase both = KnowledgeBase.fromDirectories(List.of(dir, VALID), CodeRegistry.builtIn());
    assertThat(both.all().get(0).id()).isEqualTo("a-general");
    assertThat(both.find("NET002")).map(Guide::id).contains("dns-resolution-failed");
    assertThat(both.guidesFor("NET002")).map(Guide::id).containsExactly("dns-resolution-failed", "a-general");
  }

  @Test
  void anApplicationCodeIsAnAliasOfTheFirstRegistryCodeInItsGuide() {
    assertThat(kb.aliases()).containsEntry("AI101-NET-001", "NET005").containsEntry("AI101-NET-002", "NET005");
    assertThat(kb.registryWithAliases().find("ai101-net-001")).map(ErrorCode::id).contains("NET005");
    assertThat(kb.find("AI101-NET-001")).map(Guide::id).contains("connectivity-network-errors");
  }

  @Test
  void anUnknownIdOrCodeFindsNothing() {
    assertThat(kb.find("NET999")).isEmpty();
    assertThat(kb.find("no-such-guide")).isEmpty();
    assertThat(kb.find("  ")).isEmpty();
    assertThat(kb.find(null)).isEmpty();
  }

  @Test
  void aLaterDirectoryReplacesAGuideWithTheSameIdInItsPlace(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("my-dns.md"), Files.readString(VALID.resolve("dns-resolution-failed.md"))
        .replace("title: DNS Resolution Failed", "title: Our DNS runbook"));
    KnowledgeBase layered = KnowledgeBase.fromDirectories(List.of(VALID, dir), CodeRegistry.builtIn());
    assertThat(layered.all()).hasSameSizeAs(kb.all());
    assertThat(layered.all().indexOf(layered.find("dns-resolution-failed").orElseThrow()))
        .isEqualTo(kb.all().indexOf(kb.find("dns-resolution-failed").orElseThrow()));
    assertThat(layered.find("NET002")).map(Guide::title).contains("Our DNS runbook");
    assertThat(layered.search("runbook", 1)).map(h -> h.guide().title()).containsExactly("Our DNS runbook");
  }

  @Test
  void twoGuidesWithOneIdInOneDirectoryAreRefusedNamingBothFiles() {
    Path dir = Fixtures.dir("invalid/duplicate-ids");
    assertThatThrownBy(() -> KnowledgeBase.fromDirectories(List.of(dir), CodeRegistry.builtIn()))
        .isInstanceOf(InvalidGuideException.class)
        .hasMessage(dir.resolve("duplicate-id-b.md") + ":2: duplicate id 'proxy-guide' (also in "
            + dir.resolve("duplicate-id-a.md") + ":2)");
  }

  @Test
  void aGuideWithoutUsableFrontMatterIsRefusedWithEveryProblem(@TempDir Path dir) throws IOException {
    Path invalid = Fixtures.dir("invalid");
    Files.copy(invalid.resolve("bad-yaml.md"), dir.resolve("bad-yaml.md"));
    Files.copy(invalid.resolve("missing-id.md"), dir.resolve("missing-id.md"));
    assertThatThrownBy(() -> KnowledgeBase.fromDirectories(List.of(dir), CodeRegistry.builtIn()))
        .isInstanceOfSatisfying(InvalidGuideException.class, e -> assertThat(e.problems())
            .map(LintProblem::toString)
            .containsExactly(
                dir.resolve("bad-yaml.md") + ":3: YAML syntax error: mapping values are not allowed here",
                dir.resolve("missing-id.md") + ":1: missing required key 'id'"));
  }

  @Test
  void problemsThatLintReportsDoNotStopLoading(@TempDir Path dir) throws IOException {
    Files.copy(Fixtures.dir("invalid").resolve("unknown-key.md"), dir.resolve("unknown-key.md"));
    Files.copy(Fixtures.dir("invalid").resolve("missing-section.md"), dir.resolve("missing-section.md"));
    assertThat(KnowledgeBase.fromDirectories(List.of(dir), CodeRegistry.builtIn()).all())
        .map(Guide::id).containsExactly("missing-section", "unknown-key");
  }

  @Test
  void aPathThatIsNeitherADirectoryNorAGuideIsRefusedByName() {
    Path missing = VALID.resolve("missing");
    assertThatThrownBy(() -> KnowledgeBase.fromDirectories(List.of(missing), CodeRegistry.builtIn()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(missing + ": not a directory or a .md file");
  }

  @Test
  void aSingleGuideFileCanBeAdded() {
    KnowledgeBase one =
        KnowledgeBase.fromDirectories(List.of(VALID.resolve("rate-limited.md")), CodeRegistry.builtIn());
    assertThat(one.all()).map(Guide::id).containsExactly("rate-limited");
  }

  @Test
  void aSectionIsTheMarkdownUnderItsHeadingWithItsSubsections() {
    Guide guide = kb.find("dns-resolution-failed").orElseThrow();
    assertThat(guide.section("solutions")).hasValueSatisfying(text -> assertThat(text)
        .startsWith("### Flush the DNS cache")
        .contains("# Windows\nipconfig /flushdns")
        .endsWith("Switch to a public resolver when the local one fails."));
    assertThat(guide.section("Prevention")).contains("- Configure two resolvers.\n"
        + "- Do not pin provider addresses in the hosts file.");
    assertThat(guide.section("Troubleshooting")).isEmpty();
  }

  @Test
  void filesInSubdirectoriesAreNotGuides() {
    assertThat(kb.all()).map(Guide::id).doesNotContain("setup").hasSize(9);
  }
}
