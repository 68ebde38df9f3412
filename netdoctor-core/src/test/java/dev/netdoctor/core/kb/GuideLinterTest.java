package dev.netdoctor.core.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GuideLinterTest {
  private static final Path INVALID = Fixtures.dir("invalid");
  private static final List<String> SUBDIRS = List.of("duplicate-ids", "alias-conflict");
  private static List<LintProblem> problems;

  @BeforeAll
  static void lintEveryInvalidFixture() {
    problems = new ArrayList<>(GuideLinter.lint(INVALID));
    SUBDIRS.forEach(d -> problems.addAll(GuideLinter.lint(INVALID.resolve(d))));
  }

  /**
   * One row per rejected fixture: the file and the exact {@code file:line: message} it produces, with paths
   * relative to {@code kb/invalid}. Each file is clean except for the one thing it gets wrong.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      unknown-key.md            | unknown-key.md:9: unknown key 'relatedDoc' (did you mean 'relatedDocs'?)
      missing-id.md             | missing-id.md:1: missing required key 'id'
      bad-yaml.md               | bad-yaml.md:3: YAML syntax error: mapping values are not allowed here
      no-front-matter.md        | no-front-matter.md:1: missing front matter: the file must start with a '---' line
      front-matter-not-mapping.md | front-matter-not-mapping.md:2: front matter must be a mapping of keys to values, found a list
      unclosed-front-matter.md  | unclosed-front-matter.md:1: front matter is not closed: no '---' line follows the one on line 1
      symptoms-not-list.md      | symptoms-not-list.md:5: 'symptoms' must be a list of strings, found a string
      symptom-entry-mapping.md  | symptom-entry-mapping.md:7: 'symptoms' entry 2 must be a string, found a mapping
      title-not-string.md       | title-not-string.md:4: 'title' must be a string, found a list
      empty-symptoms.md         | empty-symptoms.md:5: 'symptoms' must list at least one symptom
      duplicate-key.md          | duplicate-key.md:9: duplicate key 'category' (first on line 4)
      bad-id.md                 | bad-id.md:2: id 'Bad Id' must be lower-case letters and digits joined by '-' (e.g. dns-resolution-failed)
      unknown-code.md           | unknown-code.md:9: unknown error code 'NET999': not in the code registry and not an application code like AI101-NET-001 (did you mean 'NET009'?)
      alias-without-code.md     | alias-without-code.md:8: alias 'AI101-NET-009' maps to no code: list the registry code it stands for in this guide's errorCodes too
      unresolved-related.md     | unresolved-related.md:10: relatedDocs entry 'unknown-key#no-such-heading' does not resolve: guide 'unknown-key' has no heading with anchor '#no-such-heading'
      unresolved-related-file.md | unresolved-related-file.md:10: relatedDocs entry '../valid/docs/missing.md' does not resolve: no file '../valid/docs/missing.md' relative to this guide
      unresolved-related-anchor.md | unresolved-related-anchor.md:10: relatedDocs entry '../valid/docs/setup.md#firewall-rules' does not resolve: '../valid/docs/setup.md' has no heading with anchor '#firewall-rules'
      missing-section.md        | missing-section.md:9: missing section '## Prevention'
      duplicate-ids/duplicate-id-a.md | <none>
      duplicate-ids/duplicate-id-b.md | duplicate-ids/duplicate-id-b.md:2: duplicate id 'proxy-guide' (also in duplicate-ids/duplicate-id-a.md:2)
      alias-conflict/alias-a.md | <none>
      alias-conflict/alias-b.md | alias-conflict/alias-b.md:9: alias 'AI101-NET-007' maps to NET008 here but to NET002 in alias-conflict/alias-a.md:9
      """)
  void eachRejectedFixtureIsReportedWithItsFileLineAndMessage(String fixture, String expected) {
    Path file = INVALID.resolve(fixture);
    List<String> found = problems.stream()
        .filter(p -> p.file().equals(file))
        .map(GuideLinterTest::relative)
        .toList();
    assertThat(found).containsExactlyElementsOf(expected.equals("<none>") ? List.of() : List.of(expected));
  }

  @Test
  void everyInvalidFixtureHasARowInTheTable() throws IOException {
    try (Stream<Path> files = Files.walk(INVALID)) {
      assertThat(files.filter(p -> p.toString().endsWith(".md")).count()).isEqualTo(22);
    }
    assertThat(problems).hasSize(20);
  }

  @Test
  void validFixturesHaveNoProblems() {
    assertThat(GuideLinter.lint(Fixtures.dir("valid"))).isEmpty();
  }

  @Test
  void aRelatedGuideIdThatDoesNotExistSuggestsTheNearestOne(@TempDir Path dir) throws IOException {
    Files.copy(Fixtures.dir("valid").resolve("rate-limited.md"), dir.resolve("rate-limited.md"));
    Files.writeString(dir.resolve("other.md"), Files.readString(dir.resolve("rate-limited.md"))
        .replace("id: rate-limited", "id: other-guide")
        .replace("  - https://platform.openai.com/docs/guides/rate-limits", "  - rate-limted"));
    assertThat(GuideLinter.lint(dir)).map(LintProblem::toString).containsExactly(
        dir.resolve("other.md") + ":12: relatedDocs entry 'rate-limted' does not resolve: "
            + "no guide with id 'rate-limted' (did you mean 'rate-limited'?)");
  }

  @Test
  void aLinkWithCredentialsIsReportedWithoutEchoingThem(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("wiki.md"), Files.readString(Fixtures.dir("valid").resolve("rate-limited.md"))
        .replace("https://platform.openai.com/docs/guides/rate-limits", "https://alice:s3cr3t-pass@wiki.example/proxy"));
    List<LintProblem> problems = GuideLinter.lint(dir);
    assertThat(problems).map(LintProblem::toString).containsExactly(dir.resolve("wiki.md")
        + ":12: relatedDocs entry 'https://***@wiki.example/proxy' carries credentials in the URL: remove them");
    assertThat(problems.toString()).doesNotContain("s3cr3t").doesNotContain("alice");
  }

  @Test
  void linesCountFromTheFileStartWithWindowsLineEndingsAndAByteOrderMark(@TempDir Path dir) throws IOException {
    String text = Files.readString(INVALID.resolve("unknown-key.md")).replace("\n", "\r\n");
    Files.writeString(dir.resolve("crlf.md"), "\uFEFF" + text);
    assertThat(GuideLinter.lint(dir)).map(LintProblem::line).containsExactly(9);
  }

  @Test
  void aHeadingInsideACodeBlockIsNotASection(@TempDir Path dir) throws IOException {
    String text = Files.readString(Fixtures.dir("valid").resolve("rate-limited.md"))
        .replace("## Prevention\n", "```bash\n## Prevention\n```\n");
    Files.writeString(dir.resolve("fenced.md"), text);
    assertThat(GuideLinter.lint(dir)).map(LintProblem::message).containsExactly("missing section '## Prevention'");
  }

  @Test
  void anUnreadableGuideIsReportedNotThrown(@TempDir Path dir) throws IOException {
    Files.write(dir.resolve("binary.md"), new byte[] {(byte) 0xC3, (byte) 0x28, 0, 1, 2});
    assertThat(GuideLinter.lint(dir)).map(LintProblem::toString)
        .containsExactly(dir.resolve("binary.md") + ":1: cannot read: not UTF-8 text");
  }

  @Test
  void aSingleGuideFileCanBeLinted() {
    Path file = INVALID.resolve("missing-section.md");
    assertThat(GuideLinter.lint(file)).map(LintProblem::toString)
        .containsExactly(file + ":9: missing section '## Prevention'");
  }

  @Test
  void aPathThatIsNeitherADirectoryNorAGuideIsRejectedByName() {
    Path file = Fixtures.dir("valid").resolve("docs/setup.txt");
    assertThatThrownBy(() -> GuideLinter.lint(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(file + ": not a directory or a .md file");
  }

  private static String relative(LintProblem p) {
    String root = INVALID + java.io.File.separator;
    return p.toString().replace(root, "").replace('\\', '/');
  }
}
