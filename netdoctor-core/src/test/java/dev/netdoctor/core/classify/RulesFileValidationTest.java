package dev.netdoctor.core.classify;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netdoctor.core.codes.CodeRegistry;
import java.io.InputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One fixture per rejected rules file, each with the message a person gets: file, rule, key. */
class RulesFileValidationTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unknown-code.json           | unknown-code.json: rule 'x': unknown code 'NET999'",
      "unknown-cause.json          | unknown-cause.json: rule 'x': unknown cause 'nx' for NET002",
      "unknown-kind.json           | unknown-kind.json: rule 'x': unknown or missing 'kind' 'vibes'",
      "bad-regex.json              | bad-regex.json: rule 'x': 'regex' does not compile",
      "regex-without-triggers.json | regex-without-triggers.json: rule 'x': needs at least one entry in 'triggers'",
      "duplicate-id.json           | duplicate-id.json: rule 'x': duplicate id",
      "unknown-key.json            | unknown-key.json: rule 'x': unknown key 'colour'",
      "missing-id.json             | missing-id.json: rule #0: missing 'id'",
      "long-form-code.json         | long-form-code.json: rule 'x': write the short code 'NET002'",
      "unknown-table.json          | unknown-table.json: rule 'x': 'lookup' names unknown table 'nope'",
      "not-json.json               | not-json.json:2: not valid JSON",
  })
  void invalidRulesFileIsRejectedWithWhereAndWhat(String file, String message) throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/rules-invalid/" + file)) {
      assertThatThrownBy(() -> Classifier.load(in, file, CodeRegistry.builtIn()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith(message);
    }
  }
}
