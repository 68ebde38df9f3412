package dev.netdoctor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BudgetTest {
  @Test
  void capsEveryStepToWhatRemainsAndNeverToZero() {
    AtomicLong now = new AtomicLong(0);
    Budget b = Budget.of(Duration.ofSeconds(10), now::get);

    assertThat(b.cap(Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
    now.set(Duration.ofMillis(9_000).toNanos());
    assertThat(b.cap(Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(1));
    now.set(Duration.ofSeconds(11).toNanos());
    assertThat(b.exhausted()).isTrue();
    assertThat(b.remaining()).isZero();
    assertThat(b.capMillis(Duration.ofSeconds(3))).isEqualTo(1);
  }
}
