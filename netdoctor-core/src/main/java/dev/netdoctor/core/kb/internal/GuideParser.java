package dev.netdoctor.core.kb.internal;

import dev.netdoctor.core.kb.Guide;
import dev.netdoctor.core.kb.LintProblem;
import dev.netdoctor.core.kb.internal.ParsedGuide.Item;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Splits a guide into its YAML front matter and Markdown body, and checks the front matter's shape.
 *
 * <p>The front matter is the block between a first line {@code ---} and the next line {@code ---} (or
 * {@code ...}). It is read with SnakeYAML's node API so that every problem carries the real line in the file.
 */
public final class GuideParser {
  /** Keys a guide's front matter may have, in the order the seed guide uses. */
  public static final List<String> KNOWN_KEYS =
      List.of("id", "title", "category", "symptoms", "errorCodes", "relatedDocs");

  /** Keys every guide must have. */
  public static final List<String> REQUIRED_KEYS = List.of("id", "title", "category", "symptoms", "errorCodes");

  private static final Pattern ID_SHAPE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern LINE_BREAK = Pattern.compile("\r?\n");

  /** Reused across files: building SnakeYAML's resolver compiles a dozen patterns. */
  private final Yaml yaml = new Yaml(new LoaderOptions());

  /** A parser for one thread (SnakeYAML's {@code Yaml} is not thread-safe). */
  public GuideParser() {}

  public ParsedGuide parse(GuideFile file) {
    return new Run(file, yaml).parse();
  }

  /** One parse; collects problems as it goes. */
  private static final class Run {
    private final GuideFile file;
    private final Yaml yaml;
    private final List<LintProblem> errors = new ArrayList<>();
    private final List<LintProblem> warnings = new ArrayList<>();
    private final Map<String, String> strings = new HashMap<>();
    private final Map<String, List<Item>> lists = new HashMap<>();
    private final Map<String, Integer> keyLines = new LinkedHashMap<>();

    Run(GuideFile file, Yaml yaml) {
      this.file = file;
      this.yaml = yaml;
    }

    ParsedGuide parse() {
      String text = file.text();
      if (text.startsWith("\uFEFF")) text = text.substring(1);
      String[] lines = LINE_BREAK.split(text, -1);
      if (!lines[0].stripTrailing().equals("---")) {
        error(1, "missing front matter: the file must start with a '---' line");
        return result(List.of(), 1);
      }
      int closing = -1;
      for (int i = 1; i < lines.length; i++) {
        String line = lines[i].stripTrailing();
        if (line.equals("---") || line.equals("...")) {
          closing = i;
          break;
        }
      }
      if (closing < 0) {
        error(1, "front matter is not closed: no '---' line follows the one on line 1");
        return result(List.of(), 1);
      }
      int bodyLine = closing + 2;
      String yaml = String.join("\n", java.util.Arrays.asList(lines).subList(1, closing));
      String body = String.join("\n", java.util.Arrays.asList(lines).subList(closing + 1, lines.length));
      readFrontMatter(yaml, closing + 1);
      List<Heading> headings = MarkdownHeadings.scan(body, bodyLine);
      if (!errors.isEmpty()) return result(headings, bodyLine);
      Guide guide = new Guide(strings.get("id"), strings.get("title"), strings.get("category"),
          values("symptoms"), values("errorCodes"), values("relatedDocs"), body, file.source());
      return new ParsedGuide(file, Optional.of(guide), errors, warnings, keyLines.getOrDefault("id", 1),
          lists.getOrDefault("errorCodes", List.of()), lists.getOrDefault("relatedDocs", List.of()), headings,
          bodyLine);
    }

    private ParsedGuide result(List<Heading> headings, int bodyLine) {
      return new ParsedGuide(file, Optional.empty(), errors, warnings, keyLines.getOrDefault("id", 1),
          lists.getOrDefault("errorCodes", List.of()), lists.getOrDefault("relatedDocs", List.of()), headings,
          bodyLine);
    }

    private List<String> values(String key) {
      return lists.getOrDefault(key, List.of()).stream().map(Item::value).toList();
    }

