package dev.netdoctor.probe;

import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.core.settings.ProxyDecision;
import dev.netdoctor.probe.internal.FailureMapper;
import dev.netdoctor.probe.internal.ProxyTunnel;
import dev.netdoctor.probe.internal.ResultBuilder;
import dev.netdoctor.probe.internal.SocksHandshake;
import dev.netdoctor.probe.internal.SocksRoute;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * The proxy path: which proxy applies to the target and why ({@link ProxyDecision}), then, when one does, a
 * connect to it and its answer, with the credentials from settings or the proxy URL.
 *
 * <ul>
 *   <li>HTTP proxy: its answer to {@code CONNECT host:port} (https) or to an absolute-form HEAD (http). A 407 is
 *       reported with its challenge scheme.</li>
 *   <li>SOCKS proxy ({@code socks5://}, {@code socks5h://}, {@code socks4://}, {@code socks4a://},
 *       {@code socks://} = SOCKS5): the real handshake ({@link SocksHandshake}): the method selection, RFC 1929
 *       username/password when credentials are known, and {@code CONNECT} to the target, with the proxy's reply
 *       code (not allowed, network or host unreachable, connection refused, TTL expired ...).</li>
 * </ul>
 * The password is never written anywhere; the user name may be.
 *
 * <p>Facts: {@code proxy}, {@code origin}, {@code reason}, {@code protocol} ({@code http}, {@code SOCKS5} ...);
 * HTTP: {@code status}, {@code statusLine}, {@code scheme}, {@code sentCredentials}; SOCKS: {@code method},
 * {@code reply}, {@code replyText}, {@code sentCredentials}.
 */
public final class ProxyProbe implements Probe {
  public static final String NAME = "proxy";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CheckResult run(ProbeContext ctx) {
    Target target = ctx.requireTarget();
    ProxyDecision decision = ctx.proxy();
    ResultBuilder r = new ResultBuilder(NAME, ctx).fact("origin", decision.origin().name().toLowerCase())
        .fact("reason", decision.reason());
    if (decision.isDirect()) return r.skip("direct: " + decision.reason());
    URI proxy = decision.proxy().get();
    r.fact("proxy", proxy.toString()).evidence("proxy " + proxy + " chosen: " + decision.reason());
    Optional<SocksHandshake.Version> socks = SocksHandshake.Version.of(proxy);
    if (socks.isPresent()) return socks(ctx, target, decision, socks.get(), r);
    r.fact("protocol", "http");
    int port = proxy.getPort() != -1 ? proxy.getPort() : 8080;
    InetAddress address;
    try {
      List<InetAddress> all = ctx.env().resolver().lookup(proxy.getHost());
      address = all.get(0);
    } catch (UnknownHostException e) {
      r.evidence(FailureMapper.describe(e));
      return r.fail("NET011", "name-not-resolved", "the proxy's name " + proxy.getHost() + " does not resolve");
    }
    try (Socket socket = new Socket()) {
      try {
        socket.connect(new InetSocketAddress(address, port), ctx.budget().capMillis(ctx.options().connectTimeout()));
      } catch (IOException e) {
        r.evidence(FailureMapper.describe(e));
        FailureMapper.Mapped m = FailureMapper.map(e, FailureMapper.Phase.CONNECT);
        String cause = m.code().equals("NET008") ? "refused" : "timeout";
        return r.fail("NET011", cause, "cannot connect to the proxy " + proxy.getHost() + ":" + port
            + (cause.equals("refused") ? " (refused)" : " (no answer)"));
      }
      socket.setSoTimeout(ctx.budget().capMillis(ctx.options().httpTimeout()));
      ProxyTunnel.Answer answer = ProxyTunnel.request(socket, target.host(), target.port(), target.https(),
          decision.credentials());
      r.fact("status", answer.status()).fact("statusLine", answer.statusLine())
          .fact("sentCredentials", answer.sentCredentials())
          .evidence((target.https() ? "CONNECT " : "HEAD http://") + target.host() + ":" + target.port() + " → "
              + answer.statusLine());
      answer.scheme().ifPresent(s -> r.fact("scheme", s).evidence("Proxy-Authenticate: " + s));
      int s = answer.status();
      if (s == 407) {
        String scheme = answer.scheme().orElse("?");
        if (!scheme.equalsIgnoreCase("Basic")) {
          return r.fail("NET010", "scheme-unsupported", "the proxy wants " + scheme
              + " authentication, which netdoctor and most SDKs cannot do; ask for Basic or an exception");
        }
        if (!answer.sentCredentials()) {
          return r.fail("NET010", "credentials-missing", "the proxy wants a user name and password (407 "
              + scheme + "); none are configured");
        }
        return r.fail("NET010", "credentials-rejected", "the proxy rejected the configured credentials (407)");
      }
      if (s == 403) return r.fail("NET012", "forbidden", "the proxy forbids " + target.host() + " (403)");
      if (s == 502 || s == 503 || s == 504) {
        return r.fail("NET012", "upstream-failed", "the proxy cannot reach " + target.host() + " (" + s + ")");
      }
      if (target.https() && (s < 200 || s > 299)) {
        return r.fail("NET012", "other", "the proxy refused the tunnel: " + answer.statusLine());
      }
      return r.pass((target.https() ? "CONNECT through " : "request through ") + proxy.getHost() + ":" + port
          + " answered " + s);
    } catch (IOException e) {
      r.evidence(FailureMapper.describe(e));
      FailureMapper.Mapped m = FailureMapper.map(e, FailureMapper.Phase.RESPONSE);
      if (m.code().equals("NET004")) {
        return r.fail("NET011", "timeout", "the proxy accepted the connection but did not answer CONNECT");
      }
      if (e.getMessage() != null && e.getMessage().startsWith(ProxyTunnel.NOT_HTTP)) {
        return r.fail("NET012", "protocol-mismatch", "the proxy does not answer in HTTP; if it is a SOCKS proxy, "
            + "write socks5://" + proxy.getHost() + ":" + port + " in the proxy URL");
      }
      return r.fail("NET012", "other", "the proxy broke the connection: " + m.evidence());
    }
  }

  private static CheckResult socks(ProbeContext ctx, Target target, ProxyDecision decision,
      SocksHandshake.Version version, ResultBuilder r) {
    URI proxy = decision.proxy().get();
    int port = proxy.getPort() != -1 ? proxy.getPort() : SocksHandshake.DEFAULT_PORT;
    r.fact("protocol", version.label()).fact("sentCredentials", decision.credentials().isPresent());
    SocksHandshake handshake = new SocksHandshake(version, decision.credentials(), ctx.env().resolver());
    try (Socket socket = new Socket()) {
      SocksRoute.connectToProxy(socket, proxy.getHost(), port, ctx.env().resolver(),
          ctx.budget().capMillis(ctx.options().connectTimeout()));
      socket.setSoTimeout(ctx.budget().capMillis(ctx.options().httpTimeout()));
      handshake.connect(socket, target.host(), target.port(),
          ctx.options().resolved(target.host(), target.port()).orElse(null));
      handshake.transcript().forEach(r::evidence);
      r.fact("method", handshake.method()).fact("reply", 0).fact("replyText", SocksHandshake.replyText(0));
      return r.pass(version.label() + " proxy " + proxy.getHost() + ":" + port + " connected to " + target.host()
          + ":" + target.port() + " (authentication: " + handshake.method() + ")");
    } catch (SocksHandshake.SocksException e) {
      handshake.transcript().forEach(r::evidence);
      if (e.getCause() != null) r.evidence(FailureMapper.describe(e.getCause()));
      if (e.reply() >= 0) r.fact("reply", e.reply()).fact("replyText", SocksHandshake.replyText(e.reply()));
      r.fact("method", handshake.method());
      return r.fail(e.code(), e.cause(), e.getMessage());
    } catch (UnknownHostException e) {
      handshake.transcript().forEach(r::evidence);
      return r.fail(FailureMapper.map(e, FailureMapper.Phase.DNS), "the target's name " + target.host()
          + " does not resolve here, and " + version.label() + " needs the client to resolve it");
    } catch (IOException e) {
      handshake.transcript().forEach(r::evidence);
      r.evidence(FailureMapper.describe(e));
      FailureMapper.Mapped m = FailureMapper.map(e, FailureMapper.Phase.RESPONSE);
      if (m.code().equals("NET004")) {
        return r.fail("NET011", "timeout", "the " + version.label() + " proxy accepted the connection but did not "
            + "answer the handshake");
      }
      return r.fail("NET012", "protocol-mismatch", "the " + version.label() + " proxy broke the handshake: "
          + m.evidence());
    }
  }
}
