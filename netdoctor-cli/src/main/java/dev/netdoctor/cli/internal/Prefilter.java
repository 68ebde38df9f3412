package dev.netdoctor.cli.internal;

import dev.netdoctor.core.classify.Classifier;

/**
 * The one call to the classifier's cheap prefilter: a line that fails it cannot classify as a failure, so
 * {@code scan} never decodes or classifies it. The line is handed over as bytes of the batch: the classifier
 * matches a plain ASCII line on its bytes and decodes only the others, so non-ASCII trigger words still match.
 * Stateless and thread-safe.
 */
final class Prefilter {
  private final Classifier classifier;

  Prefilter(Classifier classifier) {
    this.classifier = classifier;
  }

  boolean mayContainFailure(byte[] buf, int off, int len) {
    return classifier.mayContainFailure(buf, off, len);
  }
}
