package dev.netdoctor.core.kb.internal;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The raw text of one guide and where it came from.
 *
 * @param file the path problems are reported against (a real file, or the resource name for built-in guides)
 * @param source the {@link dev.netdoctor.core.kb.Guide#source()} value
 * @param text the whole file
 * @param neighbours reads files relative to this guide, to check {@code relatedDocs} links to Markdown files
 */
public record GuideFile(Path file, String source, String text, Neighbours neighbours) {

  public GuideFile {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(neighbours, "neighbours");
  }

  /** Reads documents that sit beside a guide. */
  @FunctionalInterface
  public interface Neighbours {
    /**
     * The text of the document at {@code relativePath} (forward slashes, relative to the guide's directory),
     * or empty when there is none.
     */
    Optional<String> read(String relativePath);
  }
}
