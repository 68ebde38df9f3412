package dev.netdoctor.cli.internal;

/**
 * The one place CLI output goes through redaction: every text taken from the user's input or logs passes here
 * before it is printed.
 */
public final class Redaction {
  private Redaction() {}

  public static String redact(String text) {
    if (text == null) return null;
    return Interim.redact(text);
  }

  /**
   * Interim masking until the core Redactor lands: API keys (sk-..., sk-ant-..., r8_...), Bearer tokens,
   * passwords in URLs and secret header values. Replaced by a call to the core Redactor.
   */
  private static final class Interim {
    private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile(
        "(?i)\\b(sk-(?:ant-|proj-)?[A-Za-z0-9_-]{8,}|r8_[A-Za-z0-9]{8,})");
    private static final java.util.regex.Pattern BEARER = java.util.regex.Pattern.compile(
        "(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]{8,}");
    private static final java.util.regex.Pattern URL_PASSWORD = java.util.regex.Pattern.compile(
        "([a-z][a-z0-9+.-]*://[^:@/\\s]+:)[^@/\\s]+@");
    private static final java.util.regex.Pattern HEADER = java.util.regex.Pattern.compile(
        "(?i)((?:proxy-)?authorization|x-api-key|xi-api-key|api[-_]key)([\"']?\\s*[:=]\\s*[\"']?)[^\"'\\s,}]+");

    static String redact(String s) {
      s = URL_PASSWORD.matcher(s).replaceAll("$1****@");
      s = BEARER.matcher(s).replaceAll("$1****");
      s = HEADER.matcher(s).replaceAll("$1$2****");
      return KEY.matcher(s).replaceAll("****");
    }
  }
}
