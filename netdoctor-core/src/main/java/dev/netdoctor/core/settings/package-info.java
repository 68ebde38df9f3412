/**
 * The settings of seed 000: one JSON-with-comments file ({@code appsettings.json}) with the sections
 * {@code Network}, {@code Providers}, {@code Resilience}, {@code RateLimiting}, {@code OfflineMode},
 * {@code Logging}, {@code Assets}, {@code Backend}, {@code Cors} (and netdoctor's {@code Tools}), merged with
 * environment variables, Java system properties and explicit overrides by {@link
 * dev.netdoctor.core.settings.SettingsLoader}.
 *
 * <p>Every type here is immutable and non-null: "not set" is an empty {@link java.util.Optional}, lists and maps
 * are unmodifiable copies, and each section has defaults ({@code Network.defaults()}, ...). Durations are
 * {@link java.time.Duration}s; the file keeps the seed's units (milliseconds, or seconds for
 * {@code TimeoutSeconds}, minutes for {@code CacheDurationMinutes}). Secrets are {@link
 * dev.netdoctor.core.settings.Secret}s whose {@code toString()} is redacted, so printing any record here is safe.
 * {@link dev.netdoctor.core.settings.ProxySelection} decides which proxy applies to a target, for the client and
 * the probes alike.
 */
package dev.netdoctor.core.settings;
