package dev.netdoctor.server.internal;

import dev.netdoctor.core.kb.Guide;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * A guide as an HTML fragment. Raw HTML in a guide is escaped and link targets are sanitised, because guides may
 * come from a user's {@code --kb} directory and end up inside the page.
 */
public final class GuideHtml {
  private static final Parser PARSER = Parser.builder().build();
  private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

  private GuideHtml() {}

  public static String body(Guide guide) {
    return RENDERER.render(PARSER.parse(guide.body()));
  }

  /** A whole page: title, the body, nothing else; for {@code GET /api/kb/{id}} opened directly. */
  public static String page(Guide guide) {
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(guide.title())
        + "</title><link rel=\"stylesheet\" href=\"/assets/app.css\"></head><body><main class=\"guide\">"
        + "<article data-guide=\"" + escape(guide.id()) + "\">" + body(guide) + "</article></main></body></html>";
  }

  public static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
