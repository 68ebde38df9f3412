package dev.netdoctor.core.kb;

import dev.netdoctor.core.kb.internal.Heading;
import dev.netdoctor.core.kb.internal.MarkdownHeadings;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One knowledge-base guide: a Markdown file whose YAML front matter names what it is about.
 *
 * @param id stable identifier, lower-case words joined by {@code -} (e.g. {@code dns-resolution-failed})
 * @param title one-line title
 * @param category free-form grouping (e.g. {@code Connectivity})
 * @param symptoms short phrases a person would type or see; searched with a boost
 * @param errorCodes registry codes ({@code NET002}, or the long form) and application aliases
 *     ({@code AI101-NET-001}) this guide explains, as written in the front matter
 * @param relatedDocs links to other guides ({@code id} or {@code id#anchor}), to Markdown files relative to
 *     this guide ({@code ../docs/setup.md#proxy}) or to {@code https://} pages
 * @param body the Markdown after the front matter
 * @param source where the guide was read from: a file path, or {@code classpath:netdoctor/guides/NAME.md} for
 *     the built-in guides
 */
public record Guide(
    String id,
    String title,
    String category,
    List<String> symptoms,
    List<String> errorCodes,
    List<String> relatedDocs,
    String body,
    String source) {

  public Guide {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(category, "category");
    symptoms = List.copyOf(symptoms);
    errorCodes = List.copyOf(errorCodes);
    relatedDocs = List.copyOf(relatedDocs);
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(source, "source");
  }

  /**
   * The Markdown under the {@code ##} heading named {@code heading} (ignoring case), up to the next heading of
   * level 1 or 2, trimmed; empty when the guide has no such section. {@code section("Solutions")} includes its
   * {@code ###} sub-sections.
   */
  public Optional<String> section(String heading) {
    List<Heading> headings = MarkdownHeadings.scan(body, 1);
    String[] lines = body.split("\r?\n", -1);
    for (int i = 0; i < headings.size(); i++) {
      Heading h = headings.get(i);
      if (h.level() != 2 || !h.text().equalsIgnoreCase(heading.strip())) continue;
      int end = lines.length;
      for (int j = i + 1; j < headings.size(); j++) {
        if (headings.get(j).level() <= 2) {
          end = headings.get(j).line() - 1;
          break;
        }
      }
      return Optional.of(String.join("\n", Arrays.asList(lines).subList(h.line(), end)).strip());
    }
    return Optional.empty();
  }

  /** Whether this guide ships in the jar rather than coming from a user's directory. */
  public boolean builtIn() {
    return source.startsWith(KnowledgeBase.CLASSPATH_PREFIX);
  }
}
