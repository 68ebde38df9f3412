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

  private static final List<Pattern> SHAPES = List.of(
      Pattern.compile("Could not resolve (?:host|proxy): " + NAME),
      Pattern.compile("(?:getaddrinfo|connect|querySrv|queryA|queryAaaa) (?:ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH) " + NAME),
      Pattern.compile("lookup " + NAME + "(?: on |: )"),
      Pattern.compile("UnknownHostException: " + NAME),
      Pattern.compile("(?i)\\bhost(?:name)?\\s*[=:]\\s*['\"]?" + NAME),
      Pattern.compile("(?i)connect to " + NAME + "(?: port \\d+|/|:\\d+)"),
      Pattern.compile("\\bto " + NAME + ":\\d+"),
      Pattern.compile("(?i)\\b(?:https?|wss?)://(?:[^@/\\s]*@)?" + NAME),
      Pattern.compile("\\(" + NAME + ":\\d+\\)"));

  private HostExtractor() {}

  /** The host the line names, lower-cased; empty when it names none. */
  public static Optional<String> find(String line) {
    for (Pattern shape : SHAPES) {
      Matcher m = shape.matcher(line);
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
