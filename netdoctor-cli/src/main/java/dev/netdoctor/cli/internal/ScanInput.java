package dev.netdoctor.cli.internal;

import dev.netdoctor.cli.BadInputException;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * One input of {@code scan}: a file or stdin ({@code -}), plain or gzip (recognised by its magic bytes, not its
 * name). Every way opening or reading fails becomes a {@link BadInputException} naming the input.
 */
public final class ScanInput {
  private static final int GZIP_BUFFER = 1 << 16;

  private final String name;
  private final Path path;

  private ScanInput(String name, Path path) {
    this.name = name;
    this.path = path;
  }

  /**
   * The input an argument names, checked to exist and be a regular file. Reading may still fail (no permission,
   * an I/O error); {@link #open} and the reads report that.
   */
  public static ScanInput of(String argument) {
    if (argument.equals("-")) return new ScanInput("stdin", null);
    Path path;
    try {
      path = Path.of(argument);
    } catch (InvalidPathException e) {
      throw new BadInputException(argument + ": not a valid path (" + e.getReason() + ")");
    }
    if (Files.isDirectory(path)) {
      throw new BadInputException(argument + ": is a directory; give the log files in it (e.g. " + argument
          + "/*.log)");
    }
    if (!Files.exists(path)) throw new BadInputException(argument + ": no such file");
    if (!Files.isRegularFile(path) && !Files.isReadable(path)) {
      throw new BadInputException(argument + ": not a readable file");
    }
    return new ScanInput(argument, path);
  }

  public String name() {
    return name;
  }

  /** Whether this input is standard input ({@code -}). */
  public boolean isStdin() {
    return path == null;
  }

  /** Opens the input, unwrapping gzip. The caller closes the stream. */
  public InputStream open(InputStream stdin) {
    InputStream raw;
    if (path == null) {
      raw = stdin;
    } else {
      try {
        raw = new FileInputStream(path.toFile());
      } catch (IOException e) {
        throw failure(e);
      }
    }
    try {
      PushbackInputStream in = new PushbackInputStream(raw, 2);
      byte[] magic = in.readNBytes(2);
      in.unread(magic);
      if (magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
        return new GZIPInputStream(in, GZIP_BUFFER);
      }
      return in;
    } catch (IOException e) {
      throw failure(e);
    }
  }

  /** The message for a read that failed on this input. */
  public BadInputException failure(IOException e) {
    String reason;
    if (e instanceof AccessDeniedException || String.valueOf(e.getMessage()).contains("Permission denied")) {
      reason = "permission denied";
    } else if (e instanceof NoSuchFileException) {
      reason = "no such file";
    } else if (e instanceof java.util.zip.ZipException || e instanceof java.io.EOFException) {
      reason = "corrupt gzip data (" + e.getMessage() + ")";
    } else {
      reason = "cannot read (" + e.getMessage() + ")";
    }
    return new BadInputException(name + ": " + reason, e);
  }

  /**
   * Opens a file input and checks its first bytes, so an unreadable or binary file is reported before any
   * output is written. Stdin is checked as it is read.
   */
  public void precheck() {
    if (path == null) return;
    try (InputStream in = open(null)) {
      byte[] head = in.readNBytes(8192);
      checkText(head, head.length);
    } catch (IOException e) {
      throw failure(e);
    }
  }

  /** Rejects binary data: a NUL byte in the first 8 KiB. */
  public void checkText(byte[] buf, int len) {
    int limit = Math.min(len, 8192);
    for (int i = 0; i < limit; i++) {
      if (buf[i] == 0) {
        throw new BadInputException(name + ": binary data (NUL byte at offset " + i
            + "); scan reads text logs, plain or gzip");
      }
    }
  }
}
