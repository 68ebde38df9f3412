package dev.netdoctor.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * TCP endpoints on loopback that fail in one precise way each.
 *
 * <ul>
 *   <li>{@link #closedPort()}: nothing listens; a connect is refused at once (RST).</li>
 *   <li>{@link #silent()}: accepts and never sends a byte (a first-byte timeout, or a TLS handshake that hangs).</li>
 *   <li>{@link #resetting()}: accepts, then resets the connection (SO_LINGER 0 + close).</li>
 *   <li>{@link #blackhole()}: a listener whose accept queue is full, so the kernel drops further SYNs and a
 *       connect times out, as behind a firewall that DROPs.</li>
 * </ul>
 */
public final class FaultPorts {
  private FaultPorts() {}

  /** A loopback port on which nothing listens: bound to find it free, then closed. */
  public static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
      return socket.getLocalPort();
    }
  }

  public static Endpoint silent() throws IOException {
    return Endpoint.start(Endpoint.Mode.SILENT);
  }

  public static Endpoint resetting() throws IOException {
    return Endpoint.start(Endpoint.Mode.RESET);
  }

  /**
   * Answers whatever arrives with a plain-text {@code HTTP/1.1 400} and closes, as a web server does when a TLS
   * client connects to its plain port.
   */
  public static Endpoint plainHttp() throws IOException {
    return Endpoint.start(Endpoint.Mode.PLAIN_400);
  }

  /**
   * A port where connects time out. The listener has a backlog of one and never accepts; filler connections
   * occupy the queue so the kernel drops the next SYNs.
   */
  public static Blackhole blackhole() throws IOException {
    return Blackhole.start();
  }

  /** A listener that accepts connections and holds them silently, resets them, or answers plain HTTP 400. */
  public static final class Endpoint implements AutoCloseable {
    enum Mode { SILENT, RESET, PLAIN_400 }

    private final ServerSocket server;
    private final Mode mode;
    private final List<Socket> held = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean closed;

    private Endpoint(ServerSocket server, Mode mode) {
      this.server = server;
      this.mode = mode;
    }

    static Endpoint start(Mode mode) throws IOException {
      ServerSocket server = new ServerSocket();
      server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
      Endpoint endpoint = new Endpoint(server, mode);
      Thread t = new Thread(endpoint::acceptLoop, mode.name().toLowerCase() + "-" + server.getLocalPort());
      t.setDaemon(true);
      t.start();
      return endpoint;
    }

    private void acceptLoop() {
      while (!closed) {
        try {
          Socket socket = server.accept();
          if (mode == Mode.PLAIN_400) {
            socket.setSoTimeout(500);
            try (socket) {
              socket.getInputStream().read(new byte[4096]);
              socket.getOutputStream().write(("HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\n"
                  + "Content-Length: 11\r\nConnection: close\r\n\r\nBad Request").getBytes(
                      java.nio.charset.StandardCharsets.US_ASCII));
            } catch (IOException ignored) {
              // client gone
            }
          } else if (mode == Mode.RESET) {
            // Wait briefly for the client's first bytes so the reset lands mid-conversation, not before it.
            socket.setSoTimeout(200);
            try {
              socket.getInputStream().read();
            } catch (IOException ignored) {
              // nothing sent yet
            }
            socket.setSoLinger(true, 0);
            socket.close();
          } else {
            held.add(socket);
          }
        } catch (IOException e) {
          if (closed) return;
        }
      }
    }

    public int port() {
      return server.getLocalPort();
    }

    public InetSocketAddress address() {
      return (InetSocketAddress) server.getLocalSocketAddress();
    }

    @Override
    public void close() {
      closed = true;
      Sockets.closeAll(server, held);
    }
  }

  /** See {@link FaultPorts#blackhole()}. */
  public static final class Blackhole implements AutoCloseable {
    private static final int MAX_FILLERS = 16;
    private final ServerSocket server;
    private final List<Socket> fillers = new ArrayList<>();

    private Blackhole(ServerSocket server) {
      this.server = server;
    }

    static Blackhole start() throws IOException {
      ServerSocket server = new ServerSocket();
      server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 1);
      Blackhole hole = new Blackhole(server);
      // Fill the accept queue until a connect no longer completes within 100 ms. Bounded.
      for (int i = 0; i < MAX_FILLERS; i++) {
        Socket s = new Socket();
        try {
          s.connect(server.getLocalSocketAddress(), 100);
          hole.fillers.add(s);
        } catch (IOException full) {
          s.close();
          return hole;
        }
      }
      hole.close();
      throw new IOException("could not fill the accept queue of a loopback listener");
    }

    public int port() {
      return server.getLocalPort();
    }

    public InetSocketAddress address() {
      return (InetSocketAddress) server.getLocalSocketAddress();
    }

    @Override
    public void close() {
      for (Socket s : fillers) {
        try {
          s.close();
        } catch (IOException ignored) {
          // closing
        }
      }
      try {
        server.close();
      } catch (IOException ignored) {
        // closing
      }
    }
  }
}
