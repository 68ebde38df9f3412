package dev.netdoctor.probe.rules;

import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.core.report.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * A provider (or a URL given to {@code probe}) that answers with 401/403/429 is reachable: the network is fine and the key, account
 * or quota is the problem. One finding per provider, saying so, with the reachability evidence.
 */
public final class KeyRule implements Rule {
  @Override
  public void apply(Analysis a) {
    List<CheckResult> answers = new ArrayList<>(a.results("auth"));
    answers.addAll(a.results("http"));
    for (CheckResult auth : answers) {
      if (!a.open(auth) || auth.code() == null || !auth.code().startsWith("AUTH")) continue;
      List<String> evidence = new ArrayList<>(auth.evidence());
      if (auth.check().equals("auth")) {
        a.result(auth.target(), "http").ifPresent(h -> evidence.add(0, "reachable: " + h.summary()));
      }
      a.result(auth.target(), "tls").filter(CheckResult::passed).ifPresent(t -> evidence.add(1, "TLS: " + t.summary()));
      a.add(auth.code(), auth.cause(), Severity.ERROR, 0.95, auth.summary() + ": the network is fine, the key is the problem",
          evidence, List.of(auth.target()), "key");
      a.claim(auth);
    }
  }
}
