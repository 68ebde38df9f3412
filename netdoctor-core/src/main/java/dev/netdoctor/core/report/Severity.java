package dev.netdoctor.core.report;

/** How much a finding matters. */
public enum Severity {
  /** Calls fail because of it. */
  ERROR,
  /** Calls work but are at risk, insecure or slow. */
  WARNING,
  /** Worth knowing; needs no action. */
  INFO
}
