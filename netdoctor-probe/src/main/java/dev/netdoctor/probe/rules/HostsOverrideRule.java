package dev.netdoctor.probe.rules;

import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.core.report.Severity;
import dev.netdoctor.probe.internal.LoopbackNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A hosts-file entry for a target whose first failure is what a wrong address produces: the override, not the
 * provider, is the likely cause (NET002/hosts-override).
 *
 * <p>A wrong address shows as a connection refused, timed out or unreachable at the overridden address, or as a
 * different server answering there (a certificate for another name, plain HTTP where TLS was expected). Any other
 * failure (an expired certificate, a bad key, a 5xx) is not explained by the entry: the entry is then only noted as
 * evidence on whatever finding reports that failure. Names every hosts file maps to loopback by default
 * ({@link LoopbackNames}) are never an override.
 */
public final class HostsOverrideRule implements Rule {
  /** {@code code/cause} pairs a wrong address explains. */
  static final Set<String> WRONG_ADDRESS = Set.of("NET008/port-closed", "NET004/connect",
      "NET005/network-unreachable", "NET005/host-unreachable", "NET005/firewall", "NET009/hostname-mismatch",
      "NET003/not-tls");

  @Override
  public void apply(Analysis a) {
    for (CheckResult dns : a.results("dns")) {
      if (dns.fact("hostsFile") == null || !dns.passed() || LoopbackNames.isLoopbackName(hostOf(dns))) continue;
      CheckResult firstFailure = a.results().stream()
          .filter(r -> r.target().equals(dns.target()) && r != dns && a.open(r) && r.failed()
              && !r.check().equals("auth") && !r.check().equals("clock"))
          .findFirst().orElse(null);
      if (firstFailure == null) continue;
      String entry = "hosts file maps the name to " + dns.fact("hostsFile");
      if (!WRONG_ADDRESS.contains(firstFailure.code() + "/" + firstFailure.cause())) {
        a.note(firstFailure, entry + " (not what this failure points to)");
        continue;
      }
      List<String> evidence = new ArrayList<>();
      evidence.add(entry);
      evidence.add(firstFailure.check() + ": " + firstFailure.summary());
      a.add("NET002", "hosts-override", Severity.ERROR, 0.75,
          "the hosts file overrides the address of " + dns.target() + " and that address does not work; remove the entry",
          evidence, List.of(dns.target()), "hosts-override");
      a.claimWithConsequences(firstFailure);
    }
  }

  /** The host name the dns check looked up: its {@code host} fact, else the target's host. */
  private static String hostOf(CheckResult dns) {
    Object host = dns.fact("host");
    if (host != null) return host.toString();
    return dns.target();
  }
}
