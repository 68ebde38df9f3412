package dev.netdoctor.cli.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * Streams a scan as one JSON object: {@code findings} first, each written as soon as it is found (nothing is
 * held back, so memory stays constant), then {@code summary} once the inputs are read:
 *
 * <pre>{@code
 * {"findings": [{"file","line","code","cause","host","timestamp","text","evidence"}, ...],
 *  "summary": {"inputs": [{"name","lines","bytes"}], "lines", "bytes", "seconds", "failures",
 *              "findingsWritten", "findingsOmitted",
 *              "groups": [{"code","cause","host","count",
 *                          "first": {"file","line","timestamp"}, "last": {...}}]}}
 * }</pre>
 *
 * {@code cause}, {@code host}, {@code timestamp} and {@code evidence} are {@code null} when unknown; {@code text}
 * is the redacted line, cut to {@value Finding#MAX_TEXT} characters. At most {@code maxFindings} findings are
 * written; the rest are still counted in the summary ({@code findingsOmitted}).
 */
public final class ScanJsonWriter implements FindingSink {
  private final JsonGenerator g;
  private final long maxFindings;
  private long written;

  public ScanJsonWriter(PrintWriter out, long maxFindings) {
    this.maxFindings = maxFindings;
    try {
      g = new JsonFactory().createGenerator(new NonClosingWriter(out));
      g.writeStartObject();
      g.writeArrayFieldStart("findings");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void finding(Finding f) {
    if (written >= maxFindings) return;
    written++;
    try {
      g.writeRaw('\n');
      g.writeStartObject();
      g.writeStringField("file", f.file());
      g.writeNumberField("line", f.line());
      g.writeStringField("code", f.code());
      g.writeStringField("cause", f.cause());
      g.writeStringField("host", f.host());
      g.writeStringField("timestamp", f.stamp() == null ? null : f.stamp().text());
      g.writeStringField("text", f.text());
      g.writeStringField("evidence", f.evidence());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void finish(ScanTotals t) {
    try {
      g.writeEndArray();
      g.writeRaw('\n');
      g.writeObjectFieldStart("summary");
      g.writeArrayFieldStart("inputs");
      for (ScanTotals.InputTotals in : t.inputs()) {
        g.writeStartObject();
        g.writeStringField("name", in.name());
        g.writeNumberField("lines", in.lines());
        g.writeNumberField("bytes", in.bytes());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeNumberField("lines", t.lines());
      g.writeNumberField("bytes", t.bytes());
      g.writeNumberField("seconds", Math.round(t.nanos() / 1e6) / 1000.0);
      g.writeNumberField("failures", t.groups().findings());
      g.writeNumberField("findingsWritten", written);
      g.writeNumberField("findingsOmitted", t.groups().findings() - written);
      g.writeArrayFieldStart("groups");
      for (FindingGroups.Group group : t.groups().sorted()) {
        g.writeRaw('\n');
        g.writeStartObject();
        g.writeStringField("code", group.code());
        g.writeStringField("cause", group.cause());
        g.writeStringField("host", group.host());
        g.writeNumberField("count", group.count());
        seen(g, "first", group.first());
        seen(g, "last", group.last());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndObject();
      g.writeRaw('\n');
      g.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void seen(JsonGenerator g, String name, FindingGroups.Seen seen) throws IOException {
    g.writeObjectFieldStart(name);
    g.writeStringField("file", seen.file());
    g.writeNumberField("line", seen.line());
    g.writeStringField("timestamp", seen.stamp() == null ? null : seen.stamp().text());
    g.writeEndObject();
  }
}
