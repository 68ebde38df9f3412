package dev.netdoctor.cli.internal;

import dev.netdoctor.cli.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads one pasted error (a message or a whole stack trace) and rejects input that is not such a text. */
public final class TextInput {
  /** The most {@code explain} reads: a stack trace is far smaller; a larger input is a log for {@code scan}. */
  public static final int MAX_BYTES = 1 << 20;

  private TextInput() {}

  /**
   * Reads all of {@code in}, at most {@link #MAX_BYTES}.
   *
   * @param name how to call the input in messages ({@code stdin})
   * @throws BadInputException when the input is empty, larger than the limit, or binary
   */
  public static String read(InputStream in, String name) {
    byte[] bytes;
    try {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new BadInputException(name + ": cannot read (" + e.getMessage() + ")", e);
    }
    if (bytes.length > MAX_BYTES) {
      throw new BadInputException(name + ": input is larger than 1 MiB; explain reads one error message or stack"
          + " trace (use 'netdoctor scan -' for logs)");
    }
    return check(bytes, name);
  }

  /** Validates an argument given on the command line. */
  public static String check(String text, String name) {
    return check(text.getBytes(StandardCharsets.UTF_8), name);
  }

  private static String check(byte[] bytes, String name) {
    int controls = 0;
    for (int i = 0; i < bytes.length; i++) {
      byte b = bytes[i];
      if (b == 0) {
        throw new BadInputException(name + ": binary data (NUL byte at offset " + i + "), not an error message");
      }
      if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1b) controls++;
    }
    if (controls > 0 && controls * 10 > bytes.length) {
      throw new BadInputException(name + ": binary data (" + controls + " control bytes in " + bytes.length
          + "), not an error message");
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.isBlank()) {
      throw new BadInputException(name + ": empty input; give the error text as an argument or on stdin,"
          + " or a code such as NET002");
    }
    return text;
  }
}
