package dev.netdoctor.core.codes.internal;

import dev.netdoctor.core.codes.Cause;
import dev.netdoctor.core.codes.CodeRegistry;
import dev.netdoctor.core.codes.ErrorCode;
import dev.netdoctor.core.codes.RetryWhen;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Renders the code registry as the Markdown reference kept in {@code docs/codes.md}.
 *
 * <p>The output is a pure function of the registry: the same registry always renders byte-for-byte the same text
 * (LF line endings), so a test can compare the checked-in file with a fresh rendering.
 */
public final class CodeTableMarkdown {
  private CodeTableMarkdown() {}

  /** The complete {@code docs/codes.md} text for {@code registry}. */
  public static String render(CodeRegistry registry) {
    StringBuilder out = new StringBuilder();
    out.append("<!-- Generated from netdoctor-core/src/main/resources/netdoctor/codes.json. Do not edit by hand:\n")
        .append("     change codes.json, then run\n")
        .append("     ./mvnw -q -B -pl netdoctor-core test -Dtest=CodesDocTest -Dnetdoctor.updateDocs=true -->\n\n");
    out.append("# Error codes\n\n")
        .append("Every failure netdoctor reports carries one of these codes. The long form (`NET002_DnsResolutionFailed`)")
        .append(" is accepted wherever a code is. A code's *cause* says which of its distinct reasons applied.\n\n")
        .append("Retry advice: **wait and retry** (a hiccup: 30–60 s, or what the server asked for); **fix then retry**")
        .append(" (something local must change first); **ask the administrator** (firewall or proxy policy);")
        .append(" **check the status page** (the provider is failing); **do not retry** (the same request cannot succeed).\n\n");

    out.append("| code | long name | category | transient | retry | causes | guide |\n")
        .append("|---|---|---|---|---|---|---|\n");
    for (ErrorCode code : registry.all()) {
      out.append("| ").append(code.id())
          .append(" | ").append(code.longName())
          .append(" | ").append(code.category())
          .append(" | ").append(code.transientFault() ? "yes" : "no")
          .append(" | ").append(words(code.retry().when()))
          .append(" | ").append(code.causes().isEmpty() ? "—"
              : code.causes().stream().map(c -> "`" + c.id() + "`").collect(Collectors.joining(", ")))
          .append(" | ").append(code.guideId())
          .append(" |\n");
    }

    out.append("\n## Messages and advice\n\n")
        .append("Words in angle brackets (`<url>`, `<host>`, `<name>`, `<X>` ...) are filled in with the details of the")
        .append(" failure.\n");
    for (ErrorCode code : registry.all()) {
      out.append("\n### ").append(code.id()).append(" ").append(code.longName()).append("\n\n")
          .append("**").append(cell(code.title())).append("** — `").append(code.userMessage()).append("`\n\n")
          .append("Retry (").append(words(code.retry().when())).append("): ").append(text(code.retry().text()))
          .append("\n");
      if (!code.causes().isEmpty()) {
        out.append("\n| cause | meaning |\n|---|---|\n");
        for (Cause cause : code.causes()) {
          out.append("| `").append(cause.id()).append("` | ").append(cell(cause.description())).append(" |\n");
        }
      }
    }
    return out.toString();
  }

  private static String words(RetryWhen when) {
    return when.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** Prose for Markdown: angle brackets of placeholders such as {@code <Name>} must not read as HTML tags. */
  private static String text(String prose) {
    return prose.replace("<", "&lt;").replace(">", "&gt;").replace("\n", " ");
  }

  private static String cell(String prose) {
    return text(prose).replace("|", "\\|");
  }
}
