package dev.netdoctor.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A second process for {@link DiskCacheTest}: {@code write <dir> <writer> <rounds>} writes the shared keys
 * {@code rounds} times; {@code hang <dir> <key>} starts writing a large entry, prints {@code WRITING}, and never
 * finishes (the test kills it with SIGKILL).
 */
public final class CacheWriterMain {
  private CacheWriterMain() {}

  public static void main(String[] args) throws Exception {
    DiskCache cache = new DiskCache(Path.of(args[1]), DiskCacheTest.MAX_BYTES, Clock.systemUTC());
    if (args[0].equals("write")) {
      int rounds = Integer.parseInt(args[3]);
      for (int r = 0; r < rounds; r++) {
        for (int k = 0; k < DiskCacheTest.KEYS; k++) {
          cache.put(DiskCacheTest.key(k), 200, "application/json", DiskCacheTest.body(k, args[2]));
        }
      }
      System.out.println("DONE");
    } else {
      cache.put(args[2], 200, "application/json", new InputStream() {
        private int sent;

        @Override public int read() throws IOException {
          if (sent == 64 * 1024) {
            System.out.println("WRITING");
            System.out.flush();
            try {
              Thread.sleep(60_000);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            throw new IOException("the test should have killed this process");
          }
          sent++;
          return 'x';
        }
      });
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
