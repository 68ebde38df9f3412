package dev.netdoctor.client.internal;

import java.io.IOException;

/**
 * A failure the client itself decided (queue full, offline, breaker open, a wait over the cap). It travels
 * through OkHttp's chain as an {@link IOException} and becomes a {@code NetdoctorException} with exactly this
 * code; the classifier is not asked because nothing needs recognising. The message never carries a secret.
 */
public final class ClientFailure extends IOException {
  private static final long serialVersionUID = 1L;

  private final String code;
  private final String causeId;
  private final int status;

  public ClientFailure(String code, String causeId, int status, String message) {
    super(message);
    this.code = code;
    this.causeId = causeId;
    this.status = status;
  }

  public String code() {
    return code;
  }

  public String causeId() {
    return causeId;
  }

  /** The HTTP status involved, 0 when none. */
  public int status() {
    return status;
  }
}
