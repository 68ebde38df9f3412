package dev.netdoctor.cli.internal;

import java.util.Locale;
import java.util.Map;

/**
 * Fills the placeholders of a code's user message ({@code <host>}, {@code <name>}) with what the explained text
 * names; placeholders it cannot fill stay as written, so the message still reads as a template.
 */
public final class MessageFiller {
  /** Provider names by the domain their API host is under. */
  private static final Map<String, String> PROVIDERS = Map.of(
      "openai.com", "OpenAI",
      "anthropic.com", "Anthropic",
      "elevenlabs.io", "ElevenLabs",
      "stability.ai", "Stability AI",
      "replicate.com", "Replicate");

  private MessageFiller() {}

  /** @param host the host the text names, or {@code null} */
  public static String fill(String message, String host) {
    if (host == null) return message;
    String filled = message.replace("<host>", host);
    String h = host.toLowerCase(Locale.ROOT);
    for (Map.Entry<String, String> p : PROVIDERS.entrySet()) {
      if (h.equals(p.getKey()) || h.endsWith("." + p.getKey())) {
        return filled.replace("<name>", p.getValue());
      }
    }
    return filled;
  }
}
