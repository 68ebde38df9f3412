package dev.netdoctor.core.codes;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The guides shipped in the jar, read the way a minimal consumer would: {@code index.txt} from the class path,
 * each file's YAML front matter with Jackson, and its Markdown headings. Deliberately independent of the
 * knowledge-base code, so these tests check the data, not one reader of it.
 */
final class ShippedGuides {
  static final String DIR = "/netdoctor/guides/";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern HEADING = Pattern.compile("^(#{1,6}) (.+)$", Pattern.MULTILINE);

  /** One parsed guide; {@code frontMatter} keeps the file's key order. */
  record Guide(String file, Map<String, Object> frontMatter, String body) {
    String id() {
      return (String) frontMatter.get("id");
    }

    @SuppressWarnings("unchecked")
    List<String> list(String key) {
      Object value = frontMatter.get(key);
      return value instanceof List<?> l ? (List<String>) l : List.of();
    }

    /** Level-2 section titles, in order. */
    List<String> sections() {
      List<String> result = new ArrayList<>();
      Matcher m = HEADING.matcher(body);
      while (m.find()) {
        if (m.group(1).length() == 2) result.add(m.group(2).trim());
      }
      return result;
    }

    /** GitHub-style anchors of every heading. */
    Set<String> anchors() {
      Set<String> result = new LinkedHashSet<>();
      Matcher m = HEADING.matcher(body);
      while (m.find()) result.add(slug(m.group(2)));
      return result;
    }
  }

  static List<String> index() {
    String text = read(DIR + "index.txt");
    return text.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
  }

  static Map<String, Guide> all() {
    Map<String, Guide> byId = new LinkedHashMap<>();
    for (String file : index()) {
      Guide guide = parse(file, read(DIR + file));
      byId.put(guide.id(), guide);
    }
    return byId;
  }

  /** File names in the guides source directory (what the jar will ship), without index.txt. */
  static Set<String> filesOnDisk() {
    Path dir = projectRoot().resolve("netdoctor-core/src/main/resources/netdoctor/guides");
    try (Stream<Path> files = Files.list(dir)) {
      Set<String> names = new LinkedHashSet<>();
      files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("index.txt")).sorted().forEach(names::add);
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The directory holding the Maven wrapper, found upwards from the working directory. */
  static Path projectRoot() {
    Path dir = Path.of("").toAbsolutePath();
    for (int i = 0; i < 5 && dir != null; i++, dir = dir.getParent()) {
      if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("netdoctor-core"))) return dir;
    }
    throw new IllegalStateException("project root (with mvnw) not found above " + Path.of("").toAbsolutePath());
  }

  static Guide parse(String file, String text) {
    if (!text.startsWith("---\n")) throw new IllegalArgumentException(file + ": no front matter");
    int end = text.indexOf("\n---\n", 4);
    if (end < 0) throw new IllegalArgumentException(file + ": front matter not closed");
    try {
      Map<String, Object> fm = YAML.readValue(text.substring(4, end), new TypeReference<LinkedHashMap<String, Object>>() {});
      return new Guide(file, fm, text.substring(end + 5));
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": front matter is not YAML: " + e.getMessage(), e);
    }
  }

  static String slug(String heading) {
    return heading.trim().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
  }

  static String read(String resource) {
    try (InputStream in = ShippedGuides.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("missing class-path resource " + resource);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ShippedGuides() {}
}
