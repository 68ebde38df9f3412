package dev.netdoctor.cli.internal;

import dev.netdoctor.core.redact.Redactor;

/**
 * The one place CLI output goes through redaction: every text taken from the user's input or logs passes here
 * before it is printed.
 */
public final class Redaction {
  private Redaction() {}

  public static String redact(String text) {
    return Redactor.redact(text);
  }
}
