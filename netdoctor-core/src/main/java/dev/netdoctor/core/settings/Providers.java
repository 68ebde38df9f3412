package dev.netdoctor.core.settings;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code Providers} section: one {@link Provider} per name, plus seed 000's cache and batching switches.
 *
 * @param entries every provider by the name written in the file, in file order after the five built-ins
 *     ({@code OpenAI}, {@code Anthropic}, {@code ElevenLabs}, {@code StabilityAI}, {@code Replicate}), which
 *     are always present
 * @param enableResponseCache {@code EnableResponseCache}: cache provider responses on disk, default false
 * @param cacheDirectory {@code CacheDirectory}: where, with {@code ~} expanded; default
 *     {@code ~/.config/netdoctor/cache}
 * @param enableBatching {@code EnableBatching}: default false
 * @param maxBatchSize {@code MaxBatchSize}: default 10
 */
public record Providers(
    Map<String, Provider> entries,
    boolean enableResponseCache,
    Path cacheDirectory,
    boolean enableBatching,
    int maxBatchSize) {

  public Providers {
    entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    Objects.requireNonNull(cacheDirectory, "cacheDirectory");
  }

  /** The defaults: the five built-in providers, caches off, cache directory under {@code userHome}. */
  public static Providers defaults(Path userHome) {
    return builder(userHome).build();
  }

  /** The provider called {@code name}, ignoring case. */
  public Optional<Provider> find(String name) {
    Provider exact = entries.get(name);
    if (exact != null) return Optional.of(exact);
    return entries.values().stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst();
  }

  /** Like {@link #find} for a name the caller knows is there. */
  public Provider require(String name) {
    return find(name).orElseThrow(() -> new IllegalArgumentException("no provider named " + name));
  }

  public static Builder builder(Path userHome) {
    return new Builder(userHome);
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link Providers}; starts from the defaults with the five built-in providers. */
  public static final class Builder {
    private final Map<String, Provider> entries = new LinkedHashMap<>();
    private boolean enableResponseCache;
    private Path cacheDirectory;
    private boolean enableBatching;
    private int maxBatchSize = 10;

    private Builder(Path userHome) {
      for (ProviderKind kind : ProviderKind.values()) {
        if (kind != ProviderKind.OPENAI_COMPATIBLE) {
          Provider p = Provider.builtIn(kind);
          entries.put(p.name(), p);
        }
      }
      cacheDirectory = userHome.resolve(".config").resolve("netdoctor").resolve("cache");
    }

    private Builder(Providers p) {
      entries.putAll(p.entries);
      enableResponseCache = p.enableResponseCache;
      cacheDirectory = p.cacheDirectory;
      enableBatching = p.enableBatching;
      maxBatchSize = p.maxBatchSize;
    }

    /** Adds or replaces the entry with the same name (ignoring case). */
    public Builder put(Provider provider) {
      entries.keySet().removeIf(k -> k.equalsIgnoreCase(provider.name()));
      entries.put(provider.name(), provider);
      return this;
    }

    public Builder remove(String name) {
      entries.keySet().removeIf(k -> k.equalsIgnoreCase(name));
      return this;
    }

    public Builder enableResponseCache(boolean v) { enableResponseCache = v; return this; }
    public Builder cacheDirectory(Path v) { cacheDirectory = v; return this; }
    public Builder enableBatching(boolean v) { enableBatching = v; return this; }
    public Builder maxBatchSize(int v) { maxBatchSize = v; return this; }

    public Providers build() {
      return new Providers(entries, enableResponseCache, cacheDirectory, enableBatching, maxBatchSize);
    }
  }
}
