package dev.netdoctor.probe;

import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.core.settings.TlsVersion;
import dev.netdoctor.probe.internal.CapturingTrustManager;
import dev.netdoctor.probe.internal.FailureMapper;
import dev.netdoctor.probe.internal.ProxyTunnel;
import dev.netdoctor.probe.internal.ResultBuilder;
import dev.netdoctor.probe.internal.HandshakeCpu;
import dev.netdoctor.probe.internal.HttpsWarmup;
import dev.netdoctor.probe.internal.TrustSupport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import okhttp3.internal.tls.OkHostnameVerifier;

/**
 * A TLS handshake with the target (directly, or through the proxy's tunnel), offering the versions the settings
 * allow ({@code MinimumTLSVersion}, {@code AllowedTLSVersions}) and the name for SNI. The chain is kept even when
 * verification fails ({@link CapturingTrustManager}); the verdict of the trust store the application uses, the
 * host-name match and the days to expiry are reported separately.
 *
 * <p>Facts: {@code tlsVersion}, {@code cipher}, {@code chain} (list of maps {@code subject}, {@code issuer},
 * {@code notAfter}), {@code rootIssuer} (issuer of the last certificate sent), {@code publicRoot} (whether that
 * issuer is a root of the JVM's default store), {@code verified}, {@code verifyError}, {@code hostnameMatch},
 * {@code daysToExpiry}, {@code trustStore}, {@code insecure}, {@code handshakeMs}, {@code handshakeCpuMs}.
 *
 * <p>Every handshake is a full one in a TLS context of its own (never a resumption), timed from the moment the
 * connection is open and the JVM's one-time TLS set-up is done ({@link HttpsWarmup}): {@code handshakeMs} is the
 * handshake itself, comparable with curl's {@code time_appconnect - time_connect}. {@code handshakeCpuMs} is the
 * part of it this process spent computing (its thread's CPU time, where the JVM can tell): in a fresh JVM the TLS
 * code still runs interpreted and this is tens of milliseconds, which is the JVM's cost, not the network's or the
 * server's; {@code handshakeMs - handshakeCpuMs} is the time spent waiting for the server and the network.
 */
