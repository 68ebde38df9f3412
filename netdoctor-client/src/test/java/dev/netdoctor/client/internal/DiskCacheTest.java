package dev.netdoctor.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskCacheTest {
  static final int KEYS = 12;
  static final long MAX_BYTES = 96 * 1024;

  @TempDir Path dir;

  static String key(int k) {
    return DiskCache.key("Test", "POST", "http://127.0.0.1/v1/embeddings", ("input-" + k).getBytes(StandardCharsets.UTF_8));
  }

  /** A body that says which key it belongs to and repeats it, so a torn or mixed entry is visible. */
  static byte[] body(int k, String writer) {
    String line = "{\"key\":" + k + ",\"writer\":\"" + writer + "\"}\n";
    return line.repeat(10_000 / line.length()).getBytes(StandardCharsets.UTF_8);
  }

  static boolean wellFormed(int k, byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    String first = text.substring(0, text.indexOf('\n') + 1);
    return first.startsWith("{\"key\":" + k + ",") && text.equals(first.repeat(text.length() / first.length()));
  }

  private static Process java(String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), CacheWriterMain.class.getName()));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectErrorStream(true).start();
  }

  @Test
  void anEntryRoundTripsAndExpires() throws Exception {
    MutableClock clock = new MutableClock();
    DiskCache cache = new DiskCache(dir, MAX_BYTES, clock);
    cache.put(key(1), 200, "application/json", body(1, "a"));
    assertThat(cache.get(key(1), Duration.ofMinutes(60))).get()
        .satisfies(e -> assertThat(e.body()).isEqualTo(body(1, "a")))
        .satisfies(e -> assertThat(e.contentType()).isEqualTo("application/json"));
    clock.now = clock.now.plus(Duration.ofMinutes(61));
    assertThat(cache.get(key(1), Duration.ofMinutes(60))).isEmpty();
    assertThat(cache.get(key(1), null)).isPresent();
  }

  @Test
  void aCorruptEntryIsNeverServedAndIsRemoved() throws Exception {
    DiskCache cache = new DiskCache(dir, MAX_BYTES, Clock.systemUTC());
    cache.put(key(2), 200, "application/json", body(2, "a"));
    Path file = dir.resolve(key(2) + ".entry");
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x20;
    Files.write(file, bytes);
    assertThat(cache.get(key(2), null)).isEmpty();
    assertThat(file).doesNotExist();
    Files.write(dir.resolve(key(3) + ".entry"), new byte[] {1, 2, 3});
    assertThat(cache.get(key(3), null)).isEmpty();
  }

  @Test
  void theDirectoryIsTrimmedToItsBoundOldestFirst() throws Exception {
    MutableClock clock = new MutableClock();
    DiskCache cache = new DiskCache(dir, 35_000, clock);
    for (int k = 0; k < 6; k++) {
      cache.put(key(k), 200, "application/json", body(k, "a"));
      Files.setLastModifiedTime(dir.resolve(key(k) + ".entry"),
          java.nio.file.attribute.FileTime.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(k)));
    }
    cache.evict();
    assertThat(size(dir)).isLessThanOrEqualTo(35_000);
    assertThat(cache.get(key(5), null)).isPresent();
    assertThat(cache.get(key(0), null)).isEmpty();
  }

  @Test
  void concurrentWritersInThreadsAndAnotherProcessNeverExposeATornEntry() throws Exception {
    DiskCache cache = new DiskCache(dir, MAX_BYTES, Clock.systemUTC());
    Process other = java("write", dir.toString(), "process", "15");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    AtomicBoolean writing = new AtomicBoolean(true);
    ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    AtomicInteger hits = new AtomicInteger();
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < 3; w++) {
        String writer = "thread-" + w;
        writers.add(pool.submit(() -> {
          for (int round = 0; round < 15; round++) {
            for (int k = 0; k < KEYS; k++) cache.put(key(k), 200, "application/json", body(k, writer));
          }
          return null;
        }));
      }
      Future<?> reader = pool.submit(() -> {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (writing.get() && System.nanoTime() < until) {
          for (int k = 0; k < KEYS; k++) {
            Optional<DiskCache.Entry> e = cache.get(key(k), null);
            if (e.isPresent()) {
              hits.incrementAndGet();
              if (!wellFormed(k, e.get().body())) problems.add("key " + k + " served a torn or foreign body");
            }
          }
        }
      });
      for (Future<?> f : writers) f.get(60, TimeUnit.SECONDS);
      assertThat(other.waitFor(60, TimeUnit.SECONDS)).isTrue();
      writing.set(false);
      reader.get(30, TimeUnit.SECONDS);
      assertThat(new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("DONE");
    } finally {
      other.destroyForcibly();
      pool.shutdownNow();
    }
    assertThat(problems).isEmpty();
    assertThat(hits.get()).isPositive();
    cache.evict();
    assertThat(size(dir)).isLessThanOrEqualTo(MAX_BYTES);
    for (int k = 0; k < KEYS; k++) {
      int key = k;
      cache.get(key(k), null).ifPresent(e -> assertThat(wellFormed(key, e.body())).isTrue());
    }
  }

  @Test
  void aWriterKilledMidWriteLeavesNoEntryAndItsTempFileIsCleanedLater() throws Exception {
    MutableClock clock = new MutableClock();
    DiskCache cache = new DiskCache(dir, MAX_BYTES, clock);
    cache.put(key(1), 200, "application/json", body(1, "before"));
    Process writer = java("hang", dir.toString(), key(7));
    try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
      String line = out.readLine();
      assertThat(line).isEqualTo("WRITING");
      try (Stream<Path> files = Files.list(dir)) {
        assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith(key(7)) && n.endsWith(".tmp"));
      }
      writer.destroyForcibly(); // SIGKILL: no finally blocks, no shutdown hooks
      assertThat(writer.waitFor(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      writer.destroyForcibly();
    }
    assertThat(cache.get(key(7), null)).isEmpty();
    assertThat(cache.get(key(1), null)).get().satisfies(e -> assertThat(wellFormed(1, e.body())).isTrue());

    cache.put(key(7), 200, "application/json", body(7, "after"));
    assertThat(cache.get(key(7), null)).get().satisfies(e -> assertThat(e.body()).isEqualTo(body(7, "after")));

    clock.now = Instant.now().plus(Duration.ofMinutes(11));
    cache.evict();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".entry")).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  static final class MutableClock extends Clock {
    volatile Instant now = Instant.now();

    @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
  }
}
