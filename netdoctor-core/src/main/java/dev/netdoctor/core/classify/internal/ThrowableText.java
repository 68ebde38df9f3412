package dev.netdoctor.core.classify.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Renders a throwable's cause chain as text the {@link TextScanner} reads, the way Java prints it: outermost
 * first, each cause after {@code Caused by:}, so later means deeper. Superclass names are written on the line above the class (an
 * {@code HttpHostConnectException} is also a {@code ConnectException}), so types match through inheritance.
 */
public final class ThrowableText {
  /** At most this many throwables are rendered (chains can be cyclic or huge). */
  static final int MAX_THROWABLES = 64;
  private static final int MAX_MESSAGE = 8 * 1024;

  private ThrowableText() {}

  /** The cause chain of {@code failure} (suppressed exceptions left out). */
  public static String render(Throwable failure) {
    StringBuilder out = new StringBuilder(256);
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    String prefix = "";
    for (Throwable current = failure; current != null && seen.size() < MAX_THROWABLES;
        current = current.getCause()) {
      if (!seen.add(current)) break;
      out.append(prefix);
      prefix = "Caused by: ";
      for (Class<?> c = current.getClass().getSuperclass(); c != null && !isRoot(c); c = c.getSuperclass()) {
        out.append(c.getName()).append(' ');
      }
      out.append('\n').append(current.getClass().getName());
      String message = current.getMessage();
      if (message != null) {
        if (message.length() > MAX_MESSAGE) message = message.substring(0, MAX_MESSAGE);
        out.append(": ").append(message);
      }
      out.append('\n');
    }
    return out.toString();
  }

  /**
   * The exceptions suppressed anywhere along the cause chain of {@code failure}, outermost first. They are side
   * failures (a close that failed too, another route tried), consulted only when the chain itself says nothing.
   */
  public static List<Throwable> suppressed(Throwable failure) {
    List<Throwable> out = new ArrayList<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable current = failure; current != null && seen.add(current) && seen.size() < MAX_THROWABLES;
        current = current.getCause()) {
      for (Throwable s : current.getSuppressed()) {
        if (out.size() < MAX_THROWABLES) out.add(s);
      }
    }
    return out;
  }

  private static boolean isRoot(Class<?> c) {
    return c == Throwable.class || c == Exception.class || c == RuntimeException.class || c == Error.class
        || c == java.io.IOException.class || c == Object.class;
  }
}
