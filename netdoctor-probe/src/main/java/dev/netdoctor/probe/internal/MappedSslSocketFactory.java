package dev.netdoctor.probe.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLSocketFactory;

/** An {@link SSLSocketFactory} whose every socket is the wrapped factory's, passed through {@code map} first. */
public final class MappedSslSocketFactory extends SSLSocketFactory {
  private final SSLSocketFactory delegate;
  private final UnaryOperator<Socket> map;

  public MappedSslSocketFactory(SSLSocketFactory delegate, UnaryOperator<Socket> map) {
    this.delegate = delegate;
    this.map = map;
  }

  @Override
  public String[] getDefaultCipherSuites() {
    return delegate.getDefaultCipherSuites();
  }

  @Override
  public String[] getSupportedCipherSuites() {
    return delegate.getSupportedCipherSuites();
  }

  @Override
  public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
    return map.apply(delegate.createSocket(s, host, port, autoClose));
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return map.apply(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    return map.apply(delegate.createSocket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return map.apply(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return map.apply(delegate.createSocket(address, port, localAddress, localPort));
  }
}
