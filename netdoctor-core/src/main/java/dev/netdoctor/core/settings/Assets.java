package dev.netdoctor.core.settings;

/**
 * The {@code Assets} section of seed 000.
 *
 * @param useCdn {@code UseCDN}: fetch static assets from a CDN, default false
 * @param cacheLocally {@code CacheLocally}: keep fetched assets on disk, default true
 */
public record Assets(boolean useCdn, boolean cacheLocally) {
  private static final Assets DEFAULTS = new Assets(false, true);

  public static Assets defaults() {
    return DEFAULTS;
  }

  public Assets withUseCdn(boolean v) {
    return new Assets(v, cacheLocally);
  }

  public Assets withCacheLocally(boolean v) {
    return new Assets(useCdn, v);
  }
}
