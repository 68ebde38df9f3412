package dev.netdoctor.cli.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.netdoctor.core.classify.Classification;
import dev.netdoctor.core.classify.Evidence;
import dev.netdoctor.core.codes.Cause;
import dev.netdoctor.core.codes.ErrorCode;
import dev.netdoctor.core.codes.Os;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Prints an {@link Explanation} as text, Markdown or JSON. Every string that came from the user's input
 * (evidence) passes through {@link Redaction}.
 *
 * <p>The JSON object always has the same keys, {@code null} where a value does not apply: {@code recognised},
 * {@code input} ({@code "code"} or {@code "text"}), {@code code}, {@code qualifiedName}, {@code category},
 * {@code title}, {@code message}, {@code transient}, {@code cause} ({@code {id,title}}), {@code confidence},
 * {@code evidence} ([{kind,matched,rule}]), {@code context} ([{code,cause,confidence}]), {@code causes}
 * ([{id,title,description}]), {@code fix} ({os: [steps]} for the chosen systems), {@code retry}
 * ({when,text}), {@code guide} ({id,title}), {@code hint}.
 */
public final class ExplanationWriter {
  private final PrintWriter out;
  private final Style style;
  private final List<Os> systems;

  public ExplanationWriter(PrintWriter out, Style style, List<Os> systems) {
    this.out = out;
    this.style = style;
    this.systems = systems;
  }

  /** The line shown when text is not recognised. */
  public static final String NOT_RECOGNISED_HINT =
      "No rule recognises this text. Try 'netdoctor kb search <words from the error>', or paste the whole"
          + " error with its stack trace ('netdoctor explain -').";

  public void text(Explanation e) {
    if (!e.recognised()) {
      out.println(style.yellow("Not recognised.") + " " + NOT_RECOGNISED_HINT);
      return;
    }
    ErrorCode code = e.code();
    out.println(style.bold(code.id()) + " " + style.dim(code.longName()) + "  " + style.bold(code.title()));
    Optional<Classification> c = e.classified();
    c.flatMap(Classification::causeId).ifPresent(id -> out.println("Cause:      " + id + causeTitle(code, id, ": ")));
    c.ifPresent(cl -> out.println("Confidence: " + percent(cl.confidence())));
    c.ifPresent(cl -> cl.evidence().forEach(ev -> out.println("Evidence:   " + describe(ev))));
    c.ifPresent(cl -> cl.context().forEach(ctx -> out.println("Also seen:  " + describe(ctx))));
    out.println();
    out.println(e.message());
    if (!e.fromText() && !code.causes().isEmpty()) {
      out.println();
      out.println(style.bold("Possible causes:"));
      for (Cause cause : code.causes()) out.println("  - " + cause.id() + ": " + cause.title());
    }
    for (Os os : systems) {
      out.println();
      out.println(style.bold("What to do (" + osName(os) + "):"));
      List<String> steps = e.fixSteps(os);
      if (steps.isEmpty()) out.println("  See the guide below.");
      for (int i = 0; i < steps.size(); i++) out.println("  " + (i + 1) + ". " + steps.get(i));
    }
    out.println();
    out.println(style.bold("When to retry: ") + code.retry().text() + style.dim(" [" + code.retry().when() + "]"));
    out.println(style.bold("Guide: ") + code.guideId() + (e.guideTitle() == null ? "" : " — " + e.guideTitle())
        + style.dim("  (netdoctor kb show " + code.guideId() + ")"));
  }

  public void markdown(Explanation e) {
    if (!e.recognised()) {
      out.println("**Not recognised.** " + NOT_RECOGNISED_HINT.replace("'", "`"));
      return;
    }
    ErrorCode code = e.code();
    out.println("### " + code.id() + " " + code.longName() + " — " + code.title());
    out.println();
    Optional<Classification> c = e.classified();
    c.flatMap(Classification::causeId)
        .ifPresent(id -> out.println("- **Cause:** `" + id + "`" + causeTitle(code, id, " — ")));
    c.ifPresent(cl -> out.println("- **Confidence:** " + percent(cl.confidence())));
    c.ifPresent(cl -> cl.evidence().forEach(ev -> out.println("- **Evidence:** " + code(ev.matched())
        + " (" + ev.kind() + ", rule `" + ev.rule() + "`)")));
    c.ifPresent(cl -> cl.context().forEach(ctx -> out.println("- **Also seen:** " + describe(ctx))));
    if (c.isPresent()) out.println();
    out.println(e.message());
    if (!e.fromText() && !code.causes().isEmpty()) {
      out.println();
      out.println("**Possible causes:**");
      out.println();
      for (Cause cause : code.causes()) out.println("- `" + cause.id() + "`: " + cause.title());
    }
    for (Os os : systems) {
      out.println();
      out.println("**What to do (" + osName(os) + "):**");
      out.println();
      List<String> steps = e.fixSteps(os);
      if (steps.isEmpty()) out.println("See the guide below.");
      for (int i = 0; i < steps.size(); i++) out.println((i + 1) + ". " + steps.get(i));
    }
    out.println();
    out.println("**When to retry:** " + code.retry().text());
    out.println();
    out.println("**Guide:** `" + code.guideId() + "`" + (e.guideTitle() == null ? "" : " — " + e.guideTitle()));
  }

