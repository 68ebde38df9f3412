package dev.netdoctor.probe.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import javax.net.SocketFactory;

/**
 * A {@link SocketFactory} defined by its unconnected socket: every other overload makes one with
 * {@link #createSocket()}, binds it to the local address when one is given, and connects it to the endpoint, so a
 * subclass's socket (timed, tunnelled, refusing) is what every caller gets.
 */
abstract class UnconnectedSocketFactory extends SocketFactory {
  @Override
  public abstract Socket createSocket() throws IOException;

  /** The endpoint a host given by name is connected to: resolved here, unless a subclass says otherwise. */
  protected SocketAddress endpoint(String host, int port) {
    return new InetSocketAddress(host, port);
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return connected(null, endpoint(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    return connected(new InetSocketAddress(localHost, localPort), endpoint(host, port));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return connected(null, new InetSocketAddress(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return connected(new InetSocketAddress(localAddress, localPort), new InetSocketAddress(address, port));
  }

  private Socket connected(SocketAddress local, SocketAddress endpoint) throws IOException {
    Socket s = createSocket();
    if (local != null) s.bind(local);
    s.connect(endpoint);
    return s;
  }
}
