package dev.netdoctor.cli.internal;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a byte stream into lines with one fixed buffer, so memory stays constant whatever the input's size
 * and however long its lines are. A line longer than {@code maxLine} bytes is handed over once, cut to its
 * first {@code maxLine} bytes (flagged), and the rest of it is skipped without being kept. Line ends are
 * {@code \n}; a {@code \r} before it is dropped.
 */
public final class LineScanner {
  /** Receives each line as a slice of the scanner's buffer; the slice is valid only during the call. */
  @FunctionalInterface
  public interface LineHandler {
    void line(byte[] buf, int off, int len, long lineNumber, boolean cut) throws IOException;
  }

  private final int bufferSize;
  private final int maxLine;

  /** @param maxLine at most half of {@code bufferSize} */
  public LineScanner(int bufferSize, int maxLine) {
    if (maxLine < 1 || maxLine > bufferSize / 2) {
      throw new IllegalArgumentException("maxLine " + maxLine + " for buffer " + bufferSize);
    }
    this.bufferSize = bufferSize;
    this.maxLine = maxLine;
  }

  /**
   * Reads {@code in} to its end.
   *
   * @param first called once with the first bytes read (up to the buffer size) before any line, e.g. to reject
   *     binary input; may be called with zero bytes
   * @return the number of bytes read
   */
  public long scan(InputStream in, FirstBytes first, LineHandler handler) throws IOException {
    byte[] buf = new byte[bufferSize];
    int start = 0;
    int end = 0;
    int searchFrom = 0;
    long lineNumber = 0;
    long total = 0;
    boolean skipping = false;
    boolean firstRead = true;
    while (true) {
      int n = in.read(buf, end, buf.length - end);
      if (n < 0) break;
      if (n == 0) continue;
      if (firstRead) {
        first.check(buf, end + n);
        firstRead = false;
      }
      total += n;
      end += n;
      int i = searchFrom;
      while (true) {
        int nl = indexOfNewline(buf, i, end);
        if (nl < 0) break;
        if (skipping) {
          skipping = false;
        } else {
          int len = nl - start;
          if (len > 0 && buf[nl - 1] == '\r') len--;
          handler.line(buf, start, len, ++lineNumber, false);
        }
        start = nl + 1;
        i = start;
      }
      if (!skipping && end - start >= maxLine) {
        handler.line(buf, start, maxLine, ++lineNumber, true);
        skipping = true;
      }
      if (skipping) start = end;
      if (start == end) {
        start = end = 0;
      } else if (buf.length - end < maxLine) {
        System.arraycopy(buf, start, buf, 0, end - start);
        end -= start;
        start = 0;
      }
      searchFrom = end;
    }
    if (firstRead) first.check(buf, 0);
    if (!skipping && end > start) {
      int len = end - start;
      if (buf[end - 1] == '\r') len--;
      handler.line(buf, start, len, ++lineNumber, false);
    }
    return total;
  }

  /** Inspects the start of an input before it is split. */
  @FunctionalInterface
  public interface FirstBytes {
    void check(byte[] buf, int len);
  }

  private static int indexOfNewline(byte[] buf, int from, int to) {
    for (int i = from; i < to; i++) {
      if (buf[i] == '\n') return i;
    }
    return -1;
  }
}
