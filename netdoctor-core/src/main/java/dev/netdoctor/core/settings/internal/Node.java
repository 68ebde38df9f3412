package dev.netdoctor.core.settings.internal;

import java.util.List;

/** A JSON value with the 1-based line and column where it starts in the settings file. */
public sealed interface Node permits Node.Obj, Node.Arr, Node.Scalar {
  int line();

  int column();

  /** An object; fields in file order, duplicates kept (the binder warns about them). */
  record Obj(int line, int column, List<Field> fields) implements Node {}

  /** One {@code "name": value} pair; line and column are the name's. */
  record Field(String name, int line, int column, Node value) {}

  record Arr(int line, int column, List<Node> items) implements Node {}

  /** A string, number, boolean or null; {@code text} is the token as written (numbers) or the decoded string. */
  record Scalar(Kind kind, String text, int line, int column) implements Node {}

  enum Kind { STRING, INTEGER, DECIMAL, TRUE, FALSE, NULL }
}
