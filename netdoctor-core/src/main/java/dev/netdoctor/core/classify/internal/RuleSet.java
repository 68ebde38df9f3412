package dev.netdoctor.core.classify.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.netdoctor.core.codes.CodeRegistry;
import dev.netdoctor.core.codes.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The rules file, parsed and checked against the code registry, plus the trigger automaton built from every
 * rule's literals. Immutable.
 *
 * <p>Every problem is reported as an {@link IllegalArgumentException} naming the source, the rule id (or its
 * index) and the key, e.g. {@code rules.json: rule 'dns-enotfound': unknown cause 'nx' for NET002}.
 */
public final class RuleSet {
  private static final Set<String> RULE_KEYS = Set.of("id", "kind", "code", "cause", "weakCause", "layer",
      "priority", "match", "regex", "triggers", "lookup", "header", "proxyContext", "viaProxy", "note");
  private static final Set<String> ENTRY_KEYS = Set.of("code", "cause", "weakCause", "layer", "priority",
      "viaProxy", "note");

  private final List<Rule> rules;
  private final List<Rule> headerRules;
  private final TriggerAutomaton automaton;
  /** pattern index -> rules using it; negative entries ({@code ~r}) are regex triggers (no word check). */
  private final int[][] patternRules;
  private final Map<String, Layer> layerByCode;
  private final Map<String, Map<String, Rule>> tableRules;

  private RuleSet(List<Rule> rules, Map<String, Layer> layerByCode, Map<String, Map<String, Outcome>> tables) {
    this.rules = List.copyOf(rules);
    this.layerByCode = Map.copyOf(layerByCode);
    Map<String, Map<String, Rule>> byTable = new HashMap<>();
    tables.forEach((table, entries) -> {
      Map<String, Rule> entryRules = new HashMap<>();
      Kind kind = table.startsWith("curl") ? Kind.CURL_EXIT : Kind.HTTP_STATUS;
      entries.forEach((key, outcome) -> entryRules.put(key,
          new Rule(table + "-" + key, kind, outcome, List.of(), null, null, null, false)));
      byTable.put(table, Map.copyOf(entryRules));
    });
    this.tableRules = Map.copyOf(byTable);
    List<Rule> headers = new ArrayList<>();
    Map<String, Integer> patternIndex = new LinkedHashMap<>();
    Map<Integer, List<Integer>> users = new HashMap<>();
    for (int r = 0; r < this.rules.size(); r++) {
      Rule rule = this.rules.get(r);
      if (rule.kind() == Kind.HEADER) {
        headers.add(rule);
        continue;
      }
      for (String literal : rule.literals()) {
        int p = patternIndex.computeIfAbsent(TriggerAutomaton.fold(literal), k -> patternIndex.size());
        users.computeIfAbsent(p, k -> new ArrayList<>()).add(rule.isRegex() ? ~r : r);
      }
    }
    this.headerRules = List.copyOf(headers);
    this.automaton = new TriggerAutomaton(new ArrayList<>(patternIndex.keySet()));
    this.patternRules = new int[patternIndex.size()][];
    users.forEach((p, list) -> patternRules[p] = list.stream().distinct().mapToInt(Integer::intValue).toArray());
  }

  public List<Rule> rules() {
    return rules;
  }

  public Rule rule(int index) {
    return rules.get(index);
  }

  public List<Rule> headerRules() {
    return headerRules;
  }

  /** The rule standing for one entry of a lookup table (e.g. table {@code http-status}, key {@code 429}). */
  public Optional<Rule> tableEntry(String table, String key) {
    return Optional.ofNullable(tableRules.getOrDefault(table, Map.of()).get(key));
  }

  public TriggerAutomaton automaton() {
    return automaton;
  }

  /** Rules using pattern {@code p}; an entry {@code e < 0} means rule {@code ~e} uses it as a regex trigger. */
  public int[] rulesFor(int pattern) {
    return patternRules[pattern];
  }