public final class TlsProbe implements Probe {
  public static final String NAME = "tls";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CheckResult run(ProbeContext ctx) {
    Target target = ctx.requireTarget();
    ResultBuilder r = new ResultBuilder(NAME, ctx);
    if (!target.https()) return r.skip("plain http: no TLS");
    boolean insecure = ctx.options().insecure() || ctx.settings().network().ignoreSslErrors();
    TrustSupport.Trust trust = TrustSupport.resolve(ctx.settings(), ctx.options(), ctx.env().systemProperties());
    r.fact("trustStore", trust.description()).fact("insecure", insecure);

    Socket raw = new Socket();
    try {
      if (!ctx.proxy().isDirect()) {
        CheckResult proxy = ctx.prior(ProxyProbe.NAME).orElse(null);
        if (proxy == null || !proxy.passed()) return r.skip("no tunnel (proxy check failed)");
        var p = ctx.proxy().proxy().get();
        var refused = ProxyTunnel.open(raw, ctx, target.host(), target.port()); // HTTP CONNECT or SOCKS
        if (refused.isPresent()) return r.skip("no tunnel: " + refused.get());
        r.evidence("through the proxy tunnel " + p);
      } else {
        InetSocketAddress address = connectedAddress(ctx, target);
        if (address == null) return r.skip("no TCP connection to " + target.host());
        raw.connect(address, ctx.budget().capMillis(ctx.options().connectTimeout()));
      }
    } catch (IOException e) {
      close(raw);
      r.evidence(FailureMapper.describe(e));
      return r.fail(FailureMapper.map(e, FailureMapper.Phase.CONNECT), "cannot open the connection for TLS");
    }

    // The run's verdict for this chain: the timed exchange after this check is shown the same chain.
    CapturingTrustManager capture = new CapturingTrustManager(ctx.tlsSessions().remembering(trust.manager()));
    SSLSocket socket = null;
    long start = -1;
    try {
      // A context of its own, so the handshake is always a full one: a session resumed from another check's would
      // carry no certificates to report. It never fails on the chain; the capture records the verdict.
      SSLContext ssl = ownContext(capture);
      raw.setSoTimeout(ctx.budget().capMillis(ctx.options().tlsTimeout()));
      socket = (SSLSocket) ssl.getSocketFactory().createSocket(raw, target.host(), target.port(), true);
      SSLParameters params = socket.getSSLParameters();
      if (!DnsProbe.isLiteral(target.host())) params.setServerNames(List.of(new SNIHostName(target.host())));
      List<String> versions = ctx.settings().network().effectiveTlsVersions().stream().map(TlsVersion::jdkName)
          .toList();
      if (!versions.isEmpty()) params.setProtocols(versions.toArray(new String[0]));
      socket.setSSLParameters(params);
      r.fact("offered", versions);
      SSLSocket s = socket;
      // The JVM's one-time TLS set-up is not the server's handshake time: let the warm-up finish first.
      HttpsWarmup.awaitTls(ctx.budget().remaining().toMillis() / 2);
      long cpuStart = HandshakeCpu.now();
      start = ctx.env().ticker().getAsLong();
      s.startHandshake();
      double ms = (ctx.env().ticker().getAsLong() - start) / 1_000_000.0;
      double cpuMs = HandshakeCpu.since(cpuStart);
      SSLSession session = socket.getSession();
      r.fact("tlsVersion", session.getProtocol()).fact("cipher", session.getCipherSuite())
          .fact("handshakeMs", Math.round(ms * 1000) / 1000.0)
          .evidence(session.getProtocol() + " " + session.getCipherSuite());
      if (cpuMs >= 0) r.fact("handshakeCpuMs", Math.round(cpuMs * 1000) / 1000.0);
      return judge(ctx, r, target, capture, insecure, trust);
    } catch (IOException e) {
      r.evidence(FailureMapper.describe(e));
      if (capture.checked()) describeChain(ctx, r, capture.chain());
      FailureMapper.Mapped m = FailureMapper.map(e, FailureMapper.Phase.TLS);
      String what = switch (m.cause() == null ? "" : m.cause()) {
        case "protocol-version" -> "no TLS version in common (offered " + ctx.settings().network()
            .effectiveTlsVersions() + ")";
        case "not-tls" -> "the server does not speak TLS on port " + target.port();
        case "first-byte" -> "the server accepted the connection but never answered the TLS handshake";
        default -> "TLS handshake failed: " + m.evidence();
      };
      return r.fail(m, what);
    } finally {
      if (socket != null) close(socket);
      close(raw);
    }
  }

  /** A context of its own, for one handshake that records the chain and its verdict instead of failing. */
  private static SSLContext ownContext(CapturingTrustManager capture) {
    try {
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(null, new TrustManager[] {capture}, new SecureRandom());
      return ssl;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no TLS in this JVM", e);
    }
  }

  private CheckResult judge(ProbeContext ctx, ResultBuilder r, Target target, CapturingTrustManager capture,
      boolean insecure, TrustSupport.Trust trust) {
    List<X509Certificate> chain = capture.chain();
    describeChain(ctx, r, chain);
    if (chain.isEmpty()) return r.fail("NET003", "alert", "the server sent no certificate");
    X509Certificate leaf = chain.get(0);
    boolean hostnameMatch = OkHostnameVerifier.INSTANCE.verify(target.host(), leaf);
    r.fact("hostnameMatch", hostnameMatch).fact("verified", capture.failure() == null);
    String cause = null;
    String what = null;
    if (capture.failure() != null) {
      r.fact("verifyError", FailureMapper.describe(capture.failure()))
          .evidence("verification against " + trust.description() + ": " + FailureMapper.describe(capture.failure()));
      cause = chainCause(capture.failure(), chain, !ctx.proxy().isDirect());
      what = describe(cause, chain, ctx);
    } else if (!hostnameMatch) {
      cause = "hostname-mismatch";
      what = "the certificate is for " + names(leaf) + ", not " + target.host();
    }
    if (cause == null) {
      long days = daysToExpiry(ctx, leaf);
      if (days < 14) return r.warn(null, null, "verified; the certificate expires in " + days + " days");
      return r.pass("verified, " + leaf.getSubjectX500Principal().getName() + ", expires in " + days + " days");
    }
    if (insecure) {
      return r.warn("NET009", cause, what + " — accepted only because certificate checks are off"
          + (ctx.options().insecure() ? " (--insecure)" : " (Network.IgnoreSSLErrors)"));
    }
    return r.fail("NET009", cause, what);
  }

