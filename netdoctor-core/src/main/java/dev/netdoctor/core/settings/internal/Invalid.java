package dev.netdoctor.core.settings.internal;

/**
 * A value that does not fit its key. {@code at} and {@code suffix} locate a list element when non-null;
 * {@code hint} is a cause id the binder may use ({@code malformed}, {@code wrong-scheme}, {@code trailing-slash},
 * {@code path}, {@code missing-scheme}), or null.
 */
final class Invalid extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final transient Node at;
  final String suffix;
  final String hint;

  Invalid(String message) {
    this(message, null, "", null);
  }

  Invalid(String message, String hint) {
    this(message, null, "", hint);
  }

  Invalid(String message, Node at, String suffix, String hint) {
    super(message, null, false, false);
    this.at = at;
    this.suffix = suffix;
    this.hint = hint;
  }
}
