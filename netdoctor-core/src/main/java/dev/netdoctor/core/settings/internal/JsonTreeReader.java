package dev.netdoctor.core.settings.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads JSON with {@code //} and {@code /* *}{@code /} comments and trailing commas into a {@link Node} tree that
 * remembers where everything is. Syntax errors come back as one located message that never quotes the text
 * around the error (it might be a secret).
 */
final class JsonTreeReader {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
      .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
      .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .build();
  private static final Pattern QUOTED = Pattern.compile("'[^']{2,}'");
  private static final Pattern CODE = Pattern.compile("\\('(.)' \\(code \\d+\\)\\)");
  private static final Pattern SOURCE = Pattern.compile("\\s*\\(?(for|start marker at)? ?\\S* ?\\[Source:.*$",
      Pattern.DOTALL);

  /** A syntax error at a place in the text. */
  static final class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;
    final int line;
    final int column;

    SyntaxError(String message, int line, int column) {
      super(message, null, false, false);
      this.line = Math.max(1, line);
      this.column = Math.max(1, column);
    }
  }

  private JsonTreeReader() {}

  static Node read(byte[] content) throws SyntaxError {
    JsonParser parser = null;
    try {
      parser = FACTORY.createParser(content);
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new SyntaxError("the file is empty; expected a JSON object such as { \"Network\": { ... } }", 1, 1);
      }
      Node root = value(parser);
      if (!(root instanceof Node.Obj)) {
        throw new SyntaxError("expected a JSON object at the top level", root.line(), root.column());
      }
      if (parser.nextToken() != null) {
        JsonLocation at = parser.currentTokenLocation();
        throw new SyntaxError("syntax error: unexpected text after the end of the top-level object", at.getLineNr(),
            at.getColumnNr());
      }
      return root;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation() != null ? e.getLocation()
          : parser != null ? parser.currentLocation() : null;
      throw new SyntaxError("syntax error: " + describe(e.getOriginalMessage()),
          at == null ? 1 : at.getLineNr(), at == null ? 1 : at.getColumnNr());
    } catch (IOException e) {
      // CharConversionException (bad UTF-8) and the like: no JsonLocation, use the parser's position.
      JsonLocation at = parser != null ? parser.currentLocation() : null;
      String what = e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("utf")
          ? "the file is not valid UTF-8 text" : "unreadable text";
      throw new SyntaxError("syntax error: " + what, at == null ? 1 : at.getLineNr(),
          at == null ? 1 : at.getColumnNr());
    } finally {
      if (parser != null) {
        try {
          parser.close();
        } catch (IOException ignored) {
          // reading from memory
        }
      }
    }
  }

  private static Node value(JsonParser p) throws IOException {
    JsonLocation at = p.currentTokenLocation();
    int line = at.getLineNr();
    int col = at.getColumnNr();
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT: {
        List<Node.Field> fields = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          JsonLocation k = p.currentTokenLocation();
          String name = p.currentName();
          p.nextToken();
          fields.add(new Node.Field(name, k.getLineNr(), k.getColumnNr(), value(p)));
        }
        return new Node.Obj(line, col, List.copyOf(fields));
      }
      case START_ARRAY: {
        List<Node> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(value(p));
        }
        return new Node.Arr(line, col, List.copyOf(items));
      }
      case VALUE_STRING: return new Node.Scalar(Node.Kind.STRING, p.getText(), line, col);
      case VALUE_NUMBER_INT: return new Node.Scalar(Node.Kind.INTEGER, p.getText(), line, col);
      case VALUE_NUMBER_FLOAT: return new Node.Scalar(Node.Kind.DECIMAL, p.getText(), line, col);
      case VALUE_TRUE: return new Node.Scalar(Node.Kind.TRUE, "true", line, col);
      case VALUE_FALSE: return new Node.Scalar(Node.Kind.FALSE, "false", line, col);
      case VALUE_NULL: return new Node.Scalar(Node.Kind.NULL, "null", line, col);
      default:
        throw new IllegalStateException("unexpected token " + t);
    }
  }

  /** Jackson's message without the quoted text around the error and without its source excerpt. */
  static String describe(String jackson) {
    if (jackson == null) return "malformed JSON";
    String m = jackson;
    if (m.startsWith("Unexpected end-of-input")) {
      if (m.contains("close marker for Object")) return "the file ends inside an object (a '}' is missing)";
      if (m.contains("close marker for Array")) return "the file ends inside a list (a ']' is missing)";
      if (m.contains("VALUE_STRING")) return "the file ends inside a string (a '\"' is missing)";
      if (m.contains("comment")) return "the file ends inside a comment";
      return "the file ends early";
    }
    if (m.contains("nesting depth")) {
      return "lists and objects nested more than 1000 levels deep";
    }
    if (m.startsWith("Unrecognized token")) {
      return "a word that is not JSON (strings need double quotes; the literals are true, false and null)";
    }
    if (m.startsWith("Illegal unquoted character")) {
      return "a line break or control character inside a string (is a closing '\"' missing?)";
    }
    m = SOURCE.matcher(m).replaceAll("");
    m = CODE.matcher(m).replaceAll("'$1'");
    m = QUOTED.matcher(m).replaceAll("'…'");
    m = m.replaceAll("\\s+", " ").trim();
    if (m.isEmpty()) return "malformed JSON";
    return Character.toLowerCase(m.charAt(0)) + m.substring(1);
  }
}
