package dev.netdoctor.core.settings.internal;

import dev.netdoctor.core.settings.LogLevel;
import dev.netdoctor.core.settings.Provider;
import dev.netdoctor.core.settings.ProviderKind;
import dev.netdoctor.core.settings.Secret;
import dev.netdoctor.core.settings.TlsVersion;
import dev.netdoctor.core.settings.internal.KeyType.Context;
import dev.netdoctor.core.settings.internal.KeyType.ScalarType;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The {@link KeyType}s of the settings keys: numbers with units and ranges, URLs, origins, TLS versions, lists. */
final class KeyTypes {
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private KeyTypes() {}

  static KeyType whole(String noun, long min, long max, java.util.function.LongFunction<Object> unit) {
    String what = noun + " from " + min + " to " + max;
    return new ScalarType(noun, false, Node.Kind.INTEGER, Node.Kind.DECIMAL) {
      @Override
      Object fromNode(Node node, Context ctx) {
        if (node instanceof Node.Scalar s && s.kind() == Node.Kind.DECIMAL) {
          throw new Invalid("expected " + noun + " (a whole number), got " + s.text());
        }
        return super.fromNode(node, ctx);
      }

      @Override
      Object parse(String text, Context ctx) {
        long v;
        try {
          v = Long.parseLong(text);
        } catch (NumberFormatException e) {
          throw new Invalid("expected " + noun + ", got " + (isNumber(text) ? text : quote(text)));
        }
        if (v < min || v > max) throw new Invalid("expected " + what + ", got " + v);
        return unit.apply(v);
      }
    };
  }

