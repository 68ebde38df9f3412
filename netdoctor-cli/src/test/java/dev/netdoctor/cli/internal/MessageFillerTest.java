package dev.netdoctor.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageFillerTest {
  @Test
  void fillsHostAndTheProviderNamedByIt() {
    assertThat(MessageFiller.fill("<name> rejected the key; the connection to <host> was reset", "api.openai.com"))
        .isEqualTo("OpenAI rejected the key; the connection to api.openai.com was reset");
  }

  @Test
  void leavesWhatItCannotFill() {
    assertThat(MessageFiller.fill("Provider <name> is unavailable at <endpoint>", "llm.internal.example"))
        .isEqualTo("Provider <name> is unavailable at <endpoint>");
    assertThat(MessageFiller.fill("no route to <host>", null)).isEqualTo("no route to <host>");
  }
}
