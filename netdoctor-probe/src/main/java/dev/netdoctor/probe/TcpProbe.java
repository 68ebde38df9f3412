package dev.netdoctor.probe;

import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.probe.internal.FailureMapper;
import dev.netdoctor.probe.internal.ResultBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;

/**
 * Opens a TCP connection to the target's port over one address family, trying each address of that family the
 * dns check found until one connects or the budget ends. Registered once per family ({@code tcp-ipv4},
 * {@code tcp-ipv6}) so that "IPv6 fails, IPv4 works" is visible.
 *
 * <p>Facts: {@code address} (the one that connected, or the last tried), {@code connectMs}, {@code tried}.
 */
public final class TcpProbe implements Probe {
  private final IpFamily family;

  public TcpProbe(IpFamily family) {
    this.family = family;
  }

  public static String nameFor(IpFamily family) {
    return "tcp-" + family.label();
  }

  @Override
  public String name() {
    return nameFor(family);
  }

  @Override
  public CheckResult run(ProbeContext ctx) {
    Target target = ctx.requireTarget();
    ResultBuilder r = new ResultBuilder(name(), ctx).control(!ctx.proxy().isDirect());
    if (!ctx.options().families().contains(family)) return r.skip(family.label() + " not requested");
    CheckResult dns = ctx.prior(DnsProbe.NAME).orElse(null);
    if (dns == null || DnsProbe.addresses(dns).isEmpty()) return r.skip("no address (dns failed)");
    List<InetAddress> addresses = DnsProbe.addresses(dns).stream().filter(family::matches).toList();
    if (addresses.isEmpty()) return r.skip("no " + family.label() + " address for " + target.host());
    IOException last = null;
    InetSocketAddress tried = null;
    int count = 0;
    for (InetAddress address : addresses) {
      if (ctx.budget().exhausted() || count >= 4) break;
      count++;
      tried = new InetSocketAddress(address, target.port());
      long start = ctx.env().ticker().getAsLong();
      try (Socket socket = new Socket()) {
        socket.connect(tried, ctx.budget().capMillis(ctx.options().connectTimeout()));
        double ms = (ctx.env().ticker().getAsLong() - start) / 1_000_000.0;
        r.fact("address", label(tried)).fact("connectMs", Math.round(ms * 1000) / 1000.0).fact("tried", count)
            .evidence("connected to " + label(tried) + " in " + String.format(java.util.Locale.ROOT, "%.1f", ms) + " ms");
        return r.pass("connected to " + label(tried));
      } catch (IOException e) {
        last = e;
        r.evidence(label(tried) + ": " + FailureMapper.describe(e));
      }
    }
    r.fact("address", tried == null ? null : label(tried)).fact("tried", count);
    if (last == null) return r.fail("NET004", "total", "the budget ran out before a connect");
    FailureMapper.Mapped m = FailureMapper.map(last, FailureMapper.Phase.CONNECT);
    String what = switch (m.code()) {
      case "NET008" -> "connection refused by " + label(tried) + " (nothing listens on port " + target.port() + ")";
      case "NET004" -> "no answer to the connect from " + label(tried) + " (dropped)";
      default -> "cannot reach " + label(tried) + ": " + m.evidence();
    };
    return r.fail(m, what);
  }

  static String label(InetSocketAddress a) {
    String ip = a.getAddress().getHostAddress();
    return (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + a.getPort();
  }
}