  private static boolean isNumber(String text) {
    try {
      Double.parseDouble(text);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  static KeyType millis(long min, long max) {
    return whole("a number of milliseconds", min, max, Duration::ofMillis);
  }

  static KeyType seconds(long min, long max) {
    return whole("a number of seconds", min, max, Duration::ofSeconds);
  }

  static KeyType minutes(long min, long max) {
    return whole("a number of minutes", min, max, Duration::ofMinutes);
  }

  static KeyType integer(long min, long max) {
    return whole("a whole number", min, max, v -> (int) v);
  }

  static KeyType decimal(double min, double max) {
    return new ScalarType("a number", false, Node.Kind.INTEGER, Node.Kind.DECIMAL) {
      @Override
      Object parse(String text, Context ctx) {
        double v;
        try {
          v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
          throw new Invalid("expected a number, got " + quote(text));
        }
        if (!(v >= min && v <= max)) {
          throw new Invalid("expected a number from " + trim(min) + " to " + trim(max) + ", got " + text);
        }
        return v;
      }
    };
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  static KeyType bool() {
    return new ScalarType("true or false", false, Node.Kind.TRUE, Node.Kind.FALSE) {
      @Override
      Object parse(String text, Context ctx) {
        if (text.equalsIgnoreCase("true")) return true;
        if (text.equalsIgnoreCase("false")) return false;
        throw wrongText(text);
      }
    };
  }

  /** An absolute URL with a host and one of {@code schemes}. */
  static KeyType url(boolean optional, String... schemes) {
    String names = Arrays.stream(schemes).collect(Collectors.joining(", ", "", ""));
    String expectation = "an absolute URL (" + names + ")";
    return new ScalarType(expectation, optional, Node.Kind.STRING) {
      @Override
      Object parse(String text, Context ctx) {
        return parseUrl(text, Set.of(schemes), this);
      }
    };
  }

  static URI parseUrl(String text, Set<String> schemes, KeyType type) {
    URI uri;
    try {
      uri = new URI(text.trim());
    } catch (URISyntaxException e) {
      throw new Invalid("expected " + type.expectation + ", got " + type.quote(text) + " (not a valid URL)",
          "malformed");
    }
    String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean hostAndPort = scheme != null && uri.getRawSchemeSpecificPart() != null
        && uri.getRawSchemeSpecificPart().matches("\\d+(/.*)?");
    if (scheme == null || hostAndPort || (scheme.contains(".") && !schemes.contains(scheme))) {
      String hostPart = text.trim().split("[:/]", 2)[0];
      String first = schemes.contains("socks5") || Provider.isLoopbackHost(hostPart) ? "http" : "https";
      throw new Invalid("expected " + type.expectation + ", got " + type.quote(text) + " (no scheme; write "
          + type.quote(first + "://" + text.trim()) + ")", "wrong-scheme");
    }
    if (!schemes.contains(scheme)) {
      throw new Invalid("expected " + type.expectation + ", got " + type.quote(text)
          + " (scheme " + scheme + " is not supported here)", "wrong-scheme");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new Invalid("expected " + type.expectation + ", got " + type.quote(text) + " (no host name)",
          "malformed");
    }
    return uri;
  }

  static KeyType string(boolean optional) {
    return new ScalarType("a string", optional, Node.Kind.STRING) {
      @Override
      Object parse(String text, Context ctx) {
        return text;
      }
    };
  }

  static KeyType secretString() {
    return new ScalarType("a string", true, Node.Kind.STRING) {
      @Override
      boolean secret() {
        return true;
      }

      @Override
      Object parse(String text, Context ctx) {
        return Secret.of(text);
      }
    };
  }

  static KeyType environmentVariableName() {
    return new ScalarType("an environment variable name such as OPENAI_API_KEY", false, Node.Kind.STRING) {
      @Override
      Object parse(String text, Context ctx) {
        if (text.isEmpty()) return "";
        if (!ENV_NAME.matcher(text).matches()) throw wrongText(text);
        return text;
      }
    };
  }

  static KeyType path() {
    return new ScalarType("a file or directory path", true, Node.Kind.STRING) {
      @Override
      Object parse(String text, Context ctx) {
        try {
          if (text.equals("~")) return ctx.userHome();
          if (text.startsWith("~/") || text.startsWith("~\\")) return ctx.userHome().resolve(text.substring(2));
          return Path.of(text);
        } catch (InvalidPathException e) {
          throw new Invalid("expected " + expectation + ", got " + quote(text) + " (not a valid path here)");
        }
      }
    };
  }

  static KeyType tlsVersion() {
    return new ScalarType("a TLS version (TLS12 or TLS13)", false, Node.Kind.STRING) {
      @Override
      Object parse(String text, Context ctx) {
        return TlsVersion.parse(text).orElseThrow(() -> new Invalid("unknown TLS version " + quote(text)
            + "; expected one of TLS12, TLS13 (TLS10 and TLS11 are accepted but insecure)"));
      }
    };
  }

  static KeyType providerKind() {
    String all = Arrays.stream(ProviderKind.values()).map(ProviderKind::settingsName)
        .collect(Collectors.joining(", "));
    return new ScalarType("one of " + all, false, Node.Kind.STRING) {
      @Override
      Object parse(String text, Context ctx) {
        return ProviderKind.parse(text).orElseThrow(() -> new Invalid("unknown provider Type " + quote(text)
            + "; expected one of " + all));
      }
    };
  }

  static KeyType logLevel() {
    String all = Arrays.stream(LogLevel.values()).map(LogLevel::settingsName).collect(Collectors.joining(", "));
    return new ScalarType("a log level", false, Node.Kind.STRING) {
      @Override
      Object parse(String text, Context ctx) {
        return LogLevel.parse(text).orElseThrow(() -> new Invalid("unknown log level " + quote(text)
            + "; expected one of " + all));
      }
    };
  }

  static KeyType name() {
    return new ScalarType("a provider name", false, Node.Kind.STRING) {
      @Override
      Object parse(String text, Context ctx) {
        if (text.isBlank()) throw wrongText(text);
        return text.trim();
      }
    };
  }

  // ---- list elements ----

  /** A {@code NO_PROXY}-style bypass entry. */
  static KeyType bypassEntry() {
    return new ScalarType("a host name, IP address, CIDR block or *", false, Node.Kind.STRING) {
      @Override
      Object parse(String text, Context ctx) {
        String t = text.trim();
        if (t.isEmpty() || t.chars().anyMatch(Character::isWhitespace)) throw wrongText(text);
        if (t.contains("/") && HostPattern.parse(t).isEmpty()) {
          throw new Invalid("expected " + expectation + ", got " + quote(text) + " (not a valid CIDR block)");
        }
        return t;
      }
    };
  }

  /** A CORS origin: {@code scheme://host[:port]}, nothing after. {@code app://.} (Electron) is allowed. */
  static KeyType origin() {
    return new ScalarType("an origin such as http://localhost:5173 (scheme://host[:port])", false,
        Node.Kind.STRING) {
      @Override
      Object parse(String text, Context ctx) {
        if (text.equals("app://.") || text.equals("*")) return text;
        URI uri;
        try {
          uri = new URI(text);
        } catch (URISyntaxException e) {
          throw new Invalid("expected " + expectation + ", got " + quote(text) + " (not a valid URL)",
              "missing-scheme");
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
          throw new Invalid("expected " + expectation + ", got " + quote(text) + " (no scheme or host)",
              "missing-scheme");
        }
        if (text.endsWith("/")) {
          throw new Invalid("expected " + expectation + ", got " + quote(text)
              + " (remove the trailing slash: browsers send origins without one)", "trailing-slash");
        }
        if ((uri.getRawPath() != null && !uri.getRawPath().isEmpty()) || uri.getRawQuery() != null
            || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
          throw new Invalid("expected " + expectation + ", got " + quote(text)
              + " (an origin has no path, query or user name)", "path");
        }
        return text;
      }
    };
  }

  /** A resolver address: an IP literal with an optional port ({@code 1.1.1.1}, {@code 1.1.1.1:53}, {@code [::1]:53}). */
  static KeyType dnsServer() {
    return new ScalarType("an IP address with an optional port, e.g. 1.1.1.1 or [2606:4700::1111]:53", false,
        Node.Kind.STRING) {
      @Override
      Object parse(String text, Context ctx) {
        String t = text.trim();
        String host = t;
        String port = null;
        if (t.startsWith("[")) {
          int end = t.indexOf(']');
          if (end < 0) throw wrongText(text);
          host = t.substring(1, end);
          if (end + 1 < t.length()) {
            if (t.charAt(end + 1) != ':') throw wrongText(text);
            port = t.substring(end + 2);
          }
        } else if (t.indexOf(':') >= 0 && t.indexOf(':') == t.lastIndexOf(':')) {
          host = t.substring(0, t.indexOf(':'));
          port = t.substring(t.indexOf(':') + 1);
        }
        if (!HostPattern.isIpLiteral(host)) throw wrongText(text);
        if (port != null) {
          try {
            int p = Integer.parseInt(port);
            if (p < 1 || p > 65535) throw wrongText(text);
          } catch (NumberFormatException e) {
            throw wrongText(text);
          }
        }
        return t;
      }
    };
  }

  /** A JSON list of {@code element}s, or comma-separated text. */
  static KeyType list(KeyType element, String noun) {
    return new KeyType("a list of " + noun) {
      @Override
      Object fromNode(Node node, Context ctx) {
        if (!(node instanceof Node.Arr arr)) throw wrong(node);
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < arr.items().size(); i++) {
          Node item = arr.items().get(i);
          try {
            out.add(element.fromNode(item, ctx));
          } catch (Invalid e) {
            throw new Invalid(e.getMessage(), item, "[" + i + "]", e.hint);
          }
        }
        return List.copyOf(out);
      }

      @Override
      Object fromText(String text, Context ctx) {
        List<Object> out = new ArrayList<>();
        if (text.isBlank()) return List.of();
        String[] parts = text.split(",");
        for (int i = 0; i < parts.length; i++) {
          try {
            out.add(element.fromText(parts[i].trim(), ctx));
          } catch (Invalid e) {
            throw new Invalid(e.getMessage(), null, "[" + i + "]", e.hint);
          }
        }
        return List.copyOf(out);
      }
    };
  }

}
