package dev.netdoctor.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class TimestampsTest {
  @Test
  void isoWithZoneIsKeptAndOrderedInUtc() {
    Timestamps.Stamp s = Timestamps.find("2026-11-22T07:20:02.123+02:00 ERROR boom").orElseThrow();
    assertThat(s.text()).isEqualTo("2026-11-22T07:20:02.123+02:00");
    assertThat(s.order()).isEqualTo(LocalDateTime.parse("2026-11-22T05:20:02.123"));
  }

  @Test
  void pythonLoggingFormatIsLocalTime() {
    Timestamps.Stamp s = Timestamps.find("2026-11-22 05:20:02,517 - openai - ERROR - x").orElseThrow();
    assertThat(s.text()).isEqualTo("2026-11-22T05:20:02.517");
  }

  @Test
  void commonLogFormat() {
    Timestamps.Stamp s =
        Timestamps.find("10.0.0.1 - - [22/Nov/2026:05:20:02 +0100] \"GET / HTTP/1.1\" 502 0").orElseThrow();
    assertThat(s.text()).isEqualTo("2026-11-22T05:20:02+01:00");
    assertThat(s.order()).isEqualTo(LocalDateTime.parse("2026-11-22T04:20:02"));
  }

  @Test
  void syslogHasNoYear() {
    assertThat(Timestamps.find("Nov  2 05:20:02 host app[12]: ECONNRESET").orElseThrow().text())
        .isEqualTo("Nov 2 05:20:02");
  }

  @Test
  void aLineWithoutTimeHasNone() {
    assertThat(Timestamps.find("Error: getaddrinfo ENOTFOUND api.openai.com")).isEmpty();
    assertThat(Timestamps.find("2026-13-45T99:99:99Z nonsense")).isEmpty();
  }
}
