package dev.netdoctor.probe;

import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.probe.internal.ResultBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * This machine's clock against the {@code Date} header of the target's HTTP answer (from the http check; no
 * request of its own). More than {@link #LIMIT} apart breaks certificate checks and signed requests (NET015).
 * The header has one-second resolution, so smaller differences are not reported.
 *
 * <p>Facts: {@code skewSeconds} (positive: this machine is ahead), {@code serverDate}.
 */
public final class ClockSkewProbe implements Probe {
  public static final String NAME = "clock";
  public static final Duration LIMIT = Duration.ofMinutes(2);

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CheckResult run(ProbeContext ctx) {
    ResultBuilder r = new ResultBuilder(NAME, ctx);
    CheckResult http = ctx.prior(HttpProbe.NAME).orElse(null);
    if (http == null || http.fact("date") == null) return r.skip("no Date header to compare with");
    Instant server;
    try {
      server = ZonedDateTime.parse(http.fact("date"), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return r.skip("unreadable Date header: " + http.fact("date"));
    }
    long localMillis = http.longFact("respondedAtMillis", ctx.env().clock().millis());
    long skew = Math.round((localMillis - server.toEpochMilli()) / 1000.0);
    r.fact("skewSeconds", skew).fact("serverDate", http.fact("date"))
        .evidence("server Date " + http.fact("date") + ", this machine " + Instant.ofEpochMilli(localMillis));
    if (Math.abs(skew) > LIMIT.toSeconds()) {
      String cause = skew > 0 ? "ahead" : "behind";
      return r.fail("NET015", cause, "this machine's clock is " + Math.abs(skew) + " s " + cause
          + " of " + ctx.targetName() + "'s");
    }
    return r.pass("clock within " + Math.abs(skew) + " s of the server");
  }
}
