package dev.netdoctor.probe.rules;

import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.core.report.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Nothing connects anywhere: with two or more network targets on different hosts and not one connection made
 * (no TCP connect, no proxy tunnel, no HTTP answer), the cause is this machine's network, not each provider —
 * NET005/offline when the network itself is unreachable or no name resolves, NET005/firewall when names resolve
 * but every connect is dropped or refused.
 */
public final class OfflineRule implements Rule {
  private static final Set<String> CONNECTING = Set.of("tcp-ipv4", "tcp-ipv6", "proxy", "http", "tls");

  @Override
  public void apply(Analysis a) {
    Set<String> targets = new LinkedHashSet<>();
    for (CheckResult r : a.results("dns")) targets.add(r.target());
    if (targets.size() < 2) return;
    boolean anyConnected = a.results().stream()
        .anyMatch(r -> targets.contains(r.target()) && CONNECTING.contains(r.check()) && r.passed());
    if (anyConnected) return;
    List<CheckResult> failures = a.results().stream()
        .filter(r -> targets.contains(r.target()) && r.failed() && !r.check().equals("auth")).toList();
    if (failures.isEmpty()) return;
    boolean unreachable = failures.stream().anyMatch(r -> "NET005".equals(r.code()));
    boolean dnsEverywhere = a.results("dns").stream().allMatch(CheckResult::failed);
    boolean dnsTimeouts = dnsEverywhere && a.results("dns").stream()
        .allMatch(r -> "resolver-timeout".equals(r.cause()) || "no-resolver".equals(r.cause()));
    String cause = unreachable || dnsTimeouts ? "offline" : "firewall";
    List<String> evidence = new ArrayList<>();
    for (CheckResult r : failures) {
      if (evidence.size() >= 8) break;
      evidence.add(r.check() + " " + r.target() + ": " + r.summary());
    }
    String summary = cause.equals("offline")
        ? "no network: not one of " + targets.size() + " targets can be reached" + (dnsTimeouts ? " and no resolver answers" : "")
        : "every connection from this machine is blocked: names resolve, but not one of " + targets.size()
            + " targets accepts a connection (a firewall or a network that requires a proxy)";
    a.add("NET005", cause, Severity.ERROR, 0.9, summary, evidence, new ArrayList<>(targets), "offline");
    failures.forEach(a::claim);
  }
}
