package dev.netdoctor.core.kb;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when guides cannot be loaded: a file without front matter, a YAML syntax error, a missing required
 * key, a key of the wrong type, or two guides with the same id in one directory. The message lists every such
 * problem as {@code file:line: message}, one per line.
 */
public final class InvalidGuideException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<LintProblem> problems;

  public InvalidGuideException(List<LintProblem> problems) {
    super(problems.stream().map(LintProblem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  /** The problems, in file order; never empty. */
  public List<LintProblem> problems() {
    return problems;
  }
}
