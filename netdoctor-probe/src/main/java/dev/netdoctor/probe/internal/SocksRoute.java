package dev.netdoctor.probe.internal;

import dev.netdoctor.core.settings.ProxyCredentials;
import dev.netdoctor.probe.HostResolver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import okhttp3.Dns;
import okhttp3.OkHttpClient;

/**
 * Sends an OkHttp client's connections through a SOCKS proxy with {@link SocksHandshake} rather than the JDK's
 * SOCKS socket, which takes credentials only from the process-wide {@link java.net.Authenticator} and hides the
 * proxy's reply code. OkHttp is told "no proxy" and given a socket factory whose sockets connect to the proxy and
 * run the handshake inside {@link Socket#connect(SocketAddress, int)}; so a refusal surfaces as a
 * {@link SocksHandshake.SocksException} from the connect phase.
 *
 * <p>For versions that resolve at the proxy ({@code socks5h}, {@code socks4a}) the client's DNS is not asked: the
 * address OkHttp sees is a placeholder ({@code 0.0.0.0}) that carries the name, and only the name is sent.
 */
public final class SocksRoute {
  private SocksRoute() {}

  /**
   * Routes {@code builder}'s connections through {@code proxy}.
   *
   * @param localDns the application's resolution, used for the proxy's own name and for versions that resolve
   *     the target locally
   */
  public static void apply(OkHttpClient.Builder builder, URI proxy, SocksHandshake.Version version,
      Optional<ProxyCredentials> credentials, HostResolver resolver, Dns localDns) {
    int port = proxy.getPort() != -1 ? proxy.getPort() : SocksHandshake.DEFAULT_PORT;
    builder.proxy(Proxy.NO_PROXY)
        .socketFactory(new Factory(proxy.getHost(), port, version, credentials, resolver))
        .dns(version.remoteDns() ? SocksRoute::placeholder : localDns);
  }

  /** Connects the plain {@code socket} to the proxy at {@code host:port}; failures are NET011 (proxy unreachable). */
  public static Socket connectToProxy(Socket socket, String host, int port, HostResolver resolver, int timeoutMillis)
      throws IOException {
    InetSocketAddress address = proxyAddress(host, port, resolver);
    try {
      socket.connect(address, timeoutMillis);
      return socket;
    } catch (IOException e) {
      throw unreachable(e, host, port);
    }
  }

  private static InetSocketAddress proxyAddress(String host, int port, HostResolver resolver)
      throws SocksHandshake.SocksException {
    try {
      return new InetSocketAddress(resolver.lookup(host).get(0), port);
    } catch (UnknownHostException e) {
      throw new SocksHandshake.SocksException("the SOCKS proxy's name " + host + " does not resolve", "NET011",
          "name-not-resolved", -1, e);
    }
  }

  private static SocksHandshake.SocksException unreachable(IOException e, String host, int port) {
    FailureMapper.Mapped m = FailureMapper.map(e, FailureMapper.Phase.CONNECT);
    boolean refused = m.code().equals("NET008");
    return new SocksHandshake.SocksException("cannot connect to the SOCKS proxy " + host + ":" + port + " ("
        + (refused ? "refused" : "no answer") + ")", "NET011", refused ? "refused" : "timeout", -1, e);
  }

  private static List<InetAddress> placeholder(String host) throws UnknownHostException {
    return List.of(InetAddress.getByAddress(host, new byte[4]));
  }

  private static final class Factory extends UnconnectedSocketFactory {
    private final String proxyHost;
    private final int proxyPort;
    private final SocksHandshake.Version version;
    private final Optional<ProxyCredentials> credentials;
    private final HostResolver resolver;

    Factory(String proxyHost, int proxyPort, SocksHandshake.Version version, Optional<ProxyCredentials> credentials,
        HostResolver resolver) {
      this.proxyHost = proxyHost;
      this.proxyPort = proxyPort;
      this.version = version;
      this.credentials = credentials;
      this.resolver = resolver;
    }

    @Override
    public Socket createSocket() {
      return new SocksSocket(this);
    }

    /** A name goes to the proxy unresolved: the proxy resolves it (socks5h, socks4a) or the route did before. */
    @Override
    protected SocketAddress endpoint(String host, int port) {
      return InetSocketAddress.createUnresolved(host, port);
    }

    // The connection to the proxy is made from any local address, as before: a local address given is not used.
    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
      return createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
        throws IOException {
      return createSocket(address, port);
    }
  }

  /** A socket whose connect goes to the proxy and asks it for the endpoint. */
  private static final class SocksSocket extends Socket {
    private static final int DEFAULT_HANDSHAKE_MILLIS = 10_000;
    private final Factory f;

    SocksSocket(Factory f) {
      this.f = f;
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
      InetSocketAddress target = (InetSocketAddress) endpoint;
      InetSocketAddress proxy = proxyAddress(f.proxyHost, f.proxyPort, f.resolver);
      try {
        super.connect(proxy, timeout);
      } catch (IOException e) {
        throw unreachable(e, f.proxyHost, f.proxyPort);
      }
      int previous = getSoTimeout();
      setSoTimeout(timeout > 0 ? timeout : DEFAULT_HANDSHAKE_MILLIS);
      InetAddress resolved = target.isUnresolved() || f.version.remoteDns() ? null : target.getAddress();
      new SocksHandshake(f.version, f.credentials, f.resolver).connect(this, target.getHostString(),
          target.getPort(), resolved);
      setSoTimeout(previous);
    }
  }
}
