package dev.netdoctor.core.kb.internal;

import dev.netdoctor.core.kb.KnowledgeBase;
import dev.netdoctor.core.kb.LintProblem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Reads guide files from a directory or from the class path. */
public final class GuideSources {
  /** Class-path directory of the built-in guides, without a leading slash. */
  public static final String BUILT_IN_DIR = "netdoctor/guides/";

  /** Class-path file listing the built-in guides, one file name per line. */
  public static final String BUILT_IN_INDEX = BUILT_IN_DIR + "index.txt";

  /** Guides larger than this are refused: a guide is a page, not a log. */
  static final int MAX_BYTES = 1 << 20;

  private GuideSources() {}

  /** Guide files that could be read, and a problem for each one that could not. */
  public record Read(List<GuideFile> files, List<LintProblem> problems) {
    public Read {
      files = List.copyOf(files);
      problems = List.copyOf(problems);
    }
  }

  /**
   * Every {@code *.md} file directly in {@code path} (not in subdirectories), by file name; or, when
   * {@code path} is itself a {@code .md} file, just that file.
   *
   * @throws IllegalArgumentException when {@code path} is neither a directory nor a {@code .md} file
   */
  public static Read directory(Path path) {
    List<Path> paths = new ArrayList<>();
    if (Files.isRegularFile(path) && path.getFileName().toString().endsWith(".md")) {
      paths.add(path);
    } else if (!Files.isDirectory(path)) {
      throw new IllegalArgumentException(path + ": not a directory or a .md file");
    } else {
      try (DirectoryStream<Path> stream = Files.newDirectoryStream(path, "*.md")) {
        stream.forEach(p -> {
          if (Files.isRegularFile(p)) paths.add(p);
        });
      } catch (IOException e) {
        throw new IllegalArgumentException(path + ": cannot list directory: " + reason(e), e);
      }
      paths.sort(Comparator.comparing(p -> p.getFileName().toString()));
    }
    List<GuideFile> files = new ArrayList<>();
    List<LintProblem> problems = new ArrayList<>();
    for (Path file : paths) {
      try {
        files.add(new GuideFile(file, file.toString(), readFile(file), relative -> readBeside(file, relative)));
      } catch (IOException e) {
        problems.add(new LintProblem(file, 1, "cannot read: " + reason(e)));
      }
    }
    return new Read(files, problems);
  }

  /**
   * The guides listed in {@value #BUILT_IN_INDEX}, in index order. Blank lines and lines starting with
   * {@code #} are ignored.
   *
   * @throws IllegalStateException when the index itself is missing: the jar is broken
   */
  public static Read builtIn() {
    return builtIn(GuideSources.class.getClassLoader());
  }

  /** Like {@link #builtIn()}, reading the index and the guides through {@code loader}. */
  public static Read builtIn(ClassLoader loader) {
    List<GuideFile> files = new ArrayList<>();
    List<LintProblem> problems = new ArrayList<>();
    Path indexPath = Path.of(BUILT_IN_INDEX);
    try (InputStream in = loader.getResourceAsStream(BUILT_IN_INDEX)) {
      if (in == null) {
        throw new IllegalStateException("missing class-path resource /" + BUILT_IN_INDEX);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int number = 0;
      java.util.Map<String, Integer> listed = new java.util.HashMap<>();
      while ((line = reader.readLine()) != null) {
        number++;
        String name = line.strip();
        if (name.isEmpty() || name.startsWith("#")) continue;
        if (name.contains("/") || !name.endsWith(".md")) {
          problems.add(new LintProblem(indexPath, number,
              "'" + name + "' is not a guide file name (expected NAME.md, no directories)"));
          continue;
        }
        Integer first = listed.putIfAbsent(name, number);
        if (first != null) {
          problems.add(new LintProblem(indexPath, number,
              "'" + name + "' is listed twice (first on line " + first + ")"));
          continue;
        }
        String resource = BUILT_IN_DIR + name;
        Optional<String> text = readResource(loader, resource);
        if (text.isEmpty()) {
          problems.add(new LintProblem(indexPath, number, "listed guide '" + name + "' does not exist"));
          continue;
        }
        files.add(new GuideFile(Path.of(resource), KnowledgeBase.CLASSPATH_PREFIX + resource, text.get(),
            relative -> resolveResource(resource, relative).flatMap(r -> readResource(loader, r))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read /" + BUILT_IN_INDEX, e);
    }
    return new Read(files, problems);
  }

  /** Whether the class path has {@value #BUILT_IN_INDEX}. */
  public static boolean builtInIndexPresent() {
    return GuideSources.class.getClassLoader().getResource(BUILT_IN_INDEX) != null;
  }

  private static Optional<String> readBeside(Path guide, String relative) {
    Path parent = guide.toAbsolutePath().getParent();
    Path target = parent.resolve(relative).normalize();
    if (!Files.isRegularFile(target)) return Optional.empty();
    try {
      return Optional.of(readFile(target));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** {@code relative} resolved against the directory of class-path resource {@code from}; empty if it escapes. */
  static Optional<String> resolveResource(String from, String relative) {
    Path base = Path.of(from).getParent();
    Path target = (base == null ? Path.of(relative) : base.resolve(relative)).normalize();
    if (target.isAbsolute() || target.startsWith("..")) return Optional.empty();
    return Optional.of(target.toString().replace('\\', '/'));
  }

  private static String readFile(Path path) throws IOException {
    long size = Files.size(path);
    if (size > MAX_BYTES) {
      throw new IOException("larger than " + (MAX_BYTES >> 20) + " MiB (" + size + " bytes)");
    }
    return decode(Files.readAllBytes(path));
  }

  private static Optional<String> readResource(ClassLoader loader, String resource) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) return Optional.empty();
      return Optional.of(decode(in.readNBytes(MAX_BYTES + 1)));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static String decode(byte[] bytes) throws IOException {
    if (bytes.length > MAX_BYTES) {
      throw new IOException("larger than " + (MAX_BYTES >> 20) + " MiB");
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IOException("not UTF-8 text", e);
    }
  }

  private static String reason(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
