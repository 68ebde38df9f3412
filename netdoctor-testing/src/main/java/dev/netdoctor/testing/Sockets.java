package dev.netdoctor.testing;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Collection;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Socket plumbing for the fault servers: accepting connections, relaying a tunnel both ways, and shutting a
 * listening socket with every connection it still holds.
 */
final class Sockets {
  private Sockets() {}

  /** Closes {@code server} and each socket of {@code open} (synchronising on it), ignoring close failures. */
  static void closeAll(Closeable server, Collection<Socket> open) {
    closeQuietly(server);
    synchronized (open) {
      for (Socket s : open) closeQuietly(s);
    }
  }

  /**
   * Accepts connections on {@code server} until {@code closed} says so (closing the socket ends the wait), adds each
   * to {@code open} and serves it with {@code serve} on a daemon thread named {@code threadName}.
   */
  static void serveEach(ServerSocket server, Collection<Socket> open, BooleanSupplier closed, Consumer<Socket> serve,
      String threadName) {
    while (!closed.getAsBoolean()) {
      try {
        Socket client = server.accept();
        open.add(client);
        Thread t = new Thread(() -> serve.accept(client), threadName);
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        if (closed.getAsBoolean()) return;
      }
    }
  }

  /**
   * Copies bytes both ways between {@code client} and {@code upstream} until either side closes: upstream to client
   * on the calling thread, client to upstream on a daemon thread named {@code threadName}.
   */
  static void relay(Socket client, Socket upstream, String threadName) {
    Thread up = new Thread(() -> copy(client, upstream), threadName);
    up.setDaemon(true);
    up.start();
    copy(upstream, client);
  }

  private static void copy(Socket from, Socket to) {
    byte[] buffer = new byte[16 * 1024];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      for (int n; (n = in.read(buffer)) != -1; ) {
        out.write(buffer, 0, n);
        out.flush();
      }
      to.shutdownOutput();
    } catch (IOException ignored) {
      // One side closed.
    }
  }

  private static void closeQuietly(Closeable c) {
    try {
      c.close();
    } catch (IOException ignored) {
      // closing: nothing to report
    }
  }
}
