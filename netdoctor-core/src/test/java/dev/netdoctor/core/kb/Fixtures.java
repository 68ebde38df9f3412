package dev.netdoctor.core.kb;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Locates the guide fixtures under {@code src/test/resources/kb}. */
final class Fixtures {
  private Fixtures() {}

  static Path dir(String relative) {
    URL url = Fixtures.class.getResource("/kb/" + relative);
    if (url == null) throw new IllegalStateException("missing fixture directory kb/" + relative);
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
