package dev.netdoctor.core.classify;

/**
 * Turns a failure (a {@link Throwable}, an HTTP answer, or free text from any stack) into one code and cause
 * with its evidence, or an explicit "not recognised".
 *
 * <p>PLACEHOLDER: the rule engine lands with the classifier work; until then every input is not recognised.
 */
public final class Classifier {
  private static final Classifier BUILT_IN = new Classifier();

  private Classifier() {}

  /** The classifier with the rules shipped in the jar. Thread-safe. */
  public static Classifier builtIn() {
    return BUILT_IN;
  }

  /** Classifies a throwable by walking its whole cause chain; the deepest recognised cause wins. */
  public Classification classify(Throwable failure) {
    return Classification.notRecognised();
  }

  /** Classifies an HTTP answer (status, headers, provider error body). */
  public Classification classify(HttpFailure response) {
    return Classification.notRecognised();
  }

  /** Classifies free text: a message, a log line, or a whole pasted stack trace. */
  public Classification classify(String text) {
    return Classification.notRecognised();
  }
}
