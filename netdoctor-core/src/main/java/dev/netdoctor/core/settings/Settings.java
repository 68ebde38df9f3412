package dev.netdoctor.core.settings;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything netdoctor reads from seed 000's settings file, immutable and non-null throughout.
 *
 * <p>Obtain one from {@link SettingsLoader} (file, environment, system properties, overrides) or, in code and
 * tests, from {@link #defaults()} and {@link #toBuilder()}. Each section has its own record with its defaults;
 * the Javadoc of each component names the file key it comes from.
 *
 * @param network {@code Network}
 * @param providers {@code Providers}
 * @param resilience {@code Resilience}
 * @param rateLimiting {@code RateLimiting}
 * @param offlineMode {@code OfflineMode}
 * @param logging {@code Logging}
 * @param assets {@code Assets}
 * @param backend {@code Backend}
 * @param cors {@code Cors}
 * @param tools {@code Tools} (netdoctor addition)
 */
public record Settings(
    Network network,
    Providers providers,
    Resilience resilience,
    RateLimiting rateLimiting,
    OfflineMode offlineMode,
    Logging logging,
    Assets assets,
    Backend backend,
    Cors cors,
    Tools tools) {

  public Settings {
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(providers, "providers");
    Objects.requireNonNull(resilience, "resilience");
    Objects.requireNonNull(rateLimiting, "rateLimiting");
    Objects.requireNonNull(offlineMode, "offlineMode");
    Objects.requireNonNull(logging, "logging");
    Objects.requireNonNull(assets, "assets");
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(cors, "cors");
    Objects.requireNonNull(tools, "tools");
  }

  /**
   * Every default, with no file, environment or system property applied (so no API key is set). The cache
   * directory lies under the {@code user.home} of this JVM.
   */
  public static Settings defaults() {
    return defaults(Path.of(System.getProperty("user.home", ".")));
  }

  /** Every default, with paths under {@code userHome}. */
  public static Settings defaults(Path userHome) {
    return builder(userHome).build();
  }

  public static Builder builder(Path userHome) {
    return new Builder(Providers.defaults(userHome));
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link Settings}; starts from the defaults. */
  public static final class Builder {
    private Network network = Network.defaults();
    private Providers providers;
    private Resilience resilience = Resilience.defaults();
    private RateLimiting rateLimiting = RateLimiting.defaults();
    private OfflineMode offlineMode = OfflineMode.defaults();
    private Logging logging = Logging.defaults();
    private Assets assets = Assets.defaults();
    private Backend backend = Backend.defaults();
    private Cors cors = Cors.defaults();
    private Tools tools = Tools.defaults();

    private Builder(Providers providers) {
      this.providers = providers;
    }

    private Builder(Settings s) {
      network = s.network;
      providers = s.providers;
      resilience = s.resilience;
      rateLimiting = s.rateLimiting;
      offlineMode = s.offlineMode;
      logging = s.logging;
      assets = s.assets;
      backend = s.backend;
      cors = s.cors;
      tools = s.tools;
    }

    public Builder network(Network v) { network = v; return this; }
    public Builder providers(Providers v) { providers = v; return this; }
    public Builder resilience(Resilience v) { resilience = v; return this; }
    public Builder rateLimiting(RateLimiting v) { rateLimiting = v; return this; }
    public Builder offlineMode(OfflineMode v) { offlineMode = v; return this; }
    public Builder logging(Logging v) { logging = v; return this; }
    public Builder assets(Assets v) { assets = v; return this; }
    public Builder backend(Backend v) { backend = v; return this; }
    public Builder cors(Cors v) { cors = v; return this; }
    public Builder tools(Tools v) { tools = v; return this; }

    public Settings build() {
      return new Settings(network, providers, resilience, rateLimiting, offlineMode, logging, assets, backend,
          cors, tools);
    }
  }
}
