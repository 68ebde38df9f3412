package dev.netdoctor.probe.internal;

import dev.netdoctor.core.settings.ProxyCredentials;
import dev.netdoctor.probe.ProbeContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Speaks just enough HTTP/1.1 to a proxy to learn its answer to {@code CONNECT host:port}: the status line and the
 * {@code Proxy-Authenticate} challenge, which OkHttp hides behind "Failed to authenticate with proxy". {@link #open}
 * opens a tunnel through either kind of proxy, HTTP or SOCKS ({@link SocksHandshake}).
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

  /** The start of the message of the exception thrown when the proxy's answer is not HTTP. */
  public static final String NOT_HTTP = "not an HTTP answer from the proxy";

  private ProxyTunnel() {}

  /**
   * Opens a tunnel to {@code host:port} through the context's proxy on the unconnected {@code socket}: HTTP
   * {@code CONNECT}, or the SOCKS handshake for a {@code socks*://} proxy. Connect and read ceilings come from the
   * context's budget.
   *
   * @return empty when the socket is now a tunnel to the target; otherwise the proxy's refusal, for a person
   * @throws IOException when the proxy cannot be reached or breaks the connection
   */
  public static Optional<String> open(Socket socket, ProbeContext ctx, String host, int port) throws IOException {
    URI proxy = ctx.proxy().proxy().orElseThrow(() -> new IllegalStateException("no proxy for " + host));
    int connectMillis = ctx.budget().capMillis(ctx.options().connectTimeout());
    Optional<SocksHandshake.Version> socks = SocksHandshake.Version.of(proxy);
    if (socks.isPresent()) {
      int proxyPort = proxy.getPort() != -1 ? proxy.getPort() : SocksHandshake.DEFAULT_PORT;
      SocksRoute.connectToProxy(socket, proxy.getHost(), proxyPort, ctx.env().resolver(), connectMillis);
      socket.setSoTimeout(ctx.budget().capMillis(ctx.options().tlsTimeout()));
      try {
        new SocksHandshake(socks.get(), ctx.proxy().credentials(), ctx.env().resolver())
            .connect(socket, host, port, ctx.options().resolved(host, port).orElse(null));
        return Optional.empty();
      } catch (SocksHandshake.SocksException e) {
        return Optional.of(e.getMessage());
      }
    }
    socket.connect(new InetSocketAddress(ctx.env().resolver().lookup(proxy.getHost()).get(0),
        proxy.getPort() != -1 ? proxy.getPort() : 8080), connectMillis);
    socket.setSoTimeout(ctx.budget().capMillis(ctx.options().tlsTimeout()));
    Answer a = request(socket, host, port, true, ctx.proxy().credentials());
    return a.status() == 200 ? Optional.empty() : Optional.of(a.statusLine());
  }

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
      throw new IOException(NOT_HTTP + ": " + statusLine);
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
