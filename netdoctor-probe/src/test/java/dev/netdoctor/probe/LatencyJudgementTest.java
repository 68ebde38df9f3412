package dev.netdoctor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdoctor.probe.LatencyProbe.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How connect times become a verdict. The times are those a lossy 50 ms link gives (a lost SYN or SYN-ACK costs
 * TCP's 1 s retransmission timeout), which loopback cannot produce; the sampling itself is tested on loopback in
 * {@link ConnectionProbesTest}.
 */
class LatencyJudgementTest {
  private static final Duration DEFAULT = Duration.ofMillis(500);

  private static List<Double> link(int samples, double rttMs, int retransmittedAt) {
    List<Double> ms = new ArrayList<>(Collections.nCopies(samples, rttMs));
    if (retransmittedAt >= 0) ms.set(retransmittedAt, rttMs + 1000);
    return ms;
  }

  @Test
  void aConnectSlowedByARetransmittedSynAmongTwentyIsPacketLoss() {
    LatencyProbe.Sampled s = LatencyProbe.judge(link(20, 52, 7), 0, DEFAULT);

    assertThat(s.verdict()).isEqualTo(Verdict.PACKET_LOSS);
    assertThat(s.retransmitted()).isEqualTo(1);
    assertThat(s.median()).isEqualTo(52);
  }

  @Test
  void oneSlowConnectAmongAFewIsNoLossRate() {
    LatencyProbe.Sampled s = LatencyProbe.judge(link(5, 52, 2), 0, DEFAULT);

    assertThat(s.verdict()).isEqualTo(Verdict.FINE);
    assertThat(s.retransmitted()).isZero();
  }

  @Test
  void oneConnectThatNeverCompletedAmongFewIsEvidenceNotLoss() {
    assertThat(LatencyProbe.judge(link(4, 52, -1), 1, DEFAULT).verdict()).isEqualTo(Verdict.FINE);
  }

  @Test
  void twoConnectsThatNeverCompletedArePacketLossEvenAmongFew() {
    assertThat(LatencyProbe.judge(link(3, 52, -1), 2, DEFAULT).verdict()).isEqualTo(Verdict.PACKET_LOSS);
  }

  @Test
  void oneConnectThatNeverCompletedInAFullSampleIsPacketLoss() {
    assertThat(LatencyProbe.judge(link(19, 52, -1), 1, DEFAULT).verdict()).isEqualTo(Verdict.PACKET_LOSS);
  }

  @Test
  void slowButSteadyConnectsBelowTheRetransmissionTimeoutAreNotLoss() {
    List<Double> ms = new ArrayList<>(Collections.nCopies(30, 52.0));
    ms.set(3, 700.0);

    assertThat(LatencyProbe.judge(ms, 0, DEFAULT).verdict()).isEqualTo(Verdict.FINE);
  }

  @Test
  void medianAboveTheThresholdIsHighLatencyEvenWithLoss() {
    LatencyProbe.Sampled s = LatencyProbe.judge(link(20, 52, 3), 0, Duration.ofMillis(40));

    assertThat(s.verdict()).isEqualTo(Verdict.HIGH_LATENCY);
  }

  @Test
  void connectsThatWaitedForARetransmittedSynAreNotLatency() {
    List<Double> ms = List.of(51.0, 1051.5, 50.7, 1073.4, 1052.0);

    LatencyProbe.Sampled s = LatencyProbe.judge(ms, 0, DEFAULT);

    assertThat(s.verdict()).isNotEqualTo(Verdict.HIGH_LATENCY);
    assertThat(s.median()).isEqualTo(51.0);
    assertThat(s.summary()).contains("3 waited for a retransmitted SYN");
  }

  @Test
  void steadyHighLatencyWithoutRetransmissionsIsStillHighLatency() {
    List<Double> ms = List.of(610.0, 640.0, 1300.0, 620.0, 650.0);

    LatencyProbe.Sampled s = LatencyProbe.judge(ms, 0, DEFAULT);

    assertThat(s.verdict()).isEqualTo(Verdict.HIGH_LATENCY);
    assertThat(s.median()).as("1300 ms is slow, not a retransmission: it stays in").isEqualTo(640.0);
  }

  @Test
  void medianAtTheThresholdIsNotHighLatency() {
    assertThat(LatencyProbe.judge(link(10, 40, -1), 0, Duration.ofMillis(40)).verdict()).isEqualTo(Verdict.FINE);
  }
}
