package dev.netdoctor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.netdoctor.core.settings.Provider;
import dev.netdoctor.core.settings.ProviderKind;
import dev.netdoctor.core.settings.Secret;
import dev.netdoctor.core.settings.Settings;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderClientTest {
  @TempDir Path home;

  private Settings withKeys() {
    Settings base = Settings.defaults(home);
    var providers = base.providers().toBuilder();
    for (ProviderKind kind : new ProviderKind[] {ProviderKind.OPENAI, ProviderKind.ANTHROPIC,
        ProviderKind.ELEVENLABS}) {
      Provider p = base.providers().require(kind.settingsName());
      providers.put(p.toBuilder().apiKey(Optional.of(Secret.of("key-for-" + kind.name().toLowerCase())))
          .useStreaming(kind == ProviderKind.OPENAI).build());
    }
    return base.toBuilder().providers(providers.build()).build();
  }

  @Test
  void eachVendorGetsItsOwnAuthHeaderAndBaseUrl() {
    try (ProviderClient client = ProviderClient.builder(withKeys()).environment(Map.of()).build()) {
      Request openai = client.newRequest("OpenAI", "chat/completions").build();
      assertThat(openai.url().toString()).isEqualTo("https://api.openai.com/v1/chat/completions");
      assertThat(openai.header("Authorization")).isEqualTo("Bearer key-for-openai");

      Request anthropic = client.newRequest("anthropic", "/messages").build();
      assertThat(anthropic.url().toString()).isEqualTo("https://api.anthropic.com/v1/messages");
      assertThat(anthropic.header("x-api-key")).isEqualTo("key-for-anthropic");
      assertThat(anthropic.header("anthropic-version")).isNotBlank();
      assertThat(anthropic.header("Authorization")).isNull();

      Request tts = client.newRequest("ElevenLabs", "text-to-speech/voice").build();
      assertThat(tts.header("xi-api-key")).isEqualTo("key-for-elevenlabs");

      Request noKey = client.newRequest("Replicate", "predictions").build();
      assertThat(noKey.header("Authorization")).isNull();
    }
  }

  @Test
  void useStreamingComesFromTheProviderEntry() {
    try (ProviderClient client = ProviderClient.builder(withKeys()).environment(Map.of()).build()) {
      assertThat(client.useStreaming("OpenAI")).isTrue();
      assertThat(client.useStreaming("Anthropic")).isFalse();
    }
  }

  @Test
  void anUnknownProviderIsCfg001NamingTheKnownOnes() {
    try (ProviderClient client = ProviderClient.builder(withKeys()).environment(Map.of()).build()) {
      NetdoctorException e = catchThrowableOfType(NetdoctorException.class,
          () -> client.newRequest("Gemini", "models"));
      assertThat(e.code()).isEqualTo("CFG001");
      assertThat(e.getMessage()).contains("Gemini").contains("OpenAI");
    }
  }

  @Test
  void aLocalProviderNeedsNoKey() {
    Settings base = Settings.defaults(home);
    Provider local = Provider.builder("LocalLlama").baseUrl(URI.create("http://localhost:11434/v1")).build();
    Settings s = base.toBuilder().providers(base.providers().toBuilder().put(local).build()).build();
    try (ProviderClient client = ProviderClient.builder(s).environment(Map.of()).build()) {
      Request r = client.newRequest("LocalLlama", "chat/completions").build();
      assertThat(r.url().toString()).isEqualTo("http://localhost:11434/v1/chat/completions");
      assertThat(r.header("Authorization")).isNull();
    }
  }
}
