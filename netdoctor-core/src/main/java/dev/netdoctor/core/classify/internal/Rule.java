package dev.netdoctor.core.classify.internal;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One classification rule from the rules file.
 *
 * <p>A rule matches either one of its {@code literals} (case-insensitive, whole words at alphanumeric edges) or,
 * when {@code regex} is set, the regex found near one of the literals, which then only serve as cheap triggers.
 * A rule with a {@code lookup} table takes its outcome from the table entry named by the first non-null regex
 * group (an HTTP status, a curl exit code); otherwise {@code outcome} applies.
 *
 * @param header for {@link Kind#HEADER} rules: the response header whose value the regex is applied to
 */
public record Rule(
    String id,
    Kind kind,
    Outcome outcome,
    List<String> literals,
    Pattern regex,
    Map<String, Outcome> lookup,
    String header,
    boolean proxyContext) {

  public boolean isRegex() {
    return regex != null;
  }
}
