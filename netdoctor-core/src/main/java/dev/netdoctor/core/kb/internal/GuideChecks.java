package dev.netdoctor.core.kb.internal;

import dev.netdoctor.core.codes.CodeRegistry;
import dev.netdoctor.core.codes.ErrorCode;
import dev.netdoctor.core.kb.Guide;
import dev.netdoctor.core.kb.LintProblem;
import dev.netdoctor.core.kb.internal.ParsedGuide.Item;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The checks {@code kb lint} adds to parsing: duplicate ids, codes that exist, aliases that map to one code,
 * {@code relatedDocs} that resolve, and the sections every guide must have.
 */
public final class GuideChecks {
  /** Level-2 sections every guide has, in the order the seed guide uses. */
  public static final List<String> REQUIRED_SECTIONS =
      List.of("Symptom Description", "Diagnosis Steps", "Solutions", "Prevention", "Related Documentation");

  private static final Pattern URL_CREDENTIALS = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)[^/@\\s]+@");

  private final CodeRegistry registry;
  private final GuideSet linted;
  private final List<GuideSet> context;

  /**
   * @param linted the guides to check
   * @param context other guides that {@code relatedDocs} may point at (the built-in ones when linting a user's
   *     directory); the linted set wins over them for an id
   */
  public GuideChecks(GuideSet linted, List<GuideSet> context, CodeRegistry registry) {
    this.linted = linted;
    this.context = List.copyOf(context);
    this.registry = registry;
  }

  /** Every problem, parse errors and warnings included, sorted by file and line. */
  public List<LintProblem> run() {
    List<LintProblem> problems = new ArrayList<>(linted.sourceProblems());
    for (ParsedGuide p : linted.parsed()) {
      problems.addAll(p.errors());
      problems.addAll(p.warnings());
      if (p.guide().isEmpty()) continue;
      checkCodes(p, problems);
      checkRelatedDocs(p, problems);
      checkSections(p, problems);
    }
    problems.addAll(linted.duplicateIds());
    problems.addAll(aliasConflicts());
    problems.sort(java.util.Comparator.comparing((LintProblem l) -> l.file().toString())
        .thenComparingInt(LintProblem::line));
    return problems;
  }

  private void checkCodes(ParsedGuide p, List<LintProblem> problems) {
    boolean hasRegistryCode = p.errorCodes().stream().anyMatch(i -> registry.find(i.value()).isPresent());
    for (Item item : p.errorCodes()) {
      if (registry.find(item.value()).isPresent()) continue;
      if (AliasShape.matches(item.value())) {
        if (!hasRegistryCode) {
          problems.add(problem(p, item.line(), "alias '" + item.value()
              + "' maps to no code: list the registry code it stands for in this guide's errorCodes too"));
        }
        continue;
      }
      String hint = Levenshtein.nearest(item.value(), registry.all().stream().map(ErrorCode::id).toList())
          .map(c -> " (did you mean '" + c + "'?)")
          .orElse("");
      problems.add(problem(p, item.line(), "unknown error code '" + item.value()
          + "': not in the code registry and not an application code like " + AliasShape.EXAMPLE + hint));
    }
  }

  /** An alias mapped to different registry codes by two guides: reported on the later one. */
  private List<LintProblem> aliasConflicts() {
    List<LintProblem> problems = new ArrayList<>();
    Map<String, String> target = new HashMap<>();
    Map<String, String> where = new HashMap<>();
    for (ParsedGuide p : linted.parsed()) {
      if (p.guide().isEmpty()) continue;
      Optional<String> code = GuideAliases.firstRegistryCode(p.guide().get().errorCodes(), registry);
      if (code.isEmpty()) continue;
      for (Item item : p.errorCodes()) {
        if (registry.find(item.value()).isPresent() || !AliasShape.matches(item.value())) continue;
        String alias = item.value().toUpperCase(Locale.ROOT);
        String earlier = target.putIfAbsent(alias, code.get());
        if (earlier == null) {
          where.put(alias, p.file().file() + ":" + item.line());
        } else if (!earlier.equals(code.get())) {
          problems.add(problem(p, item.line(), "alias '" + item.value() + "' maps to " + code.get()
              + " here but to " + earlier + " in " + where.get(alias)));
        }
      }
    }
    return problems;
  }

  private void checkRelatedDocs(ParsedGuide p, List<LintProblem> problems) {
    for (Item item : p.relatedDocs()) {
      Matcher credentials = URL_CREDENTIALS.matcher(item.value());
      if (credentials.find()) {
        // Never echo the secret itself.
        problems.add(problem(p, item.line(), "relatedDocs entry '" + credentials.replaceFirst("$1***@")
            + "' carries credentials in the URL: remove them"));
        continue;
      }
      resolve(p, item.value()).ifPresent(why -> problems.add(problem(p, item.line(),
          "relatedDocs entry '" + item.value() + "' does not resolve: " + why)));
    }
  }

  /** Why {@code link} does not resolve, or empty when it does. */
  private Optional<String> resolve(ParsedGuide from, String link) {
    String lower = link.toLowerCase(Locale.ROOT);
    if (lower.startsWith("https://") || lower.startsWith("http://")) {
      try {
        URI uri = new URI(link);
        return uri.getHost() == null ? Optional.of("no host in the URL") : Optional.empty();
      } catch (URISyntaxException e) {
        return Optional.of("not a valid URL (" + e.getReason() + ")");
      }
    }
    int hash = link.indexOf('#');
    String target = hash < 0 ? link : link.substring(0, hash);
    String anchor = hash < 0 ? null : link.substring(hash + 1);
    if (target.isEmpty()) {
      return anchor == null || anchor.isEmpty() ? Optional.of("empty link")
          : missingAnchor(from.headings(), "this guide", anchor);
    }
    if (target.contains("/") || target.toLowerCase(Locale.ROOT).endsWith(".md")) {
      Optional<String> text = from.file().neighbours().read(target);
      if (text.isEmpty()) return Optional.of("no file '" + target + "' relative to this guide");
      if (anchor == null) return Optional.empty();
      return missingAnchor(headingsOfDocument(text.get()), "'" + target + "'", anchor);
    }
    Optional<ParsedGuide> guide = Stream.concat(Stream.of(linted), context.stream())
        .map(set -> set.byId(target))
        .flatMap(Optional::stream)
        .findFirst();
    if (guide.isEmpty()) {
      String hint = Levenshtein.nearest(target, knownIds()).map(id -> " (did you mean '" + id + "'?)").orElse("");
      return Optional.of("no guide with id '" + target + "'" + hint);
    }
    return anchor == null ? Optional.empty()
        : missingAnchor(guide.get().headings(), "guide '" + target + "'", anchor);
  }

  private List<String> knownIds() {
    return Stream.concat(Stream.of(linted), context.stream())
        .flatMap(set -> set.guides().stream())
        .map(Guide::id)
        .distinct()
        .toList();
  }

  private static Optional<String> missingAnchor(List<Heading> headings, String what, String anchor) {
    boolean found = headings.stream().anyMatch(h -> h.slug().equals(anchor.toLowerCase(Locale.ROOT)));
    return found ? Optional.empty() : Optional.of(what + " has no heading with anchor '#" + anchor + "'");
  }

  /** Headings of any Markdown document; a front matter block, if there is one, is skipped. */
  private static List<Heading> headingsOfDocument(String text) {
    String[] lines = text.split("\r?\n", -1);
    if (lines.length > 0 && lines[0].stripTrailing().equals("---")) {
      for (int i = 1; i < lines.length; i++) {
        if (lines[i].stripTrailing().equals("---")) {
          return MarkdownHeadings.scan(String.join("\n", List.of(lines).subList(i + 1, lines.length)), i + 2);
        }
      }
    }
    return MarkdownHeadings.scan(text, 1);
  }

  private void checkSections(ParsedGuide p, List<LintProblem> problems) {
    Map<String, Heading> sections = new LinkedHashMap<>();
    p.headings().stream()
        .filter(h -> h.level() == 2)
        .forEach(h -> sections.putIfAbsent(h.text().toLowerCase(Locale.ROOT), h));
    for (String required : REQUIRED_SECTIONS) {
      if (!sections.containsKey(required.toLowerCase(Locale.ROOT))) {
        problems.add(problem(p, p.bodyLine() - 1, "missing section '## " + required + "'"));
      }
    }
  }

  private static LintProblem problem(ParsedGuide p, int line, String message) {
    return new LintProblem(p.file().file(), line, message);
  }
}
