package dev.netdoctor.core.codes;

import java.util.Locale;

/** The operating systems that fix steps are written for. */
public enum Os {
  WINDOWS,
  MACOS,
  LINUX;

  /** The OS this JVM runs on; anything that is neither Windows nor macOS is treated as Linux. */
  public static Os current() {
    String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (name.startsWith("windows")) return WINDOWS;
    if (name.startsWith("mac") || name.contains("darwin")) return MACOS;
    return LINUX;
  }

  /** The key used for this OS in data files: {@code windows}, {@code macos}, {@code linux}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
