package dev.netdoctor.client.internal;

import dev.netdoctor.core.settings.Provider;
import dev.netdoctor.core.settings.ProviderKind;
import java.time.Duration;

/**
 * One provider's four timeouts.
 *
 * <ul>
 *   <li>{@code connect}: TCP and TLS set-up, 10 s (never more than {@code total});</li>
 *   <li>{@code firstByte}: from the request sent to the first byte of the answer (OkHttp's read timeout). A
 *       non-streamed LLM, TTS or image answer arrives only once generated, so this equals {@code total};</li>
 *   <li>{@code idle}: the longest silence inside a streamed body: 60 s for LLMs (reasoning models pause), 30 s
 *       for TTS audio, 120 s for image generation;</li>
 *   <li>{@code total}: {@code Providers.<Name>.TimeoutSeconds}, the whole call including retries and their
 *       waits (OkHttp's call timeout). A streamed call has no total: it lasts as long as the stream keeps
 *       moving, bounded by {@code idle}.</li>
 * </ul>
 */
public record ProviderTimeouts(Duration connect, Duration firstByte, Duration idle, Duration total) {
  static final Duration CONNECT = Duration.ofSeconds(10);

  public static ProviderTimeouts of(Provider provider) {
    Duration total = provider.timeout();
    Duration connect = total.compareTo(CONNECT) < 0 ? total : CONNECT;
    return new ProviderTimeouts(connect, total, idleFor(provider.kind()), total);
  }

  static Duration idleFor(ProviderKind kind) {
    switch (kind) {
      case ELEVENLABS: return Duration.ofSeconds(30);
      case STABILITY:
      case REPLICATE: return Duration.ofSeconds(120);
      default: return Duration.ofSeconds(60);
    }
  }
}
