package dev.netdoctor.probe.rules;

import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.core.report.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * A hosts-file entry for a target whose connection then fails: the override, not the provider, is the likely
 * cause (NET002/hosts-override).
 */
public final class HostsOverrideRule implements Rule {
  @Override
  public void apply(Analysis a) {
    for (CheckResult dns : a.results("dns")) {
      if (dns.fact("hostsFile") == null || !dns.passed()) continue;
      CheckResult firstFailure = a.results().stream()
          .filter(r -> r.target().equals(dns.target()) && r != dns && a.open(r) && r.failed()
              && !r.check().equals("auth") && !r.check().equals("clock"))
          .findFirst().orElse(null);
      if (firstFailure == null) continue;
      List<String> evidence = new ArrayList<>();
      evidence.add("hosts file maps the name to " + dns.fact("hostsFile"));
      evidence.add(firstFailure.check() + ": " + firstFailure.summary());
      a.add("NET002", "hosts-override", Severity.ERROR, 0.75,
          "the hosts file overrides the address of " + dns.target() + " and that address does not work; remove the entry",
          evidence, List.of(dns.target()), "hosts-override");
      a.claimWithConsequences(firstFailure);
    }
  }
}
