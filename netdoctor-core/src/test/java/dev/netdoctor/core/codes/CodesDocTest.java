package dev.netdoctor.core.codes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdoctor.core.codes.internal.CodeTableMarkdown;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/codes.md is generated from codes.json and must not drift from it. Run with
 * {@code -Dnetdoctor.updateDocs=true} to rewrite the file after changing codes.json.
 */
class CodesDocTest {
  @Test
  void docsCodesMdMatchesCodesJson() throws IOException {
    Path doc = ShippedGuides.projectRoot().resolve("docs").resolve("codes.md");
    String expected = CodeTableMarkdown.render(CodeRegistry.builtIn());
    if (Boolean.getBoolean("netdoctor.updateDocs")) {
      Files.createDirectories(doc.getParent());
      Files.writeString(doc, expected, StandardCharsets.UTF_8);
    }
    assertThat(doc).as("docs/codes.md exists").isRegularFile();
    assertThat(Files.readString(doc, StandardCharsets.UTF_8).replace("\r\n", "\n"))
        .as("docs/codes.md is out of date with codes.json; regenerate it with: ./mvnw -q -B -pl netdoctor-core test"
            + " -Dtest=CodesDocTest -Dnetdoctor.updateDocs=true")
        .isEqualTo(expected);
  }

  @Test
  void renderedTableHasOneRowPerCodeWithItsCauses() {
    CodeRegistry registry = CodeRegistry.builtIn();
    String doc = CodeTableMarkdown.render(registry);
    for (ErrorCode code : registry.all()) {
      String row = doc.lines().filter(l -> l.startsWith("| " + code.id() + " |")).findFirst().orElseThrow();
      assertThat(row).contains(code.longName(), code.category(), code.guideId());
      code.causes().forEach(c -> assertThat(row).contains("`" + c.id() + "`"));
    }
    assertThat(doc).contains("`Cannot reach backend service on <url>`")
        .as("placeholders outside code spans are escaped").doesNotContain("Providers.<Name>");
  }
}
