package dev.netdoctor.server;

import dev.netdoctor.core.kb.KnowledgeBase;
import dev.netdoctor.core.settings.Secret;
import dev.netdoctor.core.settings.Settings;
import dev.netdoctor.probe.ProbeEnvironment;
import dev.netdoctor.probe.ProbeOptions;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How {@code netdoctor serve} runs. Immutable; build with {@link #builder(Settings)}.
 *
 * <p>Safe by default: it binds {@code 127.0.0.1}, and {@link Builder#build()} refuses any address that is not a
 * loopback address unless a token is set. {@code /probe} reaches only {@link #probeTargets()} unless
 * {@link #allowAnyTarget()}.
 *
 * @param settings the application's settings: providers, backend, CORS origins
 * @param host the address to bind
 * @param port the port to bind; 0 picks a free one
 * @param token when present, every {@code /api}, {@code /metrics} and {@code /probe} request must carry
 *     {@code Authorization: Bearer <token>}
 * @param cacheTtl how long a finished diagnosis is served again without running the checks (0: never reused)
 * @param allowAnyTarget whether {@code /probe} may reach any host (off: only the configured targets)
 * @param probeTargets extra {@code host:port} pairs {@code /probe} may reach besides every provider and the backend
 * @param providers the providers to diagnose (names, ignoring case); empty: every provider in the settings
 * @param options how the checks run (budget, timeouts, trust)
 * @param environment what the checks touch (resolver, clock, files)
 * @param knowledgeBase the guides served under {@code /api/kb}
 */
public record ServerConfig(
    Settings settings,
    String host,
    int port,
    Optional<Secret> token,
    Duration cacheTtl,
    boolean allowAnyTarget,
    List<String> probeTargets,
    Set<String> providers,
    ProbeOptions options,
    ProbeEnvironment environment,
    KnowledgeBase knowledgeBase) {

  /** The default port: one above seed 000's backend port 5005. */
  public static final int DEFAULT_PORT = 5006;

  /** The default reuse time of a finished diagnosis. */
  public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(10);

  public ServerConfig {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(cacheTtl, "cacheTtl");
    probeTargets = List.copyOf(probeTargets);
    providers = Set.copyOf(providers);
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(knowledgeBase, "knowledgeBase");
    if (port < 0 || port > 65535) throw new IllegalArgumentException("port " + port + " is not in 0..65535");
    if (cacheTtl.isNegative()) throw new IllegalArgumentException("cache time " + cacheTtl + " is negative");
  }

  public static Builder builder(Settings settings) {
    return new Builder(settings);
  }

  /** Whether {@code host} names a loopback address (a literal is checked without any lookup). */
  public static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.equals("localhost")) return true;
    if (!h.matches("[0-9.]+|\\[?[0-9a-f:.]+]?")) return false;
    try {
      return InetAddress.getByName(h.replace("[", "").replace("]", "")).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** Builds a {@link ServerConfig}. */
  public static final class Builder {
    private final Settings settings;
    private String host = "127.0.0.1";
    private int port = DEFAULT_PORT;
    private Optional<Secret> token = Optional.empty();
    private Duration cacheTtl = DEFAULT_CACHE_TTL;
    private boolean allowAnyTarget;
    private List<String> probeTargets = List.of();
    private Set<String> providers = Set.of();
    private ProbeOptions options = ProbeOptions.defaults();
    private ProbeEnvironment environment = ProbeEnvironment.system();
    private KnowledgeBase knowledgeBase;

    private Builder(Settings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
    }

    public Builder host(String v) { host = v; return this; }
    public Builder port(int v) { port = v; return this; }
    public Builder token(Optional<Secret> v) { token = v; return this; }
    public Builder cacheTtl(Duration v) { cacheTtl = v; return this; }
    public Builder allowAnyTarget(boolean v) { allowAnyTarget = v; return this; }
    public Builder probeTargets(List<String> v) { probeTargets = v; return this; }
    public Builder providers(Set<String> v) { providers = v; return this; }
    public Builder options(ProbeOptions v) { options = v; return this; }
    public Builder environment(ProbeEnvironment v) { environment = v; return this; }
    public Builder knowledgeBase(KnowledgeBase v) { knowledgeBase = v; return this; }

    /**
     * @throws IllegalArgumentException when the address is not loopback and no token is set (the message says
     *     how to set one, never a token value)
     */
    public ServerConfig build() {
      if (!isLoopback(host) && token.isEmpty()) {
        throw new IllegalArgumentException("binding " + host + " makes the service reachable from other machines;"
            + " set a token with --token or the NETDOCTOR_TOKEN variable, or bind 127.0.0.1");
      }
      return new ServerConfig(settings, host, port, token, cacheTtl, allowAnyTarget, probeTargets, providers,
          options, environment, knowledgeBase == null ? KnowledgeBase.builtIn() : knowledgeBase);
    }
  }
}
