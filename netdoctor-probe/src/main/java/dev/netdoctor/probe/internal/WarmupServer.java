package dev.netdoctor.probe.internal;

import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * The https warm-up's server ({@link HttpsWarmup}): listens on this process's loopback interface, answers a fixed
 * number of connections with {@code 200} and a two-byte JSON body, then stops. It speaks what the timed exchange
 * meets in the field: HTTP/2 when the client offers it (ALPN {@code h2}, what the providers speak), else HTTP/1.1,
 * its answers alternately with a {@code Content-Length} and ended by closing the connection. TLS 1.3 with session
 * tickets (the JVM's engine sends them, as most servers do).
 *
 * <p>Minimal by design: it reads the request (bounded) without interpreting it beyond finding its end, and its
 * HTTP/2 is the few frames one exchange needs (SETTINGS, their acknowledgement, HEADERS {@code :status 200}, DATA,
 * GOAWAY). Every read has a timeout; a failure ends that connection quietly, and the client's call then fails.
 */
final class WarmupServer implements Closeable {
  private static final byte[] HTTP2_PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final int MAX_REQUEST = 16 * 1024;
  private static final int MAX_FRAMES = 32;
  private static final int TIMEOUT_MS = (int) HttpsWarmup.MAX_WAIT_MS;

  private final ServerSocket listener;
  private final Thread thread;

  private WarmupServer(ServerSocket listener, int connections) {
    this.listener = listener;
    this.thread = new Thread(() -> serve(connections), "netdoctor-warmup-server");
    thread.setDaemon(true);
  }

  /** Starts answering {@code connections} connections with {@code tls} on a free loopback port. */
  static WarmupServer start(SSLContext tls, int connections) throws IOException {
    ServerSocket listener = tls.getServerSocketFactory().createServerSocket(0, connections,
        InetAddress.getLoopbackAddress());
    listener.setSoTimeout(TIMEOUT_MS);
    WarmupServer server = new WarmupServer(listener, connections);
    server.thread.start();
    return server;
  }

  int port() {
    return listener.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }

  private void serve(int connections) {
    int http1 = 0;
    for (int i = 0; i < connections && !listener.isClosed(); i++) {
      try (Socket s = listener.accept()) {
        s.setSoTimeout(TIMEOUT_MS);
        s.setTcpNoDelay(true);
        SSLSocket tls = (SSLSocket) s;
        SSLParameters p = tls.getSSLParameters();
        p.setApplicationProtocols(new String[] {"h2", "http/1.1"});
        tls.setSSLParameters(p);
        tls.startHandshake();
        if ("h2".equals(tls.getApplicationProtocol())) {
          answerHttp2(tls.getInputStream(), tls.getOutputStream());
        } else {
          answerHttp1(tls.getInputStream(), tls.getOutputStream(), http1++ % 2 == 0);
        }
      } catch (IOException e) {
        // this connection failed (or the listener closed): the client's call says so
      }
    }
  }

  /** Reads the request head up to its blank line (bounded), answers, and lets the caller close. */
  private static void answerHttp1(InputStream in, OutputStream out, boolean sized) throws IOException {
    int last4 = 0;
    for (int n = 0; n < MAX_REQUEST && last4 != 0x0d0a0d0a; n++) {
      int b = in.read();
      if (b < 0) throw new IOException("the request ended early");
      last4 = (last4 << 8) | b;
    }
    String answer = "HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n"
        + (sized ? "Content-Length: 2\r\n" : "") + "\r\n{}";
    out.write(answer.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** The frames of one HTTP/2 exchange: the request's headers are answered on their stream, then GOAWAY. */
  private static void answerHttp2(InputStream raw, OutputStream out) throws IOException {
    DataInputStream in = new DataInputStream(raw);
    byte[] preface = new byte[HTTP2_PREFACE.length];
    in.readFully(preface);
    if (!Arrays.equals(preface, HTTP2_PREFACE)) throw new IOException("not an HTTP/2 preface");
    frame(out, 0x4, 0, 0, new byte[0]); // SETTINGS: the defaults
    for (int i = 0; i < MAX_FRAMES; i++) {
      int length = in.readUnsignedByte() << 16 | in.readUnsignedByte() << 8 | in.readUnsignedByte();
      int type = in.readUnsignedByte();
      int flags = in.readUnsignedByte();
      int stream = in.readInt() & 0x7fffffff;
      if (length > MAX_REQUEST) throw new IOException("frame of " + length + " bytes");
      in.readFully(new byte[length]);
      if (type == 0x4 && (flags & 0x1) == 0) frame(out, 0x4, 0x1, 0, new byte[0]); // acknowledge their SETTINGS
      if (type == 0x1 && (flags & 0x4) != 0) { // HEADERS, END_HEADERS: the request is complete
        // ":status: 200" is entry 8 of HPACK's static table; "content-type" (entry 31) with a literal value.
        byte[] json = "application/json".getBytes(StandardCharsets.US_ASCII);
        java.io.ByteArrayOutputStream headers = new java.io.ByteArrayOutputStream();
        headers.write(0x88);
        headers.write(0x0f);
        headers.write(0x10);
        headers.write(json.length);
        headers.writeBytes(json);
        frame(out, 0x1, 0x4, stream, headers.toByteArray());
        frame(out, 0x0, 0x1, stream, "{}".getBytes(StandardCharsets.US_ASCII)); // DATA, END_STREAM
        frame(out, 0x7, 0, 0, new byte[] {(byte) (stream >>> 24), (byte) (stream >>> 16), (byte) (stream >>> 8),
            (byte) stream, 0, 0, 0, 0}); // GOAWAY: last stream, NO_ERROR
        out.flush();
        return;
      }
    }
    throw new IOException("no request headers in " + MAX_FRAMES + " frames");
  }

  private static void frame(OutputStream out, int type, int flags, int stream, byte[] payload) throws IOException {
    int n = payload.length;
    out.write(new byte[] {(byte) (n >>> 16), (byte) (n >>> 8), (byte) n, (byte) type, (byte) flags,
        (byte) (stream >>> 24), (byte) (stream >>> 16), (byte) (stream >>> 8), (byte) stream});
    out.write(payload);
    out.flush();
  }
}
