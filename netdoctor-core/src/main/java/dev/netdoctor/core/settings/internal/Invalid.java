package dev.netdoctor.core.settings.internal;

/** A value that does not fit its key; {@code at} and {@code suffix} locate a list element when non-null. */
final class Invalid extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final transient Node at;
  final String suffix;

  Invalid(String message) {
    this(message, null, "");
  }

  Invalid(String message, Node at, String suffix) {
    super(message, null, false, false);
    this.at = at;
    this.suffix = suffix;
  }
}
