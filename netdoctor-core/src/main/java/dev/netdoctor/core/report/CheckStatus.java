package dev.netdoctor.core.report;

/** The outcome of one check. */
public enum CheckStatus {
  /** It works. */
  PASS("✓"),
  /** It works, but something is worth changing (an insecure switch, a certificate expiring soon). */
  WARN("!"),
  /** It does not work. */
  FAIL("✗"),
  /** Not run: its prerequisite failed, it does not apply, or the tool it needs is not installed. */
  SKIPPED("-");

  private final String symbol;

  CheckStatus(String symbol) {
    this.symbol = symbol;
  }

  /** flutter doctor's mark: ✓ ! ✗, or - for skipped. */
  public String symbol() {
    return symbol;
  }
}
