package dev.netdoctor.probe.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads the system's resolver configuration ({@code resolv.conf}) and its hosts file. Missing files read as empty. */
public final class SystemDnsConfig {
  private SystemDnsConfig() {}

  /** The {@code nameserver} lines of a resolv.conf, port 53, in file order; invalid lines are skipped. */
  public static List<InetSocketAddress> nameservers(Path resolvConf) {
    List<InetSocketAddress> servers = new ArrayList<>();
    for (String line : lines(resolvConf)) {
      String[] parts = line.trim().split("\\s+");
      if (parts.length >= 2 && parts[0].equals("nameserver")) {
        String ip = parts[1];
        int zone = ip.indexOf('%');
        if (zone > 0) ip = ip.substring(0, zone);
        if (!ip.matches("[0-9a-fA-F:.]+")) continue;
        try {
          servers.add(new InetSocketAddress(InetAddress.getByName(ip), 53));
        } catch (IOException ignored) {
          // not an address literal
        }
      }
    }
    return servers;
  }

  /** The addresses the hosts file gives {@code host}, in file order; empty when it does not list it. */
  public static List<String> hostsEntries(Path hostsFile, String host) {
    List<String> addresses = new ArrayList<>();
    String wanted = host.toLowerCase(Locale.ROOT);
    for (String line : lines(hostsFile)) {
      int hash = line.indexOf('#');
      String content = (hash >= 0 ? line.substring(0, hash) : line).trim();
      if (content.isEmpty()) continue;
      String[] parts = content.split("\\s+");
      for (int i = 1; i < parts.length; i++) {
        if (parts[i].toLowerCase(Locale.ROOT).equals(wanted)) {
          addresses.add(parts[0]);
          break;
        }
      }
    }
    return addresses;
  }

  /**
   * Parses {@code ip}, {@code ip:port}, {@code [v6]:port} or a bare IPv6 address into a resolver address.
   *
   * @throws IllegalArgumentException naming the text when it is not one
   */
  public static InetSocketAddress parseServer(String text) {
    String t = text.trim();
    try {
      if (t.startsWith("[")) {
        int close = t.indexOf(']');
        String ip = t.substring(1, close);
        int port = close + 1 < t.length() ? Integer.parseInt(t.substring(close + 2)) : 53;
        return new InetSocketAddress(InetAddress.getByName(ip), port);
      }
      if (t.chars().filter(c -> c == ':').count() == 1) {
        int colon = t.indexOf(':');
        return new InetSocketAddress(literal(t.substring(0, colon)), Integer.parseInt(t.substring(colon + 1)));
      }
      return new InetSocketAddress(literal(t), 53);
    } catch (RuntimeException | IOException e) {
      throw new IllegalArgumentException("not a resolver address (ip, ip:port or [ipv6]:port): " + text);
    }
  }

  private static InetAddress literal(String ip) throws IOException {
    if (!ip.matches("[0-9a-fA-F:.]+")) throw new IOException("not an IP literal: " + ip);
    return InetAddress.getByName(ip);
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }
}
