package dev.netdoctor.testing;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Collection;

/**
 * Socket plumbing for the fault servers: relaying a tunnel both ways, and shutting a listening socket with every
 * connection it still holds.
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
