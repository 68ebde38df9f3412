package dev.netdoctor.probe;

import dev.netdoctor.probe.internal.DirectDns;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Resolves a host name the way the application would (okhttp's {@code Dns} is the model). The probes use it for
 * the "system resolver" answer; tests inject a fake or a resolver pointed at a loopback DNS responder.
 */
@FunctionalInterface
public interface HostResolver {
  /** The JVM's resolver: {@code /etc/hosts}, then the system's DNS configuration. */
  HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

  /**
   * Every address for {@code host}, in the order the system prefers; throws when there is none. An IP literal
   * must be returned as itself, as the JDK does.
   */
  List<InetAddress> lookup(String host) throws UnknownHostException;

  /**
   * A resolver that asks one DNS server directly (curl's {@code --dns-servers}, our {@code --resolver}); the
   * exception message names the response code (NXDOMAIN, SERVFAIL, REFUSED) or the silence.
   */
  /**
   * Parses a resolver address: {@code ip}, {@code ip:port}, {@code [ipv6]:port} or a bare IPv6 address; port 53
   * when none is given.
   *
   * @throws IllegalArgumentException naming the text when it is not one
   */
  static InetSocketAddress parseServer(String text) {
    return dev.netdoctor.probe.internal.SystemDnsConfig.parseServer(text);
  }

  static HostResolver using(InetSocketAddress server, Duration timeout) {
    return host -> {
      if (host.matches("[0-9.]+") || host.contains(":")) return List.of(InetAddress.getByName(host));
      DirectDns.Answer answer;
      try {
        answer = DirectDns.query(server, host, timeout);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UnknownHostException(host + ": interrupted");
      }
      if (answer.outcome() != DirectDns.Outcome.OK) {
        throw new UnknownHostException(host + ": " + answer.detail() + " from " + DirectDns.label(server));
      }
      return answer.addresses();
    };
  }
}
