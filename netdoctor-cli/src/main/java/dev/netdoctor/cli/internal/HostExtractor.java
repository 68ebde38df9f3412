package dev.netdoctor.cli.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the host a failing line was about, from the shapes libraries print it in: curl's
 * {@code Could not resolve host: X} and {@code Failed to connect to X port N}, Node's
 * {@code getaddrinfo ENOTFOUND X}, Go's {@code lookup X ... no such host}, Java's
 * {@code UnknownHostException: X}, {@code host=X} / {@code host='X'}, {@code to X:443}, a URL, and .NET's
 * {@code (X:443)}. The most specific shape wins. Credentials in a URL are never part of the answer.
 */
public final class HostExtractor {
  private static final String NAME = "(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*)";

  /** A shape: a literal that must occur (checked first, cheaply) and the pattern whose group 1 is the host. */
  private record Shape(String guard, Pattern pattern) {}

  private static final List<Shape> SHAPES = List.of(
      new Shape("Could not resolve ", Pattern.compile("Could not resolve (?:host|proxy): " + NAME)),
      new Shape(" E", Pattern.compile(
          "(?:getaddrinfo|connect|querySrv|queryA|queryAaaa) (?:ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT"
              + "|EHOSTUNREACH|ENETUNREACH) " + NAME)),
      new Shape("lookup ", Pattern.compile("lookup " + NAME + "(?: on |: )")),
      new Shape("UnknownHostException: ", Pattern.compile("UnknownHostException: " + NAME)),
      new Shape(null, Pattern.compile("(?i)\\bhost(?:name)?\\s*[=:]\\s*['\"]?" + NAME)),
      new Shape(null, Pattern.compile("(?i)connect to " + NAME + "(?: port \\d+|/|:\\d+)")),
      new Shape("to ", Pattern.compile("\\bto " + NAME + ":\\d+")),
      new Shape("://", Pattern.compile("(?i)\\b(?:https?|wss?)://(?:[^@/\\s]*@)?" + NAME)),
      new Shape("(", Pattern.compile("\\(" + NAME + ":\\d+\\)")));

  private HostExtractor() {}

  /** The host the line names, lower-cased; empty when it names none. */
  public static Optional<String> find(String line) {
    String lower = null;
    for (Shape shape : SHAPES) {
      if (shape.guard() != null && !line.contains(shape.guard())) continue;
      if (shape.guard() == null) {
        if (lower == null) lower = line.toLowerCase(Locale.ROOT);
        if (!lower.contains("host") && !lower.contains("connect to ")) continue;
      }
      Matcher m = shape.pattern().matcher(line);
      if (m.find()) {
        String host = m.group(1).toLowerCase(Locale.ROOT);
        if (looksLikeHost(host)) return Optional.of(host);
      }
    }
    return Optional.empty();
  }

  /** A dotted name, an IP literal or localhost; not a bare word such as "is" or "port". */
  private static boolean looksLikeHost(String s) {
    return s.indexOf('.') > 0 || s.startsWith("[") || s.equals("localhost");
  }
}
