package dev.netdoctor.core.kb.internal;

import dev.netdoctor.core.kb.Guide;
import dev.netdoctor.core.kb.LintProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The guides of one source (the built-in index, or one directory), parsed.
 *
 * @param parsed every file that could be read, in source order
 * @param sourceProblems files that could not be read, index entries that point nowhere
 */
public record GuideSet(List<ParsedGuide> parsed, List<LintProblem> sourceProblems) {

  public GuideSet {
    parsed = List.copyOf(parsed);
    sourceProblems = List.copyOf(sourceProblems);
  }

  public static GuideSet builtIn() {
    return of(GuideSources.builtIn());
  }

  /** The guides of the index {@code loader} finds (tests use a class loader over a fixture directory). */
  public static GuideSet builtIn(ClassLoader loader) {
    return of(GuideSources.builtIn(loader));
  }

  /**
   * The built-in guides, or an empty set when the class path has no guide index (a jar without guides: only
   * used as link targets when linting a user's directory).
   */
  public static GuideSet builtInIfPresent() {
    return GuideSources.builtInIndexPresent() ? builtIn() : new GuideSet(List.of(), List.of());
  }

  /**
   * The guides directly in a directory, or one guide file.
   *
   * @throws IllegalArgumentException when {@code dir} is neither a directory nor a {@code .md} file
   */
  public static GuideSet directory(Path dir) {
    return of(GuideSources.directory(dir));
  }

  private static GuideSet of(GuideSources.Read read) {
    GuideParser parser = new GuideParser();
    return new GuideSet(read.files().stream().map(parser::parse).toList(), read.problems());
  }

  /** The usable guides, in source order. Of several with one id, the first. */
  public List<Guide> guides() {
    Map<String, Guide> seen = new java.util.LinkedHashMap<>();
    for (ParsedGuide p : parsed) {
      p.guide().ifPresent(g -> seen.putIfAbsent(g.id().toLowerCase(Locale.ROOT), g));
    }
    return List.copyOf(seen.values());
  }

  /** Problems that make this source unusable: unreadable files, parse errors, duplicate ids. */
  public List<LintProblem> loadErrors() {
    List<LintProblem> errors = new ArrayList<>(sourceProblems);
    parsed.forEach(p -> errors.addAll(p.errors()));
    errors.addAll(duplicateIds());
    return errors;
  }

  /** One problem for every guide whose id an earlier guide of this set already has, naming both files. */
  public List<LintProblem> duplicateIds() {
    List<LintProblem> problems = new ArrayList<>();
    Map<String, ParsedGuide> first = new HashMap<>();
    for (ParsedGuide p : parsed) {
      if (p.guide().isEmpty()) continue;
      String id = p.guide().get().id();
      ParsedGuide earlier = first.putIfAbsent(id.toLowerCase(Locale.ROOT), p);
      if (earlier != null) {
        problems.add(new LintProblem(p.file().file(), p.idLine(), "duplicate id '" + id + "' (also in "
            + earlier.file().file() + ":" + earlier.idLine() + ")"));
      }
    }
    return problems;
  }

  /** The parsed guide with this id, ignoring case. */
  public Optional<ParsedGuide> byId(String id) {
    return parsed.stream()
        .filter(p -> p.guide().map(g -> g.id().equalsIgnoreCase(id)).orElse(false))
        .findFirst();
  }
}
