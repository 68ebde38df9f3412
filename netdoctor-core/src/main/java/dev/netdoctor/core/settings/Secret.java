package dev.netdoctor.core.settings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A value that must never be printed: an API key, a token, a proxy password.
 *
 * <p>{@link #toString()} is always {@value #REDACTED}; only {@link #reveal()} gives the value, and callers use it
 * solely to put the value on the wire (an HTTP header, a proxy authorization). Equality compares the values in
 * constant time so a {@code Secret} can be used in records without leaking it through timing or printing.
 */
public final class Secret {
  /** What {@link #toString()} prints instead of the value. */
  public static final String REDACTED = "[redacted]";

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /**
   * Wraps {@code value}.
   *
   * @throws IllegalArgumentException if the value is empty (an empty key is "not set", use {@code Optional})
   */
  public static Secret of(String value) {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("a secret cannot be empty");
    }
    return new Secret(value);
  }

  /** The value itself, for putting on the wire. Never log or print it. */
  public String reveal() {
    return value;
  }

  /** The length of the value, handy for a report such as "key set (51 characters)". */
  public int length() {
    return value.length();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret other
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.UTF_8), other.value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return 1; // deliberately constant: a hash derived from the value would leak information about it
  }

  @Override
  public String toString() {
    return REDACTED;
  }
}
