package dev.netdoctor.core.settings;

/**
 * The {@code OfflineMode} section.
 *
 * @param enabled {@code Enabled}: work without internet, default false
 * @param useLocalProvidersOnly {@code UseLocalProvidersOnly}: when enabled, only providers marked
 *     {@link Provider#local()} are called; the rest fail at once. Default true
 * @param cacheRemoteResponses {@code CacheRemoteResponses}: while online, keep remote responses so they can be
 *     served offline. Default false
 */
public record OfflineMode(boolean enabled, boolean useLocalProvidersOnly, boolean cacheRemoteResponses) {
  private static final OfflineMode DEFAULTS = new OfflineMode(false, true, false);

  public static OfflineMode defaults() {
    return DEFAULTS;
  }

  public OfflineMode withEnabled(boolean v) {
    return new OfflineMode(v, useLocalProvidersOnly, cacheRemoteResponses);
  }

  public OfflineMode withUseLocalProvidersOnly(boolean v) {
    return new OfflineMode(enabled, v, cacheRemoteResponses);
  }

  public OfflineMode withCacheRemoteResponses(boolean v) {
    return new OfflineMode(enabled, useLocalProvidersOnly, v);
  }
}
