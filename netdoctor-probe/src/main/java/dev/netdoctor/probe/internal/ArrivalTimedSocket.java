package dev.netdoctor.probe.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.function.BiFunction;
import javax.net.ssl.HandshakeCompletedListener;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * A TLS socket that tells its {@link Arrivals} when the answer's decrypted bytes (or its end) arrive, so the timed
 * exchange's first byte and end are taken when the data arrives, as curl's {@code time_starttransfer} and
 * {@code time_total} are, and not after the HTTP client has parsed the headers (which in a JVM that started half a
 * second earlier is a millisecond or more of interpreted code, and over HTTP/2 a hand-over between threads).
 * Everything else is the wrapped socket's.
 *
 * <p>Plaintext only: a TLS 1.3 session ticket the server sends after its handshake is consumed inside the TLS layer
 * and never seen here, so it cannot pass for the answer. Over HTTP/1.1 every byte after the request is the answer's.
 * Over HTTP/2 ({@code h2} negotiated) the connection also carries the server's own frames (settings,
 * acknowledgements, window updates), so the bytes are read as frames: only HEADERS and DATA of a stream are the
 * answer's, and the frame that ends the stream is its end.
 */
final class ArrivalTimedSocket extends SSLSocket {
  /** Told when the answer's bytes arrive. */
  interface Arrivals {
    /** Bytes of the answer arrived ({@code http2}: a HEADERS or DATA frame of a stream began or went on). */
    void data(boolean http2);

    /** The answer ended (the stream's end over HTTP/1.1; the frame ending an HTTP/2 stream). */
    void end(boolean http2);
  }

  private final SSLSocket delegate;
  private final Arrivals arrivals;
  private volatile InputStream in;

  ArrivalTimedSocket(SSLSocket delegate, Arrivals arrivals) {
    this.delegate = delegate;
    this.arrivals = arrivals;
  }

  @Override
  public InputStream getInputStream() throws IOException {
    InputStream i = in;
    if (i == null) {
      i = new FilterInputStream(delegate.getInputStream()) {
        private Http2Frames frames;
        private boolean decided;

        @Override
        public int read() throws IOException {
          int b = super.read();
          if (b >= 0) seen(new byte[] {(byte) b}, 0, 1);
          else if (frames() == null) arrivals.end(false);
          return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
          int n = super.read(buf, off, len);
          if (n > 0) seen(buf, off, n);
          else if (n < 0 && frames() == null) arrivals.end(false);
          return n;
        }

        private void seen(byte[] buf, int off, int n) {
          Http2Frames f = frames();
          if (f == null) arrivals.data(false);
          else f.feed(buf, off, n);
        }

        /** The frame reader when the connection speaks HTTP/2, else null (decided once the handshake is done). */
        private Http2Frames frames() {
          if (!decided) {
            String protocol = delegate.getApplicationProtocol();
            if (protocol != null) {
              decided = true;
              if (protocol.equals("h2")) frames = new Http2Frames(arrivals);
            }
          }
          return frames;
        }
      };
      in = i;
    }
    return i;
  }

  /** Follows HTTP/2 frame boundaries (RFC 9113 section 4.1) in the bytes read, telling the answer's frames. */
  static final class Http2Frames {
    private static final int HEADER = 9;
    private static final int DATA = 0x0;
    private static final int HEADERS = 0x1;
    private static final int END_STREAM = 0x1;

    private final Arrivals arrivals;
    private final byte[] head = new byte[HEADER];
    private int headFill;
    private long payloadLeft;
    private boolean endsStream;

    Http2Frames(Arrivals arrivals) {
      this.arrivals = arrivals;
    }

    void feed(byte[] b, int off, int n) {
      int i = off;
      int end = off + n;
      while (i < end) {
        if (payloadLeft > 0) {
          int k = (int) Math.min(payloadLeft, end - i);
          payloadLeft -= k;
          i += k;
          if (payloadLeft == 0) payloadDone();
          continue;
        }
        head[headFill++] = b[i++];
        if (headFill < HEADER) continue;
        headFill = 0;
        int length = (head[0] & 0xff) << 16 | (head[1] & 0xff) << 8 | head[2] & 0xff;
        int type = head[3] & 0xff;
        int stream = (head[5] & 0x7f) << 24 | (head[6] & 0xff) << 16 | (head[7] & 0xff) << 8 | head[8] & 0xff;
        boolean answer = stream != 0 && (type == DATA || type == HEADERS);
        if (answer) arrivals.data(true);
        endsStream = answer && (head[4] & END_STREAM) != 0;
        payloadLeft = length;
        if (payloadLeft == 0) payloadDone();
      }
    }

    private void payloadDone() {
      if (endsStream) arrivals.end(true);
      endsStream = false;
    }
  }

  // Everything below is the wrapped socket's.

  @Override
  public OutputStream getOutputStream() throws IOException {
    return delegate.getOutputStream();
  }

  @Override
  public String[] getSupportedCipherSuites() {
    return delegate.getSupportedCipherSuites();
  }

  @Override
  public String[] getEnabledCipherSuites() {
    return delegate.getEnabledCipherSuites();
  }

