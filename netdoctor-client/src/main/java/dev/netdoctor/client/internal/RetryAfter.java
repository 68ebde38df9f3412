package dev.netdoctor.client.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import okhttp3.Headers;

/**
 * Reads how long a server asks the client to wait, as the official SDKs do: {@code retry-after-ms}
 * (milliseconds, may be fractional) first, then {@code Retry-After} as seconds (may be fractional) or as an
 * HTTP date. A date in the past, a negative or unparseable value counts as "not said".
 */
public final class RetryAfter {
  private RetryAfter() {}

  /** The requested wait, or empty when the headers do not say (or say nonsense). */
  public static Optional<Duration> parse(Headers headers, Instant now) {
    String ms = headers.get("retry-after-ms");
    if (ms != null) {
      Optional<Duration> d = number(ms.trim(), 1);
      if (d.isPresent()) return d;
    }
    String value = headers.get("Retry-After");
    if (value == null || value.isBlank()) return Optional.empty();
    value = value.trim();
    Optional<Duration> seconds = number(value, 1000);
    if (seconds.isPresent()) return seconds;
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(now, at);
      return wait.isNegative() ? Optional.of(Duration.ZERO) : Optional.of(wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<Duration> number(String text, long millisPerUnit) {
    try {
      double v = Double.parseDouble(text);
      if (Double.isNaN(v) || Double.isInfinite(v) || v < 0) return Optional.empty();
      return Optional.of(Duration.ofNanos((long) (v * millisPerUnit * 1_000_000d)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
