package dev.netdoctor.server.internal;

/**
 * Writes the Prometheus text format (version 0.0.4) for {@code /probe}'s few per-request gauges, the way
 * blackbox_exporter's per-probe registry does: one HELP and TYPE line per family, label values escaped.
 */
public final class Exposition {
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final StringBuilder sb = new StringBuilder(2048);
  private String family;

  /** Starts a gauge family; its samples follow. */
  public Exposition gauge(String name, String help) {
    family = name;
    sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
    sb.append("# TYPE ").append(name).append(" gauge\n");
    return this;
  }

  /** A sample of the current family; {@code labels} alternate name, value. */
  public Exposition sample(double value, String... labels) {
    sb.append(family);
    if (labels.length > 0) {
      sb.append('{');
      for (int i = 0; i < labels.length; i += 2) {
        if (i > 0) sb.append(',');
        sb.append(labels[i]).append("=\"").append(escape(labels[i + 1])).append('"');
      }
      sb.append('}');
    }
    sb.append(' ').append(format(value)).append('\n');
    return this;
  }

  /** A whole single-sample family. */
  public Exposition gauge(String name, String help, double value) {
    return gauge(name, help).sample(value);
  }

  @Override
  public String toString() {
    return sb.toString();
  }

  static String format(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
    // Java's shortest round-trip form ("0.0123", "1.5E-4") is valid for Prometheus' float parser.
    return Double.toString(v);
  }

  static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
