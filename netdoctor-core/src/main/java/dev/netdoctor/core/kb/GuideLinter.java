package dev.netdoctor.core.kb;

import dev.netdoctor.core.codes.CodeRegistry;
import dev.netdoctor.core.kb.internal.GuideChecks;
import dev.netdoctor.core.kb.internal.GuideSet;
import dev.netdoctor.core.kb.internal.GuideSources;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks guides and reports every problem with the file and the 1-based line it is on.
 *
 * <p>What is checked: the front matter exists, is valid YAML and a mapping; required keys ({@code id},
 * {@code title}, {@code category}, {@code symptoms}, {@code errorCodes}) are present with the right types;
 * unknown keys (with the nearest known key suggested); the id's shape; duplicate ids (naming both files);
 * {@code errorCodes} entries are registry codes or application codes shaped like {@code AI101-NET-001}, and each
 * such alias maps to one registry code; {@code relatedDocs} entries resolve to a guide id (optionally
 * {@code #anchor} matching one of its headings), to a Markdown file relative to the guide (anchor checked
 * likewise) or are {@code http(s)://} URLs; the body has the sections Symptom Description, Diagnosis Steps,
 * Solutions, Prevention and Related Documentation as {@code ##} headings.
 */
public final class GuideLinter {
  private GuideLinter() {}

  /**
   * Lints every {@code *.md} file directly in {@code dir}, or the one guide when {@code dir} is a {@code .md}
   * file. Links may point at built-in guides as well as at the linted ones. An empty list means all is clean.
   *
   * @throws IllegalArgumentException when {@code dir} is neither a directory nor a {@code .md} file
   */
  public static List<LintProblem> lint(Path dir) {
    return lint(dir, CodeRegistry.builtIn());
  }

  /** Like {@link #lint(Path)}, checking codes against {@code registry}. */
  public static List<LintProblem> lint(Path dir, CodeRegistry registry) {
    return new GuideChecks(GuideSet.directory(dir), List.of(GuideSet.builtInIfPresent()), registry).run();
  }

  /**
   * Lints the built-in guides and their index. Problems name class-path resources
   * ({@code netdoctor/guides/NAME.md}).
   */
  public static List<LintProblem> lintBuiltIn() {
    if (!GuideSources.builtInIndexPresent()) {
      return List.of(new LintProblem(Path.of(GuideSources.BUILT_IN_INDEX), 1,
          "the built-in guide index is missing from the class path"));
    }
    return new GuideChecks(GuideSet.builtIn(), List.of(), CodeRegistry.builtIn()).run();
  }
}
