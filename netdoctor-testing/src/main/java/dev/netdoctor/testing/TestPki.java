package dev.netdoctor.testing;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * A small certificate authority made in the test: a root, an intermediate under it, and leaves for loopback
 * names, plus a second "foreign" root standing for a CA the client does not trust (a corporate interception CA).
 *
 * <p>Keys are ECDSA P-256 so a PKI is made in milliseconds. Instances are immutable and thread-safe.
 */
public final class TestPki {
  /** Host names every good leaf carries. */
  public static final String[] LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"};

  private final HeldCertificate root;
  private final HeldCertificate intermediate;
  private final HeldCertificate foreignRoot;
  private final HeldCertificate foreignIntermediate;

  private TestPki(String label) {
    this.root = new HeldCertificate.Builder().commonName(label + " Test Root CA").organizationalUnit("netdoctor")
        .certificateAuthority(1).ecdsa256().build();
    this.intermediate = new HeldCertificate.Builder().commonName(label + " Test Intermediate CA")
        .certificateAuthority(0).signedBy(root).ecdsa256().build();
    this.foreignRoot = new HeldCertificate.Builder().commonName("Corporate Inspection Root CA")
        .organizationalUnit("proxy").certificateAuthority(1).ecdsa256().build();
    this.foreignIntermediate = new HeldCertificate.Builder().commonName("Corporate Inspection Issuing CA")
        .certificateAuthority(0).signedBy(foreignRoot).ecdsa256().build();
  }

  public static TestPki create() {
    return new TestPki("netdoctor");
  }

  /** The root a client should trust. */
  public X509Certificate root() {
    return root.certificate();
  }

  public X509Certificate intermediate() {
    return intermediate.certificate();
  }

  /** The root of the chain presented for {@link TlsFault#UNTRUSTED_ROOT}. */
  public X509Certificate foreignRoot() {
    return foreignRoot.certificate();
  }

  /** Client-side certificates that trust only {@link #root()}. */
  public HandshakeCertificates clientTrust() {
    return new HandshakeCertificates.Builder().addTrustedCertificate(root()).build();
  }

  /** The certificates a server presents for {@code fault}. */
  public HandshakeCertificates serverCertificates(TlsFault fault) {
    Instant now = Instant.now();
    long day = Duration.ofDays(1).toMillis();
    long nowMs = now.toEpochMilli();
    switch (fault) {
      case NONE:
        return chain(leaf(intermediate, nowMs - day, nowMs + 90 * day, LOOPBACK_NAMES), intermediate);
      case EXPIRED:
        return chain(leaf(intermediate, nowMs - 90 * day, nowMs - day, LOOPBACK_NAMES), intermediate);
      case NOT_YET_VALID:
        return chain(leaf(intermediate, nowMs + day, nowMs + 90 * day, LOOPBACK_NAMES), intermediate);
      case SELF_SIGNED:
        return chain(leaf(null, nowMs - day, nowMs + 90 * day, LOOPBACK_NAMES));
      case WRONG_HOST:
        return chain(leaf(intermediate, nowMs - day, nowMs + 90 * day, "wrong-host.invalid"), intermediate);
      case UNTRUSTED_ROOT:
        return chain(leaf(foreignIntermediate, nowMs - day, nowMs + 90 * day, LOOPBACK_NAMES), foreignIntermediate);
      case MISSING_INTERMEDIATE:
        return chain(leaf(intermediate, nowMs - day, nowMs + 90 * day, LOOPBACK_NAMES));
      default:
        throw new IllegalArgumentException("unknown fault " + fault);
    }
  }

  private static HeldCertificate leaf(HeldCertificate issuer, long notBefore, long notAfter, String... names) {
    HeldCertificate.Builder builder = new HeldCertificate.Builder().commonName(names[0])
        .validityInterval(notBefore, notAfter).ecdsa256();
    for (String name : names) builder.addSubjectAlternativeName(name);
    if (issuer != null) builder.signedBy(issuer);
    return builder.build();
  }

  private static HandshakeCertificates chain(HeldCertificate leaf, HeldCertificate... intermediates) {
    X509Certificate[] rest = new X509Certificate[intermediates.length];
    for (int i = 0; i < intermediates.length; i++) rest[i] = intermediates[i].certificate();
    return new HandshakeCertificates.Builder().heldCertificate(leaf, rest).build();
  }
}
