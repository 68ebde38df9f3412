package dev.netdoctor.client;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.netdoctor.core.settings.LogLevel;
import dev.netdoctor.core.settings.Logging;
import dev.netdoctor.core.settings.Provider;
import dev.netdoctor.core.settings.ProviderKind;
import dev.netdoctor.core.settings.Providers;
import dev.netdoctor.core.settings.Resilience;
import dev.netdoctor.core.settings.Secret;
import dev.netdoctor.core.settings.Settings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockWebServer;
import org.slf4j.LoggerFactory;

/** Shared fixtures: settings pointing at a loopback server, a settable clock, a recording sleeper, log capture. */
final class TestKit {
  static final String API_KEY = "sk-test-Zq8vN3kLmP0rT5wX9yB2cD4fG6hJ";
  static final String PROVIDER = "Test";

  private TestKit() {}

  /** A provider entry for {@code url}, OpenAI-compatible, not local, with {@link #API_KEY}. */
  static Provider provider(String name, URI url) {
    return Provider.builder(name).kind(ProviderKind.OPENAI_COMPATIBLE).baseUrl(url)
        .apiKey(Optional.of(Secret.of(API_KEY))).timeout(Duration.ofSeconds(10)).local(false).build();
  }

  /** Settings with provider {@code Test} at {@code server}'s {@code /v1}, quick retries, debug logging. */
  static Settings.Builder settings(MockWebServer server, Path home) {
    return settings(URI.create(server.url("/v1").toString()), home);
  }

  static Settings.Builder settings(URI base, Path home) {
    Providers providers = Providers.builder(home).put(provider(PROVIDER, base))
        .cacheDirectory(home.resolve("cache")).build();
    return Settings.builder(home)
        .providers(providers)
        .resilience(Resilience.builder().retryDelay(Duration.ofMillis(100)).backoffMultiplier(2).jitterFactor(0.2)
            .maxRetryDelay(Duration.ofSeconds(60)).maxRetryAttempts(3).build())
        .logging(new Logging(Map.of("Default", LogLevel.TRACE)));
  }

  /** A clock tests move by hand. */
  static final class FakeClock extends Clock {
    private volatile Instant now = Instant.parse("2026-11-22T06:00:00Z");

    @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
    void advance(Duration d) { now = now.plus(d); }
  }

  /** Records each wait and moves the clock instead of sleeping. */
  static final class RecordingSleeper implements Sleeper {
    final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final FakeClock clock;

    RecordingSleeper(FakeClock clock) { this.clock = clock; }

    @Override public void sleep(Duration d) {
      waits.add(d);
      clock.advance(d);
    }
  }

  /** Captures every line the client logs while open. */
  static final class LogCapture implements AutoCloseable {
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger("netdoctor.client");

    LogCapture() {
      appender.start();
      logger.addAppender(appender);
    }

    List<String> lines() {
      return appender.list.stream().map(e -> e.getLevel() + " " + e.getLoggerName() + " " + e.getFormattedMessage())
          .toList();
    }

    String all() {
      return String.join("\n", lines());
    }

    @Override public void close() {
      logger.detachAppender(appender);
    }
  }
}
