package dev.netdoctor.core.classify.internal;

import java.util.Locale;

/**
 * The sort of signal a rule recognises. Structural kinds carry more weight than phrases: {@link #strength} orders
 * hits of the same layer and priority, {@link #confidence} is the base confidence of a classification it decides.
 */
public enum Kind {
  PROVIDER_ERROR("provider-error", 6, 0.95),
  EXCEPTION_TYPE("exception-type", 5, 0.9),
  ERRNO("errno", 5, 0.9),
  ERROR_CODE("error-code", 5, 0.9),
  CURL_EXIT("curl-exit", 5, 0.9),
  HTTP_STATUS("http-status", 4, 0.85),
  HEADER("header", 3, 0.8),
  PHRASE("phrase", 2, 0.7);

  private final String id;
  private final int strength;
  private final double confidence;

  Kind(String id, int strength, double confidence) {
    this.id = id;
    this.strength = strength;
    this.confidence = confidence;
  }

  public String id() {
    return id;
  }

  public int strength() {
    return strength;
  }

  public double confidence() {
    return confidence;
  }

  /** The kind for a data-file id such as {@code exception-type}; null when unknown. */
  public static Kind fromId(String id) {
    String wanted = id.toLowerCase(Locale.ROOT);
    for (Kind kind : values()) {
      if (kind.id.equals(wanted)) return kind;
    }
    return null;
  }
}
