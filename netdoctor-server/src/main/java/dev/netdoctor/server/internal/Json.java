package dev.netdoctor.server.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.netdoctor.core.redact.Redactor;
import dev.netdoctor.core.report.ReportJson;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * The service's JSON: the report's mapper (ISO instants), compact, and every string passed through the
 * {@link Redactor} before it is written, as a second line of defence behind reports that hold no secret.
 */
public final class Json {
  private static final ObjectMapper MAPPER = ReportJson.mapper().disable(SerializationFeature.INDENT_OUTPUT);

  private Json() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** {@code value} as a tree with every string redacted. */
  public static JsonNode redactedTree(Object value) {
    return redact(MAPPER.valueToTree(value));
  }

  /** Compact JSON of {@code value}, every string redacted. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(redactedTree(value));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code {"error": message}} plus the given fields, for 4xx answers. */
  public static String error(String message, Map<String, String> fields) {
    ObjectNode o = object().put("error", message);
    fields.forEach(o::put);
    return write(o);
  }

  private static JsonNode redact(JsonNode node) {
    if (node instanceof TextNode t) {
      String r = Redactor.redact(t.textValue());
      return r.equals(t.textValue()) ? t : TextNode.valueOf(r);
    }
    if (node instanceof ObjectNode o) {
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        e.setValue(redact(e.getValue()));
      }
      return o;
    }
    if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) a.set(i, redact(a.get(i)));
      return a;
    }
    return node;
  }
}
