package dev.netdoctor.core.kb;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One problem in a guide, at a 1-based line of its file. {@link #toString()} is {@code file:line: message},
 * the shape compilers use so editors can jump to it.
 */
public record LintProblem(Path file, int line, String message) {
  public LintProblem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
    if (line < 1) {
      throw new IllegalArgumentException("line must be 1-based: " + line);
    }
  }

  @Override
  public String toString() {
    return file + ":" + line + ": " + message;
  }
}
