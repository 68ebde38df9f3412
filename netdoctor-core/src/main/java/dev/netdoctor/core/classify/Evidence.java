package dev.netdoctor.core.classify;

import java.util.Objects;

/**
 * What in the input decided a classification.
 *
 * @param kind what sort of signal it was: {@code exception-type}, {@code errno}, {@code error-code} (ENOTFOUND,
 *     ERR_NAME_NOT_RESOLVED), {@code curl-exit}, {@code http-status}, {@code provider-error} (a body's error
 *     type/code), {@code header}, {@code phrase}
 * @param matched the exact (redacted) text of the input that matched
 * @param rule the id of the rule that matched
 */
public record Evidence(String kind, String matched, String rule) {
  public Evidence {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(matched, "matched");
    Objects.requireNonNull(rule, "rule");
  }
}
