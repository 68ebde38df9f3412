package dev.netdoctor.cli.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Counts findings by code, cause and host, keeping the first and last time each group was seen. Memory is
 * bounded by the number of groups, itself capped at {@link #MAX_GROUPS}: past that, new hosts are counted under
 * {@link #OTHER_HOSTS}.
 *
 * <p>"First" and "last" go by the lines' own times where they carry one (compared in UTC; a time without an
 * offset is taken as UTC), else by the order the lines were read.
 */
public final class FindingGroups {
  public static final int MAX_GROUPS = 10_000;
  public static final String OTHER_HOSTS = "(other hosts)";

  /** Where and when a group was seen. */
  public record Seen(String file, long line, Timestamps.Stamp stamp) {
    /** The time when the line had one, else {@code file:line}. */
    public String display() {
      return stamp != null ? stamp.text() : file + ":" + line;
    }
  }

  /** One group. */
  public static final class Group {
    private final String code;
    private final String cause;
    private final String host;
    private long count;
    private Seen first;
    private Seen last;

    Group(String code, String cause, String host) {
      this.code = code;
      this.cause = cause;
      this.host = host;
    }

    void add(Finding f) {
      count++;
      Seen seen = new Seen(f.file(), f.line(), f.stamp());
      if (first == null) {
        first = seen;
        last = seen;
        return;
      }
      if (seen.stamp() != null) {
        if (first.stamp() == null || seen.stamp().order().isBefore(first.stamp().order())) first = seen;
        if (last.stamp() == null || !seen.stamp().order().isBefore(last.stamp().order())) last = seen;
      } else if (last.stamp() == null) {
        last = seen;
      }
    }

    public String code() { return code; }

    public String cause() { return cause; }

    public String host() { return host; }

    public long count() { return count; }

    public Seen first() { return first; }

    public Seen last() { return last; }
  }

  private record Key(String code, String cause, String host) {}

  private final Map<Key, Group> groups = new HashMap<>();
  private long findings;

  public void add(Finding f) {
    findings++;
    Key key = new Key(f.code(), f.cause(), f.host());
    Group g = groups.get(key);
    if (g == null) {
      if (groups.size() >= MAX_GROUPS) key = new Key(f.code(), f.cause(), OTHER_HOSTS);
      g = groups.computeIfAbsent(key, k -> new Group(k.code(), k.cause(), k.host()));
    }
    g.add(f);
  }

  public long findings() {
    return findings;
  }

  /** The groups, most frequent first, then by code, cause and host. */
  public List<Group> sorted() {
    List<Group> list = new ArrayList<>(groups.values());
    Comparator<String> nullsFirst = Comparator.nullsFirst(Comparator.naturalOrder());
    list.sort(Comparator.comparingLong(Group::count).reversed()
        .thenComparing(Group::code)
        .thenComparing(Group::cause, nullsFirst)
        .thenComparing(Group::host, nullsFirst));
    return list;
  }

  @Override
  public String toString() {
    return Objects.toString(groups.size()) + " groups";
  }
}
