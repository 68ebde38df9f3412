package dev.netdoctor.client.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Dns;

/**
 * {@code PreferIPv4}: the delegate's addresses with every IPv4 address first, each family keeping its order, so
 * OkHttp tries IPv4 before IPv6 (IPv6 stays as a fallback).
 */
public final class Ipv4FirstDns implements Dns {
  private final Dns delegate;

  public Ipv4FirstDns(Dns delegate) {
    this.delegate = delegate;
  }

  @Override
  public List<InetAddress> lookup(String hostname) throws UnknownHostException {
    List<InetAddress> all = delegate.lookup(hostname);
    List<InetAddress> sorted = new ArrayList<>(all.size());
    for (InetAddress a : all) if (a instanceof Inet4Address) sorted.add(a);
    for (InetAddress a : all) if (!(a instanceof Inet4Address)) sorted.add(a);
    return sorted;
  }
}
