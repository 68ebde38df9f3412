package dev.netdoctor.core.kb.internal;

import java.util.regex.Pattern;

/**
 * What an application's own error code looks like: a product prefix that starts with a letter, an area in
 * letters and a number, joined by {@code -} ({@code AI101-NET-001}, {@code APP-DNS-12}). Guides may list such
 * codes in {@code errorCodes}; they become aliases of the first registry code of the same guide.
 */
public final class AliasShape {
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z][A-Za-z0-9]*-[A-Za-z]+-[0-9]+");

  /** A sample for messages. */
  public static final String EXAMPLE = "AI101-NET-001";

  private AliasShape() {}

  public static boolean matches(String code) {
    return SHAPE.matcher(code).matches();
  }
}
