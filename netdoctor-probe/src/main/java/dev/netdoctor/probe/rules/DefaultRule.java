package dev.netdoctor.probe.rules;

import dev.netdoctor.core.report.CheckResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What no specific rule explained: per target only its first failing step counts (later steps fail because of
 * it), and identical code and cause across targets become one finding listing them all.
 */
public final class DefaultRule implements Rule {
  @Override
  public void apply(Analysis a) {
    Set<String> targetsWithCause = new LinkedHashSet<>();
    Map<String, List<CheckResult>> groups = new LinkedHashMap<>();
    for (CheckResult r : a.results()) {
      if (!a.open(r)) continue;
      boolean network = !r.check().equals("settings") && !r.check().equals("ffmpeg") && !r.check().equals("backend")
          && !r.check().equals("cors") && !r.check().equals("throughput");
      if (network && r.failed()) {
        String stageKey = r.target() + "#" + stage(r.check());
        if (targetsWithCause.stream().anyMatch(k -> k.startsWith(r.target() + "#") && !k.equals(stageKey))) {
          continue; // a consequence of an earlier failure of the same target
        }
        targetsWithCause.add(stageKey);
      }
      groups.computeIfAbsent(r.code() + "/" + r.cause() + "/" + r.status(), k -> new ArrayList<>()).add(r);
    }
    for (List<CheckResult> group : groups.values()) {
      CheckResult first = group.get(0);
      List<String> evidence = new ArrayList<>();
      for (CheckResult r : group) {
        evidence.add(r.check() + " " + r.target() + ": " + r.summary());
        for (String e : r.evidence()) {
          if (evidence.size() < 12) evidence.add("  " + e);
        }
      }
      String summary = group.size() == 1 ? first.summary()
          : first.summary() + " (and the same for " + (group.size() - 1) + " more)";
      a.add(first.code(), first.cause(), Analysis.severityOf(first), 0.8, summary, evidence,
          group.stream().map(CheckResult::target).toList(), "default");
      group.forEach(a::claim);
    }
  }

  /** Checks of the same stage run side by side; failures in one stage are all causes, not consequences. */
  private static int stage(String check) {
    return switch (check) {
      case "dns" -> 0;
      case "tcp-ipv4", "tcp-ipv6", "proxy" -> 1;
      case "tls", "latency", "path" -> 2;
      case "http" -> 3;
      default -> 4;
    };
  }
}
