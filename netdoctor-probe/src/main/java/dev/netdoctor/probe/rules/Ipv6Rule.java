package dev.netdoctor.probe.rules;

import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.core.report.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * IPv6 fails where IPv4 works, for the same targets: the IPv6 path is broken (NET014); prefer IPv4
 * ({@code Network.PreferIPv4}). One finding for all such targets.
 */
public final class Ipv6Rule implements Rule {
  @Override
  public void apply(Analysis a) {
    List<CheckResult> broken = new ArrayList<>();
    List<String> evidence = new ArrayList<>();
    for (CheckResult v6 : a.results("tcp-ipv6")) {
      if (!v6.failed() || a.claimed(v6)) continue;
      CheckResult v4 = a.result(v6.target(), "tcp-ipv4").orElse(null);
      if (v4 != null && v4.passed()) {
        broken.add(v6);
        evidence.add(v6.target() + ": IPv6 " + v6.summary() + "; IPv4 " + v4.summary());
      }
    }
    if (broken.isEmpty()) return;
    a.add("NET014", "ipv6-unreachable", Severity.WARNING, 0.9,
        "IPv6 connections fail while IPv4 works; set Network.PreferIPv4 to true (or fix the IPv6 route)", evidence,
        broken.stream().map(CheckResult::target).toList(), "ipv6");
    broken.forEach(a::claim);
  }
}
