package dev.netdoctor.probe;

import dev.netdoctor.core.report.CheckResult;

/**
 * Told of each check as it finishes, for live output. Calls come from engine threads but never concurrently (the
 * engine serialises them), in completion order, each before the run's report is returned.
 */
@FunctionalInterface
public interface DiagnosisListener {
  DiagnosisListener NONE = r -> {};

  void checkFinished(CheckResult result);
}
