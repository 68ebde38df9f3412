package dev.netdoctor.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdempotencyKeyTest {
  @Test
  void aKeyIsTheClientPrefixAndAVersion4UuidInItsUsualText() {
    for (int i = 0; i < 1000; i++) {
      String key = IdempotencyKey.next();
      assertThat(key).startsWith("netdoctor-retry-").hasSize("netdoctor-retry-".length() + 36);
      String text = key.substring("netdoctor-retry-".length());
      UUID uuid = UUID.fromString(text);
      assertThat(uuid.version()).isEqualTo(4);
      assertThat(uuid.variant()).isEqualTo(2);
      assertThat(uuid.toString()).isEqualTo(text);
    }
  }

  @Test
  void keysDoNotRepeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 100_000; i++) assertThat(seen.add(IdempotencyKey.next())).isTrue();
  }
}
