package dev.netdoctor.core.codes;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A broken registry file is rejected with a message naming the file, the code and the field. */
class CodeRegistryLoadTest {
  private static final String GOOD_CODE = """
      {"id": "X001", "longName": "Example", "category": "test", "title": "Example", "message": "An example.",
       "transient": false, "retry": {"when": "FIX_THEN_RETRY", "text": "Fix it, then retry."},
       "fix": {"windows": ["a"], "macos": ["b"], "linux": ["c"]}, "causes": [], "guide": "example"}""";

  private static CodeRegistry load(String json) throws Exception {
    return CodeRegistry.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "my-codes.json");
  }

  @Test
  void missingFieldNamesFileCodeAndField() {
    String json = "{\"codes\": [" + GOOD_CODE.replace("\"message\": \"An example.\",", "") + "]}";
    assertThatThrownBy(() -> load(json)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("my-codes.json: code X001: missing field 'message'");
  }

  @Test
  void unknownRetryAdviceIsNamed() {
    String json = "{\"codes\": [" + GOOD_CODE.replace("FIX_THEN_RETRY", "SOMETIMES") + "]}";
    assertThatThrownBy(() -> load(json)).hasMessage("my-codes.json: code X001: unknown retry.when 'SOMETIMES'");
  }

  @Test
  void missingCodesArrayIsNamed() {
    assertThatThrownBy(() -> load("{\"code\": []}"))
        .hasMessage("my-codes.json: expected a top-level \"codes\" array");
  }

  @Test
  void aliasToUnknownCodeIsNamed() {
    String json = "{\"codes\": [" + GOOD_CODE + "], \"aliases\": {\"APP-1\": \"X999\"}}";
    assertThatThrownBy(() -> load(json)).hasMessage("alias APP-1 points at unknown code X999");
  }
}
