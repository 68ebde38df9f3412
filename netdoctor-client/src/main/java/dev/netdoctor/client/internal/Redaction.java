package dev.netdoctor.client.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import dev.netdoctor.core.redact.Redactor;
import okhttp3.HttpUrl;

/**
 * Masks secrets in what the client logs or puts in exception messages. Three layers: the exact values the
 * client was configured with (API keys, proxy password) are always replaced; header values are masked by
 * header name; URLs lose user information and the values of key-like query parameters; free text goes through
 * core's {@link Redactor} (API keys, Bearer tokens, credentials in URLs and bodies). Thread-safe and immutable.
 */
public final class Redaction {
  public static final String MASK = Redactor.MASK;

  private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "x-api-key",
      "xi-api-key", "api-key", "x-goog-api-key", "cookie", "set-cookie", "openai-organization");
  private static final Set<String> SECRET_PARAMS = Set.of("key", "api_key", "apikey", "api-key", "token",
      "access_token", "auth", "password", "secret", "sig", "signature");
  private final List<String> known;

  private Redaction(List<String> known) {
    this.known = known;
  }

  /** A redaction that also replaces each of {@code secrets} (blank values are ignored), longest first. */
  public static Redaction of(List<String> secrets) {
    List<String> k = new ArrayList<>();
    for (String s : secrets) if (s != null && s.length() >= 4) k.add(s);
    k.sort(Comparator.comparingInt(String::length).reversed());
    return new Redaction(List.copyOf(k));
  }

  /** Whether a header's value must never be shown. */
  public static boolean isSecretHeader(String name) {
    return SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT));
  }

  /** The URL without user information and with key-like query values masked. */
  public String url(HttpUrl url) {
    HttpUrl.Builder b = url.newBuilder().username("").password("");
    for (String name : url.queryParameterNames()) {
      if (SECRET_PARAMS.contains(name.toLowerCase(Locale.ROOT))) b.setQueryParameter(name, MASK);
    }
    return text(b.build().toString());
  }

  /** A header value as it may be shown. */
  public String header(String name, String value) {
    return isSecretHeader(name) ? MASK : text(value);
  }

  /** Free text with every known secret and every key-like token masked (core's {@link Redactor}). */
  public String text(String s) {
    if (s == null) return null;
    String out = s;
    for (String secret : known) out = out.replace(secret, MASK);
    return Redactor.redact(out);
  }
}
