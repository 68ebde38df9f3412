package dev.netdoctor.probe.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The tls check's turn: after the timed exchange, or once its answer is slow in coming, never unbounded. */
class ExchangeProgressTest {

  private static CompletableFuture<Long> awaitingTurn(ExchangeProgress p, long maxMillis) {
    return CompletableFuture.supplyAsync(() -> {
      p.awaitTurn(maxMillis);
      return System.nanoTime();
    });
  }

  @Test
  void withoutATimedExchangeInThePlanNobodyWaits() throws Exception {
    ExchangeProgress p = new ExchangeProgress();

    long before = System.nanoTime();
    long returned = awaitingTurn(p, 10_000).get(5, TimeUnit.SECONDS);

    assertThat(TimeUnit.NANOSECONDS.toMillis(returned - before)).isLessThan(2_000);
  }

  @Test
  void theTurnComesWhenTheExchangeIsOver() throws Exception {
    ExchangeProgress p = new ExchangeProgress();
    p.expect();

    CompletableFuture<Long> turn = awaitingTurn(p, 10_000);
    Thread.sleep(200);
    assertThat(turn).isNotDone();
    long finishedAt = System.nanoTime();
    p.finished();

    assertThat(turn.get(5, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(finishedAt);
  }

  @Test
  void theTurnComesWhileASlowServerIsStillThinking() throws Exception {
    ExchangeProgress p = new ExchangeProgress();
    p.expect();

    CompletableFuture<Long> turn = awaitingTurn(p, 10_000);
    Thread.sleep(100);
    assertThat(turn).isNotDone();
    long handshakeAt = System.nanoTime();
    p.handshakeEnded();

    // never finished: the turn comes QUIET_MS after the handshake, not at the 10 s bound
    long returned = turn.get(5, TimeUnit.SECONDS);
    assertThat(TimeUnit.NANOSECONDS.toMillis(returned - handshakeAt)).isGreaterThanOrEqualTo(
        ExchangeProgress.QUIET_MS - 1);
  }

  @Test
  void aQuickAnswerAfterTheHandshakeStillComesFirst() throws Exception {
    ExchangeProgress p = new ExchangeProgress();
    p.expect();
    p.handshakeEnded();
    long finishedAt = System.nanoTime();
    p.finished();

    assertThat(awaitingTurn(p, 10_000).get(5, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(finishedAt);
  }

  @Test
  void theWaitIsBounded() throws Exception {
    ExchangeProgress p = new ExchangeProgress();
    p.expect();

    long before = System.nanoTime();
    long returned = awaitingTurn(p, 150).get(5, TimeUnit.SECONDS);

    assertThat(TimeUnit.NANOSECONDS.toMillis(returned - before)).isBetween(140L, 4_000L);
  }
}
