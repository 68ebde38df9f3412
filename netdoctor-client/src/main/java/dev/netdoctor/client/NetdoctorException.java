package dev.netdoctor.client;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Every failure of a {@link ProviderClient} call, classified into one stable code.
 *
 * <p>Contract: the message and every accessor are free of secrets (API keys, tokens, proxy passwords and
 * Authorization headers are masked before the exception is built); {@link #endpoint()} is the redacted URL.
 * {@link #code()} is a code of the core registry ({@code NET004}, {@code AUTH005}, ...) or {@code null} when the
 * classifier did not recognise the failure; {@link #getCause()} is the original exception, if any.
 */
public final class NetdoctorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String code;
  private final String causeId;
  private final String endpoint;
  private final int httpStatus;
  private final int attempts;
  private final boolean transientFault;
  private final transient List<String> fixSteps;
  private final boolean insecureTls;

  /** Built by the client only; applications read it. */
  public NetdoctorException(String message, Throwable cause, String code, String causeId, String endpoint,
      int httpStatus, int attempts, boolean transientFault, List<String> fixSteps, boolean insecureTls) {
    super(message, cause);
    this.code = code;
    this.causeId = causeId;
    this.endpoint = endpoint;
    this.httpStatus = httpStatus;
    this.attempts = attempts;
    this.transientFault = transientFault;
    this.fixSteps = List.copyOf(fixSteps);
    this.insecureTls = insecureTls;
  }

  /** The short code ({@code NET004}), or {@code null} when the failure was not recognised. */
  public String code() {
    return code;
  }

  /** The cause id within the code ({@code idle-stream}), when known. */
  public Optional<String> causeId() {
    return Optional.ofNullable(causeId);
  }

  /** The request URL with secrets masked. */
  public String endpoint() {
    return endpoint;
  }

  /** The HTTP status of the last answer, empty when no answer arrived. */
  public OptionalInt httpStatus() {
    return httpStatus > 0 ? OptionalInt.of(httpStatus) : OptionalInt.empty();
  }

  /** How many times the request was sent (1 = no retry; 0 = refused before sending). */
  public int attempts() {
    return attempts;
  }

  /** Whether the same request may succeed later without anyone changing anything. */
  public boolean isTransient() {
    return transientFault;
  }

  /** What to do, in order, for this machine's operating system. */
  public List<String> fixSteps() {
    return fixSteps;
  }

  /** Whether the client ran with {@code IgnoreSSLErrors} on, so certificate checks were disabled. */
  public boolean insecureTls() {
    return insecureTls;
  }
}
