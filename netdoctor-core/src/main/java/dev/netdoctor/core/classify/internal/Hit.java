package dev.netdoctor.core.classify.internal;

/**
 * One rule that matched one place of the input.
 *
 * @param depth larger is deeper in the failure chain (a later {@code Caused by:}, an inner exception, the
 *     original exception of a Python traceback)
 * @param matched the raw matched text; redact before showing it
 */
public record Hit(Rule rule, Outcome outcome, String matched, long depth) {
  public Kind kind() {
    return rule.kind();
  }
}
