package dev.netdoctor.cli.internal;

import dev.netdoctor.core.classify.Classification;
import dev.netdoctor.core.codes.ErrorCode;
import dev.netdoctor.core.codes.FixText;
import dev.netdoctor.core.codes.Os;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code explain} found for one input.
 *
 * @param fromText whether the input was text to classify (else a code was named)
 * @param code the code, or {@code null} when the text was not recognised
 * @param classification the classifier's answer for text input; {@code null} for a named code
 * @param guideTitle the title of the code's guide, or {@code null} when the knowledge base lacks it
 * @param host the host the explained text names, or {@code null}
 */
public record Explanation(
    boolean fromText, ErrorCode code, Classification classification, String guideTitle, String host) {
  public boolean recognised() {
    return code != null;
  }

  /** The code's user message with the placeholders the text lets us fill filled in. */
  public String message() {
    return MessageFiller.fill(code.userMessage(), host);
  }

  /**
   * The code's fix steps for {@code os} with {@code <host>} filled in when the text names a host; the other
   * placeholders ({@code <url>}, {@code <port>}, {@code <proxy>}) stay, as nothing here tells their values.
   */
  public List<String> fixSteps(Os os) {
    return FixText.render(code.fixStepsFor(os), host == null ? Map.of() : Map.of("host", host));
  }

  public Optional<Classification> classified() {
    return Optional.ofNullable(classification);
  }
}