  /** The NET009 cause of a rejected chain. */
  static String chainCause(Exception failure, List<X509Certificate> chain, boolean viaProxy) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof CertificateExpiredException) return "expired";
      if (t instanceof CertificateNotYetValidException) return "not-yet-valid";
    }
    X509Certificate leaf = chain.get(0);
    boolean selfIssued = leaf.getSubjectX500Principal().equals(leaf.getIssuerX500Principal());
    if (chain.size() == 1 && selfIssued) return "self-signed";
    if (chain.size() == 1) return "incomplete-chain";
    return viaProxy ? "interception" : "untrusted-root";
  }

  private static String describe(String cause, List<X509Certificate> chain, ProbeContext ctx) {
    X509Certificate leaf = chain.get(0);
    X509Certificate top = chain.get(chain.size() - 1);
    return switch (cause) {
      case "expired" -> "the certificate expired on " + leaf.getNotAfter().toInstant();
      case "not-yet-valid" -> "the certificate is valid only from " + leaf.getNotBefore().toInstant()
          + " (check this machine's clock)";
      case "self-signed" -> "the certificate is self-signed (" + leaf.getSubjectX500Principal().getName() + ")";
      case "incomplete-chain" -> "the server sends its certificate without the intermediate that signed it ("
          + leaf.getIssuerX500Principal().getName() + ")";
      case "interception" -> "the chain comes from " + top.getIssuerX500Principal().getName()
          + ", not a public CA: the proxy " + ctx.proxy().proxy().map(Object::toString).orElse("") + " intercepts TLS";
      default -> "the chain is issued by " + top.getIssuerX500Principal().getName()
          + ", which this machine does not trust";
    };
  }

  private static void describeChain(ProbeContext ctx, ResultBuilder r, List<X509Certificate> chain) {
    List<Map<String, Object>> certs = new ArrayList<>();
    for (X509Certificate c : chain) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("subject", c.getSubjectX500Principal().getName());
      m.put("issuer", c.getIssuerX500Principal().getName());
      m.put("notBefore", c.getNotBefore().toInstant().toString());
      m.put("notAfter", c.getNotAfter().toInstant().toString());
      certs.add(m);
      r.evidence("certificate: " + m.get("subject") + " issued by " + m.get("issuer") + ", valid "
          + m.get("notBefore") + " to " + m.get("notAfter"));
    }
    r.fact("chain", certs);
    if (!chain.isEmpty()) {
      X509Certificate top = chain.get(chain.size() - 1);
      r.fact("rootIssuer", top.getIssuerX500Principal().getName())
          .fact("publicRoot", TrustSupport.issuedByJvmRoot(top))
          .fact("daysToExpiry", daysToExpiry(ctx, chain.get(0)));
    }
  }

  private static long daysToExpiry(ProbeContext ctx, X509Certificate leaf) {
    Instant now = ctx.env().clock().instant();
    return Duration.between(now, leaf.getNotAfter().toInstant()).toDays();
  }

  private static String names(X509Certificate leaf) {
    try {
      var sans = leaf.getSubjectAlternativeNames();
      if (sans == null) return leaf.getSubjectX500Principal().getName();
      return sans.stream().map(l -> String.valueOf(l.get(1))).toList().toString();
    } catch (java.security.cert.CertificateParsingException e) {
      return leaf.getSubjectX500Principal().getName();
    }
  }

  /** The address a passing tcp check connected to, IPv4 first (or the IPv6 one when only it worked). */
  private static InetSocketAddress connectedAddress(ProbeContext ctx, Target target) {
    for (IpFamily f : new IpFamily[] {IpFamily.IPV4, IpFamily.IPV6}) {
      CheckResult tcp = ctx.prior(TcpProbe.nameFor(f)).orElse(null);
      if (tcp != null && tcp.passed() && tcp.fact("address") != null) {
        String label = tcp.fact("address");
        int colon = label.lastIndexOf(':');
        String ip = label.substring(0, colon).replace("[", "").replace("]", "");
        try {
          return new InetSocketAddress(InetAddress.getByName(ip), target.port());
        } catch (IOException ignored) {
          // a literal always parses
        }
      }
    }
    return null;
  }

  private static void close(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // closing
    }
  }
}
