package dev.netdoctor.core.settings;

import dev.netdoctor.core.settings.internal.SettingsBinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Loads {@link Settings} from seed 000's JSON settings file, the environment and Java system properties.
 *
 * <h2>Precedence (lowest first)</h2>
 * <ol>
 *   <li>built-in defaults;</li>
 *   <li>the settings file;</li>
 *   <li>environment variables {@code NETDOCTOR_<Section>__<Key>} ({@code __} separates levels, names match
 *       ignoring case: {@code NETDOCTOR_NETWORK__TIMEOUT=60000});</li>
 *   <li>Java system properties {@code netdoctor.<Section>.<Key>} ({@code -Dnetdoctor.Network.Timeout=60000});</li>
 *   <li>{@linkplain Builder#override overrides} from code or the command line.</li>
 * </ol>
 * The conventional variables that tools share are <em>fallbacks</em>, not overrides: a provider's
 * {@code ApiKey} is read from its key variable ({@code OPENAI_API_KEY}, ...) only when no layer above sets it,
 * and {@code HTTP(S)_PROXY}/{@code NO_PROXY} are consulted by {@link ProxySelection} only when
 * {@code Network.UseProxy} is off.
 *
 * <h2>The file</h2>
 * The first of: the {@linkplain Builder#file explicit path}; the file named by {@code NETDOCTOR_SETTINGS};
 * {@code ./appsettings.json}; {@code ~/.config/netdoctor/appsettings.json}; else no file (defaults). An explicit
 * or {@code NETDOCTOR_SETTINGS} path that does not exist is an error; the other two are simply skipped.
 * The file is JSON with {@code //} and {@code /* *}{@code /} comments and trailing commas. Keys are spelled as
 * in seed 000; a key in another case is accepted with a warning naming the canonical spelling, an unknown key is
 * a warning suggesting the nearest known key.
 *
 * <p>The environment, the system properties, the working directory and the home directory are injectable, so
 * tests need neither a real environment nor real files outside their own directory. A loader is immutable and
 * may be used from several threads; each {@link #load()} reads the file again.
 */
public final class SettingsLoader {
  /** The environment variable naming the settings file. */
  public static final String SETTINGS_VARIABLE = "NETDOCTOR_SETTINGS";
  /** The file name looked for in the working directory and in {@code ~/.config/netdoctor}. */
  public static final String FILE_NAME = "appsettings.json";
  /** Prefix of system properties that set keys. */
  public static final String PROPERTY_PREFIX = "netdoctor.";
  /** Prefix of environment variables that set keys. */
  public static final String VARIABLE_PREFIX = "NETDOCTOR_";

  private final Optional<Path> file;
  private final Optional<String> text;
  private final String textName;
  private final Map<String, String> environment;
  private final Map<String, String> systemProperties;
  private final Map<String, String> overrides;
  private final Path workingDirectory;
  private final Path userHome;

  private SettingsLoader(Builder b) {
    file = b.file;
    text = b.text;
    textName = b.textName;
    environment = Map.copyOf(b.environment);
    systemProperties = Map.copyOf(b.systemProperties);
    overrides = Map.copyOf(b.overrides);
    workingDirectory = b.workingDirectory;
    userHome = b.userHome;
  }

  /** A loader over the real process: {@code System.getenv()}, {@code System.getProperties()}, cwd, home. */
  public static SettingsLoader system() {
    return builder().build();
  }

  /** A builder that defaults to the real process environment; tests replace each part. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Finds the file, reads it and merges every source.
   *
   * @throws SettingsException with every problem found when any is an error (bad syntax, a wrong type, a value
   *     out of range, a malformed URL, an unknown TLS version, a missing explicit file)
   */
  public LoadedSettings load() throws SettingsException {
    SettingsBinder binder = new SettingsBinder(userHome);
    SettingsSource source;
    if (text.isPresent()) {
      source = new SettingsSource(SettingsSource.Kind.TEXT, Optional.empty());
      binder.readText(text.get(), textName);
    } else {
      source = locate(binder);
      source.file().filter(Files::isRegularFile).ifPresent(binder::readFile);
    }
    binder.applyEnvironment(environment);
    binder.applySystemProperties(systemProperties);
    binder.applyOverrides(overrides);
    Settings settings = binder.finish(environment);
    return new LoadedSettings(settings, binder.warnings(), source, binder.keySources());
  }

  private SettingsSource locate(SettingsBinder binder) {
    if (file.isPresent()) {
      if (!Files.isRegularFile(file.get())) binder.missingFile(file.get(), "the settings file given");
      return new SettingsSource(SettingsSource.Kind.EXPLICIT, file);
    }
    String fromVariable = environment.get(SETTINGS_VARIABLE);
    if (fromVariable != null && !fromVariable.isBlank()) {
      Path p = expandHome(fromVariable.trim());
      if (!Files.isRegularFile(p)) binder.missingFile(p, SETTINGS_VARIABLE);
      return new SettingsSource(SettingsSource.Kind.ENVIRONMENT_VARIABLE, Optional.of(p));
    }
    Path local = workingDirectory.resolve(FILE_NAME);
    if (Files.isRegularFile(local)) {
      return new SettingsSource(SettingsSource.Kind.WORKING_DIRECTORY, Optional.of(local));
    }
    Path user = userHome.resolve(".config").resolve("netdoctor").resolve(FILE_NAME);
    if (Files.isRegularFile(user)) {
      return new SettingsSource(SettingsSource.Kind.USER_CONFIG, Optional.of(user));
    }
    return new SettingsSource(SettingsSource.Kind.DEFAULTS, Optional.empty());
  }

  private Path expandHome(String p) {
    if (p.equals("~")) return userHome;
    if (p.startsWith("~/")) return userHome.resolve(p.substring(2));
    return workingDirectory.resolve(p);
  }

  /** Configures a {@link SettingsLoader}. */
  public static final class Builder {
    private Optional<Path> file = Optional.empty();
    private Optional<String> text = Optional.empty();
    private String textName = "settings";
    private Map<String, String> environment = System.getenv();
    private Map<String, String> systemProperties = snapshot(System.getProperties());
    private final Map<String, String> overrides = new LinkedHashMap<>();
    private Path workingDirectory = Path.of(System.getProperty("user.dir", ".")).toAbsolutePath();
    private Path userHome = Path.of(System.getProperty("user.home", "."));

    private Builder() {}

    /** Reads exactly this file; it must exist. */
    public Builder file(Path path) {
      file = Optional.of(Objects.requireNonNull(path, "path"));
      return this;
    }

    /** Reads settings from text instead of a file; {@code name} stands for the file in messages. */
    public Builder text(String json, String name) {
      text = Optional.of(Objects.requireNonNull(json, "json"));
      textName = Objects.requireNonNull(name, "name");
      return this;
    }

    /** The environment variables to use instead of {@code System.getenv()}. */
    public Builder environment(Map<String, String> env) {
      environment = Map.copyOf(env);
      return this;
    }

    /** The system properties to use instead of {@code System.getProperties()}. */
    public Builder systemProperties(Map<String, String> properties) {
      systemProperties = Map.copyOf(properties);
      return this;
    }

    /**
     * Sets one key above every other source, e.g. {@code override("Network.Timeout", "60000")} or
     * {@code override("Providers.OpenAI.BaseUrl", "http://127.0.0.1:8080/v1")}. The value is written as in a
     * system property: lists comma-separated, durations in the file's unit.
     */
    public Builder override(String keyPath, String value) {
      overrides.put(Objects.requireNonNull(keyPath, "keyPath"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Where {@code ./appsettings.json} is looked for. */
    public Builder workingDirectory(Path dir) {
      workingDirectory = Objects.requireNonNull(dir, "dir");
      return this;
    }

    /** What {@code ~} means, and where {@code ~/.config/netdoctor} is. */
    public Builder userHome(Path dir) {
      userHome = Objects.requireNonNull(dir, "dir");
      return this;
    }

    public SettingsLoader build() {
      return new SettingsLoader(this);
    }

    private static Map<String, String> snapshot(Properties properties) {
      Map<String, String> copy = new LinkedHashMap<>();
      for (String name : properties.stringPropertyNames()) {
        String value = properties.getProperty(name);
        if (value != null) copy.put(name, value);
      }
      return copy;
    }
  }
}
