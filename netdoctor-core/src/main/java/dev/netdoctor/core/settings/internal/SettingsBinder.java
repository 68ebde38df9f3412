package dev.netdoctor.core.settings.internal;

import dev.netdoctor.core.settings.Assets;
import dev.netdoctor.core.settings.Backend;
import dev.netdoctor.core.settings.CircuitBreaker;
import dev.netdoctor.core.settings.Cors;
import dev.netdoctor.core.settings.LogLevel;
import dev.netdoctor.core.settings.Logging;
import dev.netdoctor.core.settings.Network;
import dev.netdoctor.core.settings.OfflineMode;
import dev.netdoctor.core.settings.Provider;
import dev.netdoctor.core.settings.ProviderKind;
import dev.netdoctor.core.settings.Providers;
import dev.netdoctor.core.settings.RateLimiting;
import dev.netdoctor.core.settings.Resilience;
import dev.netdoctor.core.settings.Secret;
import dev.netdoctor.core.settings.Settings;
import dev.netdoctor.core.settings.SettingsException;
import dev.netdoctor.core.settings.SettingsLoader;
import dev.netdoctor.core.settings.SettingsProblem;
import dev.netdoctor.core.settings.SettingsProblem.Severity;
import dev.netdoctor.core.settings.TlsVersion;
import dev.netdoctor.core.settings.Tools;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Collects settings from every source, in precedence order, into one map of canonical key path → value, then
 * builds {@link Settings}. Problems are collected, never thrown one by one: {@link #finish} throws a single
 * {@link SettingsException} with all of them when any is an error.
 *
 * <p>Not thread-safe; one binder per load.
 */
public final class SettingsBinder {
  private record Origin(String source, int line, int column) {}

  private record Assigned(Object value, Origin origin) {}

  private static final Origin DEFAULT = new Origin("defaults", 0, 0);
  private static final Set<String> BUILT_IN = Set.of("OpenAI", "Anthropic", "ElevenLabs", "StabilityAI",
      "Replicate");

  private final KeyType.Context ctx;
  private final Map<String, Assigned> values = new LinkedHashMap<>();
  /** Provider entries in the order first seen: lower-case name → canonical spelling. */
  private final Map<String, String> providerNames = new LinkedHashMap<>();
  private final Map<String, Origin> providerOrigins = new LinkedHashMap<>();
  private final List<SettingsProblem> problems = new ArrayList<>();
  /** Sources of values not assigned directly: API keys from their variables, credentials split from ProxyUrl. */
  private final Map<String, String> derivedSources = new LinkedHashMap<>();

  public SettingsBinder(Path userHome) {
    this.ctx = new KeyType.Context(userHome);
    for (ProviderKind kind : ProviderKind.values()) {
      if (kind != ProviderKind.OPENAI_COMPATIBLE) {
        providerNames.put(kind.settingsName().toLowerCase(Locale.ROOT), kind.settingsName());
      }
    }
  }

  // ---------------------------------------------------------------- sources

  /** Reads a settings file; an unreadable file or bad JSON becomes a problem. */
  public void readFile(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      problems.add(new SettingsProblem(Severity.ERROR, file.toString(), 1, 1, "",
          "cannot read the settings file (" + e.getClass().getSimpleName() + ")"));
      return;
    }
    read(bytes, file.toString());
  }

  /** Reads settings text; {@code name} stands for the file in messages. */
  public void readText(String text, String name) {
    read(text.getBytes(StandardCharsets.UTF_8), name);
  }

  /** Records that a file that had to exist does not. */
  public void missingFile(Path file, String what) {
    problems.add(new SettingsProblem(Severity.ERROR, file.toString(), 0, 0, "",
        "settings file not found (named by " + what + ")"));
  }

  private void read(byte[] bytes, String source) {
    Node root;
    try {
      root = JsonTreeReader.read(bytes);
    } catch (JsonTreeReader.SyntaxError e) {
      problems.add(new SettingsProblem(Severity.ERROR, source, e.line, e.column, "", e.getMessage()));
      return;
    }
    walk(Schema.ROOT, (Node.Obj) root, "", source);
  }

  /** Applies {@code NETDOCTOR_<Section>__<Key>} variables (names ignore case, no warning for upper case). */
  public void applyEnvironment(Map<String, String> env) {
    for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
      String name = e.getKey();
      if (name.length() <= SettingsLoader.VARIABLE_PREFIX.length()
          || !name.regionMatches(true, 0, SettingsLoader.VARIABLE_PREFIX, 0, SettingsLoader.VARIABLE_PREFIX.length())
          || !name.contains("__")) {
        continue;
      }
      List<String> segments = Arrays.asList(name.substring(SettingsLoader.VARIABLE_PREFIX.length()).split("__", -1));
      applyFlat(segments, e.getValue(), "environment variable " + name, false);
    }
  }

  /** Applies {@code netdoctor.<Section>.<Key>} system properties. */
  public void applySystemProperties(Map<String, String> properties) {
    for (Map.Entry<String, String> e : new TreeMap<>(properties).entrySet()) {
      String name = e.getKey();
      if (!name.startsWith(SettingsLoader.PROPERTY_PREFIX) || name.length() == SettingsLoader.PROPERTY_PREFIX.length()) {
        continue;
      }
      List<String> segments = Arrays.asList(name.substring(SettingsLoader.PROPERTY_PREFIX.length()).split("\\.", -1));
      applyFlat(segments, e.getValue(), "system property " + name, true);
    }
  }

  /** Applies overrides from code or the command line ({@code Network.Timeout} → value). */
  public void applyOverrides(Map<String, String> overrides) {
    for (Map.Entry<String, String> e : overrides.entrySet()) {
      applyFlat(Arrays.asList(e.getKey().split("\\.", -1)), e.getValue(), "override " + e.getKey(), true);
    }
  }

  // ---------------------------------------------------------------- the file

  private void walk(Schema.Level level, Node.Obj obj, String prefix, String source) {
    Map<String, Node.Field> seen = new LinkedHashMap<>();
    for (Node.Field field : obj.fields()) {
      Origin keyAt = new Origin(source, field.line(), field.column());
      String written = prefix + field.name();
      Resolved r = resolve(level, field.name(), field.value() instanceof Node.Obj, prefix, keyAt, true);
      if (r == null) continue;
      String path = prefix + r.name;
      Node.Field earlier = seen.put(path.toLowerCase(Locale.ROOT), field);
      if (earlier != null) {
        warn(keyAt, written, "duplicate key (also on line " + earlier.line() + "); this later value wins");
      }
      if (r.target instanceof Schema.Level child) {
        if (field.value() instanceof Node.Obj childObj) {
          if (level == Schema.ROOT.children.get("Providers") && !(level.children.containsKey(r.name))) {
            providerOrigins.putIfAbsent(r.name, keyAt);
          }
          walk(child, childObj, path + ".", source);
        } else {
          Node v = field.value();
          String noun = level.wildcard == child && level.wildcardNoun != null ? level.wildcardNoun : "an object";
          error(new Origin(source, v.line(), v.column()), path,
              "expected " + noun + ", got " + renderPlain(v));
        }
      } else {
        Schema.Key key = (Schema.Key) r.target;
        Node v = field.value();
        try {
          values.put(path, new Assigned(key.type().fromNode(v, ctx), new Origin(source, v.line(), v.column())));
        } catch (Invalid e) {
          Node at = e.at != null ? e.at : v;
          error(new Origin(source, at.line(), at.column()), path + e.suffix, e.getMessage());
        }
      }
    }
  }

  private static String renderPlain(Node v) {
    if (v instanceof Node.Obj) return "an object";
    if (v instanceof Node.Arr) return "a list";
    Node.Scalar s = (Node.Scalar) v;
    return s.kind() == Node.Kind.STRING ? "a string" : s.text();
  }

  // ---------------------------------------------------------------- flat sources

  private void applyFlat(List<String> segments, String value, String source, boolean warnCase) {
    Origin at = new Origin(source, 0, 0);
    Schema.Level level = Schema.ROOT;
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < segments.size(); i++) {
      String segment = segments.get(i);
      boolean last = i == segments.size() - 1;
      Object wildcard = level.wildcard;
      if (wildcard instanceof Schema.Key && level.find(segment).isEmpty()) {
        // a map whose keys may contain dots (log categories): the rest is the name
        String name = String.join(".", segments.subList(i, segments.size()));
        if (level.name.equals("LogLevel") && name.equalsIgnoreCase(Logging.DEFAULT_CATEGORY)) {
          name = Logging.DEFAULT_CATEGORY;
        }
        assignText(path + name, (Schema.Key) wildcard, value, at);
        return;
      }
      Resolved r = resolve(level, segment, !last, path.toString(), at, warnCase);
      if (r == null) return;
      path.append(r.name);
      if (r.target instanceof Schema.Key key) {
        if (!last) {
          warn(at, path + "." + String.join(".", segments.subList(i + 1, segments.size())),
              "unknown key (" + path + " is a single value)");
          return;
        }
        assignText(path.toString(), key, value, at);
        return;
      }
      if (last) {
        warn(at, path.toString(), "names a section, not a key; nothing set");
        return;
      }
      if (level == Schema.ROOT.children.get("Providers") && !level.children.containsKey(r.name)) {
        providerOrigins.putIfAbsent(r.name, at);
      }
      level = (Schema.Level) r.target;
      path.append('.');
    }
  }

  private void assignText(String path, Schema.Key key, String value, Origin at) {
    try {
      values.put(path, new Assigned(key.type().fromText(value, ctx), at));
    } catch (Invalid e) {
      error(at, path + e.suffix, e.getMessage());
    }
  }

  // ---------------------------------------------------------------- names

  private record Resolved(String name, Object target) {}

  /**
   * The canonical name and schema entry for {@code written} at {@code level}, or null (after a warning) when it
   * is unknown. {@code isObject}: whether the value is an object (or, for flat keys, more segments follow).
   */
  private Resolved resolve(Schema.Level level, String written, boolean isObject, String prefix, Origin at,
      boolean warnCase) {
    Optional<Map.Entry<String, Object>> fixed = level.find(written);
    if (fixed.isPresent()) {
      String canonical = fixed.get().getKey();
      if (!canonical.equals(written) && warnCase) {
        warn(at, prefix + written, "key spelled in another case; write it as " + prefix + canonical);
      }
      return new Resolved(canonical, fixed.get().getValue());
    }
    if (level.wildcard instanceof Schema.Level && !isObject) {
      // A provider entry must be an object; a scalar here is more likely a misspelt fixed key.
      Optional<String> near = Levenshtein.nearest(written, level.names());
      if (near.isPresent()) {
        warn(at, prefix + written, "unknown key (did you mean " + prefix + near.get() + "?)");
        return null;
      }
    }
    if (level.wildcard != null) {
      String name = written;
      if (level.wildcard instanceof Schema.Level) {
        String known = providerNames.get(written.toLowerCase(Locale.ROOT));
        if (known != null) {
          if (!known.equals(written) && warnCase && BUILT_IN.contains(known)) {
            warn(at, prefix + written, "provider name spelled in another case; write it as " + prefix + known);
          }
          name = known;
        } else if (isObject) {
          // only a real entry is registered; a scalar here is reported by the caller as the wrong type
          providerNames.put(written.toLowerCase(Locale.ROOT), written);
        }
      } else if (level.name.equals("LogLevel") && written.equalsIgnoreCase(Logging.DEFAULT_CATEGORY)) {
        name = Logging.DEFAULT_CATEGORY;
      }
      return new Resolved(name, level.wildcard);
    }
    Optional<String> near = Levenshtein.nearest(written, level.names());
    warn(at, prefix + written, near.map(n -> "unknown key (did you mean " + prefix + n + "?)")
        .orElse("unknown key" + (level.names().isEmpty() || level.names().size() > 8 ? ""
            : "; known keys here: " + String.join(", ", level.names()))));
    return null;
  }

  // ---------------------------------------------------------------- problems

  private void warn(Origin at, String path, String message) {
    problems.add(new SettingsProblem(Severity.WARNING, at.source(), at.line(), at.column(), path, message));
  }

  private void error(Origin at, String path, String message) {
    problems.add(new SettingsProblem(Severity.ERROR, at.source(), at.line(), at.column(), path, message));
  }

  /** Canonical key path → where its value came from, for every key some source set (after {@link #finish}). */
  public Map<String, String> keySources() {
    Map<String, String> out = new LinkedHashMap<>();
    values.forEach((path, assigned) -> out.put(path, describe(assigned.origin())));
    out.putAll(derivedSources);
    return out;
  }

  private static String describe(Origin o) {
    return o.line() > 0 ? o.source() + ":" + o.line() + ":" + o.column() : o.source();
  }

  /** Every warning so far (after {@link #finish}, all of them). */
  public List<SettingsProblem> warnings() {
    return problems.stream().filter(p -> !p.isError()).toList();
  }

  // ---------------------------------------------------------------- building

  @SuppressWarnings("unchecked")
  private <T> T get(String path, T fallback) {
    Assigned a = values.get(path);
    if (a == null || a.value() == KeyType.UNSET) return fallback;
    return (T) a.value();
  }

  @SuppressWarnings("unchecked")
  private <T> Optional<T> optional(String path, Optional<T> fallback) {
    Assigned a = values.get(path);
    if (a == null) return fallback;
    if (a.value() == KeyType.UNSET) return Optional.empty();
    return Optional.of((T) a.value());
  }

  private Origin origin(String path) {
    Assigned a = values.get(path);
    return a == null ? DEFAULT : a.origin();
  }

  private Origin originOf(String... paths) {
    for (String p : paths) {
      if (values.containsKey(p)) return values.get(p).origin();
    }
    return DEFAULT;
  }

  /**
   * Builds the settings from everything applied, checks the rules that span keys, and reads API keys from
   * {@code environment} where no source set one.
   *
   * @throws SettingsException when any problem is an error
   */
  public Settings finish(Map<String, String> environment) throws SettingsException {
    Network network = network();
    Providers providers = providers(environment);
    Resilience resilience = resilience(providers);
    Settings settings = Settings.builder(ctx.userHome())
        .network(network)
        .providers(providers)
        .resilience(resilience)
        .rateLimiting(new RateLimiting(get("RateLimiting.MaxConcurrentRequests", 5), get("RateLimiting.QueueLimit", 20)))
        .offlineMode(new OfflineMode(get("OfflineMode.Enabled", false), get("OfflineMode.UseLocalProvidersOnly", true),
            get("OfflineMode.CacheRemoteResponses", false)))
        .logging(logging())
        .assets(new Assets(get("Assets.UseCDN", false), get("Assets.CacheLocally", true)))
        .backend(new Backend(get("Backend.BaseUrl", Backend.defaults().baseUrl())))
        .cors(new Cors(get("Cors.AllowedOrigins", Cors.defaults().allowedOrigins())))
        .tools(new Tools(optional("Tools.FFmpegPath", Optional.empty())))
        .build();
    if (problems.stream().anyMatch(SettingsProblem::isError)) {
      throw new SettingsException(problems);
    }
    return settings;
  }

  private Network network() {
    Network d = Network.defaults();
    Optional<URI> proxyUrl = optional("Network.ProxyUrl", d.proxyUrl());
    Optional<String> username = optional("Network.ProxyUsername", d.proxyUsername());
    Optional<Secret> password = optional("Network.ProxyPassword", d.proxyPassword());
    if (proxyUrl.isPresent() && proxyUrl.get().getRawUserInfo() != null) {
      String info = proxyUrl.get().getRawUserInfo();
      int colon = info.indexOf(':');
      String user = decode(colon < 0 ? info : info.substring(0, colon));
      String pass = colon < 0 ? "" : decode(info.substring(colon + 1));
      String from = describe(origin("Network.ProxyUrl"));
      if (username.isEmpty() && !user.isEmpty()) {
        username = Optional.of(user);
        derivedSources.put("Network.ProxyUsername", from);
      }
      if (password.isEmpty() && !pass.isEmpty()) {
        password = Optional.of(Secret.of(pass));
        derivedSources.put("Network.ProxyPassword", from);
      }
      proxyUrl = Optional.of(withoutUserInfo(proxyUrl.get()));
    }
    boolean useProxy = get("Network.UseProxy", d.useProxy());
    if (useProxy && proxyUrl.isEmpty()) {
      error(originOf("Network.UseProxy", "Network.ProxyUrl"), "Network.UseProxy",
          "UseProxy is true but Network.ProxyUrl is not set");
    }
    if (password.isPresent() && username.isEmpty()) {
      warn(origin("Network.ProxyPassword"), "Network.ProxyPassword",
          "ProxyPassword is set but ProxyUsername is not; the password is not sent");
    }
    boolean ignoreSsl = get("Network.IgnoreSSLErrors", d.ignoreSslErrors());
    if (ignoreSsl) {
      warn(origin("Network.IgnoreSSLErrors"), "Network.IgnoreSSLErrors",
          "certificate checks are OFF: any server, an attacker's included, is trusted. Use only to debug;"
              + " add the certificate with CustomCertificatePath instead");
    }
    TlsVersion minimum = get("Network.MinimumTLSVersion", d.minimumTlsVersion());
    List<TlsVersion> allowed = get("Network.AllowedTLSVersions", d.allowedTlsVersions());
    if (allowed.isEmpty()) {
      error(origin("Network.AllowedTLSVersions"), "Network.AllowedTLSVersions",
          "expected at least one TLS version, got an empty list");
    } else if (allowed.stream().noneMatch(v -> v.atLeast(minimum))) {
      error(originOf("Network.MinimumTLSVersion", "Network.AllowedTLSVersions"), "Network.MinimumTLSVersion",
          minimum.settingsName() + " is above every version in Network.AllowedTLSVersions ("
              + String.join(", ", allowed.stream().map(TlsVersion::settingsName).toList())
              + "); no connection could be made");
    }
    boolean weak = minimum.compareTo(TlsVersion.TLS12) < 0;
    if (weak) {
      warn(origin("Network.MinimumTLSVersion"), "Network.MinimumTLSVersion",
          minimum.settingsName() + " is obsolete and disabled by current JDKs and providers; use TLS12");
    }
    return Network.builder()
        .timeout(get("Network.Timeout", d.timeout()))
        .retryAttempts(get("Network.RetryAttempts", d.retryAttempts()))
        .retryDelay(get("Network.RetryDelay", d.retryDelay()))
        .useProxy(useProxy)
        .proxyUrl(proxyUrl)
        .proxyUsername(username)
        .proxyPassword(password)
        .proxyBypass(get("Network.ProxyBypass", d.proxyBypass()))
        .useSystemProxy(get("Network.UseSystemProxy", d.useSystemProxy()))
        .ignoreSslErrors(ignoreSsl)
        .customCertificatePath(optional("Network.CustomCertificatePath", d.customCertificatePath()))
        .minimumTlsVersion(minimum)
        .allowedTlsVersions(allowed)
        .maxConnectionsPerServer(get("Network.MaxConnectionsPerServer", d.maxConnectionsPerServer()))
        .connectionIdleTimeout(get("Network.ConnectionIdleTimeout", d.connectionIdleTimeout()))
        .connectionLifetime(get("Network.ConnectionLifetime", d.connectionLifetime()))
        .enableConnectionReuse(get("Network.EnableConnectionReuse", d.enableConnectionReuse()))
        .enableHttp2(get("Network.EnableHttp2", d.enableHttp2()))
        .preferIpv4(get("Network.PreferIPv4", d.preferIpv4()))
        .enableCompression(get("Network.EnableCompression", d.enableCompression()))
        .enableCaching(get("Network.EnableCaching", d.enableCaching()))
        .cacheDuration(get("Network.CacheDurationMinutes", d.cacheDuration()))
        .dnsServers(get("Network.DnsServers", d.dnsServers()))
        .build();
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static URI withoutUserInfo(URI uri) {
    try {
      return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(),
          uri.getFragment());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e); // parts of a valid URI
    }
  }

  private Providers providers(Map<String, String> environment) {
    Providers.Builder b = Providers.builder(ctx.userHome())
        .enableResponseCache(get("Providers.EnableResponseCache", false))
        .enableBatching(get("Providers.EnableBatching", false))
        .maxBatchSize(get("Providers.MaxBatchSize", 10));
    Path cacheDir = get("Providers.CacheDirectory", null);
    if (cacheDir != null) b.cacheDirectory(cacheDir);
    for (String name : providerNames.values()) {
      String p = "Providers." + name + ".";
      Optional<ProviderKind> builtIn = ProviderKind.parse(name)
          .filter(k -> k != ProviderKind.OPENAI_COMPATIBLE && k.settingsName().equals(name));
      Provider base = builtIn.map(Provider::builtIn).orElse(null);
      URI baseUrl = get(p + "BaseUrl", base == null ? null : base.baseUrl());
      if (baseUrl == null) {
        error(providerOrigins.getOrDefault(name, DEFAULT), "Providers." + name,
            "a provider that is not built in needs BaseUrl (e.g. \"http://localhost:11434/v1\")");
        continue;
      }
      ProviderKind kind = get(p + "Type", builtIn.orElse(ProviderKind.OPENAI_COMPATIBLE));
      String variable = get(p + "ApiKeyVariable", kind.conventionalKeyVariable());
      Optional<Secret> key = optional(p + "ApiKey", Optional.empty());
      if (key.isEmpty() && !variable.isEmpty()) {
        String fromEnv = environment.get(variable);
        if (fromEnv != null && !fromEnv.isBlank()) {
          key = Optional.of(Secret.of(fromEnv.trim()));
          derivedSources.put(p + "ApiKey", "environment variable " + variable);
        }
      }
      Provider.Builder pb = Provider.builder(name)
          .kind(kind)
          .baseUrl(baseUrl)
          .timeout(get(p + "TimeoutSeconds", Provider.DEFAULT_TIMEOUT))
          .useStreaming(get(p + "UseStreaming", false))
          .apiKey(key)
          .apiKeyVariable(variable);
      Boolean local = get(p + "Local", null);
      if (local != null) pb.local(local);
      b.put(pb.build());
    }
    return b.build();
  }

  private Resilience resilience(Providers providers) {
    Resilience d = Resilience.defaults();
    CircuitBreaker cb = CircuitBreaker.defaults();
    String c = "Resilience.CircuitBreaker.";
    cb = new CircuitBreaker(get(c + "Enabled", cb.enabled()), get(c + "FailureRateThreshold", cb.failureRateThreshold()),
        get(c + "SlidingWindowSize", cb.slidingWindowSize()), get(c + "MinimumCalls", cb.minimumCalls()),
        get(c + "OpenDuration", cb.openDuration()), get(c + "HalfOpenCalls", cb.halfOpenCalls()));
    Map<String, String> fallbacks = new LinkedHashMap<>();
    Set<String> fromSeen = new HashSet<>();
    for (Map.Entry<String, Assigned> e : values.entrySet()) {
      if (!e.getKey().startsWith("Resilience.Fallbacks.") || e.getValue().value() == KeyType.UNSET) continue;
      String from = e.getKey().substring("Resilience.Fallbacks.".length());
      String to = (String) e.getValue().value();
      Optional<String> fromName = providers.find(from).map(Provider::name);
      Optional<String> toName = providers.find(to).map(Provider::name);
      if (fromName.isEmpty()) {
        error(e.getValue().origin(), e.getKey(), "no provider named " + from + " in Providers");
      } else if (toName.isEmpty()) {
        error(e.getValue().origin(), e.getKey(), "fallback " + KeyType.echo(to) + " is not a provider in Providers");
      } else if (fromName.get().equals(toName.get())) {
        error(e.getValue().origin(), e.getKey(), "a provider cannot be its own fallback");
      } else if (fromSeen.add(fromName.get())) {
        fallbacks.put(fromName.get(), toName.get());
      }
    }
    // Network.RetryAttempts/RetryDelay are the seed's other spelling of the same policy: they apply when the
    // Resilience keys are not set by any source, so there is one retry layer and both spellings work.
    Duration retryDelay = get("Resilience.RetryDelay", get("Network.RetryDelay", d.retryDelay()));
    int maxRetryAttempts = get("Resilience.MaxRetryAttempts", get("Network.RetryAttempts", d.maxRetryAttempts()));
    Duration maxRetryDelay = get("Resilience.MaxRetryDelay", d.maxRetryDelay());
    if (maxRetryDelay.compareTo(retryDelay) < 0) {
      warn(originOf("Resilience.MaxRetryDelay", "Resilience.RetryDelay"), "Resilience.MaxRetryDelay",
          "MaxRetryDelay is below RetryDelay; every retry waits MaxRetryDelay");
    }
    return Resilience.builder()
        .enableRetry(get("Resilience.EnableRetry", d.enableRetry()))
        .maxRetryAttempts(maxRetryAttempts)
        .retryDelay(retryDelay)
        .backoffMultiplier(get("Resilience.BackoffMultiplier", d.backoffMultiplier()))
        .maxRetryDelay(maxRetryDelay)
        .jitterFactor(get("Resilience.JitterFactor", d.jitterFactor()))
        .circuitBreaker(cb)
        .fallbacks(fallbacks)
        .build();
  }

  private Logging logging() {
    Map<String, LogLevel> levels = new LinkedHashMap<>();
    boolean any = false;
    for (Map.Entry<String, Assigned> e : values.entrySet()) {
      if (e.getKey().startsWith("Logging.LogLevel.") && e.getValue().value() instanceof LogLevel level) {
        levels.put(e.getKey().substring("Logging.LogLevel.".length()), level);
        any = true;
      }
    }
    if (!any) return Logging.defaults();
    levels.putIfAbsent(Logging.DEFAULT_CATEGORY, LogLevel.INFORMATION);
    return new Logging(levels);
  }
}
