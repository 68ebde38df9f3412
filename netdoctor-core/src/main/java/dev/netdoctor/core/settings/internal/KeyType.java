package dev.netdoctor.core.settings.internal;

import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The type of one settings key: which JSON values it takes, how a text value (environment variable, system
 * property, override) is read, and the message when a value does not fit. Messages follow one pattern,
 * {@code expected <what>, got <value>}, and never show the value of a secret.
 */
abstract class KeyType {
  /** Marks "explicitly not set" (JSON {@code null} or an empty string for an optional key). */
  static final Object UNSET = new Object() {
    @Override
    public String toString() {
      return "UNSET";
    }
  };

  private static final Pattern USERINFO = Pattern.compile("(//[^/@\\s]*?):[^/@\\s]*@");
  private static final Pattern KEY_LIKE =
      Pattern.compile("(sk-ant-|sk-proj-|sk-|r8_|xi-|Bearer\\s+)[A-Za-z0-9_\\-.]{6,}");
  private static final int MAX_ECHO = 60;

  final String expectation;

  KeyType(String expectation) {
    this.expectation = expectation;
  }

  /** Whether values of this type must never appear in messages. */
  boolean secret() {
    return false;
  }

  /** Converts a value from the file. */
  abstract Object fromNode(Node node, Context ctx);

  /** Converts a value given as text. */
  abstract Object fromText(String text, Context ctx);

  /** What the converters need from outside. */
  record Context(Path userHome) {}

  // ---- messages ----

  Invalid wrong(Node node) {
    return new Invalid("expected " + expectation + ", got " + render(node));
  }

  Invalid wrongText(String text) {
    return new Invalid("expected " + expectation + ", got " + quote(text));
  }

  String render(Node node) {
    if (node instanceof Node.Obj) return "an object";
    if (node instanceof Node.Arr) return "a list";
    Node.Scalar s = (Node.Scalar) node;
    if (secret()) {
      switch (s.kind()) {
        case STRING: return "a string";
        case NULL: return "null";
        case TRUE: case FALSE: return "a boolean";
        default: return "a number";
      }
    }
    return s.kind() == Node.Kind.STRING ? quote(s.text()) : s.text();
  }

  String quote(String text) {
    if (secret()) return "a value (not shown)";
    return echo(text);
  }

  /** A value as it may appear in a message: quoted, shortened, credentials and key-like tokens masked. */
  static String echo(String text) {
    String t = USERINFO.matcher(text).replaceAll("$1:***@");
    t = KEY_LIKE.matcher(t).replaceAll("$1***");
    if (t.length() > MAX_ECHO) t = t.substring(0, MAX_ECHO) + "…";
    return "\"" + t.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r")
        .replace("\t", "\\t") + "\"";
  }

  // ---- scalar types ----

  /** A scalar read from one string form; JSON accepts only the listed token kinds. */
  abstract static class ScalarType extends KeyType {
    private final Set<Node.Kind> kinds;
    private final boolean optional;

    ScalarType(String expectation, boolean optional, Node.Kind... kinds) {
      super(expectation);
      this.kinds = Set.of(kinds);
      this.optional = optional;
    }

    abstract Object parse(String text, Context ctx);

    @Override
    Object fromNode(Node node, Context ctx) {
      if (node instanceof Node.Scalar s) {
        if (s.kind() == Node.Kind.NULL && optional) return UNSET;
        if (kinds.contains(s.kind())) {
          if (optional && s.kind() == Node.Kind.STRING && s.text().isBlank()) return UNSET;
          try {
            return parse(s.text(), ctx);
          } catch (Invalid e) {
            throw e;
          } catch (RuntimeException e) {
            throw wrong(node);
          }
        }
        if (s.kind() == Node.Kind.STRING && !secret() && parsesAsText(s.text(), ctx)) {
          throw new Invalid("expected " + expectation + ", got " + render(node) + " (write it without quotes)");
        }
      }
      throw wrong(node);
    }

    private boolean parsesAsText(String text, Context ctx) {
      try {
        parse(text.trim(), ctx);
        return !text.isBlank();
      } catch (RuntimeException e) {
        return false;
      }
    }

    @Override
    Object fromText(String text, Context ctx) {
      if (optional && text.isBlank()) return UNSET;
      try {
        return parse(text.trim(), ctx);
      } catch (Invalid e) {
        throw e;
      } catch (RuntimeException e) {
        throw wrongText(text);
      }
    }
  }

  /** A whole number in [min, max], converted by {@code unit}. */
}
