package dev.netdoctor.core.settings;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code Tools} section (a netdoctor addition): local programs the diagnostics check.
 *
 * @param ffmpegPath {@code FFmpegPath}: the FFmpeg executable; empty means "search {@code PATH}"
 */
public record Tools(Optional<Path> ffmpegPath) {
  private static final Tools DEFAULTS = new Tools(Optional.empty());

  public Tools {
    Objects.requireNonNull(ffmpegPath, "ffmpegPath");
  }

  public static Tools defaults() {
    return DEFAULTS;
  }
}
