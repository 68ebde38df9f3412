package dev.netdoctor.probe.rules;

import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.core.report.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The proxy path against the direct control: when the proxy fails (unreachable, 407, tunnel refused) one finding
 * per proxy and cause names the proxy, with whether a direct connection to the same targets works. Direct works
 * and the proxy fails → the proxy is the cause, with high confidence.
 */
public final class ProxyRule implements Rule {
  @Override
  public void apply(Analysis a) {
    Map<String, List<CheckResult>> groups = new LinkedHashMap<>();
    for (CheckResult r : a.results("proxy")) {
      if (!a.open(r)) continue;
      groups.computeIfAbsent(r.fact("proxy") + " " + r.code() + "/" + r.cause(), k -> new ArrayList<>()).add(r);
    }
    for (List<CheckResult> group : groups.values()) {
      CheckResult first = group.get(0);
      List<String> evidence = new ArrayList<>(first.evidence());
      boolean directWorks = false;
      for (CheckResult r : group) {
        for (String tcp : List.of("tcp-ipv4", "tcp-ipv6")) {
          CheckResult control = a.result(r.target(), tcp).orElse(null);
          if (control != null && control.passed()) {
            directWorks = true;
            evidence.add("direct control: " + r.target() + " " + control.summary());
          }
        }
      }
      String summary = first.summary() + (directWorks ? "; a direct connection works, so the proxy is the problem" : "");
      a.add(first.code(), first.cause(), Severity.ERROR, directWorks ? 0.95 : 0.8, summary, evidence,
          group.stream().map(CheckResult::target).toList(), "proxy");
      group.forEach(a::claimWithConsequences);
    }
  }
}
