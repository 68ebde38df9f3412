package dev.netdoctor.probe.rules;

import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.core.report.Severity;
import java.util.List;
import java.util.Map;

/** Each problem the settings check lists becomes its own finding (CFG001–CFG006), pointing at the key. */
public final class SettingsRule implements Rule {
  @Override
  public void apply(Analysis a) {
    for (CheckResult r : a.results("settings")) {
      if (!(r.facts().get("problems") instanceof List<?> problems) || problems.isEmpty()) continue;
      for (Object o : problems) {
        Map<?, ?> p = (Map<?, ?>) o;
        a.add(String.valueOf(p.get("code")), String.valueOf(p.get("cause")),
            "error".equals(p.get("severity")) ? Severity.ERROR : Severity.WARNING, 1.0,
            p.get("key") + ": " + p.get("message"), List.of("setting " + p.get("key")), List.of("settings"),
            "settings");
      }
      a.claim(r);
    }
  }
}
