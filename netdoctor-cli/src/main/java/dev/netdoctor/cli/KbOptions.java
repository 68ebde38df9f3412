package dev.netdoctor.cli;

import dev.netdoctor.core.kb.InvalidGuideException;
import dev.netdoctor.core.kb.KnowledgeBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --kb DIR}: the user's own guides, layered over the built-in ones. A picocli {@code @Mixin}. */
public final class KbOptions {
  @Option(
      names = "--kb",
      paramLabel = "DIR",
      description = "Also use the guides (*.md) in DIR; repeatable. A guide with a built-in guide's id replaces it.")
  List<Path> dirs = new ArrayList<>();

  /** The directories given, each checked to be a readable directory. */
  List<Path> dirs() {
    for (Path dir : dirs) {
      if (!Files.exists(dir)) throw new BadInputException("--kb " + dir + ": no such directory");
      if (!Files.isDirectory(dir)) throw new BadInputException("--kb " + dir + ": not a directory");
    }
    return dirs;
  }

  /** The knowledge base with the user's guides; unusable guides are bad input, named with file and line. */
  KnowledgeBase load() {
    List<Path> extra = dirs();
    try {
      return extra.isEmpty() ? KnowledgeBase.builtIn() : KnowledgeBase.load(extra);
    } catch (InvalidGuideException e) {
      int n = e.problems().size();
      throw new BadInputException(e.problems().get(0) + (n > 1 ? " (and " + (n - 1) + " more)" : "")
          + "; 'netdoctor kb lint DIR' lists every problem");
    }
  }
}
