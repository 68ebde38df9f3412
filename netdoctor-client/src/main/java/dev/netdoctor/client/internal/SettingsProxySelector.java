package dev.netdoctor.client.internal;

import dev.netdoctor.core.settings.ProxyDecision;
import dev.netdoctor.core.settings.ProxySelection;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Turns core's {@link ProxySelection} (settings, system properties, {@code HTTP(S)_PROXY}/{@code NO_PROXY}) into
 * the {@link ProxySelector} OkHttp asks for each route. {@code socks5://} proxies become SOCKS proxies; any other
 * scheme an HTTP proxy (OkHttp speaks plain HTTP to a proxy, tunnelling TLS with CONNECT).
 */
public final class SettingsProxySelector extends ProxySelector {
  private final ProxySelection selection;

  public SettingsProxySelector(ProxySelection selection) {
    this.selection = selection;
  }

  /** The decision for {@code uri}, with its reason and credentials. */
  public ProxyDecision decide(URI uri) {
    return selection.select(uri);
  }

  @Override
  public List<Proxy> select(URI uri) {
    ProxyDecision decision = selection.select(uri);
    if (decision.proxy().isEmpty()) return List.of(Proxy.NO_PROXY);
    URI p = decision.proxy().get();
    String scheme = p.getScheme() == null ? "http" : p.getScheme().toLowerCase(Locale.ROOT);
    boolean socks = scheme.startsWith("socks");
    int port = p.getPort() > 0 ? p.getPort() : socks ? 1080 : scheme.equals("https") ? 443 : 80;
    return List.of(new Proxy(socks ? Proxy.Type.SOCKS : Proxy.Type.HTTP,
        InetSocketAddress.createUnresolved(p.getHost(), port)));
  }

  @Override
  public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
    // the failure surfaces through the call; nothing to remember
  }
}
