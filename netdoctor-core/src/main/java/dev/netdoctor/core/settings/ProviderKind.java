package dev.netdoctor.core.settings;

import java.util.Locale;
import java.util.Optional;

/**
 * Which API a provider speaks, set by {@code Providers.<Name>.Type} (a netdoctor addition). It decides the auth
 * header, the error-body format and the endpoint used for checks. The five built-in providers have their kind
 * already; a custom entry without {@code Type} is {@link #OPENAI_COMPATIBLE}.
 */
public enum ProviderKind {
  OPENAI("OpenAI", "OPENAI_API_KEY"),
  ANTHROPIC("Anthropic", "ANTHROPIC_API_KEY"),
  ELEVENLABS("ElevenLabs", "ELEVENLABS_API_KEY"),
  STABILITY("StabilityAI", "STABILITY_API_KEY"),
  REPLICATE("Replicate", "REPLICATE_API_TOKEN"),
  /** Any server that speaks OpenAI's HTTP API: Ollama, LM Studio, vLLM, llama.cpp, LocalAI, a gateway. */
  OPENAI_COMPATIBLE("OpenAICompatible", "");

  private final String settingsName;
  private final String keyVariable;

  ProviderKind(String settingsName, String keyVariable) {
    this.settingsName = settingsName;
    this.keyVariable = keyVariable;
  }

  /** The spelling in settings files ({@code OpenAICompatible}). */
  public String settingsName() {
    return settingsName;
  }

  /** The environment variable the vendor's own SDK reads the key from; empty for OpenAI-compatible servers. */
  public String conventionalKeyVariable() {
    return keyVariable;
  }

  /** Parses a {@code Type} value, ignoring case, {@code -} and {@code _}; empty when unknown. */
  public static Optional<ProviderKind> parse(String name) {
    if (name == null) return Optional.empty();
    String n = name.trim().replace("-", "").replace("_", "").replace(" ", "").toUpperCase(Locale.ROOT);
    for (ProviderKind k : values()) {
      if (k.settingsName.toUpperCase(Locale.ROOT).equals(n) || k.name().replace("_", "").equals(n)) {
        return Optional.of(k);
      }
    }
    if (n.equals("STABILITY")) return Optional.of(STABILITY);
    if (n.equals("LOCAL") || n.equals("OLLAMA") || n.equals("LMSTUDIO") || n.equals("VLLM")) {
      return Optional.of(OPENAI_COMPATIBLE);
    }
    return Optional.empty();
  }
}
