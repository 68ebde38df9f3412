package dev.netdoctor.probe.internal;

import dev.netdoctor.core.settings.ProxyDecision;
import dev.netdoctor.probe.HostResolver;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import okhttp3.Credentials;
import okhttp3.Dns;
import okhttp3.OkHttpClient;

/**
 * Routes an OkHttp client the way a proxy decision says: directly (never through the JVM's default proxy
 * selector), through an HTTP proxy with the decision's Basic credentials answered once to a 407, or through a
 * SOCKS proxy with netdoctor's own handshake ({@link SocksRoute}). Every exchange of a run that talks to a target
 * goes through here, so each reaches its target the way the application's requests would.
 */
public final class ProxyRouting {
  private ProxyRouting() {}

  /**
   * @param resolver resolves the SOCKS proxy's own name
   * @param dns resolves target names where the client does (direct, HTTP proxy; SOCKS 5 without remote names)
   */
  public static void apply(OkHttpClient.Builder b, ProxyDecision decision, HostResolver resolver, Dns dns) {
    if (decision.proxy().isEmpty()) {
      b.proxy(Proxy.NO_PROXY);
      return;
    }
    URI p = decision.proxy().get();
    var socks = SocksHandshake.Version.of(p);
    if (socks.isPresent()) {
      SocksRoute.apply(b, p, socks.get(), decision.credentials(), resolver, dns);
      return;
    }
    int port = p.getPort() != -1 ? p.getPort() : 8080;
    b.proxy(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(p.getHost(), port)));
    decision.credentials().ifPresent(c -> b.proxyAuthenticator((route, response) -> {
      if (response.request().header("Proxy-Authorization") != null) return null;
      return response.request().newBuilder()
          .header("Proxy-Authorization", Credentials.basic(c.username(), c.password().reveal())).build();
    }));
  }
}