    /** @param closingLine the line of the closing {@code ---}, to which end-of-input errors are pinned */
    private void readFrontMatter(String yaml, int closingLine) {
      Node root;
      try {
        root = this.yaml.compose(new StringReader(yaml));
      } catch (MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        int line = mark == null ? 2 : Math.min(mark.getLine() + 2, closingLine);
        String problem = e.getProblem() != null ? e.getProblem() : firstLine(e.getMessage());
        error(line, "YAML syntax error: " + problem);
        return;
      } catch (YAMLException e) {
        error(2, "YAML syntax error: " + firstLine(e.getMessage()));
        return;
      }
      if (root == null) {
        REQUIRED_KEYS.forEach(key -> error(1, "missing required key '" + key + "'"));
        return;
      }
      if (!(root instanceof MappingNode mapping)) {
        error(line(root), "front matter must be a mapping of keys to values, found " + describe(root));
        return;
      }
      for (NodeTuple tuple : mapping.getValue()) {
        readEntry(tuple);
      }
      for (String key : REQUIRED_KEYS) {
        if (!keyLines.containsKey(key)) error(1, "missing required key '" + key + "'");
      }
    }

    private void readEntry(NodeTuple tuple) {
      Node keyNode = tuple.getKeyNode();
      int line = line(keyNode);
      if (!(keyNode instanceof ScalarNode scalarKey)) {
        error(line, "front matter keys must be plain words, found " + describe(keyNode));
        return;
      }
      String key = scalarKey.getValue();
      if (!KNOWN_KEYS.contains(key)) {
        String hint = Levenshtein.nearest(key, KNOWN_KEYS)
            .map(k -> " (did you mean '" + k + "'?)")
            .orElse(" (known keys: " + String.join(", ", KNOWN_KEYS) + ")");
        warnings.add(new LintProblem(file.file(), line, "unknown key '" + key + "'" + hint));
        return;
      }
      Integer first = keyLines.putIfAbsent(key, line);
      if (first != null) {
        error(line, "duplicate key '" + key + "' (first on line " + first + ")");
        return;
      }
      Node value = tuple.getValueNode();
      switch (key) {
        case "id", "title", "category" -> readString(key, value);
        default -> readList(key, value);
      }
    }

    private void readString(String key, Node value) {
      if (!(value instanceof ScalarNode scalar)) {
        error(line(value), "'" + key + "' must be a string, found " + describe(value));
        return;
      }
      String text = scalar.getValue().strip();
      if (text.isEmpty()) {
        error(line(value), "'" + key + "' must not be empty");
        return;
      }
      strings.put(key, text);
      if (key.equals("id") && !ID_SHAPE.matcher(text).matches()) {
        warnings.add(new LintProblem(file.file(), line(value), "id '" + text
            + "' must be lower-case letters and digits joined by '-' (e.g. dns-resolution-failed)"));
      }
    }

    private void readList(String key, Node value) {
      if (!(value instanceof SequenceNode sequence)) {
        error(line(value), "'" + key + "' must be a list of strings, found " + describe(value));
        return;
      }
      List<Item> items = new ArrayList<>();
      int index = 0;
      for (Node item : sequence.getValue()) {
        index++;
        if (!(item instanceof ScalarNode scalar)) {
          error(line(item), "'" + key + "' entry " + index + " must be a string, found " + describe(item));
          continue;
        }
        String text = scalar.getValue().strip();
        if (text.isEmpty()) {
          error(line(item), "'" + key + "' entry " + index + " is empty");
          continue;
        }
        items.add(new Item(text, line(item)));
      }
      lists.put(key, List.copyOf(items));
      if (key.equals("symptoms") && sequence.getValue().isEmpty()) {
        warnings.add(new LintProblem(file.file(), line(value), "'symptoms' must list at least one symptom"));
      }
    }

    private void error(int line, String message) {
      errors.add(new LintProblem(file.file(), line, message));
    }

    /** The file line of a node: its YAML line plus one for the opening {@code ---}, made 1-based. */
    private static int line(Node node) {
      return node.getStartMark().getLine() + 2;
    }

    private static String describe(Node node) {
      if (node instanceof MappingNode) return "a mapping";
      if (node instanceof SequenceNode) return "a list";
      ScalarNode scalar = (ScalarNode) node;
      return scalar.getValue().isEmpty() ? "nothing" : "a string";
    }

    private static String firstLine(String message) {
      if (message == null) return "unreadable";
      int newline = message.indexOf('\n');
      return newline < 0 ? message : message.substring(0, newline);
    }
  }
}
