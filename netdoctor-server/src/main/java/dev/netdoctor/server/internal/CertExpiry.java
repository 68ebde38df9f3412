package dev.netdoctor.server.internal;

import dev.netdoctor.core.report.CheckResult;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** The earliest {@code notAfter} of the chain a tls check recorded, in Unix seconds. */
public final class CertExpiry {
  private CertExpiry() {}

  public static OptionalLong earliest(CheckResult tls) {
    if (!(tls.facts().get("chain") instanceof List<?> chain)) return OptionalLong.empty();
    long min = Long.MAX_VALUE;
    for (Object c : chain) {
      if (c instanceof Map<?, ?> m && m.get("notAfter") instanceof String s) {
        try {
          min = Math.min(min, Instant.parse(s).getEpochSecond());
        } catch (DateTimeParseException ignored) {
          // the probe writes ISO instants; anything else is not a date to report
        }
      }
    }
    return min == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(min);
  }
}
