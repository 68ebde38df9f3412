package dev.netdoctor.cli;

import dev.netdoctor.cli.internal.Style;
import picocli.CommandLine.Option;

/** The options every command shares: the output format and colour. Used as a picocli {@code @Mixin}. */
public final class OutputOptions {
  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      converter = Format.Converter.class,
      completionCandidates = Format.Names.class,
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format = Format.TEXT;

  @Option(names = "--no-color", description = "Never colour the output (as does the NO_COLOR variable).")
  boolean noColor;

  public Format format() {
    return format;
  }

  /** The style to print with: colour only for text, on a terminal, unless switched off. */
  public Style style(CliContext context) {
    boolean colour = format == Format.TEXT && !noColor && !context.noColorRequested() && context.stdoutIsTerminal();
    return colour ? Style.ANSI : Style.PLAIN;
  }
}
