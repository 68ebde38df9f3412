package dev.netdoctor.core.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One labelled message of the corpus: the stack that printed it, the text exactly as printed, and the expected
 * code and cause ({@code code: null} = must not be recognised).
 */
record CorpusEntry(String file, int index, String stack, String code, String cause, String text) {
  static final List<String> CORPUS_FILES = List.of("python.yaml", "node.yaml", "java.yaml", "dotnet.yaml",
      "go.yaml", "php.yaml", "curl.yaml", "browser.yaml", "sdk.yaml", "logs.yaml", "other.yaml", "not-recognised.yaml");
  static final String HELD_OUT = "heldout.yaml";
  private static final Set<String> KEYS = Set.of("stack", "code", "cause", "text");

  static List<CorpusEntry> corpus() {
    List<CorpusEntry> all = new ArrayList<>();
    for (String file : CORPUS_FILES) all.addAll(load(file));
    return all;
  }

  static List<CorpusEntry> load(String file) {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    try (InputStream in = CorpusEntry.class.getResourceAsStream("/corpus/" + file)) {
      if (in == null) throw new IllegalStateException("missing corpus file " + file);
      JsonNode root = yaml.readTree(in);
      List<CorpusEntry> entries = new ArrayList<>();
      int i = 0;
      for (JsonNode node : root) {
        node.fieldNames().forEachRemaining(k -> {
          if (!KEYS.contains(k)) throw new IllegalStateException(file + ": unknown key " + k);
        });
        String text = node.path("text").asText();
        if (text.isEmpty() || !node.has("stack") || !node.has("code")) {
          throw new IllegalStateException(file + ": entry " + i + " needs stack, code and text");
        }
        entries.add(new CorpusEntry(file, i++, node.get("stack").asText(),
            node.get("code").isNull() ? null : node.get("code").asText(),
            node.hasNonNull("cause") ? node.get("cause").asText() : null, text));
      }
      return entries;
    } catch (IOException e) {
      throw new UncheckedIOException(file, e);
    }
  }

  boolean matches(Classification c) {
    if (code == null) return !c.recognised();
    return code.equals(c.code()) && java.util.Objects.equals(cause, c.cause());
  }

  String expected() {
    return code == null ? "not recognised" : code + "/" + cause;
  }

  static String actual(Classification c) {
    return c.recognised() ? c.code() + "/" + c.cause() : "not recognised";
  }

  @Override
  public String toString() {
    String first = text.strip().lines().findFirst().orElse("");
    return file + "#" + index + " [" + stack + "] " + (first.length() > 90 ? first.substring(0, 90) + "…" : first);
  }
}