  public void json(Explanation e) {
    try {
      JsonGenerator g = Json.generator(out);
      write(g, e);
      Json.finish(g, out);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  private void write(JsonGenerator g, Explanation e) throws IOException {
    ErrorCode code = e.code();
    Classification c = e.classification();
    g.writeStartObject();
    g.writeBooleanField("recognised", e.recognised());
    g.writeStringField("input", e.fromText() ? "text" : "code");
    g.writeStringField("code", code == null ? null : code.id());
    g.writeStringField("qualifiedName", code == null ? null : code.qualifiedName());
    g.writeStringField("category", code == null ? null : code.category());
    g.writeStringField("title", code == null ? null : code.title());
    g.writeStringField("message", code == null ? null : e.message());
    g.writeFieldName("transient");
    if (code == null) g.writeNull(); else g.writeBoolean(code.transientFault());
    g.writeFieldName("cause");
    String causeId = c == null ? null : c.cause();
    if (code == null || causeId == null) {
      g.writeNull();
    } else {
      g.writeStartObject();
      g.writeStringField("id", causeId);
      g.writeStringField("title", code.cause(causeId).map(Cause::title).orElse(null));
      g.writeEndObject();
    }
    g.writeFieldName("confidence");
    if (c == null || !c.recognised()) g.writeNull(); else g.writeNumber(round(c.confidence()));
    g.writeArrayFieldStart("evidence");
    if (c != null) {
      for (Evidence ev : c.evidence()) {
        g.writeStartObject();
        g.writeStringField("kind", ev.kind());
        g.writeStringField("matched", Redaction.redact(ev.matched()));
        g.writeStringField("rule", ev.rule());
        g.writeEndObject();
      }
    }
    g.writeEndArray();
    g.writeArrayFieldStart("context");
    if (c != null) {
      for (Classification ctx : c.context()) {
        g.writeStartObject();
        g.writeStringField("code", ctx.code());
        g.writeStringField("cause", ctx.cause());
        g.writeNumberField("confidence", round(ctx.confidence()));
        g.writeEndObject();
      }
    }
    g.writeEndArray();
    g.writeArrayFieldStart("causes");
    if (code != null) {
      for (Cause cause : code.causes()) {
        g.writeStartObject();
        g.writeStringField("id", cause.id());
        g.writeStringField("title", cause.title());
        g.writeStringField("description", cause.description());
        g.writeEndObject();
      }
    }
    g.writeEndArray();
    g.writeFieldName("fix");
    if (code == null) {
      g.writeNull();
    } else {
      g.writeStartObject();
      for (Os os : systems) {
        g.writeArrayFieldStart(os.key());
        for (String step : e.fixSteps(os)) g.writeString(step);
        g.writeEndArray();
      }
      g.writeEndObject();
    }
    g.writeFieldName("retry");
    if (code == null) {
      g.writeNull();
    } else {
      g.writeStartObject();
      g.writeStringField("when", code.retry().when().name());
      g.writeStringField("text", code.retry().text());
      g.writeEndObject();
    }
    g.writeFieldName("guide");
    if (code == null) {
      g.writeNull();
    } else {
      g.writeStartObject();
      g.writeStringField("id", code.guideId());
      g.writeStringField("title", e.guideTitle());
      g.writeEndObject();
    }
    g.writeStringField("hint", e.recognised() ? null : NOT_RECOGNISED_HINT);
    g.writeEndObject();
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static String causeTitle(ErrorCode code, String causeId, String sep) {
    return code.cause(causeId).map(c -> sep + c.title()).orElse("");
  }

  private static String describe(Evidence ev) {
    return ev.kind() + " \"" + Redaction.redact(ev.matched()) + "\" (rule " + ev.rule() + ")";
  }

  private static String describe(Classification ctx) {
    return ctx.code() + (ctx.cause() == null ? "" : "/" + ctx.cause()) + " (" + percent(ctx.confidence()) + ")";
  }

  private static String percent(double v) {
    return Math.round(v * 100) + "%";
  }

  private static String code(String s) {
    String r = Redaction.redact(s).replace('\n', ' ');
    return r.contains("`") ? "`` " + r + " ``" : "`" + r + "`";
  }

  static String osName(Os os) {
    switch (os) {
      case WINDOWS: return "Windows";
      case MACOS: return "macOS";
      default: return os.name().charAt(0) + os.name().substring(1).toLowerCase(Locale.ROOT);
    }
  }
}
