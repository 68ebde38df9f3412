package dev.netdoctor.probe;

import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.probe.internal.ResultBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Round-trip latency as several TCP connects to the address the tcp check reached (a connect is one round trip),
 * with jitter as the mean difference between consecutive samples. A median above {@link #HIGH} is NET016.
 *
 * <p>Facts: {@code samplesMs}, {@code medianMs}, {@code minMs}, {@code maxMs}, {@code jitterMs}, {@code lost}.
 */
public final class LatencyProbe implements Probe {
  public static final String NAME = "latency";
  public static final Duration HIGH = Duration.ofMillis(500);

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CheckResult run(ProbeContext ctx) {
    ResultBuilder r = new ResultBuilder(NAME, ctx);
    int samples = ctx.options().latencySamples();
    if (samples <= 0) return r.skip("latency samples turned off");
    InetSocketAddress address = null;
    for (IpFamily f : IpFamily.values()) {
      CheckResult tcp = ctx.prior(TcpProbe.nameFor(f)).orElse(null);
      if (tcp != null && tcp.passed() && !tcp.control()) {
        String label = tcp.fact("address");
        int colon = label.lastIndexOf(':');
        try {
          address = new InetSocketAddress(InetAddress.getByName(label.substring(0, colon).replace("[", "")
              .replace("]", "")), Integer.parseInt(label.substring(colon + 1)));
        } catch (IOException e) {
          return r.skip("unusable address " + label);
        }
        break;
      }
    }
    if (address == null) return r.skip("no direct TCP connection to time");
    List<Double> ms = new ArrayList<>();
    int lost = 0;
    for (int i = 0; i < samples && !ctx.budget().exhausted(); i++) {
      long start = ctx.env().ticker().getAsLong();
      try (Socket s = new Socket()) {
        s.connect(address, ctx.budget().capMillis(Duration.ofSeconds(2)));
        ms.add((ctx.env().ticker().getAsLong() - start) / 1_000_000.0);
      } catch (IOException e) {
        lost++;
      }
    }
    r.fact("lost", lost);
    if (ms.isEmpty()) return r.fail("NET016", "packet-loss", "no connect of " + samples + " succeeded");
    List<Double> sorted = new ArrayList<>(ms);
    Collections.sort(sorted);
    double median = sorted.get(sorted.size() / 2);
    double jitter = 0;
    for (int i = 1; i < ms.size(); i++) jitter += Math.abs(ms.get(i) - ms.get(i - 1));
    jitter = ms.size() > 1 ? jitter / (ms.size() - 1) : 0;
    r.fact("samplesMs", ms.stream().map(LatencyProbe::round).toList()).fact("medianMs", round(median))
        .fact("minMs", round(sorted.get(0))).fact("maxMs", round(sorted.get(sorted.size() - 1)))
        .fact("jitterMs", round(jitter));
    String summary = String.format(Locale.ROOT, "median %.1f ms, jitter %.1f ms over %d connects", median, jitter,
        ms.size());
    r.evidence(summary + (lost > 0 ? ", " + lost + " lost" : ""));
    if (median > HIGH.toMillis()) return r.warn("NET016", "high-latency", summary);
    if (lost > 0) return r.warn("NET016", "packet-loss", summary + ", " + lost + " of " + samples + " lost");
    return r.pass(summary);
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
