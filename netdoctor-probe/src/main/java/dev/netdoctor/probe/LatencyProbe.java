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
 * with jitter as the mean difference between consecutive samples. A median above the threshold
 * ({@link ProbeOptions#latencyThreshold()}, default {@link #HIGH}) is NET016/high-latency.
 *
 * <p>Packet loss shows in two ways: a connect that never completes within its cap ({@code lost}), and a connect
 * that completes only after a retransmitted SYN — at least {@link #SYN_RETRY} slower than the median, the initial
 * retransmission timeout of TCP — because the SYN or its answer was lost ({@code retransmitted}). Either is
 * NET016/packet-loss; a retransmission only counts from {@link #MIN_SAMPLES_FOR_LOSS} samples on, since one slow
 * connect among a handful is no loss rate (it still shows in the evidence).
 *
 * <p>Facts: {@code samplesMs}, {@code medianMs}, {@code minMs}, {@code maxMs}, {@code jitterMs}, {@code lost},
 * {@code retransmitted}, {@code thresholdMs}.
 */
public final class LatencyProbe implements Probe {
  public static final String NAME = "latency";
  public static final Duration HIGH = Duration.ofMillis(500);
  /** TCP's initial retransmission timeout is 1 s (RFC 6298); a little less, for the clock's granularity. */
  public static final Duration SYN_RETRY = Duration.ofMillis(900);
  public static final int MIN_SAMPLES_FOR_LOSS = 20;

  /** How long one sample may take: past TCP's first SYN retransmission (1 s), so one lost SYN is not a lost connect. */
  static final Duration SAMPLE_TIMEOUT = Duration.ofSeconds(2);

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
      int timeout = ctx.budget().capMillis(SAMPLE_TIMEOUT);
      // A connect cut short by the budget says nothing about loss: stop sampling instead of counting it as lost.
      if (timeout < SAMPLE_TIMEOUT.toMillis()) break;
      long start = ctx.env().ticker().getAsLong();
      try (Socket s = new Socket()) {
        s.connect(address, timeout);
        ms.add((ctx.env().ticker().getAsLong() - start) / 1_000_000.0);
      } catch (IOException e) {
        lost++;
      }
    }
    r.fact("lost", lost);
    if (ms.isEmpty()) return r.fail("NET016", "packet-loss", "no connect of " + samples + " succeeded");
    Sampled v = judge(ms, lost, ctx.options().latencyThreshold());
    r.fact("samplesMs", ms.stream().map(LatencyProbe::round).toList()).fact("medianMs", round(v.median))
        .fact("minMs", round(v.min)).fact("maxMs", round(v.max)).fact("jitterMs", round(v.jitter))
        .fact("retransmitted", v.retransmitted)
        .fact("thresholdMs", ctx.options().latencyThreshold().toMillis());
    r.evidence(v.summary + (lost > 0 ? ", " + lost + " lost" : "")
        + (v.retransmitted > 0 ? ", " + v.retransmitted + " answered only after a retransmitted SYN" : ""));
    return switch (v.verdict) {
      case HIGH_LATENCY -> r.warn("NET016", "high-latency", v.summary + ", above the "
          + ctx.options().latencyThreshold().toMillis() + " ms threshold");
      case PACKET_LOSS -> r.warn("NET016", "packet-loss", v.summary + ", " + (lost + v.retransmitted) + " of "
          + (ms.size() + lost) + " connects lost a packet"
          + (v.retransmitted > 0 ? " (" + v.retransmitted + " needed a retransmitted SYN)" : ""));
      case FINE -> r.pass(v.summary);
    };
  }

  /** What the samples say. */
  enum Verdict { FINE, HIGH_LATENCY, PACKET_LOSS }

  /** The statistics of one run of samples and their verdict. */
  record Sampled(double median, double min, double max, double jitter, int retransmitted, String summary,
      Verdict verdict) {}

  /**
   * Judges completed connect times (milliseconds, in order) plus {@code lost} connects that never completed: high
   * latency first (a slow link also loses the odd packet), then loss. The median is that of the connects that did
   * not wait for a SYN retransmission ({@link #SYN_RETRY} or more over the fastest).
   */
  static Sampled judge(List<Double> ms, int lost, Duration threshold) {
    List<Double> sorted = new ArrayList<>(ms);
    Collections.sort(sorted);
    // A connect that waited for TCP's SYN retransmission timed the timeout, not the path: it is loss evidence and
    // stays out of the median, so a few lost SYNs among few samples never read as high latency.
    double fastest = sorted.get(0);
    List<Double> timed = sorted.stream().filter(m -> m < fastest + SYN_RETRY.toMillis()).toList();
    double median = timed.get(timed.size() / 2);
    double jitter = 0;
    for (int i = 1; i < ms.size(); i++) jitter += Math.abs(ms.get(i) - ms.get(i - 1));
    jitter = ms.size() > 1 ? jitter / (ms.size() - 1) : 0;
    int retransmitted = 0;
    if (ms.size() + lost >= MIN_SAMPLES_FOR_LOSS) {
      for (double m : ms) if (m >= median + SYN_RETRY.toMillis()) retransmitted++;
    }
    int waitedForRetransmission = sorted.size() - timed.size();
    String summary = String.format(Locale.ROOT, "median %.1f ms, jitter %.1f ms over %d connects", median, jitter,
        ms.size()) + (waitedForRetransmission == 0 ? ""
        : " (" + waitedForRetransmission + " waited for a retransmitted SYN, left out of the median)");
    Verdict verdict = median > threshold.toNanos() / 1_000_000.0 ? Verdict.HIGH_LATENCY
        : lossIsAFinding(ms.size() + lost, lost, retransmitted) ? Verdict.PACKET_LOSS : Verdict.FINE;
    return new Sampled(median, sorted.get(0), sorted.get(sorted.size() - 1), jitter, retransmitted, summary,
        verdict);
  }

  /**
   * Loss is a finding when the sample can estimate it ({@link #MIN_SAMPLES_FOR_LOSS} connects or more, any lost or
   * retransmitted one counts) or when at least two connects never completed (each needs a SYN and its retransmission
   * lost: two in a few samples is no accident). One lost connect among a few is evidence only, so a lossy link that
   * still works is not reported as broken.
   */
  static boolean lossIsAFinding(int attempts, int lost, int retransmitted) {
    if (attempts >= MIN_SAMPLES_FOR_LOSS) return lost + retransmitted > 0;
    return lost >= 2;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
