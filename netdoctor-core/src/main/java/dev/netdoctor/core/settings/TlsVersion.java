package dev.netdoctor.core.settings;

import java.util.Locale;
import java.util.Optional;

/**
 * A TLS protocol version as the settings file names it ({@code TLS12}, {@code TLS13}; seed 000's spelling).
 *
 * <p>{@link #parse} also accepts the .NET spelling ({@code Tls12}), the JDK's ({@code TLSv1.2}) and the bare
 * number ({@code 1.2}). TLS 1.0 and 1.1 are accepted so that a file naming them loads, but the loader warns: both
 * are disabled in current JDKs and by every AI provider.
 */
public enum TlsVersion {
  TLS10("TLSv1", "1.0"),
  TLS11("TLSv1.1", "1.1"),
  TLS12("TLSv1.2", "1.2"),
  TLS13("TLSv1.3", "1.3");

  private final String jdkName;
  private final String number;

  TlsVersion(String jdkName, String number) {
    this.jdkName = jdkName;
    this.number = number;
  }

  /** The protocol name {@code javax.net.ssl} uses ({@code TLSv1.2}). */
  public String jdkName() {
    return jdkName;
  }

  /** The settings-file spelling ({@code TLS12}). */
  public String settingsName() {
    return name();
  }

  /** The version for {@code name} in any accepted spelling; empty when it names no TLS version. */
  public static Optional<TlsVersion> parse(String name) {
    if (name == null) return Optional.empty();
    String n = name.trim().toUpperCase(Locale.ROOT).replace("_", "").replace(" ", "");
    for (TlsVersion v : values()) {
      if (n.equals(v.name())
          || n.equals(v.jdkName.toUpperCase(Locale.ROOT))
          || n.equals("TLS" + v.number)
          || n.equals("TLSV" + v.number)
          || n.equals(v.number)) {
        return Optional.of(v);
      }
    }
    if (n.equals("TLS1") || n.equals("TLSV1")) return Optional.of(TLS10);
    return Optional.empty();
  }

  /** Whether this version is at least {@code other}. */
  public boolean atLeast(TlsVersion other) {
    return compareTo(other) >= 0;
  }
}
