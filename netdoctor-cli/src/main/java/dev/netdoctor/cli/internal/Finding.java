package dev.netdoctor.cli.internal;

/**
 * One recognised failure in a log.
 *
 * @param file the input's name as given ({@code stdin} for {@code -})
 * @param line 1-based line number
 * @param code the code, e.g. {@code NET002}
 * @param cause the cause id, or {@code null}
 * @param host the host the line names, or {@code null}
 * @param stamp the line's time, or {@code null}
 * @param text the line, redacted and cut to {@link #MAX_TEXT} characters
 * @param evidence what decided the code, redacted; {@code null} when the classifier gave none
 */
public record Finding(
    String file, long line, String code, String cause, String host, Timestamps.Stamp stamp, String text,
    String evidence) {
  /** How much of a line a finding keeps. */
  public static final int MAX_TEXT = 2000;
}
