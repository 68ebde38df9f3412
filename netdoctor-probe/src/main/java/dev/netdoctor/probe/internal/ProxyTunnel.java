package dev.netdoctor.probe.internal;

import dev.netdoctor.core.settings.ProxyCredentials;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Speaks just enough HTTP/1.1 to a proxy to learn its answer to {@code CONNECT host:port}: the status line and the
 * {@code Proxy-Authenticate} challenge, which OkHttp hides behind "Failed to authenticate with proxy".
 */
public final class ProxyTunnel {
  /**
   * The proxy's answer.
   *
   * @param status the status code
   * @param statusLine the whole status line
   * @param challenge the {@code Proxy-Authenticate} value, if any
   * @param sentCredentials whether a {@code Proxy-Authorization} header was sent
   */
  public record Answer(int status, String statusLine, Optional<String> challenge, boolean sentCredentials) {
    /** The scheme of the challenge ({@code Basic}, {@code Negotiate}), if any. */
    public Optional<String> scheme() {
      return challenge.map(c -> c.trim().split("\\s+")[0]);
    }
  }

  private ProxyTunnel() {}

  /**
   * Sends CONNECT (for https targets) or a HEAD in absolute form (for http targets) on an open socket to the
   * proxy, and reads the answer head. On a 200 to CONNECT the socket is a tunnel to the target afterwards.
   */
  public static Answer request(Socket socket, String host, int port, boolean https,
      Optional<ProxyCredentials> credentials) throws IOException {
    String authority = (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    StringBuilder req = new StringBuilder();
    if (https) {
      req.append("CONNECT ").append(authority).append(" HTTP/1.1\r\nHost: ").append(authority).append("\r\n");
    } else {
      req.append("HEAD http://").append(authority).append("/ HTTP/1.1\r\nHost: ").append(authority).append("\r\n");
    }
    req.append("User-Agent: netdoctor\r\nProxy-Connection: Keep-Alive\r\n");
    if (credentials.isPresent()) {
      String pair = credentials.get().username() + ":" + credentials.get().password().reveal();
      req.append("Proxy-Authorization: Basic ")
          .append(Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8))).append("\r\n");
    }
    req.append("\r\n");
    OutputStream out = socket.getOutputStream();
    out.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    List<String> head = readHead(socket.getInputStream());
    if (head.isEmpty()) throw new java.io.EOFException("the proxy closed the connection without answering");
    String statusLine = head.get(0);
    String[] parts = statusLine.split(" ", 3);
    int status;
    try {
      status = Integer.parseInt(parts[1]);
    } catch (RuntimeException e) {
      throw new IOException("not an HTTP answer from the proxy: " + statusLine);
    }
    Optional<String> challenge = head.stream().skip(1)
        .filter(l -> l.toLowerCase(Locale.ROOT).startsWith("proxy-authenticate:"))
        .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst();
    if (status != 200 || !https) drainBody(socket.getInputStream(), head);
    return new Answer(status, statusLine, challenge, credentials.isPresent());
  }

  private static void drainBody(InputStream in, List<String> head) {
    for (String line : head) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        try {
          long n = Long.parseLong(line.substring(15).trim());
          in.readNBytes((int) Math.min(n, 64 * 1024));
        } catch (RuntimeException | IOException ignored) {
          // best effort
        }
      }
    }
  }

  private static List<String> readHead(InputStream in) throws IOException {
    List<String> head = new ArrayList<>();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int total = 0;
    for (int b; (b = in.read()) != -1; ) {
      if (++total > 64 * 1024) throw new IOException("proxy answer head too large");
      if (b == '\n') {
        String text = line.toString(StandardCharsets.ISO_8859_1).stripTrailing();
        line.reset();
        if (text.isEmpty()) return head;
        head.add(text);
      } else {
        line.write(b);
      }
    }
    return head;
  }
}
