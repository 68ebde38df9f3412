package dev.netdoctor.probe.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.Handshake;
import okhttp3.Protocol;
import okhttp3.Response;

/**
 * Records when each phase of one call ended, as curl's {@code -w} variables do: every time is cumulative from the
 * moment the call turns to the network (its route chosen, see {@link #proxySelectEnd}). Built for a single call.
 * OkHttp delivers the events in order on the calling thread (its {@link EventListener} contract); the answer's
 * arrivals ({@link #sslSocketFactory}) may come from the HTTP/2 reader thread. Every field is volatile and written
 * once or only forward in time, so no lock is needed.
 *
 * <p>The TCP connect time is taken when the socket's {@code connect} returns, through {@link #socketFactory()},
 * as curl's {@code time_connect} is; only a connection the factory did not make (SOCKS) falls back to the start of
 * the TLS handshake or OkHttp's {@code connectEnd}, which fires after TLS.
 */
public final class PhaseRecorder extends EventListener {
  /** The phase a call was in when it failed. */
  private volatile FailureMapper.Phase phase = FailureMapper.Phase.DNS;
  private final LongSupplier ticker;
  private volatile long start = -1;
  private volatile long routed = -1;
  private volatile long dnsEnd = -1;
  private volatile long tcpEnd = -1;
  private volatile long tlsEnd = -1;
  private volatile long firstByte = -1;
  private volatile long end = -1;
  private volatile InetSocketAddress remote;
  private volatile String tlsVersion;
  private volatile String cipher;
  private volatile Protocol protocol;
  private volatile boolean connected;
  private volatile boolean requestSent;
  private volatile long firstArrival = -1;
  private volatile long lastArrival = -1;
  private volatile boolean tls;

  public PhaseRecorder(LongSupplier ticker) {
    this.ticker = ticker;
  }

  /**
   * Sockets for this call's connections: each records the moment its TCP connect completed, and each has Nagle's
   * algorithm off ({@code TCP_NODELAY}), as curl and most HTTP clients set it. With Nagle on, the request written
   * right after the TLS handshake waits for the server to acknowledge the client's last handshake message, which a
   * server with delayed acknowledgements holds for about 40 ms: time that would show up as the server's.
   */
  public SocketFactory socketFactory() {
    return new UnconnectedSocketFactory() {
      @Override
      public Socket createSocket() {
        return new TimedSocket();
      }
    };
  }

  /**
   * A socket that records when its connect completed and, on a plain-http connection (where its bytes are the
   * answer's own; under TLS they are records, session tickets among them), when the answer's bytes arrived.
   */
  private final class TimedSocket extends Socket {
    private volatile java.io.InputStream in;

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
      super.connect(endpoint, timeout);
      tcpEnd = ticker.getAsLong();
      setTcpNoDelay(true);
    }

