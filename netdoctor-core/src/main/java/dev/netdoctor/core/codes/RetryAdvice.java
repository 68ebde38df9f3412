package dev.netdoctor.core.codes;

import java.util.Objects;

/**
 * How and when to retry a failure.
 *
 * @param when the category of advice
 * @param text one or two sentences for a person, e.g. "Wait 30–60 seconds and try again."
 */
public record RetryAdvice(RetryWhen when, String text) {
  public RetryAdvice {
    Objects.requireNonNull(when, "when");
    Objects.requireNonNull(text, "text");
  }
}
