package dev.netdoctor.core.classify;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of the {@link Classifier}: one code and cause with the evidence that decided it, or an explicit
 * "not recognised".
 *
 * @param code the short code (e.g. {@code NET002}), or {@code null} when not recognised
 * @param cause the cause id within the code (e.g. {@code nxdomain}), or {@code null} when the input does not
 *     say which
 * @param confidence 0..1; structural signals (exception types, errno, curl exit codes, status codes) score
 *     higher than phrases
 * @param evidence what decided it, strongest first; never contains a secret
 * @param context the other signals found in the same input (e.g. the HTTP 500 that wrapped a DNS failure),
 *     outermost first
 */
public record Classification(
    String code, String cause, double confidence, List<Evidence> evidence, List<Classification> context) {

  private static final Classification NOT_RECOGNISED = new Classification(null, null, 0, List.of(), List.of());

  public Classification {
    evidence = List.copyOf(evidence);
    context = List.copyOf(context);
    if (confidence < 0 || confidence > 1) throw new IllegalArgumentException("confidence " + confidence);
  }

  /** A recognised classification. */
  public static Classification of(String code, String cause, double confidence, List<Evidence> evidence) {
    Objects.requireNonNull(code, "code");
    return new Classification(code, cause, confidence, evidence, List.of());
  }

  /** The explicit answer for input that no rule recognises. */
  public static Classification notRecognised() {
    return NOT_RECOGNISED;
  }

  public boolean recognised() {
    return code != null;
  }

  public Optional<String> causeId() {
    return Optional.ofNullable(cause);
  }

  /** The same classification with {@code more} as its context. */
  public Classification withContext(List<Classification> more) {
    return new Classification(code, cause, confidence, evidence, more);
  }
}
