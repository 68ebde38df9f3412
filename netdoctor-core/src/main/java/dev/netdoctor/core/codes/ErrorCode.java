package dev.netdoctor.core.codes;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One stable error code of the registry: NET002, AUTH005, CFG001 ...
 *
 * <p>Instances are immutable and come from {@link CodeRegistry}; the registry's data file is the single
 * source of truth for every field.
 *
 * @param id the short code, e.g. {@code NET002}
 * @param longName the PascalCase long name, e.g. {@code DnsResolutionFailed}; {@code NET002_DnsResolutionFailed}
 *     is accepted wherever a code is
 * @param category e.g. {@code dns}, {@code tls}, {@code proxy}, {@code provider}, {@code auth}, {@code config}
 * @param title a one-line title
 * @param userMessage what a person is told, in plain words
 * @param transientFault whether the same request can succeed later without anyone changing anything
 * @param retry when and how to retry
 * @param fixSteps ordered fix steps per OS
 * @param causes the distinct causes this code covers (may be empty)
 * @param guideId the id of the knowledge-base guide that explains this code
 */
public record ErrorCode(
    String id,
    String longName,
    String category,
    String title,
    String userMessage,
    boolean transientFault,
    RetryAdvice retry,
    Map<Os, List<String>> fixSteps,
    List<Cause> causes,
    String guideId) {

  public ErrorCode {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(longName, "longName");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(userMessage, "userMessage");
    Objects.requireNonNull(retry, "retry");
    fixSteps = Map.copyOf(fixSteps);
    causes = List.copyOf(causes);
    Objects.requireNonNull(guideId, "guideId");
  }

  /** {@code NET002_DnsResolutionFailed}. */
  public String qualifiedName() {
    return id + "_" + longName;
  }

  /** The cause with this id, if the code declares it. */
  public Optional<Cause> cause(String causeId) {
    return causes.stream().filter(c -> c.id().equals(causeId)).findFirst();
  }

  /** Fix steps for {@code os}; empty when none are written for it. */
  public List<String> fixStepsFor(Os os) {
    return fixSteps.getOrDefault(os, List.of());
  }
}
