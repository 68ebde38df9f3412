package dev.netdoctor.core.classify;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP answer to classify: status, headers and body, plus the provider when known.
 *
 * @param status the HTTP status code
 * @param headers response headers; names are matched case-insensitively
 * @param body the response body as text (may be empty, never null)
 * @param provider the provider id when known ({@code openai}, {@code anthropic}, ...), else {@code null}
 */
public record HttpFailure(int status, Map<String, List<String>> headers, String body, String provider) {
  public HttpFailure {
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (headers != null) headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    headers = copy;
    body = body == null ? "" : body;
  }

  public static HttpFailure of(int status, String body) {
    return new HttpFailure(status, Map.of(), body, null);
  }

  /** The first value of a header, case-insensitively. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    if (values == null) values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
