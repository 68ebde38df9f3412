package dev.netdoctor.cli;

import dev.netdoctor.cli.internal.Explanation;
import dev.netdoctor.cli.internal.ExplanationWriter;
import dev.netdoctor.cli.internal.HostExtractor;
import dev.netdoctor.cli.internal.Knowledge;
import dev.netdoctor.cli.internal.Redaction;
import dev.netdoctor.cli.internal.TextInput;
import dev.netdoctor.core.classify.Classification;
import dev.netdoctor.core.classify.Classifier;
import dev.netdoctor.core.codes.ErrorCode;
import dev.netdoctor.core.codes.Os;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code netdoctor explain}: a code, or an error text classified into one, with its cause, evidence, fix for
 * this OS, retry advice and guide. Exits 0 when it explained a code, 1 when the text was not recognised.
 */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    header = "Explain a code or an error text: cause, evidence, fix, retry advice and guide.",
    description =
        "Explains a code (NET002, NET002_DnsResolutionFailed, an alias such as AI101-NET-001) or "
            + "classifies an error text into one: the cause, the evidence, what to do on your OS, when to "
            + "retry and the guide to read. Give '-' to read the text from stdin (a whole pasted stack trace). "
            + "Secrets in the input are never echoed.",
    exitCodeListHeading = ExitCode.HELP_HEADING,
    exitCodeList = {
      " 0:explained: the code exists or the text was recognised",
      " 1:the text was not recognised",
      ExitCode.HELP_BAD_INPUT + ", unknown code",
      ExitCode.HELP_INTERNAL
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  netdoctor explain NET002",
      "  netdoctor explain NET002_DnsResolutionFailed --os all",
      "  netdoctor explain \"getaddrinfo ENOTFOUND api.openai.com\"",
      "  netdoctor explain \"curl: (60) SSL certificate problem: unable to get local issuer certificate\"",
      "  netdoctor explain - < stacktrace.txt",
      "  netdoctor explain --format markdown \"[Errno 8] nodename nor servname provided, or not known\"",
      ""
    })
public final class ExplainCommand implements Callable<Integer> {
  /** A code's shape: letters, three digits, optionally the long name (NET002, AUTH005, NET002_Dns...). */
  private static final Pattern CODE_SHAPE = Pattern.compile("(?i)[A-Z]{2,6}\\d{3}(_[A-Za-z]+)?");

  private final CliContext context;

  @Spec CommandSpec spec;

  @Mixin OutputOptions output;

  @Option(
      names = "--os",
      paramLabel = "OS",
      converter = OsChoice.Converter.class,
      description = "Fix steps for: windows, macos, linux or all (default: this machine's).")
  OsChoice os;

  @Parameters(
      arity = "1..*",
      paramLabel = "CODE|TEXT|-",
      description = "A code, an error text (several words are joined), or '-' for stdin.")
  List<String> input;

  ExplainCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Explanation explanation = explain();
    PrintWriter out = spec.commandLine().getOut();
    List<Os> systems = os == null ? List.of(Os.current()) : os.systems();
    ExplanationWriter writer = new ExplanationWriter(out, output.style(context), systems);
    switch (output.format()) {
      case JSON: writer.json(explanation); break;
      case MARKDOWN: writer.markdown(explanation); break;
      default: writer.text(explanation); break;
    }
    out.flush();
    return explanation.recognised() ? ExitCode.OK : ExitCode.PROBLEMS;
  }

  private Explanation explain() {
    String text = input.size() == 1 && input.get(0).equals("-")
        ? TextInput.read(context.stdin(), "stdin")
        : TextInput.check(String.join(" ", input), "the text to explain");
    String trimmed = text.strip();
    if (!trimmed.contains(" ") && !trimmed.contains("\n")) {
      Optional<ErrorCode> code = Knowledge.findCode(trimmed);
      if (code.isPresent()) return new Explanation(false, code.get(), null, guideTitle(code.get()), null);
      if (CODE_SHAPE.matcher(trimmed).matches()) {
        throw new BadInputException("unknown code '" + trimmed + "'; 'netdoctor kb search' finds codes by words");
      }
    }
    Classification c = Classifier.builtIn().classify(text);
    if (!c.recognised()) return new Explanation(true, null, c, null, null);
    ErrorCode code = Knowledge.findCode(c.code()).orElseThrow(
        () -> new IllegalStateException("the classifier answered " + c.code() + ", which the registry lacks"));
    String host = HostExtractor.find(text).orElse(null);
    return new Explanation(true, code, c, guideTitle(code), host == null ? null : Redaction.redact(host));
  }

  private static String guideTitle(ErrorCode code) {
    return Knowledge.guideTitle(code.guideId()).orElse(null);
  }

  /** The {@code --os} choice: one system or all. */
  enum OsChoice {
    WINDOWS, MACOS, LINUX, ALL;

    List<Os> systems() {
      return this == ALL ? Arrays.asList(Os.values()) : List.of(Os.valueOf(name()));
    }

    static final class Converter implements ITypeConverter<OsChoice> {
      @Override
      public OsChoice convert(String value) {
        for (OsChoice c : values()) {
          if (c.name().equalsIgnoreCase(value.trim())) return c;
        }
        throw new TypeConversionException("unknown OS '" + value + "'; expected windows, macos, linux or all");
      }
    }
  }
}
