package dev.netdoctor.core.kb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdoctor.core.codes.CodeRegistry;
import dev.netdoctor.core.codes.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The guides shipped in the jar: they lint clean, cover every code, and rank as a user expects. */
class BuiltInGuidesTest {
  private static final Path SOURCE_DIR = Path.of("src/main/resources/netdoctor/guides");

  private final KnowledgeBase kb = KnowledgeBase.builtIn();

  @Test
  void shippedGuidesHaveNoLintProblems() {
    assertThat(kb.all()).isNotEmpty();
    assertThat(GuideLinter.lintBuiltIn()).map(LintProblem::toString).isEmpty();
  }

  @Test
  void theIndexListsEveryGuideFileExactlyOnce() throws IOException {
    List<String> listed = Files.readAllLines(SOURCE_DIR.resolve("index.txt")).stream()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .toList();
    try (Stream<Path> files = Files.list(SOURCE_DIR)) {
      assertThat(listed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".md"))
          .toList());
    }
  }

  @Test
  void everyCodeHasTheGuideTheRegistryNames() {
    for (ErrorCode code : CodeRegistry.builtIn().all()) {
      assertThat(kb.find(code.id())).as(code.id()).map(Guide::id).contains(code.guideId());
    }
  }

  @Test
  void proxy407RanksTheProxyAuthenticationGuideFirst() {
    assertThat(kb.search("proxy 407", 5)).first()
        .satisfies(hit -> assertThat(hit.guide().errorCodes()).contains("NET010"));
  }

  @Test
  void aCodeRanksItsGuideFirst() {
    assertThat(kb.search("NET002", 5)).first().extracting(h -> h.guide().id()).isEqualTo("dns-resolution-failed");
  }

  @Test
  void anApplicationCodeRanksTheGuideThatDeclaresItFirst() {
    assertThat(kb.search("AI101-NET-001", 5)).first()
        .satisfies(hit -> assertThat(hit.guide().errorCodes()).contains("AI101-NET-001"));
    assertThat(kb.find("AI101-NET-001").orElseThrow().errorCodes()).contains("AI101-NET-001");
    assertThat(kb.registryWithAliases().find("AI101-NET-001")).isPresent();
  }

  @Test
  void misspelledConnectFindsAConnectionGuide() {
    assertThat(kb.search("cant conect", 3))
        .anySatisfy(hit -> assertThat(hit.guide().title().toLowerCase()).containsAnyOf("connect", "network"));
  }

  @Test
  void misspelledCertificateFindsTheCertificateGuideFirst() {
    assertThat(kb.search("certificat expired", 5)).first()
        .satisfies(hit -> assertThat(hit.guide().errorCodes()).contains("NET009"));
  }
}
