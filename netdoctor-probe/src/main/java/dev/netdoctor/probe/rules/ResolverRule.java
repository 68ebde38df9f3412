package dev.netdoctor.probe.rules;

import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.core.report.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DNS across targets: one broken resolver is one finding however many providers it breaks (SERVFAIL, REFUSED or
 * silence from the same server); and when the system resolver fails but another resolver answers, the DNS
 * setting is the cause (NET002/system-resolver-broken), again once for every target it affects.
 */
public final class ResolverRule implements Rule {
  @Override
  public void apply(Analysis a) {
    List<CheckResult> dns = a.results("dns");
    // System resolver broken while another answers: one finding.
    List<CheckResult> systemBroken = dns.stream().filter(r -> r.is("NET002", "system-resolver-broken")).toList();
    if (!systemBroken.isEmpty()) {
      List<String> evidence = new ArrayList<>();
      for (CheckResult r : systemBroken) {
        evidence.add(r.target() + ": " + r.summary());
        if (r.fact("systemError") != null) evidence.add("system resolver: " + r.fact("systemError"));
      }
      a.add("NET002", "system-resolver-broken", Severity.ERROR, 0.9,
          "the system's DNS setting is broken: its resolver fails where another resolver answers; point the system at a working resolver",
          evidence, systemBroken.stream().map(CheckResult::target).toList(), "resolver");
      systemBroken.forEach(a::claimWithConsequences);
    }

    // Each broken resolver, once.
    Map<String, List<CheckResult>> byServer = new LinkedHashMap<>();
    Map<String, String> outcome = new LinkedHashMap<>();
    for (CheckResult r : dns) {
      if (!(r.facts().get("resolvers") instanceof List<?> resolvers)) continue;
      for (Object o : resolvers) {
        Map<?, ?> m = (Map<?, ?>) o;
        String out = String.valueOf(m.get("outcome"));
        if (out.equals("servfail") || out.equals("refused") || out.equals("timeout") || out.equals("error")) {
          String server = String.valueOf(m.get("server"));
          byServer.computeIfAbsent(server, k -> new ArrayList<>()).add(r);
          outcome.putIfAbsent(server, out);
        }
      }
    }
    for (Map.Entry<String, List<CheckResult>> e : byServer.entrySet()) {
      String server = e.getKey();
      List<CheckResult> affected = e.getValue();
      if (affected.stream().allMatch(a::claimed)) continue; // explained already (offline, system resolver)
      boolean systemStillWorks = affected.stream().allMatch(CheckResult::passed);
      String out = outcome.get(server);
      String cause = switch (out) {
        case "servfail" -> "servfail";
        case "refused" -> "refused";
        default -> "resolver-timeout";
      };
      String what = switch (out) {
        case "servfail" -> "answers SERVFAIL";
        case "refused" -> "refuses queries (REFUSED)";
        case "timeout" -> "does not answer";
        default -> "fails";
      };
      List<String> evidence = new ArrayList<>();
      for (CheckResult r : affected) evidence.add(r.target() + ": resolver " + server + " " + what);
      a.add("NET002", cause, systemStillWorks ? Severity.WARNING : Severity.ERROR, 0.85,
          "resolver " + server + " " + what + " for " + affected.size() + (affected.size() == 1 ? " name" : " names")
              + (systemStillWorks ? "; lookups still work through another resolver, but slowly or not at all when it is asked first"
                  : ""),
          evidence, affected.stream().map(CheckResult::target).toList(), "resolver");
      for (CheckResult r : affected) {
        if (r.failed() && r.cause() != null && r.cause().equals(cause)) a.claimWithConsequences(r);
      }
    }
  }
}
