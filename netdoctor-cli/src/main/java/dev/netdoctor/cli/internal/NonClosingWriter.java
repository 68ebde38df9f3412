package dev.netdoctor.cli.internal;

import java.io.FilterWriter;
import java.io.Writer;

/** Lets a JSON generator be closed (to flush it) without closing the command's output. */
final class NonClosingWriter extends FilterWriter {
  NonClosingWriter(Writer out) {
    super(out);
  }

  @Override
  public void close() {
    // The command line owns the writer.
  }
}
