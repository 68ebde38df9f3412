package dev.netdoctor.probe.internal;

import dev.netdoctor.core.settings.ProxyCredentials;
import dev.netdoctor.probe.HostResolver;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The client side of a SOCKS handshake on a socket already connected to the proxy: SOCKS5 (RFC 1928) with
 * username/password authentication (RFC 1929) when credentials are known, or SOCKS4/4a. Every step is written to
 * {@link #transcript()} (never the password), and every refusal is a {@link SocksException} that names its code
 * and cause, so the proxy check and the HTTP exchange report the same thing.
 *
 * <p>Not thread-safe; one instance per handshake. Reads are bounded by the socket's timeout, which the caller sets.
 */
public final class SocksHandshake {
  /** The SOCKS flavour a proxy URL's scheme names. */
  public enum Version {
    /** {@code socks4://}: the client resolves the name; IPv4 only. */
    SOCKS4("SOCKS4", false),
    /** {@code socks4a://}: the proxy resolves the name. */
    SOCKS4A("SOCKS4a", true),
    /** {@code socks5://} and {@code socks://}: the client resolves the name (as curl does for socks5). */
    SOCKS5("SOCKS5", false),
    /** {@code socks5h://}: the proxy resolves the name. */
    SOCKS5H("SOCKS5h", true);

    private final String label;
    private final boolean remoteDns;

    Version(String label, boolean remoteDns) {
      this.label = label;
      this.remoteDns = remoteDns;
    }

    public String label() {
      return label;
    }

    /** Whether the target's name, not its address, is sent to the proxy. */
    public boolean remoteDns() {
      return remoteDns;
    }

    /** The version a proxy URL names, or empty for a non-SOCKS (HTTP) proxy. */
    public static Optional<Version> of(URI proxy) {
      String scheme = proxy.getScheme() == null ? "" : proxy.getScheme().toLowerCase(Locale.ROOT);
      return switch (scheme) {
        case "socks4" -> Optional.of(SOCKS4);
        case "socks4a" -> Optional.of(SOCKS4A);
        case "socks5", "socks" -> Optional.of(SOCKS5);
        case "socks5h" -> Optional.of(SOCKS5H);
        default -> Optional.empty();
      };
    }
  }

  /** The default SOCKS port, when the proxy URL names none. */
  public static final int DEFAULT_PORT = 1080;

  /**
   * The proxy refused or broke the handshake.
   *
   * <p>{@link #code()}/{@link #cause()} are ids of codes.json: NET010 (authentication), NET012 (the proxy refused
   * or could not open the connection), NET011 (the proxy itself cannot be reached).
   */
  public static final class SocksException extends IOException {
    private final String code;
    private final String cause;
    private final int reply;

    public SocksException(String message, String code, String cause, int reply, Throwable underlying) {
      super(message, underlying);
      this.code = code;
      this.cause = cause;
      this.reply = reply;
    }

    public String code() {
      return code;
    }

    public String cause() {
      return cause;
    }

    /** The proxy's reply code (SOCKS5 REP, SOCKS4 CD), or -1 when the handshake failed before a reply. */
    public int reply() {
      return reply;
    }
  }

  private static final int NO_AUTH = 0x00;
  private static final int GSSAPI = 0x01;
  private static final int USER_PASS = 0x02;
  private static final int NO_ACCEPTABLE = 0xFF;

  private final Version version;
  private final Optional<ProxyCredentials> credentials;
  private final HostResolver resolver;
  private final List<String> transcript = new ArrayList<>();
  private String method = "none";

  /**
   * @param resolver resolves the target's name for {@link Version#SOCKS4} and {@link Version#SOCKS5} (the
   *     application's resolver, so {@code --resolve} and the test resolver apply)
   */
  public SocksHandshake(Version version, Optional<ProxyCredentials> credentials, HostResolver resolver) {
    this.version = version;
    this.credentials = credentials;
    this.resolver = resolver;
  }

  /** What was sent and answered, one line per step; never a password. */
  public List<String> transcript() {
    return List.copyOf(transcript);
  }

  /** The authentication method the proxy chose: {@code none}, {@code username/password}. */
  public String method() {
    return method;
  }

  /**
   * Asks the proxy to connect to {@code host:port}. On return the socket is a tunnel to the target.
   *
   * @param address the target's address when the caller already resolved it (used unless the version resolves
   *     remotely), or {@code null}
   * @throws SocksException when the proxy refuses: no acceptable method, credentials rejected, a reply other
   *     than success, or an answer that is not SOCKS
   * @throws IOException when the connection breaks or times out
   */
  public void connect(Socket socket, String host, int port, InetAddress address) throws IOException {
    DataInputStream in = new DataInputStream(socket.getInputStream());
    OutputStream out = socket.getOutputStream();
    InetAddress target = version.remoteDns() ? null : address != null ? address : literalOrResolve(host);
    if (version == Version.SOCKS4 && target instanceof Inet6Address) {
      throw new SocksException("SOCKS4 cannot carry the IPv6 address " + target.getHostAddress() + " of " + host
          + "; use socks4a:// or socks5://", "NET012", "other", -1, null);
    }
    if (version == Version.SOCKS4 || version == Version.SOCKS4A) {
      socks4(in, out, host, port, target);
    } else {
      socks5(in, out, host, port, target);
    }
  }

  private InetAddress literalOrResolve(String host) throws IOException {
    try {
      return resolver.lookup(host).stream()
          .filter(a -> version != Version.SOCKS4 || a instanceof Inet4Address).findFirst()
          .orElseThrow(() -> new java.net.UnknownHostException(host + ": no IPv4 address for SOCKS4"));
    } catch (java.net.UnknownHostException e) {
      transcript.add("the client resolves " + host + " for " + version.label() + ": " + e.getMessage());
      throw e;
    }
  }

  private void socks5(DataInputStream in, OutputStream out, String host, int port, InetAddress target)
      throws IOException {
    byte[] greeting = credentials.isPresent() ? new byte[] {5, 2, NO_AUTH, USER_PASS} : new byte[] {5, 1, NO_AUTH};
    out.write(greeting);
    out.flush();
    String offered = credentials.isPresent() ? "no authentication, username/password" : "no authentication";
    int ver = readByte(in, "the method selection");
    int chosen = readByte(in, "the method selection");
    if (ver != 5) throw notSocks(ver, chosen);
    transcript.add("SOCKS5 greeting offered " + offered + " → proxy chose " + methodName(chosen));
    if (chosen == NO_ACCEPTABLE) {
      if (credentials.isEmpty()) {
        throw new SocksException("the SOCKS5 proxy accepts none of the offered methods (" + offered
            + "): it wants a user name and password, and none are configured", "NET010", "credentials-missing",
            -1, null);
      }
      throw new SocksException("the SOCKS5 proxy accepts neither no authentication nor username/password: it "
          + "wants another method (GSSAPI/Kerberos)", "NET010", "scheme-unsupported", -1, null);
    }
    if (chosen == USER_PASS && credentials.isPresent()) {
      method = "username/password";
      authenticate(in, out, credentials.get());
    } else if (chosen != NO_AUTH) {
      throw new SocksException("the SOCKS5 proxy chose " + methodName(chosen) + ", which was not offered",
          "NET010", "scheme-unsupported", -1, null);
    }
    byte[] address;
    String shown;
    int type;
    if (target == null) {
      byte[] name = host.getBytes(StandardCharsets.US_ASCII);
      if (name.length > 255) throw new IOException("host name longer than 255 bytes: " + host);
      address = new byte[name.length + 1];
      address[0] = (byte) name.length;
      System.arraycopy(name, 0, address, 1, name.length);
      type = 3;
      shown = host + " (name resolved by the proxy)";
    } else {
      address = target.getAddress();
      type = target instanceof Inet6Address ? 4 : 1;
      shown = target.getHostAddress() + (target.getHostAddress().equals(host) ? "" : " (" + host + ")");
    }
    byte[] request = new byte[4 + address.length + 2];
    request[0] = 5;
    request[1] = 1; // CONNECT
    request[3] = (byte) type;
    System.arraycopy(address, 0, request, 4, address.length);
    request[request.length - 2] = (byte) (port >> 8);
    request[request.length - 1] = (byte) port;
    out.write(request);
    out.flush();
    int rver = readByte(in, "the CONNECT reply");
    int reply = readByte(in, "the CONNECT reply");
    if (rver != 5) throw notSocks(rver, reply);
    readByte(in, "the CONNECT reply"); // reserved
    int boundType = readByte(in, "the CONNECT reply");
    int skip = switch (boundType) {
      case 1 -> 4;
      case 4 -> 16;
      case 3 -> readByte(in, "the CONNECT reply");
      default -> throw new SocksException("the SOCKS5 proxy's reply has an unknown address type " + boundType,
          "NET012", "protocol-mismatch", reply, null);
    };
    byte[] rest = in.readNBytes(skip + 2);
    if (rest.length < skip + 2) throw new EOFException("the SOCKS5 proxy closed the connection in its reply");
    transcript.add("SOCKS5 CONNECT " + shown + ":" + port + " → " + reply + " (" + replyText(reply) + ")");
    if (reply != 0) {
      String[] codeCause = codeAndCause(reply);
      throw new SocksException("the SOCKS5 proxy answered CONNECT " + host + ":" + port + " with " + reply + " ("
          + replyText(reply) + ")", codeCause[0], codeCause[1], reply, null);
    }
  }

  private void authenticate(DataInputStream in, OutputStream out, ProxyCredentials c) throws IOException {
    byte[] user = c.username().getBytes(StandardCharsets.UTF_8);
    byte[] pass = c.password().reveal().getBytes(StandardCharsets.UTF_8);
    if (user.length > 255 || pass.length > 255) {
      throw new SocksException("the SOCKS5 user name or password is longer than 255 bytes (RFC 1929 limit)",
          "NET010", "credentials-rejected", -1, null);
    }
    byte[] msg = new byte[3 + user.length + pass.length];
    msg[0] = 1;
    msg[1] = (byte) user.length;
    System.arraycopy(user, 0, msg, 2, user.length);
    msg[2 + user.length] = (byte) pass.length;
    System.arraycopy(pass, 0, msg, 3 + user.length, pass.length);
    out.write(msg);
    out.flush();
    java.util.Arrays.fill(msg, (byte) 0);
    java.util.Arrays.fill(pass, (byte) 0);
    readByte(in, "the authentication answer");
    int status = readByte(in, "the authentication answer");
    transcript.add("RFC 1929 username/password for user " + c.username() + " → "
        + (status == 0 ? "accepted" : "rejected (status " + status + ")"));
    if (status != 0) {
      throw new SocksException("the SOCKS5 proxy rejected the user name and password for " + c.username(),
          "NET010", "credentials-rejected", -1, null);
    }
  }

  private void socks4(DataInputStream in, OutputStream out, String host, int port, InetAddress target)
      throws IOException {
    byte[] userId = credentials.map(c -> c.username().getBytes(StandardCharsets.UTF_8)).orElse(new byte[0]);
    byte[] ip = target == null ? new byte[] {0, 0, 0, 1} : target.getAddress();
    byte[] name = target == null ? host.getBytes(StandardCharsets.US_ASCII) : new byte[0];
    byte[] request = new byte[8 + userId.length + 1 + (target == null ? name.length + 1 : 0)];
    request[0] = 4;
    request[1] = 1;
    request[2] = (byte) (port >> 8);
    request[3] = (byte) port;
    System.arraycopy(ip, 0, request, 4, 4);
    System.arraycopy(userId, 0, request, 8, userId.length);
    if (target == null) System.arraycopy(name, 0, request, 9 + userId.length, name.length);
    out.write(request);
    out.flush();
    int vn = readByte(in, "the SOCKS4 reply");
    int cd = readByte(in, "the SOCKS4 reply");
    if (vn != 0) throw notSocks(vn, cd);
    byte[] rest = in.readNBytes(6);
    if (rest.length < 6) throw new EOFException("the SOCKS4 proxy closed the connection in its reply");
    String shown = target == null ? host + " (name resolved by the proxy)" : target.getHostAddress();
    transcript.add(version.label() + " CONNECT " + shown + ":" + port + " → " + cd + " (" + socks4Text(cd) + ")");
    if (cd != 90) {
      // 91 covers both a policy block and an unreachable target: SOCKS4 does not tell them apart.
      boolean identd = cd == 93;
      throw new SocksException("the " + version.label() + " proxy answered CONNECT " + host + ":" + port + " with "
          + cd + " (" + socks4Text(cd) + ")", identd ? "NET010" : "NET012",
          identd ? "credentials-rejected" : cd == 91 ? "forbidden" : "other", cd, null);
    }
  }

  private SocksException notSocks(int first, int second) {
    String seen = (char) first + "" + (char) second;
    String hint = seen.equals("HT") ? ": it answers in HTTP, so it is an HTTP proxy; use http:// in the proxy URL"
        : ": the port may belong to another service, or the proxy speaks another SOCKS version";
    transcript.add("expected a " + version.label() + " answer, got bytes " + first + " " + second);
    return new SocksException("the proxy does not answer as a " + version.label() + " proxy" + hint, "NET012",
        "protocol-mismatch", -1, null);
  }

  private static int readByte(DataInputStream in, String what) throws IOException {
    int b = in.read();
    if (b < 0) throw new EOFException("the SOCKS proxy closed the connection before " + what);
    return b;
  }

  private static String methodName(int m) {
    return switch (m) {
      case NO_AUTH -> "no authentication";
      case GSSAPI -> "GSSAPI";
      case USER_PASS -> "username/password";
      case NO_ACCEPTABLE -> "no acceptable method (0xFF)";
      default -> "method " + m;
    };
  }

  /** RFC 1928's meaning of a SOCKS5 reply code. */
  public static String replyText(int reply) {
    return switch (reply) {
      case 0 -> "succeeded";
      case 1 -> "general SOCKS server failure";
      case 2 -> "connection not allowed by ruleset";
      case 3 -> "network unreachable";
      case 4 -> "host unreachable";
      case 5 -> "connection refused";
      case 6 -> "TTL expired";
      case 7 -> "command not supported";
      case 8 -> "address type not supported";
      default -> "unassigned reply " + reply;
    };
  }

  private static String socks4Text(int cd) {
    return switch (cd) {
      case 90 -> "granted";
      case 91 -> "rejected or failed";
      case 92 -> "rejected: the proxy cannot reach the client's identd";
      case 93 -> "rejected: identd reports another user id";
      default -> "unassigned reply " + cd;
    };
  }

  /**
   * NET012 cause of a SOCKS5 reply: 2 is the proxy's policy ({@code forbidden}); 3, 4, 5 and 6 mean the proxy
   * tried and could not reach the target ({@code upstream-failed}); the rest ({@code other}).
   */
  static String[] codeAndCause(int reply) {
    return switch (reply) {
      case 2 -> new String[] {"NET012", "forbidden"};
      case 3, 4, 5, 6 -> new String[] {"NET012", "upstream-failed"};
      default -> new String[] {"NET012", "other"};
    };
  }
}
