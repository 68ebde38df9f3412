package dev.netdoctor.testing;

/** What is wrong with the certificate a {@link TlsServer} presents to a client that trusts {@link TestPki#root()}. */
public enum TlsFault {
  /** Leaf for localhost/127.0.0.1/::1 signed by the intermediate, sent with the intermediate: verifies. */
  NONE,
  /** Leaf whose validity ended a day ago. */
  EXPIRED,
  /** Leaf whose validity starts tomorrow. */
  NOT_YET_VALID,
  /** A leaf that signs itself; no CA involved. */
  SELF_SIGNED,
  /** Valid chain, but the leaf names only {@code wrong-host.invalid}. */
  WRONG_HOST,
  /** A complete, valid chain from a root the client does not trust (what an intercepting proxy presents). */
  UNTRUSTED_ROOT,
  /** The leaf alone, without the intermediate that signed it. */
  MISSING_INTERMEDIATE
}
