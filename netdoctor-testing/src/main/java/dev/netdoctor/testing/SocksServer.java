package dev.netdoctor.testing;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A SOCKS proxy on loopback: SOCKS5 (RFC 1928) with no authentication or with username/password (RFC 1929), and
 * SOCKS4/4a. An accepted {@code CONNECT} is forwarded to the real target and the bytes piped both ways;
 * {@link #reply(int)} makes it answer every CONNECT with a chosen reply code instead (general failure, not allowed,
 * network or host unreachable, connection refused, TTL expired ...), and {@link #demandGssapi()} makes it accept
 * only a method no client offers.
 *
 * <p>What it saw is recorded: {@link #requests()} (e.g. {@code CONNECT localhost:443 domain}) and
 * {@link #usernames()} (never the passwords). Connections are served on daemon threads; {@link #close()} ends them
 * all.
 */
public final class SocksServer implements AutoCloseable {
  public static final int SUCCEEDED = 0;
  public static final int GENERAL_FAILURE = 1;
  public static final int NOT_ALLOWED = 2;
  public static final int NETWORK_UNREACHABLE = 3;
  public static final int HOST_UNREACHABLE = 4;
  public static final int CONNECTION_REFUSED = 5;
  public static final int TTL_EXPIRED = 6;
  public static final int COMMAND_NOT_SUPPORTED = 7;
  public static final int ADDRESS_TYPE_NOT_SUPPORTED = 8;

  private static final int NO_AUTH = 0x00;
  private static final int USER_PASS = 0x02;
  private static final int NO_ACCEPTABLE = 0xFF;

  private final ServerSocket server;
  private final String user;
  private final String password;
  private final List<Socket> open = Collections.synchronizedList(new ArrayList<>());
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private final List<String> usernames = Collections.synchronizedList(new ArrayList<>());
  private volatile int forcedReply;
  private volatile boolean gssapiOnly;
  private volatile boolean closed;

  private SocksServer(ServerSocket server, String user, String password) {
    this.server = server;
    this.user = user;
    this.password = password;
  }

  /** A proxy that asks for no authentication. */
  public static SocksServer open() throws IOException {
    return start0(null, null);
  }

  /** A proxy that accepts only username/password authentication with these credentials. */
  public static SocksServer withPassword(String user, String password) throws IOException {
    return start0(user, password);
  }

  private static SocksServer start0(String user, String password) throws IOException {
    ServerSocket server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
    SocksServer s = new SocksServer(server, user, password);
    Thread t = new Thread(s::acceptLoop, "socks-server-" + server.getLocalPort());
    t.setDaemon(true);
    t.start();
    return s;
  }

  /**
   * Answer every CONNECT with SOCKS5 reply {@code code} (1 to 8; SOCKS4 clients get 91, rejected) instead of
   * forwarding; {@link #SUCCEEDED} to forward again.
   */
  public SocksServer reply(int code) {
    if (code < 0 || code > 255) throw new IllegalArgumentException("reply code " + code);
    forcedReply = code;
    return this;
  }

  /** Accept only GSSAPI (method 1), which this server cannot do either: every greeting gets "no acceptable methods". */
  public SocksServer demandGssapi() {
    gssapiOnly = true;
    return this;
  }

  public int port() {
    return server.getLocalPort();
  }

  /** {@code socks5://127.0.0.1:port} (or another scheme: {@code socks5h}, {@code socks4}, {@code socks4a}). */
  public String url(String scheme) {
    return scheme + "://127.0.0.1:" + port();
  }

  /** CONNECT requests received, in order: {@code CONNECT host:port domain|ipv4|ipv6} (SOCKS4: {@code socks4}). */
  public List<String> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /** The user names of the RFC 1929 authentication attempts, in order. */
  public List<String> usernames() {
    synchronized (usernames) {
      return List.copyOf(usernames);
    }
  }

  private void acceptLoop() {
    Sockets.serveEach(server, open, () -> closed, this::serve, "socks-server-conn");
  }

  private void serve(Socket client) {
    try (client) {
      client.setSoTimeout(30_000);
      DataInputStream in = new DataInputStream(client.getInputStream());
      OutputStream out = client.getOutputStream();
      int version = in.readUnsignedByte();
      if (version == 5) {
        serveSocks5(client, in, out);
      } else if (version == 4) {
        serveSocks4(client, in, out);
      }
      // Anything else (an HTTP request, TLS): not SOCKS; the connection is closed without an answer.
    } catch (IOException ignored) {
      // Peer went away.
    } finally {
      open.remove(client);
    }
  }

  private void serveSocks5(Socket client, DataInputStream in, OutputStream out) throws IOException {
    byte[] methods = in.readNBytes(in.readUnsignedByte());
    int chosen = chooseMethod(methods);
    out.write(new byte[] {5, (byte) chosen});
    out.flush();
    if (chosen == NO_ACCEPTABLE) return;
    if (chosen == USER_PASS) {
      int subVersion = in.readUnsignedByte();
      String name = new String(in.readNBytes(in.readUnsignedByte()), StandardCharsets.UTF_8);
      String pass = new String(in.readNBytes(in.readUnsignedByte()), StandardCharsets.UTF_8);
      usernames.add(name);
      boolean ok = subVersion == 1 && user.equals(name) && password.equals(pass);
      out.write(new byte[] {1, (byte) (ok ? 0 : 1)});
      out.flush();
      if (!ok) return;
    }
    if (in.readUnsignedByte() != 5) return;
    int command = in.readUnsignedByte();
    in.readUnsignedByte(); // reserved
    int addressType = in.readUnsignedByte();
    String host;
    String kind;
    switch (addressType) {
      case 1 -> {
        host = InetAddress.getByAddress(in.readNBytes(4)).getHostAddress();
        kind = "ipv4";
      }
      case 3 -> {
        host = new String(in.readNBytes(in.readUnsignedByte()), StandardCharsets.US_ASCII);
        kind = "domain";
      }
      case 4 -> {
        host = InetAddress.getByAddress(in.readNBytes(16)).getHostAddress();
        kind = "ipv6";
      }
      default -> {
        socks5Reply(out, ADDRESS_TYPE_NOT_SUPPORTED, null);
        return;
      }
    }
    int port = in.readUnsignedShort();
    if (command != 1) {
      socks5Reply(out, COMMAND_NOT_SUPPORTED, null);
      return;
    }
    requests.add("CONNECT " + host + ":" + port + " " + kind);
    if (forcedReply != SUCCEEDED) {
      socks5Reply(out, forcedReply, null);
      return;
    }
    Socket upstream;
    try {
      upstream = connect(host, port);
    } catch (IOException e) {
      socks5Reply(out, replyFor(e), null);
      return;
    }
    socks5Reply(out, SUCCEEDED, (InetSocketAddress) upstream.getLocalSocketAddress());
    pipe(client, upstream);
  }

  private int chooseMethod(byte[] offered) {
    if (gssapiOnly) return NO_ACCEPTABLE;
    int wanted = user == null ? NO_AUTH : USER_PASS;
    for (byte m : offered) {
      if ((m & 0xFF) == wanted) return wanted;
    }
    return NO_ACCEPTABLE;
  }

  private static void socks5Reply(OutputStream out, int code, InetSocketAddress bound) throws IOException {
    byte[] address = bound == null ? new byte[4] : bound.getAddress().getAddress();
    int port = bound == null ? 0 : bound.getPort();
    byte[] reply = new byte[6 + address.length];
    reply[0] = 5;
    reply[1] = (byte) code;
    reply[3] = (byte) (address.length == 4 ? 1 : 4);
    System.arraycopy(address, 0, reply, 4, address.length);
    reply[reply.length - 2] = (byte) (port >> 8);
    reply[reply.length - 1] = (byte) port;
    out.write(reply);
    out.flush();
  }

  private void serveSocks4(Socket client, DataInputStream in, OutputStream out) throws IOException {
    int command = in.readUnsignedByte();
    int port = in.readUnsignedShort();
    byte[] ip = in.readNBytes(4);
    readNulTerminated(in); // user id
    String host = InetAddress.getByAddress(ip).getHostAddress();
    String kind = "socks4";
    if (ip[0] == 0 && ip[1] == 0 && ip[2] == 0 && ip[3] != 0) {
      host = readNulTerminated(in);
      kind = "socks4a";
    }
    if (command != 1) {
      out.write(new byte[] {0, 91, 0, 0, 0, 0, 0, 0});
      return;
    }
    requests.add("CONNECT " + host + ":" + port + " " + kind);
    Socket upstream = null;
    if (forcedReply == SUCCEEDED) {
      try {
        upstream = connect(host, port);
      } catch (IOException e) {
        upstream = null;
      }
    }
    out.write(new byte[] {0, (byte) (upstream == null ? 91 : 90), 0, 0, 0, 0, 0, 0});
    out.flush();
    if (upstream != null) pipe(client, upstream);
  }

  private static String readNulTerminated(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 256; i++) {
      int b = in.read();
      if (b <= 0) return sb.toString();
      sb.append((char) b);
    }
    throw new IOException("SOCKS4 field longer than 255 bytes");
  }

  private static int replyFor(IOException e) {
    if (e instanceof UnknownHostException || e instanceof NoRouteToHostException) return HOST_UNREACHABLE;
    if (e instanceof ConnectException) return CONNECTION_REFUSED;
    if (e instanceof SocketTimeoutException) return TTL_EXPIRED;
    return GENERAL_FAILURE;
  }

  private static Socket connect(String host, int port) throws IOException {
    Socket upstream = new Socket();
    try {
      upstream.connect(new InetSocketAddress(host, port), 5_000);
      return upstream;
    } catch (IOException e) {
      upstream.close();
      throw e;
    }
  }

  /** Copies bytes both ways until either side closes. */
  private void pipe(Socket client, Socket upstream) throws IOException {
    open.add(upstream);
    try (upstream) {
      Sockets.relay(client, upstream, "socks-server-up");
    } finally {
      open.remove(upstream);
    }
  }

  @Override
  public void close() {
    closed = true;
    Sockets.closeAll(server, open);
  }
}
