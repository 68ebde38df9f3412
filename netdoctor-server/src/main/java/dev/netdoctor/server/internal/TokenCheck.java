package dev.netdoctor.server.internal;

import dev.netdoctor.core.settings.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Checks {@code Authorization: Bearer <token>} against the configured token in constant time (the comparison
 * does not stop at the first differing byte, so response times do not reveal how much of a guess was right).
 * The token is accepted only in the header, never in a query string that proxies and access logs keep.
 */
public final class TokenCheck {
  private final Optional<byte[]> expected;

  public TokenCheck(Optional<Secret> token) {
    this.expected = token.map(t -> digest(t.reveal()));
  }

  /** Whether a token is required at all. */
  public boolean required() {
    return expected.isPresent();
  }

  /** Whether the request with this {@code Authorization} header (may be null) may proceed. */
  public boolean allows(String authorization) {
    if (expected.isEmpty()) return true;
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) return false;
    // Comparing fixed-length digests keeps even the token's length out of the timing.
    return MessageDigest.isEqual(expected.get(), digest(authorization.substring(7).trim()));
  }

  private static byte[] digest(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
