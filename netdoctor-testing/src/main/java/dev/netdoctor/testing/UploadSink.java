package dev.netdoctor.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP upload endpoint on loopback that takes in a request body at a set pace ({@code bytesPerPeriod} every
 * {@code periodMillis}), then answers {@code 200} (or never answers, with {@link #silent}): a slow uplink, which
 * mockwebserver cannot throttle. One request per connection, bodies with {@code Content-Length} only.
 *
 * <p>Bounded: a head of at most 8 KiB, a body of at most 4 MiB read, at most 10 s per connection.
 */
public final class UploadSink implements AutoCloseable {
  private static final int MAX_HEAD = 8 * 1024;
  private static final long MAX_BODY = 4L * 1024 * 1024;
  private static final long MAX_NANOS = 10_000_000_000L;

  private final ServerSocket server;
  private final int bytesPerPeriod;
  private final int periodMillis;
  private final boolean answer;
  private final List<Socket> open = Collections.synchronizedList(new ArrayList<>());
  private final AtomicLong received = new AtomicLong();
  private volatile boolean closed;

  private UploadSink(ServerSocket server, int bytesPerPeriod, int periodMillis, boolean answer) {
    this.server = server;
    this.bytesPerPeriod = bytesPerPeriod;
    this.periodMillis = periodMillis;
    this.answer = answer;
  }

  /** A sink that reads {@code bytesPerPeriod} every {@code periodMillis} and answers 200 when the body is in. */
  public static UploadSink paced(int bytesPerPeriod, int periodMillis) throws IOException {
    return start(bytesPerPeriod, periodMillis, true);
  }

  /** A sink that reads at that pace and never answers. */
  public static UploadSink silent(int bytesPerPeriod, int periodMillis) throws IOException {
    return start(bytesPerPeriod, periodMillis, false);
  }

  private static UploadSink start(int bytesPerPeriod, int periodMillis, boolean answer) throws IOException {
    if (bytesPerPeriod < 1 || periodMillis < 0) throw new IllegalArgumentException("pace");
    ServerSocket server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
    UploadSink sink = new UploadSink(server, bytesPerPeriod, periodMillis, answer);
    Thread t = new Thread(sink::acceptLoop, "upload-sink-" + server.getLocalPort());
    t.setDaemon(true);
    t.start();
    return sink;
  }

  /** {@code http://127.0.0.1:port/upload}. */
  public String url() {
    return "http://127.0.0.1:" + server.getLocalPort() + "/upload";
  }

  /** Body bytes taken in so far, over every connection. */
  public long received() {
    return received.get();
  }

  private void acceptLoop() {
    Sockets.serveEach(server, open, () -> closed, this::serve, "upload-sink-conn");
  }

  private void serve(Socket client) {
    long end = System.nanoTime() + MAX_NANOS;
    try (client) {
      client.setSoTimeout(10_000);
      InputStream in = client.getInputStream();
      long length = contentLength(readHead(in));
      byte[] buffer = new byte[bytesPerPeriod];
      for (long read = 0; read < Math.min(length, MAX_BODY) && System.nanoTime() < end; ) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, length - read));
        if (n < 0) return;
        read += n;
        received.addAndGet(n);
        if (periodMillis > 0) Thread.sleep(periodMillis);
      }
      if (answer) {
        OutputStream out = client.getOutputStream();
        out.write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII));
        out.flush();
      } else {
        Thread.sleep(Math.max(0, (end - System.nanoTime()) / 1_000_000));
      }
    } catch (IOException | InterruptedException ignored) {
      // Peer went away, or the sink is closing.
    } finally {
      open.remove(client);
    }
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0 || head.length() >= MAX_HEAD) throw new IOException("no complete request head");
      head.append((char) b);
    }
    return head.toString();
  }

  private static long contentLength(String head) {
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        return Long.parseLong(line.substring(15).trim());
      }
    }
    return 0;
  }

  @Override
  public void close() {
    closed = true;
    Sockets.closeAll(server, open);
  }
}
