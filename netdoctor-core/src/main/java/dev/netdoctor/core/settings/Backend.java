package dev.netdoctor.core.settings;

import java.net.URI;
import java.util.Objects;

/**
 * The {@code Backend} section: where the application's own backend listens (seed 000's NET001).
 *
 * @param baseUrl {@code BaseUrl}, default {@code http://localhost:5005}
 */
public record Backend(URI baseUrl) {
  private static final Backend DEFAULTS = new Backend(URI.create("http://localhost:5005"));

  public Backend {
    Objects.requireNonNull(baseUrl, "baseUrl");
  }

  public static Backend defaults() {
    return DEFAULTS;
  }
}
