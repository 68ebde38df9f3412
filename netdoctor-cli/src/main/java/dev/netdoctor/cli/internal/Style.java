package dev.netdoctor.cli.internal;

/** Terminal emphasis; {@link #PLAIN} returns its input unchanged. */
public enum Style {
  PLAIN,
  ANSI;

  public String bold(String s) {
    return wrap("1", s);
  }

  public String red(String s) {
    return wrap("31", s);
  }

  public String green(String s) {
    return wrap("32", s);
  }

  public String yellow(String s) {
    return wrap("33", s);
  }

  public String dim(String s) {
    return wrap("2", s);
  }

  private String wrap(String sgr, String s) {
    return this == PLAIN || s.isEmpty() ? s : "\u001b[" + sgr + "m" + s + "\u001b[0m";
  }
}
