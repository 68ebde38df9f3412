package dev.netdoctor.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The browser test's screenshot leaves the work tree clean unless a person asks to update the README's image. */
class ScreenshotPathTest {
  @Test
  void screenshotGoesUnderTheBuildDirectoryByDefault() {
    Path p = DiagnosticsPageBrowserTest.screenshotPath(new Properties());

    assertThat(p.startsWith("target")).isTrue();
    assertThat(p.toString()).doesNotContain("docs");
  }

  @Test
  void screenshotReplacesTheReadmeImageOnlyWhenAskedTo() {
    Properties asked = new Properties();
    asked.setProperty("netdoctor.updateScreenshot", "true");
    Properties notAsked = new Properties();
    notAsked.setProperty("netdoctor.updateScreenshot", "false");

    assertThat(DiagnosticsPageBrowserTest.screenshotPath(asked))
        .isEqualTo(Path.of("..", "docs", "img", "diagnostics-page.png"));
    assertThat(DiagnosticsPageBrowserTest.screenshotPath(notAsked).startsWith("target")).isTrue();
  }
}
