package dev.netdoctor.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {
  static final Path SAMPLE = Path.of("..", "examples", "appsettings.json");

  @TempDir Path home;
  @TempDir Path cwd;

  private SettingsLoader.Builder isolated() {
    return SettingsLoader.builder().environment(Map.of()).systemProperties(Map.of()).userHome(home)
        .workingDirectory(cwd);
  }

  private LoadedSettings loadText(String json) throws SettingsException {
    return isolated().text(json, "appsettings.json").build().load();
  }

  private SettingsException failure(String json) {
    return catchThrowableOfType(SettingsException.class, () -> loadText(json));
  }

  @ParameterizedTest
  @ValueSource(strings = {"socks5", "socks5h", "socks4", "socks4a", "socks"})
  void everySocksSchemeIsAProxyUrlAndGetsPort1080(String scheme) throws Exception {
    Settings s = loadText("{ \"Network\": { \"UseProxy\": true, \"ProxyUrl\": \"" + scheme
        + "://socks.example\" } }").settings();

    assertThat(ProxySelection.of(s.network(), Map.of(), Map.of()).select(URI.create("https://api.openai.com/v1"))
        .proxy()).contains(URI.create(scheme + "://socks.example:1080"));
  }

  @Test
  void fullSampleLoadsEverySeedKeyWithoutWarnings() throws Exception {
    LoadedSettings loaded = isolated().file(SAMPLE).build().load();
    Settings s = loaded.settings();

    assertThat(loaded.warnings()).isEmpty();
    assertThat(loaded.source().kind()).isEqualTo(SettingsSource.Kind.EXPLICIT);
    Network n = s.network();
    assertThat(n.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(n.retryAttempts()).isEqualTo(3);
    assertThat(n.retryDelay()).isEqualTo(Duration.ofSeconds(1));
    assertThat(n.useProxy()).isFalse();
    assertThat(n.proxyUrl()).contains(URI.create("http://proxy.company.example:8080"));
    assertThat(n.proxyUsername()).contains("your-username");
    assertThat(n.proxyPassword().map(Secret::reveal)).contains("your-password");
    assertThat(n.proxyBypass()).containsExactly("localhost", "127.0.0.1", "::1");
    assertThat(n.customCertificatePath()).contains(home.resolve("certs/company-root.pem"));
    assertThat(n.minimumTlsVersion()).isEqualTo(TlsVersion.TLS12);
    assertThat(n.allowedTlsVersions()).containsExactly(TlsVersion.TLS12, TlsVersion.TLS13);
    assertThat(n.maxConnectionsPerServer()).isEqualTo(10);
    assertThat(n.connectionIdleTimeout()).isEqualTo(Duration.ofSeconds(90));
    assertThat(n.connectionLifetime()).isEqualTo(Duration.ofMinutes(10));
    assertThat(n.enableCaching()).isTrue();
    assertThat(n.cacheDuration()).isEqualTo(Duration.ofMinutes(60));
    assertThat(n.dnsServers()).containsExactly("1.1.1.1", "8.8.8.8:53");

    Provider openAi = s.providers().require("openai");
    assertThat(openAi.timeout()).isEqualTo(Duration.ofSeconds(120));
    assertThat(openAi.useStreaming()).isTrue();
    assertThat(openAi.apiKey()).isEmpty();
    assertThat(s.providers().require("ElevenLabs").timeout()).isEqualTo(Duration.ofSeconds(180));
    Provider local = s.providers().require("LocalLlama");
    assertThat(local.kind()).isEqualTo(ProviderKind.OPENAI_COMPATIBLE);
    assertThat(local.local()).isTrue();
    assertThat(local.baseUrl()).isEqualTo(URI.create("http://localhost:11434/v1"));
    assertThat(s.providers().cacheDirectory()).isEqualTo(home.resolve(".config/netdoctor/cache"));
    assertThat(s.providers().enableBatching()).isTrue();
    assertThat(s.providers().maxBatchSize()).isEqualTo(10);

    assertThat(s.resilience().retryDelay()).isEqualTo(Duration.ofSeconds(2));
    assertThat(s.resilience().backoffMultiplier()).isEqualTo(2.0);
    assertThat(s.resilience().fallbacks()).containsEntry("OpenAI", "LocalLlama");
    assertThat(s.rateLimiting()).isEqualTo(new RateLimiting(5, 20));
    assertThat(s.offlineMode().cacheRemoteResponses()).isTrue();
    assertThat(s.logging().levelFor("System.Net.Http.HttpClient")).contains(LogLevel.TRACE);
    assertThat(s.logging().levelFor("dev.netdoctor.client.Retry")).contains(LogLevel.DEBUG);
    assertThat(s.logging().levelFor("something.else")).contains(LogLevel.INFORMATION);
    assertThat(s.assets()).isEqualTo(new Assets(false, true));
    assertThat(s.backend().baseUrl()).isEqualTo(URI.create("http://localhost:5005"));
    assertThat(s.cors().allowedOrigins()).containsExactly("http://localhost:5173", "http://localhost:3000", "app://.");
    assertThat(s.tools().ffmpegPath()).contains(Path.of("/usr/bin/ffmpeg"));
  }

  @Test
  void noFileAnywhereGivesTheSeedDefaults() throws Exception {
    LoadedSettings loaded = isolated().build().load();

    assertThat(loaded.source().kind()).isEqualTo(SettingsSource.Kind.DEFAULTS);
    assertThat(loaded.settings()).isEqualTo(Settings.defaults(home));
    Network n = loaded.settings().network();
    assertThat(n.timeout()).isEqualTo(Duration.ofMillis(30_000));
    assertThat(n.minimumTlsVersion()).isEqualTo(TlsVersion.TLS12);
    assertThat(n.maxConnectionsPerServer()).isEqualTo(10);
    assertThat(loaded.settings().resilience().maxRetryAttempts()).isEqualTo(3);
    assertThat(loaded.settings().backend().baseUrl()).isEqualTo(URI.create("http://localhost:5005"));
  }

  @Test
  void fileLookupPrefersTheVariableThenTheWorkingDirectoryThenTheUserConfig() throws Exception {
    Path userFile = home.resolve(".config/netdoctor/appsettings.json");
    Files.createDirectories(userFile.getParent());
    Files.writeString(userFile, "{ \"Network\": { \"Timeout\": 3 } }");
    assertThat(isolated().build().load().source().kind()).isEqualTo(SettingsSource.Kind.USER_CONFIG);
    assertThat(isolated().build().load().settings().network().timeout()).isEqualTo(Duration.ofMillis(3));

    Files.writeString(cwd.resolve("appsettings.json"), "{ \"Network\": { \"Timeout\": 2 } }");
    LoadedSettings fromCwd = isolated().build().load();
    assertThat(fromCwd.source()).isEqualTo(new SettingsSource(SettingsSource.Kind.WORKING_DIRECTORY,
        Optional.of(cwd.resolve("appsettings.json"))));
    assertThat(fromCwd.settings().network().timeout()).isEqualTo(Duration.ofMillis(2));

    Path named = cwd.resolve("other.json");
    Files.writeString(named, "{ \"Network\": { \"Timeout\": 1 } }");
    LoadedSettings fromVariable = isolated().environment(Map.of("NETDOCTOR_SETTINGS", named.toString())).build().load();
    assertThat(fromVariable.source().kind()).isEqualTo(SettingsSource.Kind.ENVIRONMENT_VARIABLE);
    assertThat(fromVariable.settings().network().timeout()).isEqualTo(Duration.ofMillis(1));

    Path explicit = cwd.resolve("explicit.json");
    Files.writeString(explicit, "{ \"Network\": { \"Timeout\": 4 } }");
    LoadedSettings fromPath = isolated().environment(Map.of("NETDOCTOR_SETTINGS", named.toString())).file(explicit)
        .build().load();
    assertThat(fromPath.source().describe()).isEqualTo(explicit + " (given explicitly)");
    assertThat(fromPath.settings().network().timeout()).isEqualTo(Duration.ofMillis(4));
  }

  @Test
  void aWindowsFileWithByteOrderMarkAndCrlfLoadsAndKeepsLineNumbers() throws Exception {
    Path file = cwd.resolve("appsettings.json");
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = "{\r\n  \"Network\": {\r\n    \"Timeout\": 60000,\r\n    \"Timout\": 1\r\n  }\r\n}\r\n"
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] all = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, all, 0, bom.length);
    System.arraycopy(body, 0, all, bom.length, body.length);
    Files.write(file, all);

    LoadedSettings loaded = isolated().build().load();

    assertThat(loaded.settings().network().timeout()).isEqualTo(Duration.ofMinutes(1));
    assertThat(loaded.warnings()).extracting(SettingsProblem::line).containsExactly(4);
  }

  @Test
  void aFileFarTooLargeForSettingsIsRejectedWithoutReadingIt() throws Exception {
    Path big = cwd.resolve("appsettings.json");
    Files.write(big, new byte[1024 * 1024 + 1]);

    assertThatThrownBy(() -> isolated().build().load())
        .hasMessage("invalid settings: " + big + ":1:1: the settings file is larger than 1024 KiB; is it the right file?");
  }

  @Test
  void aMissingExplicitFileIsAnError() {
    Path missing = cwd.resolve("nope.json");
    assertThatThrownBy(() -> isolated().file(missing).build().load())
        .isInstanceOf(SettingsException.class)
        .hasMessage("invalid settings: " + missing + ": settings file not found (named by the settings file given)");
    assertThatThrownBy(() -> isolated().environment(Map.of("NETDOCTOR_SETTINGS", missing.toString())).build().load())
        .hasMessageContaining("settings file not found (named by NETDOCTOR_SETTINGS)");
  }

  @Test
  void precedenceIsDefaultsThenFileThenEnvironmentThenSystemPropertiesThenOverrides() throws Exception {
    String file = "{ \"Network\": { \"Timeout\": 1000, \"RetryAttempts\": 5, \"RetryDelay\": 10,"
        + " \"MaxConnectionsPerServer\": 7 } }";
    Map<String, String> env = Map.of(
        "NETDOCTOR_NETWORK__TIMEOUT", "2000",
        "NETDOCTOR_Network__RetryAttempts", "6",
        "NETDOCTOR_Network__RetryDelay", "20");
    Map<String, String> props = Map.of(
        "netdoctor.Network.Timeout", "3000",
        "netdoctor.Network.RetryAttempts", "8");
    Network n = isolated().text(file, "appsettings.json").environment(env).systemProperties(props)
        .override("Network.Timeout", "4000").build().load().settings().network();

    assertThat(n.timeout()).isEqualTo(Duration.ofMillis(4000));       // override wins
    assertThat(n.retryAttempts()).isEqualTo(8);                        // system property over environment
    assertThat(n.retryDelay()).isEqualTo(Duration.ofMillis(20));       // environment over file
    assertThat(n.maxConnectionsPerServer()).isEqualTo(7);              // file over default
    assertThat(n.connectionLifetime()).isEqualTo(Duration.ofMinutes(10)); // default
  }

  @Test
  void eachKeyReportsWhereItsValueCameFrom() throws Exception {
    LoadedSettings loaded = isolated()
        .text("{\n  \"Network\": {\n    \"Timeout\": 1000,\n    \"RetryDelay\": 10\n  }\n}", "appsettings.json")
        .environment(Map.of("NETDOCTOR_NETWORK__RETRYDELAY", "20", "OPENAI_API_KEY", "sk-env-0123456789"))
        .systemProperties(Map.of("netdoctor.Providers.OpenAI.TimeoutSeconds", "90"))
        .override("Network.PreferIPv4", "true")
        .build().load();

    assertThat(loaded.keySources())
        .containsEntry("Network.Timeout", "appsettings.json:3:16")
        .containsEntry("Network.RetryDelay", "environment variable NETDOCTOR_NETWORK__RETRYDELAY")
        .containsEntry("Providers.OpenAI.TimeoutSeconds", "system property netdoctor.Providers.OpenAI.TimeoutSeconds")
        .containsEntry("Network.PreferIPv4", "override Network.PreferIPv4")
        .containsEntry("Providers.OpenAI.ApiKey", "environment variable OPENAI_API_KEY")
        .doesNotContainKey("Network.MaxConnectionsPerServer");
  }

  @Test
  void networkRetryKeysFeedTheRetryPolicyUnlessResilienceSetsIt() throws Exception {
    Resilience fromNetwork = loadText("{ \"Network\": { \"RetryAttempts\": 5, \"RetryDelay\": 250 } }")
        .settings().resilience();
    assertThat(fromNetwork.maxRetryAttempts()).isEqualTo(5);
    assertThat(fromNetwork.retryDelay()).isEqualTo(Duration.ofMillis(250));

    Resilience both = loadText("{ \"Network\": { \"RetryAttempts\": 5, \"RetryDelay\": 250 },"
        + " \"Resilience\": { \"MaxRetryAttempts\": 1, \"RetryDelay\": 4000 } }").settings().resilience();
    assertThat(both.maxRetryAttempts()).isEqualTo(1);
    assertThat(both.retryDelay()).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void flatSourcesReachProvidersLogCategoriesAndLists() throws Exception {
    Map<String, String> props = Map.of(
        "netdoctor.Providers.OpenAI.TimeoutSeconds", "90",
        "netdoctor.Providers.Mine.BaseUrl", "http://127.0.0.1:8080/v1",
        "netdoctor.Logging.LogLevel.System.Net.Http", "Trace",
        "netdoctor.Network.AllowedTLSVersions", "TLS13",
        "netdoctor.Network.MinimumTLSVersion", "TLSv1.3",
        "netdoctor.Cors.AllowedOrigins", "https://app.example.com, http://localhost:3000");
    Settings s = isolated().systemProperties(props).build().load().settings();

    assertThat(s.providers().require("OpenAI").timeout()).isEqualTo(Duration.ofSeconds(90));
    assertThat(s.providers().require("Mine").local()).isTrue();
    assertThat(s.providers().require("Mine").kind()).isEqualTo(ProviderKind.OPENAI_COMPATIBLE);
    assertThat(s.logging().logLevel()).containsEntry("System.Net.Http", LogLevel.TRACE);
    assertThat(s.network().allowedTlsVersions()).containsExactly(TlsVersion.TLS13);
    assertThat(s.network().effectiveTlsVersions()).containsExactly(TlsVersion.TLS13);
    assertThat(s.cors().allowedOrigins()).containsExactly("https://app.example.com", "http://localhost:3000");
  }

  @Test
  void apiKeysComeFromTheConventionalVariablesOnlyWhenNoSourceSetsThem() throws Exception {
    Map<String, String> env = Map.of(
        "OPENAI_API_KEY", "sk-from-env-0123456789",
        "ANTHROPIC_API_KEY", "sk-ant-from-env-0123456789",
        "ELEVENLABS_API_KEY", "el-from-env",
        "STABILITY_API_KEY", "st-from-env",
        "REPLICATE_API_TOKEN", "r8_from_env_0123456789",
        "MY_GATEWAY_KEY", "gw-from-env");
    String file = "{ \"Providers\": { \"OpenAI\": { \"ApiKey\": \"sk-from-file-0123456789\" },"
        + " \"Gateway\": { \"BaseUrl\": \"https://gw.example.com/v1\", \"ApiKeyVariable\": \"MY_GATEWAY_KEY\" } } }";
    Providers p = isolated().text(file, "appsettings.json").environment(env).build().load().settings().providers();

    assertThat(p.require("OpenAI").apiKey().map(Secret::reveal)).contains("sk-from-file-0123456789");
    assertThat(p.require("Anthropic").apiKey().map(Secret::reveal)).contains("sk-ant-from-env-0123456789");
    assertThat(p.require("ElevenLabs").apiKey().map(Secret::reveal)).contains("el-from-env");
    assertThat(p.require("StabilityAI").apiKey().map(Secret::reveal)).contains("st-from-env");
    assertThat(p.require("Replicate").apiKey().map(Secret::reveal)).contains("r8_from_env_0123456789");
    assertThat(p.require("Gateway").apiKey().map(Secret::reveal)).contains("gw-from-env");
    assertThat(p.require("Gateway").local()).isFalse();
    assertThat(p.toString()).doesNotContain("from-env", "from-file", "from_env");
  }

  @Test
  void credentialsInProxyUrlMoveToUsernameAndPassword() throws Exception {
    Network n = loadText("{ \"Network\": { \"UseProxy\": true, \"ProxyUrl\": \"http://bob:s%40cret@proxy.example:3128\" } }")
        .settings().network();

    assertThat(n.proxyUrl()).contains(URI.create("http://proxy.example:3128"));
    assertThat(n.proxyUsername()).contains("bob");
    assertThat(n.proxyPassword().map(Secret::reveal)).contains("s@cret");
    assertThat(n.toString()).doesNotContain("s@cret").doesNotContain("s%40cret");
  }

  @Test
  void aKeyInAnotherCaseIsAcceptedWithAWarningNamingTheCanonicalSpelling() throws Exception {
    LoadedSettings loaded = loadText("{\n  \"network\": {\n    \"timeout\": 5000\n  }\n}");

    assertThat(loaded.settings().network().timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(loaded.warnings()).extracting(SettingsProblem::toString).containsExactly(
        "appsettings.json:2:3: network: warning: key spelled in another case; write it as Network",
        "appsettings.json:3:5: Network.timeout: warning: key spelled in another case; write it as Network.Timeout");
  }

  @Test
  void anUnknownKeyIsAWarningWithTheNearestKnownKey() throws Exception {
    LoadedSettings loaded = loadText("{\n  \"Network\": {\n    \"Timout\": 5000,\n    \"Frobnicate\": 1\n  },\n"
        + "  \"Resilence\": {},\n  \"Providers\": { \"EnableBatchin\": true }\n}");

    assertThat(loaded.settings().network().timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(loaded.warnings()).extracting(SettingsProblem::toString).containsExactly(
        "appsettings.json:3:5: Network.Timout: warning: unknown key (did you mean Network.Timeout?)",
        "appsettings.json:4:5: Network.Frobnicate: warning: unknown key",
        "appsettings.json:6:3: Resilence: warning: unknown key (did you mean Resilience?)",
        "appsettings.json:7:18: Providers.EnableBatchin: warning: unknown key (did you mean Providers.EnableBatching?)");
  }

  @Test
  void providerEntriesGetTheSameSpellingHelp() throws Exception {
    LoadedSettings loaded = loadText("{\n  \"Providers\": {\n    \"openai\": {\n      \"TimeoutSecond\": 120,\n"
        + "      \"timeoutseconds\": 90\n    }\n  }\n}");

    assertThat(loaded.settings().providers().require("OpenAI").timeout()).isEqualTo(Duration.ofSeconds(90));
    assertThat(loaded.warnings()).extracting(SettingsProblem::toString).containsExactly(
        "appsettings.json:3:5: Providers.openai: warning: provider name spelled in another case;"
            + " write it as Providers.OpenAI",
        "appsettings.json:4:7: Providers.OpenAI.TimeoutSecond: warning: unknown key"
            + " (did you mean Providers.OpenAI.TimeoutSeconds?)",
        "appsettings.json:5:7: Providers.OpenAI.timeoutseconds: warning: key spelled in another case;"
            + " write it as Providers.OpenAI.TimeoutSeconds");
  }

  @Test
  void everyErrorIsCollectedNotOnlyTheFirst() {
    SettingsException e = failure("{\n  \"Network\": {\n    \"Timeout\": \"abc\",\n    \"MaxConnectionsPerServer\": -1,\n"
        + "    \"MinimumTLSVersion\": \"TLS14\"\n  },\n  \"Backend\": { \"BaseUrl\": \"localhost:5005\" }\n}");

    assertThat(e.errors()).extracting(SettingsProblem::toString).containsExactly(
        "appsettings.json:3:16: Network.Timeout: expected a number of milliseconds, got \"abc\"",
        "appsettings.json:4:32: Network.MaxConnectionsPerServer: expected a whole number from 1 to 10000, got -1",
        "appsettings.json:5:26: Network.MinimumTLSVersion: unknown TLS version \"TLS14\"; expected one of TLS12,"
            + " TLS13 (TLS10 and TLS11 are accepted but insecure)",
        "appsettings.json:7:27: Backend.BaseUrl: expected an absolute URL (http, https), got \"localhost:5005\""
            + " (no scheme; write \"http://localhost:5005\")");
    assertThat(e.getMessage()).startsWith("invalid settings (4 errors):\nappsettings.json:3:16: Network.Timeout");
  }

  @Test
  void secretsOfTheWrongTypeAreNeverEchoed() {
    SettingsException e = failure("{ \"Network\": { \"ProxyPassword\": [\"hunter2-secret\"] },"
        + " \"Providers\": { \"OpenAI\": { \"ApiKey\": 12345678987654321 },"
        + " \"Anthropic\": { \"ApiKey\": { \"v\": \"sk-ant-nested-secret\" } } } }");

    assertThat(e.errors()).extracting(SettingsProblem::message).containsExactly(
        "expected a string, got a list", "expected a string, got a number", "expected a string, got an object");
    assertThat(e.getMessage()).doesNotContain("hunter2", "12345678987654321", "nested-secret");
  }

  @Test
  void secretsInSystemPropertiesAreNeverEchoedEither() throws Exception {
    LoadedSettings loaded = isolated().systemProperties(Map.of(
        "netdoctor.Providers.OpenAI.ApiKey", "sk-prop-secret-0123456789",
        "netdoctor.Providers.OpenAI.ApiKye", "sk-typo-secret-0123456789")).build().load();

    assertThat(loaded.settings().providers().require("OpenAI").apiKey().map(Secret::reveal))
        .contains("sk-prop-secret-0123456789");
    assertThat(loaded.warnings()).extracting(SettingsProblem::toString).containsExactly(
        "system property netdoctor.Providers.OpenAI.ApiKye: Providers.OpenAI.ApiKye: warning: unknown key"
            + " (did you mean Providers.OpenAI.ApiKey?)");
  }

  @Test
  void aProxyUrlWithCredentialsIsMaskedInItsError() {
    SettingsException e = failure("{ \"Network\": { \"ProxyUrl\": \"ftp://bob:hunter2@proxy.example\" } }");

    assertThat(e.getMessage()).contains("\"ftp://bob:***@proxy.example\"").doesNotContain("hunter2");
  }

  @Test
  void insecureSwitchesLoadWithALoudWarning() throws Exception {
    LoadedSettings loaded = loadText("{ \"Network\": { \"IgnoreSSLErrors\": true } }");

    assertThat(loaded.settings().network().ignoreSslErrors()).isTrue();
    assertThat(loaded.warnings()).singleElement().satisfies(w -> {
      assertThat(w.path()).isEqualTo("Network.IgnoreSSLErrors");
      assertThat(w.message()).contains("certificate checks are OFF");
      assertThat(w.code() + "/" + w.cause()).isEqualTo("CFG003/ignore-ssl-errors");
    });
    assertThat(loadText("{ \"Network\": { \"MinimumTLSVersion\": \"TLS11\", \"Timout\": 1 } }").warnings())
        .extracting(p -> p.code() + "/" + p.cause())
        .containsExactly("CFG004/unknown-key", "CFG006/min-version-too-low");
  }

  @Test
  void nullAndEmptyStringMeanNotSetForOptionalKeys() throws Exception {
    Network n = loadText("{ \"Network\": { \"ProxyUrl\": null, \"ProxyUsername\": \"\","
        + " \"CustomCertificatePath\": null } }").settings().network();

    assertThat(n.proxyUrl()).isEmpty();
    assertThat(n.proxyUsername()).isEmpty();
    assertThat(n.customCertificatePath()).isEmpty();
  }

  @Test
  void aLaterSourceCanUnsetAnOptionalKey() throws Exception {
    Network n = isolated().text("{ \"Network\": { \"ProxyUrl\": \"http://p.example:1\" } }", "appsettings.json")
        .override("Network.ProxyUrl", "").build().load().settings().network();

    assertThat(n.proxyUrl()).isEmpty();
  }

  @Test
  void duplicateKeysWarnAndTheLaterValueWins() throws Exception {
    LoadedSettings loaded = loadText("{\n\"Network\": {\n\"Timeout\": 1,\n\"Timeout\": 2\n}\n}");

    assertThat(loaded.settings().network().timeout()).isEqualTo(Duration.ofMillis(2));
    assertThat(loaded.warnings()).extracting(SettingsProblem::toString).containsExactly(
        "appsettings.json:4:1: Network.Timeout: warning: duplicate key (also on line 3); this later value wins");
  }

  @Test
  void aBadEnvironmentValueNamesTheVariable() {
    assertThatThrownBy(() -> isolated().environment(Map.of("NETDOCTOR_NETWORK__TIMEOUT", "soon")).build().load())
        .hasMessage("invalid settings: environment variable NETDOCTOR_NETWORK__TIMEOUT: Network.Timeout:"
            + " expected a number of milliseconds, got \"soon\"");
  }

  @Test
  void settingsPrintWithoutSecrets() throws Exception {
    Settings s = isolated().environment(Map.of("OPENAI_API_KEY", "sk-verysecret-0123456789"))
        .systemProperties(Map.of("netdoctor.Network.ProxyPassword", "pw-verysecret")).build().load().settings();

    assertThat(s.toString()).doesNotContain("verysecret").contains(Secret.REDACTED);
  }

  @Test
  void recordsAreImmutable() {
    Settings s = Settings.defaults(Path.of("/home/x"));
    assertThatThrownBy(() -> s.network().proxyBypass().add("x")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> s.providers().entries().clear()).isInstanceOf(UnsupportedOperationException.class);
    Settings changed = s.toBuilder().network(s.network().toBuilder().timeout(Duration.ofSeconds(5)).build()).build();
    assertThat(changed.network().timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(s.network().timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(List.copyOf(s.providers().entries().keySet()))
        .containsExactly("OpenAI", "Anthropic", "ElevenLabs", "StabilityAI", "Replicate");
  }

  @Test
  void providerWithoutTimeoutSecondsInheritsNetworkTimeout() throws Exception {
    Settings s = loadText("{ \"Network\": { \"Timeout\": 90500 }, \"Providers\": { \"Anthropic\": { \"TimeoutSeconds\": 120 } } }")
        .settings();
    assertThat(s.providers().require("OpenAI").timeout()).isEqualTo(Duration.ofSeconds(91));
    assertThat(s.providers().require("Anthropic").timeout()).isEqualTo(Duration.ofSeconds(120));
    assertThat(loadText("{}").settings().providers().require("OpenAI").timeout()).isEqualTo(Duration.ofSeconds(30));
  }
}
