package dev.netdoctor.core.settings.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One entry of a {@code NO_PROXY}-style bypass list, and whether a target matches it. No DNS: IP and CIDR entries
 * match only targets written as IP literals.
 */
final class HostPattern {
  private enum Type { ALL, DOMAIN, IP, CIDR }

  private final String entry;
  private final Type type;
  private final String domain;
  private final byte[] address;
  private final int prefix;
  private final int port; // -1: any

  private HostPattern(String entry, Type type, String domain, byte[] address, int prefix, int port) {
    this.entry = entry;
    this.type = type;
    this.domain = domain;
    this.address = address;
    this.prefix = prefix;
    this.port = port;
  }

  /** The entry as written. */
  String entry() {
    return entry;
  }

  /** Parses a list separated by commas and/or white space; malformed entries are skipped. */
  static List<HostPattern> parseList(String list) {
    List<HostPattern> out = new ArrayList<>();
    if (list == null) return out;
    for (String e : list.split("[,\\s]+")) {
      if (!e.isEmpty()) parse(e).ifPresent(out::add);
    }
    return out;
  }

  /** Parses entries given one per element; malformed entries are skipped. */
  static List<HostPattern> parseAll(List<String> entries) {
    List<HostPattern> out = new ArrayList<>();
    for (String e : entries) parse(e.trim()).ifPresent(out::add);
    return out;
  }

  /** One entry, or empty when it cannot be read (e.g. a CIDR block with a bad prefix length). */
  static Optional<HostPattern> parse(String raw) {
    String e = raw.trim().toLowerCase(Locale.ROOT);
    if (e.isEmpty()) return Optional.empty();
    if (e.equals("*")) return Optional.of(new HostPattern(raw, Type.ALL, null, null, 0, -1));
    int slash = e.indexOf('/');
    if (slash >= 0) {
      Optional<byte[]> ip = ipBytes(e.substring(0, slash));
      if (ip.isEmpty()) return Optional.empty();
      int bits;
      try {
        bits = Integer.parseInt(e.substring(slash + 1));
      } catch (NumberFormatException x) {
        return Optional.empty();
      }
      if (bits < 0 || bits > ip.get().length * 8) return Optional.empty();
      return Optional.of(new HostPattern(raw, Type.CIDR, null, ip.get(), bits, -1));
    }
    String host = e;
    int port = -1;
    if (e.startsWith("[")) {
      int end = e.indexOf(']');
      if (end < 0) return Optional.empty();
      host = e.substring(1, end);
      String rest = e.substring(end + 1);
      if (rest.startsWith(":")) {
        port = parsePort(rest.substring(1));
        if (port < 0) return Optional.empty();
      } else if (!rest.isEmpty()) {
        return Optional.empty();
      }
    } else if (e.indexOf(':') >= 0 && e.indexOf(':') == e.lastIndexOf(':')) {
      host = e.substring(0, e.indexOf(':'));
      port = parsePort(e.substring(e.indexOf(':') + 1));
      if (port < 0) return Optional.empty();
    }
    Optional<byte[]> ip = ipBytes(host);
    if (ip.isPresent()) return Optional.of(new HostPattern(raw, Type.IP, null, ip.get(), 0, port));
    if (host.startsWith("*.")) host = host.substring(2);
    while (host.startsWith(".")) host = host.substring(1);
    if (host.endsWith(".")) host = host.substring(0, host.length() - 1);
    if (host.isEmpty() || host.contains("*")) return Optional.empty();
    return Optional.of(new HostPattern(raw, Type.DOMAIN, host, null, 0, port));
  }

  private static int parsePort(String s) {
    try {
      int p = Integer.parseInt(s);
      return p >= 1 && p <= 65535 ? p : -2;
    } catch (NumberFormatException e) {
      return -2;
    }
  }

  /**
   * Whether a request to {@code host} on {@code port} matches.
   *
   * @param host a name or an IP literal (IPv6 with or without brackets)
   * @param port the port the request goes to (the scheme's default when the URL has none)
   */
  boolean matches(String host, int port) {
    if (this.port >= 0 && this.port != port) return false;
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
    if (h.endsWith(".")) h = h.substring(0, h.length() - 1);
    switch (type) {
      case ALL:
        return true;
      case DOMAIN:
        return h.equals(domain) || h.endsWith("." + domain);
      case IP: {
        Optional<byte[]> ip = ipBytes(h);
        return ip.isPresent() && java.util.Arrays.equals(ip.get(), address);
      }
      default: {
        Optional<byte[]> ip = ipBytes(h);
        return ip.isPresent() && ip.get().length == address.length && inPrefix(ip.get());
      }
    }
  }

  private boolean inPrefix(byte[] ip) {
    int full = prefix / 8;
    for (int i = 0; i < full; i++) {
      if (ip[i] != address[i]) return false;
    }
    int rest = prefix % 8;
    if (rest == 0) return true;
    int mask = (0xff << (8 - rest)) & 0xff;
    return (ip[full] & mask) == (address[full] & mask);
  }

  /** Whether {@code host} is an IPv4 or IPv6 literal (IPv6 with or without brackets). */
  static boolean isIpLiteral(String host) {
    String h = host;
    if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
    return ipBytes(h).isPresent();
  }

  /** The address of an IP literal, parsed without any lookup; empty for a name. */
  static Optional<byte[]> ipBytes(String host) {
    if (host.isEmpty()) return Optional.empty();
    if (host.indexOf(':') >= 0) {
      // Only hex digits, colons, dots (an embedded IPv4 tail): InetAddress parses such a literal itself and
      // never consults DNS for a string containing ':'.
      if (!host.matches("[0-9a-fA-F:.]+")
          || (Character.digit(host.charAt(0), 16) < 0 && host.charAt(0) != ':')) {
        return Optional.empty();
      }
      try {
        return Optional.of(InetAddress.getByName(host).getAddress()).filter(b -> b.length == 16 || b.length == 4);
      } catch (UnknownHostException e) {
        return Optional.empty();
      }
    }
    String[] parts = host.split("\\.", -1);
    if (parts.length != 4) return Optional.empty();
    byte[] b = new byte[4];
    for (int i = 0; i < 4; i++) {
      String p = parts[i];
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) return Optional.empty();
      int v = Integer.parseInt(p);
      if (v > 255) return Optional.empty();
      b[i] = (byte) v;
    }
    return Optional.of(b);
  }
}
