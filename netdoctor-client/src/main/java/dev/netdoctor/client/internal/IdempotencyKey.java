package dev.netdoctor.client.internal;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The {@code Idempotency-Key} of one POST: {@code netdoctor-retry-} and a version-4 UUID in its usual text form.
 *
 * <p>The 122 random bits come from {@link ThreadLocalRandom}, not {@link java.security.SecureRandom} (which
 * {@link java.util.UUID#randomUUID()} uses and which is slow and shared between threads): a key must be unique
 * among one account's requests within the provider's deduplication window, not unguessable; anyone who can
 * read it can read the request too. The key is made before the first attempt, because a server can only
 * deduplicate a retry against an attempt that carried the same key.
 */
public final class IdempotencyKey {
  private static final byte[] PREFIX = "netdoctor-retry-".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private IdempotencyKey() {}

  /** A fresh key; thread-safe and free of locks. */
  public static String next() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;                               // version 4
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;         // IETF variant
    byte[] out = new byte[PREFIX.length + 36];
    System.arraycopy(PREFIX, 0, out, 0, PREFIX.length);
    int at = PREFIX.length;
    at = hex(high >>> 32, 8, out, at);
    out[at++] = '-';
    at = hex(high >>> 16, 4, out, at);
    out[at++] = '-';
    at = hex(high, 4, out, at);
    out[at++] = '-';
    at = hex(low >>> 48, 4, out, at);
    out[at++] = '-';
    hex(low, 12, out, at);
    return new String(out, StandardCharsets.ISO_8859_1);
  }

  /** Writes the low {@code digits} hex digits of {@code value} at {@code at}; returns the next position. */
  private static int hex(long value, int digits, byte[] out, int at) {
    for (int i = digits - 1; i >= 0; i--) {
      out[at + i] = HEX[(int) (value & 0xF)];
      value >>>= 4;
    }
    return at + digits;
  }
}
