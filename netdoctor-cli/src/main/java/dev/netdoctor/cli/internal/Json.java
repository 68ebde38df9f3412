package dev.netdoctor.cli.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/** Small helpers for the commands' JSON output: pretty-printed, written straight to the command's output. */
public final class Json {
  private static final JsonFactory FACTORY = new JsonFactory();

  private Json() {}

  /** A pretty-printing generator over {@code out}; closing it does not close {@code out}. */
  public static JsonGenerator generator(PrintWriter out) throws IOException {
    return FACTORY.createGenerator(new NonClosingWriter(out)).useDefaultPrettyPrinter();
  }

  public static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
    g.writeArrayFieldStart(field);
    for (String v : values) g.writeString(v);
    g.writeEndArray();
  }

  /** Flushes the document and ends it with a newline. */
  public static void finish(JsonGenerator g, PrintWriter out) throws IOException {
    g.close();
    out.println();
  }
}
