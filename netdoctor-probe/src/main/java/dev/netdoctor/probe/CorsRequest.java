package dev.netdoctor.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The cross-origin request the frontend makes, whose preflight the CORS check sends: its method, the request
 * headers a browser lists in {@code Access-Control-Request-Headers}, and whether it is sent with credentials
 * ({@code fetch(..., {credentials: "include"})}). Seed 000's settings name only the origins, so these come from
 * {@code netdoctor doctor --cors-method/--cors-header/--cors-credentials}; {@link #DEFAULT} is a JSON
 * {@code POST} with a bearer token and no cookies.
 *
 * @param method the method, as sent (methods compare case-sensitively, as in browsers)
 * @param headers header names, lower-cased, without duplicates, in the order given
 * @param credentials whether the request carries cookies or HTTP authentication
 */
public record CorsRequest(String method, List<String> headers, boolean credentials) {
  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  /** {@code POST} with {@code content-type} and {@code authorization}, no credentials. */
  public static final CorsRequest DEFAULT = new CorsRequest("POST", List.of("content-type", "authorization"), false);

  /**
   * @throws IllegalArgumentException naming the bad method or header
   */
  public CorsRequest {
    if (method == null || !TOKEN.matcher(method).matches()) {
      throw new IllegalArgumentException("CORS method '" + method + "' is not an HTTP method name");
    }
    List<String> names = new ArrayList<>();
    for (String h : headers) {
      if (h == null || !TOKEN.matcher(h.trim()).matches()) {
        throw new IllegalArgumentException("CORS request header '" + h + "' is not an HTTP header name");
      }
      String lower = h.trim().toLowerCase(Locale.ROOT);
      if (!names.contains(lower)) names.add(lower);
    }
    headers = List.copyOf(names);
  }
}
