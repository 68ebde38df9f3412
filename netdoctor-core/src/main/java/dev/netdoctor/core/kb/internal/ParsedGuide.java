package dev.netdoctor.core.kb.internal;

import dev.netdoctor.core.kb.Guide;
import dev.netdoctor.core.kb.LintProblem;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of parsing one guide file.
 *
 * @param file what was parsed
 * @param guide the guide; empty exactly when {@code errors} is not
 * @param errors problems that leave no usable guide (no front matter, YAML syntax, a required key missing or of
 *     the wrong type); loading fails on these
 * @param warnings problems a guide can be loaded with but that {@code kb lint} reports (unknown keys, bad id
 *     shape, no symptoms)
 * @param idLine line of the {@code id} key, 1 when absent
 * @param errorCodes the {@code errorCodes} entries with their lines
 * @param relatedDocs the {@code relatedDocs} entries with their lines
 * @param headings the body's headings
 * @param bodyLine line just after the closing {@code ---}: where the body starts
 */
public record ParsedGuide(
    GuideFile file,
    Optional<Guide> guide,
    List<LintProblem> errors,
    List<LintProblem> warnings,
    int idLine,
    List<Item> errorCodes,
    List<Item> relatedDocs,
    List<Heading> headings,
    int bodyLine) {

  public ParsedGuide {
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
    errorCodes = List.copyOf(errorCodes);
    relatedDocs = List.copyOf(relatedDocs);
    headings = List.copyOf(headings);
  }

  /** A list entry of the front matter and the 1-based line it sits on. */
  public record Item(String value, int line) {}
}
