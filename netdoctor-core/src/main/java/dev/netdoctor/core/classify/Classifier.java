package dev.netdoctor.core.classify;

import dev.netdoctor.core.classify.internal.Hit;
import dev.netdoctor.core.classify.internal.HttpFailureText;
import dev.netdoctor.core.classify.internal.RuleSet;
import dev.netdoctor.core.classify.internal.TextScanner;
import dev.netdoctor.core.classify.internal.ThrowableText;
import dev.netdoctor.core.classify.internal.Verdict;
import dev.netdoctor.core.codes.CodeRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns a failure (a {@link Throwable}, an HTTP answer, or free text from any stack) into one code and cause
 * with its evidence, or an explicit "not recognised".
 *
 * <p>The rules are data ({@value #RULES}): exception types, errno numbers and names, error-code tokens
 * ({@code ENOTFOUND}, {@code net::ERR_NAME_NOT_RESOLVED}), curl exit codes, HTTP statuses, provider error bodies,
 * then phrases. Every input is split into signals; the deepest one wins (DNS under TLS under HTTP, a
 * {@code Caused by:} under its wrapper), structural signals beat phrases, and the other signals are kept as the
 * classification's context. Text that no rule recognises answers {@link Classification#notRecognised()}: generic
 * words such as "error" or "failed" never decide.
 *
 * <p>Work per input is bounded (see {@link TextScanner}): a 10 MB line or binary junk costs a bounded scan and
 * never throws. Instances are immutable and thread-safe.
 */
public final class Classifier {
  /** Class-path location of the built-in rules. */
  public static final String RULES = "/netdoctor/rules.json";

  private static volatile Classifier builtIn;

  private final RuleSet rules;
  private final TextScanner scanner;

  private Classifier(RuleSet rules) {
    this.rules = rules;
    this.scanner = new TextScanner(rules);
  }

  /** The classifier with the rules shipped in the jar. Thread-safe. */
  public static Classifier builtIn() {
    Classifier result = builtIn;
    if (result == null) {
      synchronized (Classifier.class) {
        result = builtIn;
        if (result == null) {
          try (InputStream in = Classifier.class.getResourceAsStream(RULES)) {
            if (in == null) throw new IllegalStateException("missing class-path resource " + RULES);
            result = load(in, RULES, CodeRegistry.builtIn());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          builtIn = result;
        }
      }
    }
    return result;
  }

  /**
   * A classifier from a rules file in the format of the built-in one.
   *
   * @throws IllegalArgumentException naming the source, the rule and the key when the file is invalid (unknown
   *     code or cause, a regex that does not compile, a rule without triggers, an unknown key)
   */
  public static Classifier load(InputStream rulesJson, String sourceName, CodeRegistry registry)
      throws IOException {
    return new Classifier(RuleSet.load(rulesJson, sourceName, registry));
  }

  /**
   * Classifies a throwable by walking its whole cause chain, types (and their superclasses) first, then messages;
   * the deepest recognised cause wins and the outer ones are its context. Suppressed exceptions are side failures
   * (a close that failed too): they decide only when the chain itself is not recognised.
   */
  public Classification classify(Throwable failure) {
    if (failure == null) return Classification.notRecognised();
    Classification chain = classify(ThrowableText.render(failure));
    if (chain.recognised()) return chain;
    for (Throwable suppressed : ThrowableText.suppressed(failure)) {
      Classification side = classify(ThrowableText.render(suppressed));
      if (side.recognised()) return side;
    }
    return chain;
  }

  /**
   * Classifies an HTTP answer: the status, the headers ({@code Proxy-Authenticate} on a 407) and the provider's
   * error body (429 {@code insufficient_quota} is AUTH005, any other 429 AUTH006, 529 or
   * {@code overloaded_error} NET007/overloaded, 403 {@code unsupported_country_region_territory}
   * AUTH004/region-not-supported). A transport failure named in the body (a 5xx from a gateway that could not
   * resolve the provider) wins, with the status as context.
   */
  public Classification classify(HttpFailure response) {
    if (response == null) return Classification.notRecognised();
    List<Hit> hits = new ArrayList<>(4);
    HttpFailureText.hits(response, rules, scanner, hits);
    return Verdict.decide(hits);
  }

  /** Classifies free text: a message, a log line, or a whole pasted stack trace or traceback. */
  public Classification classify(String text) {
    if (text == null || text.isEmpty()) return Classification.notRecognised();
    List<Hit> hits = new ArrayList<>(4);
    scanner.hits(text, 0, hits);
    return Verdict.decide(hits);
  }

  /**
   * A cheap prefilter for log scanning: false means {@link #classify(String)} would certainly answer "not
   * recognised", true means it might recognise something. One pass over the (bounded) line with no allocation.
   */
  public boolean mayContainFailure(CharSequence line) {
    Objects.requireNonNull(line, "line");
    return scanner.mayMatch(line);
  }

  /**
   * {@link #mayContainFailure(CharSequence)} for one log line given as UTF-8 bytes (no line break), with the same
   * answer as for the decoded line; a line of plain ASCII is matched on the bytes, without decoding or copying.
   */
  public boolean mayContainFailure(byte[] utf8, int off, int len) {
    Objects.checkFromIndexSize(off, len, utf8.length);
    return scanner.mayMatch(utf8, off, len);
  }
}
