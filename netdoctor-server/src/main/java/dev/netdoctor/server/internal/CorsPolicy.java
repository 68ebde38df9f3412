package dev.netdoctor.server.internal;

import java.util.List;
import java.util.Set;

/**
 * {@code Cors.AllowedOrigins} applied as seed 000 describes: an origin is allowed only when it equals one of the
 * configured origins exactly (scheme, host and port; no trailing slash, no wildcard, no prefix match). Allowed
 * origins are echoed back one at a time with {@code Vary: Origin}, never as {@code *}.
 */
public final class CorsPolicy {
  /** The methods the API answers. */
  public static final String METHODS = "GET, OPTIONS";
  /** The request headers a page may send: the token, and what fetch adds for JSON. */
  public static final String HEADERS = "Authorization, Content-Type";
  /** How long a browser may cache a preflight answer, in seconds. */
  public static final String MAX_AGE = "600";

  private final Set<String> allowed;

  public CorsPolicy(List<String> allowedOrigins) {
    this.allowed = Set.copyOf(allowedOrigins);
  }

  public boolean allows(String origin) {
    return origin != null && allowed.contains(origin);
  }

  /**
   * Whether a preflight may go ahead: the origin is allowed, the method is one we answer, and every requested
   * header is one we accept (names compared ignoring case, as HTTP header names are).
   */
  public boolean allowsPreflight(String origin, String method, String requestHeaders) {
    if (!allows(origin) || method == null || !(method.equals("GET") || method.equals("HEAD"))) return false;
    if (requestHeaders == null || requestHeaders.isBlank()) return true;
    for (String h : requestHeaders.split(",")) {
      String name = h.trim();
      if (!name.isEmpty() && !name.equalsIgnoreCase("authorization") && !name.equalsIgnoreCase("content-type")) {
        return false;
      }
    }
    return true;
  }
}
