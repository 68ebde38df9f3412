package dev.netdoctor.cli.internal;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the time a log line carries near its start: ISO-8601 ({@code 2026-11-22T05:20:02.123Z},
 * {@code 2026-11-22 05:20:02,123}, with or without an offset), the common/combined log format
 * ({@code [22/Nov/2026:05:20:02 +0000]}) and syslog ({@code Nov 22 05:20:02}, which has no year).
 */
public final class Timestamps {
  /** How far into a line a timestamp is looked for. */
  private static final int WINDOW = 160;

  static final Pattern ISO = Pattern.compile(
      "(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}:\\d{2})(?:[.,](\\d{1,9}))?\\s?(Z|[+-]\\d{2}:?\\d{2})?");
  private static final Pattern CLF = Pattern.compile(
      "\\[(\\d{2})/([A-Z][a-z]{2})/(\\d{4}):(\\d{2}:\\d{2}:\\d{2}) ([+-]\\d{4})\\]");
  private static final Pattern SYSLOG = Pattern.compile(
      "^(?:<\\d+>)?([A-Z][a-z]{2}) +(\\d{1,2}) (\\d{2}:\\d{2}:\\d{2})\\b");
  private static final Map<String, Integer> MONTHS = Map.ofEntries(
      Map.entry("Jan", 1), Map.entry("Feb", 2), Map.entry("Mar", 3), Map.entry("Apr", 4), Map.entry("May", 5),
      Map.entry("Jun", 6), Map.entry("Jul", 7), Map.entry("Aug", 8), Map.entry("Sep", 9), Map.entry("Oct", 10),
      Map.entry("Nov", 11), Map.entry("Dec", 12));

  private Timestamps() {}

  /**
   * A time found in a line.
   *
   * @param text how to show it: ISO-8601 ({@code Z} or the offset when the line had one; local time otherwise;
   *     syslog's own form when there is no year)
   * @param order a key to compare times: UTC when the line had an offset, the local time as if it were UTC
   *     otherwise, year 0 for syslog
   */
  public record Stamp(String text, LocalDateTime order) {}

  public static Optional<Stamp> find(String line) {
    String head = line.length() > WINDOW ? line.substring(0, WINDOW) : line;
    try {
      Matcher m = ISO.matcher(head);
      if (m.find()) return Optional.of(iso(m));
      m = CLF.matcher(head);
      if (m.find()) {
        Integer month = MONTHS.get(m.group(2));
        if (month != null) {
          String iso = String.format(Locale.ROOT, "%s-%02d-%sT%s%s:%s", m.group(3), month, m.group(1), m.group(4),
              m.group(5).substring(0, 3), m.group(5).substring(3));
          OffsetDateTime t = OffsetDateTime.parse(iso);
          return Optional.of(new Stamp(t.toString(), t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()));
        }
      }
      m = SYSLOG.matcher(head);
      if (m.find()) {
        Integer month = MONTHS.get(m.group(1));
        if (month != null) {
          LocalDateTime order = LocalDateTime.parse(String.format(Locale.ROOT, "0000-%02d-%02dT%s", month,
              Integer.parseInt(m.group(2)), m.group(3)));
          return Optional.of(new Stamp(m.group(1) + " " + m.group(2) + " " + m.group(3), order));
        }
      }
    } catch (DateTimeParseException | NumberFormatException e) {
      // Something shaped like a time that is not one (month 13): the line has no usable time.
    }
    return Optional.empty();
  }

  private static Stamp iso(Matcher m) {
    String fraction = m.group(3) == null ? "" : "." + m.group(3);
    LocalDateTime local = LocalDateTime.parse(m.group(1) + "T" + m.group(2) + fraction);
    String zone = m.group(4);
    if (zone == null) return new Stamp(local.toString(), local);
    String offset = zone.equals("Z") ? "Z" : zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone;
    OffsetDateTime t = OffsetDateTime.of(local, ZoneOffset.of(offset));
    return new Stamp(t.toString(), t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
  }
}
