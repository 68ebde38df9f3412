package dev.netdoctor.client.internal;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;

/**
 * A directory of cached provider answers, safe to share between threads and processes without locks.
 *
 * <p>Contract:
 * <ul>
 *   <li>An entry is written to a private temporary file, flushed to disk, then renamed over its final name with
 *       {@code ATOMIC_MOVE}: a reader sees the old entry, the new one or none, never a partial one. A writer
 *       killed mid-write leaves only a temporary file, which no reader opens and a later eviction removes.</li>
 *   <li>Every entry ends with a CRC-32 of its content; an entry that fails the check (a disk error, a foreign
 *       file) is treated as absent and deleted.</li>
 *   <li>After each write the directory is trimmed to {@code maxBytes}, oldest entries first. Concurrent
 *       evictions by other processes are tolerated (a file already gone is skipped), so the bound holds
 *       approximately while several writers race and exactly once they stop.</li>
 * </ul>
 */
public final class DiskCache {
  private static final int MAGIC = 0x4e444331; // "NDC1"
  private static final String SUFFIX = ".entry";
  private static final String TEMP_SUFFIX = ".tmp";
  /** A temporary file older than this is left over by a killed writer. */
  private static final Duration ABANDONED = Duration.ofMinutes(10);

  /**
   * One cached answer.
   *
   * @param created when it was stored
   * @param status the HTTP status
   * @param contentType the {@code Content-Type}, empty string when none
   * @param body the body bytes
   */
  public record Entry(Instant created, int status, String contentType, byte[] body) {}

  private final Path directory;
  private final long maxBytes;
  private final Clock clock;

  public DiskCache(Path directory, long maxBytes, Clock clock) {
    this.directory = directory;
    this.maxBytes = maxBytes;
    this.clock = clock;
  }

  public Path directory() {
    return directory;
  }

  /** The cache key: SHA-256 over provider, method, URL and a SHA-256 of the body; headers are not part of it. */
  public static String key(String provider, String method, String url, byte[] body) {
    try {
      MessageDigest bodyDigest = MessageDigest.getInstance("SHA-256");
      byte[] bodyHash = bodyDigest.digest(body);
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      for (String part : new String[] {provider, method, url}) {
        d.update(part.getBytes(StandardCharsets.UTF_8));
        d.update((byte) 0);
      }
      d.update(bodyHash);
      return HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The entry for {@code key} if present, intact and not older than {@code maxAge} (null: any age). */
  public Optional<Entry> get(String key, Duration maxAge) {
    Path file = directory.resolve(key + SUFFIX);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
    Optional<Entry> entry = decode(bytes);
    if (entry.isEmpty()) {
      deleteQuietly(file);
      return Optional.empty();
    }
    if (maxAge != null && entry.get().created().plus(maxAge).isBefore(clock.instant())) return Optional.empty();
    return entry;
  }

  /** Stores {@code body} under {@code key}, atomically, then trims the directory. */
  public void put(String key, int status, String contentType, byte[] body) throws IOException {
    put(key, status, contentType, new ByteArrayInputStream(body));
  }

  /**
   * Stores the bytes of {@code body} under {@code key}. The entry becomes visible only once the whole body has
   * been read and written; if reading {@code body} fails, nothing is stored.
   */
  public void put(String key, int status, String contentType, InputStream body) throws IOException {
    Files.createDirectories(directory);
    Path temp = directory.resolve(key + "." + ProcessHandle.current().pid() + "."
        + Long.toHexString(ThreadLocalRandom.current().nextLong()) + TEMP_SUFFIX);
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
          OutputStream raw = java.nio.channels.Channels.newOutputStream(channel)) {
        CRC32 crc = new CRC32();
        DataOutputStream out = new DataOutputStream(new java.util.zip.CheckedOutputStream(
            new java.io.BufferedOutputStream(raw), crc));
        out.writeInt(MAGIC);
        out.writeLong(clock.millis());
        out.writeInt(status);
        out.writeUTF(contentType == null ? "" : contentType);
        long length = body.transferTo(out);
        out.writeLong(length);
        out.flush();
        new DataOutputStream(raw).writeLong(crc.getValue());
        raw.flush();
        channel.force(true);
      }
      try {
        Files.move(temp, directory.resolve(key + SUFFIX), StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("the cache directory " + directory + " does not support atomic renames", e);
      }
    } finally {
      deleteQuietly(temp);
    }
    evict();
  }

  /** Trims the directory to the size bound, oldest entries first, and removes abandoned temporary files. */
  public void evict() {
    List<Path> entries = new ArrayList<>();
    List<FileTime> times = new ArrayList<>();
    List<Long> sizes = new ArrayList<>();
    long total = 0;
    FileTime abandonedBefore = FileTime.from(clock.instant().minus(ABANDONED));
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        try {
          FileTime modified = Files.getLastModifiedTime(f);
          if (name.endsWith(TEMP_SUFFIX)) {
            if (modified.compareTo(abandonedBefore) < 0) deleteQuietly(f);
          } else if (name.endsWith(SUFFIX)) {
            long size = Files.size(f);
            entries.add(f);
            times.add(modified);
            sizes.add(size);
            total += size;
          }
        } catch (NoSuchFileException gone) {
          // evicted or replaced by another process meanwhile
        }
      }
    } catch (NoSuchFileException e) {
      return;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (total <= maxBytes) return;
    Integer[] order = new Integer[entries.size()];
    for (int i = 0; i < order.length; i++) order[i] = i;
    java.util.Arrays.sort(order, Comparator.comparing(times::get));
    for (int i : order) {
      if (total <= maxBytes) break;
      deleteQuietly(entries.get(i));
      total -= sizes.get(i);
    }
  }

  /** Layout: magic, created millis, status, content type, body, body length, CRC-32 of all before it. */
  static Optional<Entry> decode(byte[] bytes) {
    if (bytes.length < 4 + 8 + 4 + 2 + 8 + 8) return Optional.empty();
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - 8);
    java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
    if (buffer.getLong(bytes.length - 8) != crc.getValue()) return Optional.empty();
    long length = buffer.getLong(bytes.length - 16);
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, bytes.length - 16))) {
      if (in.readInt() != MAGIC) return Optional.empty();
      Instant created = Instant.ofEpochMilli(in.readLong());
      int status = in.readInt();
      String contentType = in.readUTF();
      if (length < 0 || length != in.available()) return Optional.empty();
      byte[] body = in.readNBytes((int) length);
      return Optional.of(new Entry(created, status, contentType, body));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static void deleteQuietly(Path f) {
    try {
      Files.deleteIfExists(f);
    } catch (IOException ignored) {
      // another process removed or holds it; the next eviction tries again
    }
  }
}
