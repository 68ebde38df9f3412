package dev.netdoctor.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP proxy on loopback that, like a corporate squid, demands Basic credentials: without them (or with
 * wrong ones) it answers {@code 407} with {@code Proxy-Authenticate: Basic realm="netdoctor"}; with them it
 * tunnels {@code CONNECT host:port} and forwards absolute-form requests ({@code GET http://host/...}).
 *
 * <p>{@link #refuseTunnels(int)} makes it answer every authorised CONNECT with that status (403 for a policy
 * block, 502 for an upstream it cannot reach). Connections are served on daemon threads; {@link #close()} ends
 * them all.
 */
public final class AuthProxy implements AutoCloseable {
  private static final int MAX_HEAD = 64 * 1024;

  private final ServerSocket server;
  private final String expectedAuthorization;
  private final List<Socket> open = Collections.synchronizedList(new ArrayList<>());
  private final List<String> requestLines = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger challenges = new AtomicInteger();
  private volatile int tunnelRefusal;
  private volatile String scheme = "Basic";
  private volatile boolean closed;

  private AuthProxy(ServerSocket server, String user, String password) {
    this.server = server;
    this.expectedAuthorization = user == null ? null
        : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** A proxy that wants {@code user}/{@code password}. */
  public static AuthProxy start(String user, String password) throws IOException {
    return start0(user, password);
  }

  /** A proxy that asks for no credentials. */
  public static AuthProxy open() throws IOException {
    return start0(null, null);
  }

  private static AuthProxy start0(String user, String password) throws IOException {
    ServerSocket server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
    AuthProxy proxy = new AuthProxy(server, user, password);
    Thread t = new Thread(proxy::acceptLoop, "auth-proxy-" + server.getLocalPort());
    t.setDaemon(true);
    t.start();
    return proxy;
  }

  /** Answer every authorised CONNECT with {@code status} (e.g. 403 or 502) instead of tunnelling; 0 to tunnel. */
  public AuthProxy refuseTunnels(int status) {
    this.tunnelRefusal = status;
    return this;
  }

  /** The scheme named in {@code Proxy-Authenticate} (default {@code Basic}; e.g. {@code Negotiate}). */
  public AuthProxy challengeScheme(String scheme) {
    this.scheme = scheme;
    return this;
  }

  public int port() {
    return server.getLocalPort();
  }

  public InetSocketAddress address() {
    return (InetSocketAddress) server.getLocalSocketAddress();
  }

  /** {@code http://127.0.0.1:port}. */
  public String url() {
    return "http://127.0.0.1:" + port();
  }

  /** Request lines received, in order (e.g. {@code CONNECT localhost:443 HTTP/1.1}). */
  public List<String> requestLines() {
    synchronized (requestLines) {
      return List.copyOf(requestLines);
    }
  }

  /** How many 407 answers were sent. */
  public int challengeCount() {
    return challenges.get();
  }

  private void acceptLoop() {
    Sockets.serveEach(server, open, () -> closed, this::serve, "auth-proxy-conn");
  }

  private void serve(Socket client) {
    try (client) {
      client.setSoTimeout(30_000);
      InputStream in = client.getInputStream();
      OutputStream out = client.getOutputStream();
      for (int i = 0; i < 10; i++) {
        List<String> head = readHead(in);
        if (head.isEmpty()) return;
        String requestLine = head.get(0);
        requestLines.add(requestLine);
        String authorization = header(head, "Proxy-Authorization");
        if (expectedAuthorization != null && !expectedAuthorization.equals(authorization)) {
          challenges.incrementAndGet();
          drainBody(in, head);
          write(out, "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: " + scheme
              + " realm=\"netdoctor\"\r\nContent-Length: 0\r\n\r\n");
          continue;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length < 3) {
          write(out, "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
          return;
        }
        if (parts[0].equalsIgnoreCase("CONNECT")) {
          tunnel(client, parts[1]);
        } else {
          forward(client, parts, head);
        }
        return;
      }
    } catch (IOException ignored) {
      // Peer went away.
    } finally {
      open.remove(client);
    }
  }

  private void tunnel(Socket client, String authority) throws IOException {
    OutputStream out = client.getOutputStream();
    if (tunnelRefusal != 0) {
      write(out, "HTTP/1.1 " + tunnelRefusal + " " + (tunnelRefusal == 403 ? "Forbidden" : "Bad Gateway")
          + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
      return;
    }
    Socket upstream;
    try {
      upstream = connect(authority, 443);
    } catch (IOException e) {
      write(out, "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
      return;
    }
    write(out, "HTTP/1.1 200 Connection established\r\n\r\n");
    pipe(client, upstream, new byte[0]);
  }

  private void forward(Socket client, String[] requestLine, List<String> head) throws IOException {
    java.net.URI uri = java.net.URI.create(requestLine[1]);
    int port = uri.getPort() == -1 ? 80 : uri.getPort();
    Socket upstream;
    try {
      upstream = connect(uri.getHost() + ":" + port, 80);
    } catch (IOException e) {
      write(client.getOutputStream(), "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
      return;
    }
    StringBuilder rewritten = new StringBuilder();
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (uri.getRawQuery() != null) path += "?" + uri.getRawQuery();
    rewritten.append(requestLine[0]).append(' ').append(path).append(' ').append(requestLine[2]).append("\r\n");
    for (String line : head.subList(1, head.size())) {
      String lower = line.toLowerCase(Locale.ROOT);
      if (lower.startsWith("proxy-") || lower.startsWith("connection:")) continue;
      rewritten.append(line).append("\r\n");
    }
    rewritten.append("Connection: close\r\n\r\n");
    pipe(client, upstream, rewritten.toString().getBytes(StandardCharsets.ISO_8859_1));
  }

  private static Socket connect(String authority, int defaultPort) throws IOException {
    int colon = authority.lastIndexOf(':');
    String host = colon > 0 ? authority.substring(0, colon) : authority;
    int port = colon > 0 ? Integer.parseInt(authority.substring(colon + 1)) : defaultPort;
    if (host.startsWith("[")) host = host.substring(1, host.length() - 1);
    Socket upstream = new Socket();
    upstream.connect(new InetSocketAddress(host, port), 5_000);
    return upstream;
  }

  /** Copies bytes both ways until either side closes. */
  private void pipe(Socket client, Socket upstream, byte[] firstBytes) throws IOException {
    open.add(upstream);
    try (upstream) {
      upstream.getOutputStream().write(firstBytes);
      Sockets.relay(client, upstream, "auth-proxy-up");
    } finally {
      open.remove(upstream);
    }
  }

  private static List<String> readHead(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    List<String> head = new ArrayList<>();
    int total = 0;
    for (int b; (b = in.read()) != -1; ) {
      if (++total > MAX_HEAD) throw new IOException("request head too large");
      if (b == '\n') {
        String text = line.toString(StandardCharsets.ISO_8859_1).stripTrailing();
        line.reset();
        if (text.isEmpty()) return head;
        head.add(text);
      } else {
        line.write(b);
      }
    }
    return List.of();
  }

  private static void drainBody(InputStream in, List<String> head) throws IOException {
    String length = header(head, "Content-Length");
    if (length != null) in.readNBytes(Integer.parseInt(length.trim()));
  }

  private static String header(List<String> head, String name) {
    String prefix = name.toLowerCase(Locale.ROOT) + ":";
    for (String line : head.subList(1, head.size())) {
      if (line.toLowerCase(Locale.ROOT).startsWith(prefix)) return line.substring(prefix.length()).trim();
    }
    return null;
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  @Override
  public void close() {
    closed = true;
    Sockets.closeAll(server, open);
  }
}
