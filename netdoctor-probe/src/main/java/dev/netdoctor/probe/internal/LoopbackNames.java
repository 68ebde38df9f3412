package dev.netdoctor.probe.internal;

import java.util.Locale;
import java.util.Set;

/**
 * Host names that every hosts file maps to the loopback address by default (Debian, Red Hat, macOS, Windows) and
 * {@code .localhost} names (RFC 6761): their hosts-file entry is the normal one, never an override, and they are
 * never asked of DNS.
 */
public final class LoopbackNames {
  private static final Set<String> NAMES = Set.of("localhost", "localhost.localdomain", "localhost4",
      "localhost4.localdomain4", "localhost6", "localhost6.localdomain6", "ip6-localhost", "ip6-loopback");

  private LoopbackNames() {}

  /** Whether {@code host} (any case, with or without a trailing dot) is one of those names. */
  public static boolean isLoopbackName(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.endsWith(".")) h = h.substring(0, h.length() - 1);
    return NAMES.contains(h) || h.endsWith(".localhost");
  }
}
