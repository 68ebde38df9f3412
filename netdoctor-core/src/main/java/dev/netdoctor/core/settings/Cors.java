package dev.netdoctor.core.settings;

import java.util.List;

/**
 * The {@code Cors} section: the frontend origins the backend must allow (seed 000's NET006).
 *
 * @param allowedOrigins {@code AllowedOrigins}: exact origins ({@code scheme://host[:port]}, no path, no trailing
 *     slash); default {@code http://localhost:5173}, {@code http://localhost:3000}, {@code app://.}
 */
public record Cors(List<String> allowedOrigins) {
  private static final Cors DEFAULTS =
      new Cors(List.of("http://localhost:5173", "http://localhost:3000", "app://."));

  public Cors {
    allowedOrigins = List.copyOf(allowedOrigins);
  }

  public static Cors defaults() {
    return DEFAULTS;
  }
}
