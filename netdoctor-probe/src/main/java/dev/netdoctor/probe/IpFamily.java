package dev.netdoctor.probe;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/** An address family, for {@code -4}/{@code -6} and the per-family TCP checks. */
public enum IpFamily {
  IPV4("ipv4"),
  IPV6("ipv6");

  private final String label;

  IpFamily(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean matches(InetAddress address) {
    return this == IPV4 ? address instanceof Inet4Address : address instanceof Inet6Address;
  }

  public static IpFamily of(InetAddress address) {
    return address instanceof Inet6Address ? IPV6 : IPV4;
  }
}
