package dev.netdoctor.probe.internal;

import dev.netdoctor.core.classify.Classification;
import dev.netdoctor.core.classify.Classifier;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Names the code and cause of a failure the probe itself observed, using what it knows and a classifier cannot:
 * the phase the failure happened in. Structure first (exception types), then the JDK's stable message fragments;
 * the core classifier is asked only when neither decides.
 */
public final class FailureMapper {
  /** The phase a failure happened in. */
  public enum Phase { DNS, CONNECT, TLS, REQUEST, RESPONSE }

  /** A code and cause, with the one line that decided it. */
  public record Mapped(String code, String cause, String evidence) {}

  private FailureMapper() {}

  public static Mapped map(Throwable failure, Phase phase) {
    String chain = describe(failure);
    String lower = chain.toLowerCase(Locale.ROOT);
    SocksHandshake.SocksException socks = find(failure, SocksHandshake.SocksException.class);
    if (socks != null) return new Mapped(socks.code(), socks.cause(), chain); // the proxy's answer decides
    if (has(failure, UnknownHostException.class)) return new Mapped("NET002", dnsCause(lower), chain);
    if (has(failure, CertificateExpiredException.class)) return new Mapped("NET009", "expired", chain);
    if (has(failure, CertificateNotYetValidException.class)) return new Mapped("NET009", "not-yet-valid", chain);
    if (has(failure, SSLPeerUnverifiedException.class) && lower.contains("hostname")) {
      return new Mapped("NET009", "hostname-mismatch", chain);
    }
    if (lower.contains("unable to find valid certification path")) return new Mapped("NET009", "untrusted-root", chain);
    if (has(failure, SocketTimeoutException.class) || lower.contains("timeout") || lower.contains("timed out")) {
      if (phase == Phase.CONNECT || lower.contains("connect timed out")) return new Mapped("NET004", "connect", chain);
      if (phase == Phase.DNS) return new Mapped("NET002", "resolver-timeout", chain);
      return new Mapped("NET004", "first-byte", chain);
    }
    if (has(failure, ConnectException.class) && lower.contains("refused")) {
      return new Mapped("NET008", "port-closed", chain);
    }
    if (has(failure, NoRouteToHostException.class) || lower.contains("no route to host")) {
      return new Mapped("NET005", "host-unreachable", chain);
    }
    if (lower.contains("network is unreachable") || has(failure, PortUnreachableException.class)) {
      return new Mapped("NET005", "network-unreachable", chain);
    }
    if (has(failure, SSLException.class) || phase == Phase.TLS) {
      // The JVM's engine and BoringSSL (the timed exchange's, NativeTls) name the same failures differently:
      // BoringSSL by its upper-case reason codes, or its Java side by what it could not parse.
      if (lower.contains("protocol_version") || lower.contains("no appropriate protocol")
          || lower.contains("unsupported_protocol")) {
        return new Mapped("NET003", "protocol-version", chain);
      }
      if (lower.contains("handshake_failure") || lower.contains("no cipher suites")
          || lower.contains("no_shared_cipher") || lower.contains("no_cipher_match")) {
        return new Mapped("NET003", "cipher-mismatch", chain);
      }
      if (lower.contains("unrecognized ssl message") || lower.contains("plaintext")
          || lower.contains("unable to parse tls packet header") || lower.contains("wrong_version_number")) {
        return new Mapped("NET003", "not-tls", chain);
      }
      if (has(failure, SSLHandshakeException.class) && lower.contains("alert")) {
        return new Mapped("NET003", "alert", chain);
      }
      return new Mapped("NET003", "handshake-reset", chain);
    }
    if (lower.contains("connection reset")) return new Mapped("NET013", "reset-by-peer", chain);
    if (lower.contains("broken pipe")) return new Mapped("NET013", "broken-pipe", chain);
    if (has(failure, EOFException.class) || lower.contains("unexpected end of stream")) {
      return new Mapped("NET013", "closed-early", chain);
    }
    if (has(failure, SocketException.class) && phase == Phase.CONNECT) {
      return new Mapped("NET005", "network-unreachable", chain);
    }
    Classification c = Classifier.builtIn().classify(failure);
    if (c.recognised()) return new Mapped(c.code(), c.cause(), chain);
    return new Mapped(phase == Phase.CONNECT ? "NET005" : "NET019", phase == Phase.CONNECT ? "network-unreachable"
        : "malformed-response", chain);
  }

  /** The NET002 cause a resolver's error text names; NXDOMAIN when it only says the name is unknown. */
  public static String dnsCause(String lower) {
    if (lower.contains("servfail")) return "servfail";
    if (lower.contains("refused")) return "refused";
    if (lower.contains("temporary failure") || lower.contains("timed out") || lower.contains("no answer")
        || lower.contains("try again")) {
      return "resolver-timeout";
    }
    return "nxdomain";
  }

  /** {@code SSLHandshakeException: PKIX path building failed <- SunCertPathBuilderException: ...}. */
  public static String describe(Throwable failure) {
    StringBuilder sb = new StringBuilder();
    Throwable t = failure;
    for (int depth = 0; t != null && depth < 6; depth++, t = t.getCause()) {
      if (depth > 0) sb.append(" <- ");
      sb.append(t.getClass().getSimpleName());
      if (t.getMessage() != null) sb.append(": ").append(t.getMessage());
      if (t.getCause() == t) break;
    }
    return sb.toString();
  }

  private static boolean has(Throwable failure, Class<? extends Throwable> type) {
    return find(failure, type) != null;
  }

  private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
    Throwable t = failure;
    for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
      if (type.isInstance(t)) return type.cast(t);
    }
    return null;
  }
}
