package dev.netdoctor.core.settings;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The settings could not be loaded. Carries every problem found (errors and warnings, in source order), not only
 * the first; the message lists the errors one per line. No message contains a secret.
 */
public final class SettingsException extends Exception {
  private final transient List<SettingsProblem> problems;

  public SettingsException(List<SettingsProblem> problems) {
    super(format(problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, errors and warnings. */
  public List<SettingsProblem> problems() {
    return problems;
  }

  /** Only the errors (there is at least one). */
  public List<SettingsProblem> errors() {
    return problems.stream().filter(SettingsProblem::isError).toList();
  }

  private static String format(List<SettingsProblem> problems) {
    List<SettingsProblem> errors = problems.stream().filter(SettingsProblem::isError).toList();
    String head = errors.size() == 1 ? "invalid settings: " : "invalid settings (" + errors.size() + " errors):\n";
    return head + errors.stream().map(SettingsProblem::toString).collect(Collectors.joining("\n"));
  }
}
