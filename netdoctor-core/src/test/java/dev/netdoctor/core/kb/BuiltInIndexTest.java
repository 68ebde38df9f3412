package dev.netdoctor.core.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netdoctor.core.codes.CodeRegistry;
import dev.netdoctor.core.kb.internal.GuideChecks;
import dev.netdoctor.core.kb.internal.GuideSet;
import dev.netdoctor.core.kb.internal.GuideSources;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The built-in guide index, read through a class loader over a fixture tree with a broken index. */
class BuiltInIndexTest {

  @Test
  void indexEntriesThatPointNowhereAreReportedOnTheirLine() throws IOException {
    try (URLClassLoader loader = loaderOver(Fixtures.dir("broken-index"))) {
      List<LintProblem> problems =
          new GuideChecks(GuideSet.builtIn(loader), List.of(), CodeRegistry.builtIn()).run();
      assertThat(problems).map(LintProblem::toString).containsExactly(
          "netdoctor/guides/index.txt:4: listed guide 'missing.md' does not exist",
          "netdoctor/guides/index.txt:5: 'sub/dir.md' is not a guide file name (expected NAME.md, no directories)",
          "netdoctor/guides/index.txt:6: 'ok.md' is listed twice (first on line 2)");
      assertThat(GuideSet.builtIn(loader).guides()).map(Guide::id).containsExactly("rate-limited");
      assertThat(GuideSet.builtIn(loader).guides().get(0).source())
          .isEqualTo("classpath:netdoctor/guides/ok.md");
    }
  }

  @Test
  void aClassPathWithoutTheIndexIsABrokenJar() throws IOException {
    try (URLClassLoader loader = loaderOver(Fixtures.dir("valid"))) {
      assertThatThrownBy(() -> GuideSources.builtIn(loader))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("missing class-path resource /netdoctor/guides/index.txt");
    }
  }

  private static URLClassLoader loaderOver(Path root) throws IOException {
    return new URLClassLoader(new URL[] {root.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
  }
}
