package dev.netdoctor.core.classify.internal;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Renders a throwable's chain as text the {@link TextScanner} reads: one line per throwable, outermost first,
 * each suppressed exception after its owner and before its cause, so later means deeper. Superclass names are
 * written on a line of their own just above the class (an {@code HttpHostConnectException} is also a
 * {@code ConnectException}), so the class itself stays the deeper, preferred signal.
 */
public final class ThrowableText {
  /** At most this many throwables are rendered (chains can be cyclic or huge). */
  static final int MAX_THROWABLES = 64;
  private static final int MAX_MESSAGE = 8 * 1024;

  private ThrowableText() {}

  public static String render(Throwable failure) {
    StringBuilder out = new StringBuilder(256);
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    append(failure, out, seen);
    return out.toString();
  }

  private static void append(Throwable t, StringBuilder out, Set<Throwable> seen) {
    // Walk the cause chain iteratively; recurse only into suppressed lists.
    for (Throwable current = t; current != null && seen.size() < MAX_THROWABLES; current = current.getCause()) {
      if (!seen.add(current)) return;
      for (Class<?> c = current.getClass().getSuperclass(); c != null && !isRoot(c); c = c.getSuperclass()) {
        out.append(c.getName()).append('\n');
      }
      out.append(current.getClass().getName());
      String message = current.getMessage();
      if (message != null) {
        if (message.length() > MAX_MESSAGE) message = message.substring(0, MAX_MESSAGE);
        out.append(": ").append(message);
      }
      out.append('\n');
      for (Throwable suppressed : current.getSuppressed()) append(suppressed, out, seen);
    }
  }

  private static boolean isRoot(Class<?> c) {
    return c == Throwable.class || c == Exception.class || c == RuntimeException.class || c == Error.class
        || c == java.io.IOException.class || c == Object.class;
  }
}
