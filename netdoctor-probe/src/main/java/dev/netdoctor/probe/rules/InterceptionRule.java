package dev.netdoctor.probe.rules;

import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.core.report.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TLS interception: every chain issued by the same CA that is not a public root, across two or more targets (or
 * one target reached through a proxy), is a corporate proxy or security product re-signing traffic
 * (NET009/interception), not each provider's certificate being wrong.
 */
public final class InterceptionRule implements Rule {
  @Override
  public void apply(Analysis a) {
    Map<String, List<CheckResult>> byIssuer = new LinkedHashMap<>();
    for (CheckResult r : a.results("tls")) {
      if (a.claimed(r) || !("untrusted-root".equals(r.cause()) || "interception".equals(r.cause()))) continue;
      if ("true".equals(r.fact("publicRoot"))) continue;
      byIssuer.computeIfAbsent(String.valueOf(r.fact("rootIssuer")), k -> new ArrayList<>()).add(r);
    }
    for (Map.Entry<String, List<CheckResult>> e : byIssuer.entrySet()) {
      List<CheckResult> group = e.getValue();
      boolean viaProxy = group.stream().anyMatch(r -> "interception".equals(r.cause()));
      long hosts = group.stream().map(CheckResult::target).distinct().count();
      if (hosts < 2 && !viaProxy) continue;
      List<String> evidence = new ArrayList<>();
      for (CheckResult r : group) evidence.add(r.target() + ": chain issued by " + e.getKey());
      evidence.add(e.getKey() + " is not a root of the JVM's trust store");
      a.add("NET009", "interception", Severity.ERROR, viaProxy || hosts >= 2 ? 0.9 : 0.7,
          "TLS is intercepted: " + hosts + (hosts == 1 ? " target presents" : " targets present")
              + " certificates from " + e.getKey()
              + "; install that CA (Network.CustomCertificatePath) if your organisation requires the inspection",
          evidence, group.stream().map(CheckResult::target).toList(), "interception");
      group.forEach(a::claimWithConsequences);
    }
  }
}
