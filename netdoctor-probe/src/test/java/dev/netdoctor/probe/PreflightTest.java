package dev.netdoctor.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netdoctor.core.settings.Settings;
import dev.netdoctor.testing.FaultPorts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

class PreflightTest {
  private final ProbeFixture fx = new ProbeFixture();

  /** A clock the test moves by hand. */
  private static final class ManualClock extends Clock {
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-22T06:00:00Z"));

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }

  @Test
  void reachableProviderIsOkAndTheAnswerIsCachedUntilItExpires() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
      server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
      server.start();
      ManualClock clock = new ManualClock();
      fx.clock = clock;
      Settings s = fx.settingsWith(Map.of("Local", new String[] {"http://localhost:" + server.getPort() + "/v1"}));
      Preflight preflight = new Preflight(s, fx.env(), Duration.ofSeconds(3), Duration.ofSeconds(30));

      Preflight.Result first = preflight.check("local");
      Preflight.Result cached = preflight.check("LOCAL");
      clock.now.set(clock.now.get().plusSeconds(31));
      Preflight.Result fresh = preflight.check("Local");

      assertThat(first.ok()).isTrue();
      assertThat(cached).isSameAs(first);
      assertThat(server.getRequestCount()).isEqualTo(2);
      assertThat(fresh).isNotSameAs(first);
    }
  }

  @Test
  void unreachableProviderIsNotOkWithTheCause() throws Exception {
    int port = FaultPorts.closedPort();
    Settings s = fx.settingsWith(Map.of("Down", new String[] {"http://localhost:" + port + "/v1"}));

    Preflight.Result r = new Preflight(s, fx.env(), Duration.ofSeconds(2), Duration.ofSeconds(30)).check("Down");

    assertThat(r.ok()).isFalse();
    assertThat(r.problem().get().codeAndCause()).isEqualTo("NET008/port-closed");
  }

  @Test
  void unknownProviderIsRejected() {
    Preflight p = new Preflight(Settings.defaults(fx.dir), fx.env(), Duration.ofSeconds(1), Duration.ofSeconds(1));

    assertThatThrownBy(() -> p.check("Nope")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Nope");
  }
}
