package dev.netdoctor.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP/1.1 server that writes raw bytes and then drops the connection: for answers a well-behaved
 * server cannot give (a chunked body that stops mid-way). Each connection gets {@code script}, once.
 */
final class RawServer implements AutoCloseable {
  private final ServerSocket socket;
  private final Thread thread;
  final AtomicInteger requests = new AtomicInteger();
  /** The head (request line and headers) of each request, in order. */
  final java.util.List<String> heads = new java.util.concurrent.CopyOnWriteArrayList<>();

  RawServer(String script) throws IOException {
    socket = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
    thread = new Thread(() -> {
      for (int i = 0; i < 50 && !socket.isClosed(); i++) {
        try (Socket s = socket.accept()) {
          s.setSoTimeout(5_000);
          heads.add(readRequest(s.getInputStream()));
          requests.incrementAndGet();
          OutputStream out = s.getOutputStream();
          out.write(script.getBytes(StandardCharsets.UTF_8));
          out.flush();
        } catch (IOException e) {
          return;
        }
      }
    }, "raw-server");
    thread.setDaemon(true);
    thread.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + socket.getLocalPort() + path;
  }

  private static String readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) return head.toString(StandardCharsets.ISO_8859_1);
      head.write(b);
      matched = (b == '\r' || b == '\n') && (matched % 2 == 0 ? b == '\r' : b == '\n') ? matched + 1 : 0;
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    for (String line : text.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        in.readNBytes(Integer.parseInt(line.substring(15).trim()));
      }
    }
    return text;
  }

  int port() {
    return socket.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
