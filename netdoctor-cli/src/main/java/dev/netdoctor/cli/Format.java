package dev.netdoctor.cli;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The output formats every command offers. */
public enum Format {
  /** For a person at a terminal; coloured only on a terminal and never under {@code NO_COLOR}. */
  TEXT,
  /** A stable JSON document for programs; never coloured. */
  JSON,
  /** A block to paste into a ticket or a chat; never coloured. */
  MARKDOWN;

  /** The name on the command line: {@code text}, {@code json}, {@code markdown}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code --format} case-insensitively, naming the accepted values when the value is wrong. */
  static final class Converter implements ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      for (Format f : values()) {
        if (f.key().equalsIgnoreCase(value.trim())) return f;
      }
      throw new TypeConversionException("unknown format '" + value + "'; expected text, json or markdown");
    }
  }

  /** The values {@code --help} lists. */
  static final class Names implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return List.of("text", "json", "markdown").iterator();
    }
  }
}