  /** Reads and validates a rules file. */
  public static RuleSet load(InputStream in, String source, CodeRegistry registry) throws IOException {
    JsonNode root;
    try {
      ObjectMapper mapper = new ObjectMapper();
      mapper.enable(JsonParser.Feature.ALLOW_COMMENTS);
      root = mapper.readTree(in);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(source + ":" + e.getLocation().getLineNr() + ": not valid JSON: "
          + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(source + ": expected a JSON object with \"rules\"");
    }
    Map<String, Layer> layerByCode = new HashMap<>();
    JsonNode layers = root.path("layers");
    for (Iterator<Map.Entry<String, JsonNode>> it = layers.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Layer layer = layer(e.getKey(), source + ": layers");
      for (JsonNode code : e.getValue()) {
        registry.find(code.asText()).orElseThrow(() -> new IllegalArgumentException(
            source + ": layers." + e.getKey() + ": unknown code '" + code.asText() + "'"));
        layerByCode.put(code.asText(), layer);
      }
    }
    Map<String, Map<String, Outcome>> tables = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("tables").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> table = it.next();
      Map<String, Outcome> entries = new HashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> en = table.getValue().fields(); en.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = en.next();
        String where = source + ": tables." + table.getKey() + "." + entry.getKey();
        checkKeys(entry.getValue(), ENTRY_KEYS, where);
        entries.put(entry.getKey(), outcome(entry.getValue(), where, registry, layerByCode));
      }
      tables.put(table.getKey(), Map.copyOf(entries));
    }
    JsonNode list = root.path("rules");
    if (!list.isArray()) throw new IllegalArgumentException(source + ": expected a \"rules\" array");
    List<Rule> rules = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    int index = 0;
    for (JsonNode node : list) {
      String id = node.path("id").asText("");
      String where = source + ": rule " + (id.isEmpty() ? "#" + index : "'" + id + "'");
      if (id.isEmpty()) throw new IllegalArgumentException(where + ": missing 'id'");
      if (!ids.add(id)) throw new IllegalArgumentException(where + ": duplicate id");
      checkKeys(node, RULE_KEYS, where);
      rules.add(rule(node, id, where, registry, layerByCode, tables));
      index++;
    }
    return new RuleSet(rules, layerByCode, tables);
  }

  private static Rule rule(JsonNode node, String id, String where, CodeRegistry registry,
      Map<String, Layer> layerByCode, Map<String, Map<String, Outcome>> tables) {
    Kind kind = Kind.fromId(node.path("kind").asText(""));
    if (kind == null) {
      throw new IllegalArgumentException(where + ": unknown or missing 'kind' '" + node.path("kind").asText("")
          + "'");
    }
    Pattern regex = null;
    if (node.has("regex")) {
      try {
        regex = Pattern.compile(node.get("regex").asText());
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(where + ": 'regex' does not compile: " + e.getDescription(), e);
      }
    }
    List<String> literals = new ArrayList<>();
    String literalKey = regex == null ? "match" : "triggers";
    String otherKey = regex == null ? "triggers" : "match";
    if (node.has(otherKey)) {
      throw new IllegalArgumentException(where + ": '" + otherKey + "' is not allowed here; a rule with 'regex' "
          + "lists 'triggers', a rule without one lists 'match'");
    }
    JsonNode lits = node.path(literalKey);
    if (lits.isTextual()) literals.add(lits.asText());
    else lits.forEach(l -> literals.add(l.asText()));
    literals.removeIf(String::isEmpty);
    String header = node.path("header").asText(null);
    if (kind == Kind.HEADER) {
      if (header == null || regex == null) {
        throw new IllegalArgumentException(where + ": a header rule needs 'header' and 'regex'");
      }
    } else if (literals.isEmpty()) {
      throw new IllegalArgumentException(where + ": needs at least one entry in '" + literalKey + "'");
    }
    Map<String, Outcome> lookup = null;
    Outcome outcome = null;
    if (node.has("lookup")) {
      lookup = tables.get(node.get("lookup").asText());
      if (lookup == null) {
        throw new IllegalArgumentException(where + ": 'lookup' names unknown table '" + node.get("lookup").asText()
            + "'");
      }
      if (regex == null || regex.matcher("").groupCount() == 0) {
        throw new IllegalArgumentException(where + ": a 'lookup' rule needs a 'regex' with a group");
      }
    } else {
      outcome = outcome(node, where, registry, layerByCode);
    }
    return new Rule(id, kind, outcome, List.copyOf(literals), regex, lookup, header,
        node.path("proxyContext").asBoolean(false));
  }

  private static Outcome outcome(JsonNode node, String where, CodeRegistry registry,
      Map<String, Layer> layerByCode) {
    String code = node.path("code").asText("");
    if (code.isEmpty()) throw new IllegalArgumentException(where + ": missing 'code'");
    ErrorCode known = registry.find(code).orElseThrow(() -> new IllegalArgumentException(
        where + ": unknown code '" + code + "'"));
    if (!known.id().equals(code)) {
      throw new IllegalArgumentException(where + ": write the short code '" + known.id() + "', not '" + code + "'");
    }
    String cause = node.hasNonNull("cause") ? node.get("cause").asText() : null;
    if (cause != null && known.cause(cause).isEmpty()) {
      throw new IllegalArgumentException(where + ": unknown cause '" + cause + "' for " + code);
    }
    Layer layer = node.has("layer") ? layer(node.get("layer").asText(), where)
        : layerByCode.getOrDefault(code, Layer.TRANSPORT);
    Outcome viaProxy = null;
    if (node.has("viaProxy")) {
      viaProxy = outcome(node.get("viaProxy"), where + ": viaProxy", registry, layerByCode);
    }
    return new Outcome(code, cause, node.path("weakCause").asBoolean(false), layer,
        node.path("priority").asInt(0), viaProxy);
  }

  private static Layer layer(String name, String where) {
    for (Layer layer : Layer.values()) {
      if (layer.name().equalsIgnoreCase(name)) return layer;
    }
    throw new IllegalArgumentException(where + ": unknown layer '" + name + "' (wrapper, http, transport)");
  }

  private static void checkKeys(JsonNode node, Set<String> allowed, String where) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!allowed.contains(key)) throw new IllegalArgumentException(where + ": unknown key '" + key + "'");
    }
  }

  Map<String, Layer> layerByCode() {
    return layerByCode;
  }
}
