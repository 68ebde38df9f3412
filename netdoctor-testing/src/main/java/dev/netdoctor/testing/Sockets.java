package dev.netdoctor.testing;

import java.io.Closeable;
import java.io.IOException;
import java.net.Socket;
import java.util.Collection;

/** Closing for the fault servers: a server shuts its listening socket and every connection it still holds. */
final class Sockets {
  private Sockets() {}

  /** Closes {@code server} and each socket of {@code open} (synchronising on it), ignoring close failures. */
  static void closeAll(Closeable server, Collection<Socket> open) {
    closeQuietly(server);
    synchronized (open) {
      for (Socket s : open) closeQuietly(s);
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