  @Override
  public void setEnabledCipherSuites(String[] suites) {
    delegate.setEnabledCipherSuites(suites);
  }

  @Override
  public String[] getSupportedProtocols() {
    return delegate.getSupportedProtocols();
  }

  @Override
  public String[] getEnabledProtocols() {
    return delegate.getEnabledProtocols();
  }

  @Override
  public void setEnabledProtocols(String[] protocols) {
    delegate.setEnabledProtocols(protocols);
  }

  @Override
  public SSLSession getSession() {
    return delegate.getSession();
  }

  @Override
  public SSLSession getHandshakeSession() {
    return delegate.getHandshakeSession();
  }

  @Override
  public void addHandshakeCompletedListener(HandshakeCompletedListener listener) {
    delegate.addHandshakeCompletedListener(listener);
  }

  @Override
  public void removeHandshakeCompletedListener(HandshakeCompletedListener listener) {
    delegate.removeHandshakeCompletedListener(listener);
  }

  @Override
  public void startHandshake() throws IOException {
    delegate.startHandshake();
  }

  @Override
  public void setUseClientMode(boolean mode) {
    delegate.setUseClientMode(mode);
  }

  @Override
  public boolean getUseClientMode() {
    return delegate.getUseClientMode();
  }

  @Override
  public void setNeedClientAuth(boolean need) {
    delegate.setNeedClientAuth(need);
  }

  @Override
  public boolean getNeedClientAuth() {
    return delegate.getNeedClientAuth();
  }

  @Override
  public void setWantClientAuth(boolean want) {
    delegate.setWantClientAuth(want);
  }

  @Override
  public boolean getWantClientAuth() {
    return delegate.getWantClientAuth();
  }

  @Override
  public void setEnableSessionCreation(boolean flag) {
    delegate.setEnableSessionCreation(flag);
  }

  @Override
  public boolean getEnableSessionCreation() {
    return delegate.getEnableSessionCreation();
  }

  @Override
  public SSLParameters getSSLParameters() {
    return delegate.getSSLParameters();
  }

  @Override
  public void setSSLParameters(SSLParameters params) {
    delegate.setSSLParameters(params);
  }

  @Override
  public String getApplicationProtocol() {
    return delegate.getApplicationProtocol();
  }

  @Override
  public String getHandshakeApplicationProtocol() {
    return delegate.getHandshakeApplicationProtocol();
  }

  @Override
  public void setHandshakeApplicationProtocolSelector(BiFunction<SSLSocket, List<String>, String> selector) {
    delegate.setHandshakeApplicationProtocolSelector(selector);
  }

  @Override
  public BiFunction<SSLSocket, List<String>, String> getHandshakeApplicationProtocolSelector() {
    return delegate.getHandshakeApplicationProtocolSelector();
  }

  @Override
  public void connect(SocketAddress endpoint, int timeout) throws IOException {
    delegate.connect(endpoint, timeout);
  }

  @Override
  public void bind(SocketAddress bindpoint) throws IOException {
    delegate.bind(bindpoint);
  }

  @Override
  public InetAddress getInetAddress() {
    return delegate.getInetAddress();
  }

  @Override
  public InetAddress getLocalAddress() {
    return delegate.getLocalAddress();
  }

  @Override
  public int getPort() {
    return delegate.getPort();
  }

  @Override
  public int getLocalPort() {
    return delegate.getLocalPort();
  }

  @Override
  public SocketAddress getRemoteSocketAddress() {
    return delegate.getRemoteSocketAddress();
  }

  @Override
  public SocketAddress getLocalSocketAddress() {
    return delegate.getLocalSocketAddress();
  }

  @Override
  public SocketChannel getChannel() {
    return delegate.getChannel();
  }

  @Override
  public void setTcpNoDelay(boolean on) throws SocketException {
    delegate.setTcpNoDelay(on);
  }

  @Override
  public boolean getTcpNoDelay() throws SocketException {
    return delegate.getTcpNoDelay();
  }

  @Override
  public void setSoTimeout(int timeout) throws SocketException {
    delegate.setSoTimeout(timeout);
  }

  @Override
  public int getSoTimeout() throws SocketException {
    return delegate.getSoTimeout();
  }

  @Override
  public void setKeepAlive(boolean on) throws SocketException {
    delegate.setKeepAlive(on);
  }

  @Override
  public boolean getKeepAlive() throws SocketException {
    return delegate.getKeepAlive();
  }

  @Override
  public void close() throws IOException {
    delegate.close();
  }

  @Override
  public void shutdownInput() throws IOException {
    delegate.shutdownInput();
  }

  @Override
  public void shutdownOutput() throws IOException {
    delegate.shutdownOutput();
  }

  @Override
  public boolean isConnected() {
    return delegate.isConnected();
  }

  @Override
  public boolean isBound() {
    return delegate.isBound();
  }

  @Override
  public boolean isClosed() {
    return delegate.isClosed();
  }

  @Override
  public boolean isInputShutdown() {
    return delegate.isInputShutdown();
  }

  @Override
  public boolean isOutputShutdown() {
    return delegate.isOutputShutdown();
  }

  @Override
  public String toString() {
    return delegate.toString();
  }
}
