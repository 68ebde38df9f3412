package dev.netdoctor.server.internal;

import dev.netdoctor.core.report.CheckResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * blackbox_exporter's HTTP phases from the http check's cumulative timings ({@code dnsMs}, {@code connectMs},
 * {@code tlsMs}, {@code firstByteMs}, {@code totalMs}, each measured from the start of the call like curl's
 * {@code -w} variables): {@code resolve}, {@code connect}, {@code tls}, {@code processing} (request sent until the
 * first byte) and {@code transfer} (first byte until the end), in seconds. A phase that did not happen is 0.
 */
public final class Phases {
  public static final String[] NAMES = {"resolve", "connect", "tls", "processing", "transfer"};

  private Phases() {}

  /** The phases of a finished http check; empty when it recorded no timings. */
  public static Map<String, Double> of(CheckResult http) {
    Map<String, Double> out = new LinkedHashMap<>();
    if (!(http.facts().get("timings") instanceof Map<?, ?> t) || t.isEmpty()) return out;
    double dns = ms(t, "dnsMs", 0);
    double connect = ms(t, "connectMs", dns);
    double tls = ms(t, "tlsMs", connect);
    double firstByte = ms(t, "firstByteMs", tls);
    double total = ms(t, "totalMs", firstByte);
    out.put("resolve", dns / 1000);
    out.put("connect", Math.max(0, connect - dns) / 1000);
    out.put("tls", Math.max(0, tls - connect) / 1000);
    out.put("processing", Math.max(0, firstByte - tls) / 1000);
    out.put("transfer", Math.max(0, total - firstByte) / 1000);
    return out;
  }

  private static double ms(Map<?, ?> t, String key, double fallback) {
    return t.get(key) instanceof Number n ? n.doubleValue() : fallback;
  }

  /** {@code TLSv1.3} → {@code TLS 1.3}, blackbox_exporter's spelling. */
  public static String tlsLabel(String jdkName) {
    return jdkName.startsWith("TLSv") ? "TLS " + jdkName.substring(4) : jdkName;
  }
}