    @Override
    public java.io.InputStream getInputStream() throws IOException {
      java.io.InputStream i = in;
      if (i == null) {
        java.io.InputStream raw = super.getInputStream();
        i = new java.io.FilterInputStream(raw) {
          @Override
          public int read() throws IOException {
            int b = super.read();
            if (!tls) arrived(b < 0, false);
            return b;
          }

          @Override
          public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (!tls && n != 0) arrived(n < 0, false);
            return n;
          }
        };
        in = i;
      }
      return i;
    }
  }

  /**
   * Bytes of the answer (or its end, when {@code end}) arrived now. Over HTTP/1.1 nothing counts before the request
   * was sent; an HTTP/2 stream's frames are the answer's whenever they come (they are read on another thread, which
   * may see them before this call's thread has noted its request as sent).
   */
  private void arrived(boolean end, boolean http2) {
    if (!requestSent && !http2) return;
    long now = ticker.getAsLong();
    if (!end && firstArrival < 0) firstArrival = now;
    lastArrival = now;
  }

  /**
   * TLS sockets for this call's connections (layered on {@link #socketFactory}'s): each reports when decrypted bytes
   * of the answer, or its end, arrive ({@link ArrivalTimedSocket}; over HTTP/2 its HEADERS and DATA frames), so the
   * first byte and the end are taken as curl takes them.
   */
  public SSLSocketFactory sslSocketFactory(SSLSocketFactory delegate) {
    ArrivalTimedSocket.Arrivals arrivals = new ArrivalTimedSocket.Arrivals() {
      @Override
      public void data(boolean http2) {
        arrived(false, http2);
      }

      @Override
      public void end(boolean http2) {
        arrived(true, http2);
      }
    };
    return new MappedSslSocketFactory(delegate,
        s -> s instanceof SSLSocket ssl ? new ArrivalTimedSocket(ssl, arrivals) : s);
  }

  @Override
  public void callStart(Call call) {
    start = ticker.getAsLong();
  }

  /**
   * The clock's zero: the moment the client has chosen its route (proxy or direct) and turns to the network, as
   * curl's clock starts when its transfer begins. What the client did before (its call set-up and interceptors,
   * about 0.1 ms in a warm JVM and up to 1 ms in one that just started) is the process's work, not a phase.
   */
  @Override
  public void proxySelectEnd(Call call, okhttp3.HttpUrl url, List<Proxy> proxies) {
    if (routed < 0) routed = ticker.getAsLong();
  }

  @Override
  public void dnsEnd(Call call, String domainName, List<InetAddress> addresses) {
    dnsEnd = ticker.getAsLong();
    phase = FailureMapper.Phase.CONNECT;
  }

  @Override
  public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
    if (dnsEnd < 0) dnsEnd = ticker.getAsLong();
    remote = address;
    phase = FailureMapper.Phase.CONNECT;
  }

  @Override
  public void secureConnectStart(Call call) {
    tls = true;
    if (tcpEnd < 0) tcpEnd = ticker.getAsLong();
    phase = FailureMapper.Phase.TLS;
  }

  @Override
  public void secureConnectEnd(Call call, Handshake handshake) {
    tlsEnd = ticker.getAsLong();
    if (handshake != null) {
      tlsVersion = handshake.tlsVersion().javaName();
      cipher = handshake.cipherSuite().javaName();
    }
  }

  @Override
  public void connectEnd(Call call, InetSocketAddress address, Proxy proxy, Protocol p) {
    if (tcpEnd < 0) tcpEnd = ticker.getAsLong();
    protocol = p;
    connected = true;
    phase = FailureMapper.Phase.REQUEST;
  }

  @Override
  public void connectFailed(Call call, InetSocketAddress address, Proxy proxy, Protocol p, IOException ioe) {
    remote = address;
  }

  @Override
  public void requestHeadersEnd(Call call, okhttp3.Request request) {
    phase = FailureMapper.Phase.RESPONSE;
    requestSent = true;
  }

  @Override
  public void responseHeadersStart(Call call) {
    firstByte = ticker.getAsLong();
  }

  @Override
  public void responseHeadersEnd(Call call, Response response) {
    if (firstByte < 0) firstByte = ticker.getAsLong();
  }

  @Override
  public void callEnd(Call call) {
    end = ticker.getAsLong();
  }

  @Override
  public void callFailed(Call call, IOException ioe) {
    end = ticker.getAsLong();
  }

  public FailureMapper.Phase phase() {
    return phase;
  }

  public InetSocketAddress remote() {
    return remote;
  }

  public String tlsVersion() {
    return tlsVersion;
  }

  public String cipher() {
    return cipher;
  }

  public boolean connected() {
    return connected;
  }

  public Protocol protocol() {
    return protocol;
  }

  /** Marks the end now if the call has not ended (the body was read after callEnd or the call was abandoned). */
  public void finish() {
    if (end < 0) end = ticker.getAsLong();
  }

  /**
   * {@code dnsMs}, {@code connectMs}, {@code tlsMs}, {@code firstByteMs}, {@code totalMs}: cumulative
   * milliseconds from the moment the call's route was chosen ({@link #proxySelectEnd}; the call's start when it
   * failed before), with microsecond precision; a phase that did not happen is absent.
   */
  public Map<String, Object> timings() {
    Map<String, Object> t = new LinkedHashMap<>();
    put(t, "dnsMs", dnsEnd);
    put(t, "connectMs", tcpEnd);
    put(t, "tlsMs", tlsEnd);
    // The moments the answer's bytes arrived (curl's), plain or decrypted by a timed TLS socket; without them (an
    // exchange on the JVM's engine), the client's events.
    boolean arrivals = (protocol == Protocol.HTTP_1_1 || protocol == Protocol.HTTP_2) && firstArrival >= 0;
    put(t, "firstByteMs", arrivals ? Math.min(firstArrival, firstByte < 0 ? firstArrival : firstByte) : firstByte);
    put(t, "totalMs", arrivals && lastArrival >= 0 ? Math.min(lastArrival, end < 0 ? lastArrival : end) : end);
    return t;
  }

  private void put(Map<String, Object> t, String key, long at) {
    long zero = routed >= 0 ? routed : start;
    if (at >= 0 && zero >= 0) t.put(key, Math.round(Math.max(0, at - zero) / 1000.0) / 1000.0);
  }
}
