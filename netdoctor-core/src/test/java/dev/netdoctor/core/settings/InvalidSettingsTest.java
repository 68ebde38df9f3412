package dev.netdoctor.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.netdoctor.core.codes.Cause;
import dev.netdoctor.core.codes.CodeRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One fixture per rejected input under {@code src/test/resources/settings/invalid/}, each with the exact message
 * it must produce (blackbox_exporter's {@code config/testdata/invalid-*.yml} style). Each fixture holds exactly
 * one error; the message is {@code <file>:<line>:<column>: <Key.Path>: <what is wrong>}, filed under the code and
 * cause of the code registry ({@code CFG004/bad-value}).
 */
class InvalidSettingsTest {
  private static final Path DIR = Path.of("src", "test", "resources", "settings", "invalid");

  static Stream<Arguments> fixtures() {
    return Stream.of(
        Arguments.of("invalid-api-key-number.json", "CFG004/bad-value",
            ":3:27: Providers.OpenAI.ApiKey: expected a string, got a number"),
        Arguments.of("invalid-api-key-variable.json", "CFG004/bad-value",
            ":3:35: Providers.OpenAI.ApiKeyVariable: expected an environment variable name such as OPENAI_API_KEY, got \"my-key\""),
        Arguments.of("invalid-assets-use-cdn-number.json", "CFG004/bad-value",
            ":3:15: Assets.UseCDN: expected true or false, got 1"),
        Arguments.of("invalid-backend-base-url.json", "CFG001/wrong-scheme",
            ":3:16: Backend.BaseUrl: expected an absolute URL (http, https), got \"localhost:5005\" (no scheme; write \"http://localhost:5005\")"),
        Arguments.of("invalid-backoff-multiplier-below-one.json", "CFG004/bad-value",
            ":3:26: Resilience.BackoffMultiplier: expected a number from 1 to 10, got 0.5"),
        Arguments.of("invalid-cache-duration-negative.json", "CFG004/bad-value",
            ":3:29: Network.CacheDurationMinutes: expected a number of minutes from 0 to 525600, got -1"),
        Arguments.of("invalid-circuit-breaker-threshold.json", "CFG004/bad-value",
            ":3:49: Resilience.CircuitBreaker.FailureRateThreshold: expected a whole number from 1 to 100, got 150"),
        Arguments.of("invalid-concurrent-requests-zero.json", "CFG004/bad-value",
            ":3:30: RateLimiting.MaxConcurrentRequests: expected a whole number from 1 to 10000, got 0"),
        Arguments.of("invalid-cors-not-a-url.json", "CFG002/missing-scheme",
            ":3:24: Cors.AllowedOrigins[0]: expected an origin such as http://localhost:5173 (scheme://host[:port]), got \"localhost\" (no scheme or host)"),
        Arguments.of("invalid-cors-path.json", "CFG002/path",
            ":3:24: Cors.AllowedOrigins[0]: expected an origin such as http://localhost:5173 (scheme://host[:port]), got \"http://localhost:3000/app\" (an origin has no path, query or user name)"),
        Arguments.of("invalid-cors-trailing-slash.json", "CFG002/trailing-slash",
            ":4:7: Cors.AllowedOrigins[0]: expected an origin such as http://localhost:5173 (scheme://host[:port]), got \"http://localhost:5173/\" (remove the trailing slash: browsers send origins without one)"),
        Arguments.of("invalid-custom-provider-without-base-url.json", "CFG001/missing",
            ":3:5: Providers.MyLlama: a provider that is not built in needs BaseUrl (e.g. \"http://localhost:11434/v1\")"),
        Arguments.of("invalid-dns-server-name.json", "CFG004/bad-value",
            ":3:20: Network.DnsServers[0]: expected an IP address with an optional port, e.g. 1.1.1.1 or [2606:4700::1111]:53, got \"dns.google\""),
        Arguments.of("invalid-empty.json", "CFG004/syntax",
            ":1:1: the file is empty; expected a JSON object such as { \"Network\": { ... } }"),
        Arguments.of("invalid-fallback-self.json", "CFG004/bad-value",
            ":3:30: Resilience.Fallbacks.OpenAI: a provider cannot be its own fallback"),
        Arguments.of("invalid-fallback-unknown-provider.json", "CFG004/bad-value",
            ":3:30: Resilience.Fallbacks.OpenAI: fallback \"Gemini\" is not a provider in Providers"),
        Arguments.of("invalid-idle-timeout-boolean.json", "CFG004/bad-value",
            ":3:30: Network.ConnectionIdleTimeout: expected a number of milliseconds, got true"),
        Arguments.of("invalid-jitter-above-one.json", "CFG004/bad-value",
            ":3:21: Resilience.JitterFactor: expected a number from 0 to 1, got 2"),
        Arguments.of("invalid-log-level-not-object.json", "CFG004/bad-value",
            ":3:17: Logging.LogLevel: expected an object, got a string"),
        Arguments.of("invalid-log-level-unknown.json", "CFG004/bad-value",
            ":4:26: Logging.LogLevel.System.Net.Http: unknown log level \"Verbose\"; expected one of Trace, Debug, Information, Warning, Error, Critical, None"),
        Arguments.of("invalid-max-batch-size-zero.json", "CFG004/bad-value",
            ":3:21: Providers.MaxBatchSize: expected a whole number from 1 to 10000, got 0"),
        Arguments.of("invalid-max-connections-zero.json", "CFG004/bad-value",
            ":3:32: Network.MaxConnectionsPerServer: expected a whole number from 1 to 10000, got 0"),
        Arguments.of("invalid-max-retry-attempts-negative.json", "CFG004/bad-value",
            ":3:25: Resilience.MaxRetryAttempts: expected a whole number from 0 to 100, got -1"),
        Arguments.of("invalid-offline-enabled-string.json", "CFG004/bad-value",
            ":3:16: OfflineMode.Enabled: expected true or false, got \"true\" (write it without quotes)"),
        Arguments.of("invalid-provider-base-url.json", "CFG001/wrong-scheme",
            ":3:28: Providers.OpenAI.BaseUrl: expected an absolute URL (http, https), got \"api.openai.com/v1\" (no scheme; write \"https://api.openai.com/v1\")"),
        Arguments.of("invalid-provider-not-object.json", "CFG004/bad-value",
            ":3:15: Providers.OpenAI: expected a provider's settings ({ \"BaseUrl\": ..., \"TimeoutSeconds\": ... }), got a string"),
        Arguments.of("invalid-provider-timeout-milliseconds.json", "CFG004/bad-value",
            ":3:39: Providers.ElevenLabs.TimeoutSeconds: expected a number of seconds from 1 to 86400, got 180000"),
        Arguments.of("invalid-provider-timeout-string.json", "CFG004/bad-value",
            ":3:35: Providers.OpenAI.TimeoutSeconds: expected a number of seconds, got \"two minutes\""),
        Arguments.of("invalid-provider-type.json", "CFG004/bad-value",
            ":3:26: Providers.Gateway.Type: unknown provider Type \"Gemini\"; expected one of OpenAI, Anthropic, ElevenLabs, StabilityAI, Replicate, OpenAICompatible"),
        Arguments.of("invalid-proxy-bypass-bad-cidr.json", "CFG004/bad-value",
            ":4:7: Network.ProxyBypass[1]: expected a host name, IP address, CIDR block or *, got \"10.0.0.0/33\" (not a valid CIDR block)"),
        Arguments.of("invalid-proxy-bypass-not-list.json", "CFG004/bad-value",
            ":3:20: Network.ProxyBypass: expected a list of host names, IP addresses or CIDR blocks, got \"localhost,127.0.0.1\""),
        Arguments.of("invalid-proxy-password-list.json", "CFG004/bad-value",
            ":3:22: Network.ProxyPassword: expected a string, got a list"),
        Arguments.of("invalid-proxy-url-ftp.json", "CFG005/malformed-url",
            ":3:17: Network.ProxyUrl: expected an absolute URL (http, https, socks5, socks5h, socks4, socks4a, socks), got \"ftp://proxy.company.example\" (scheme ftp is not supported here)"),
        Arguments.of("invalid-proxy-url-malformed.json", "CFG005/malformed-url",
            ":3:17: Network.ProxyUrl: expected an absolute URL (http, https, socks5, socks5h, socks4, socks4a, socks), got \"http://proxy example:8080\" (not a valid URL)"),
        Arguments.of("invalid-proxy-url-no-scheme.json", "CFG005/malformed-url",
            ":3:17: Network.ProxyUrl: expected an absolute URL (http, https, socks5, socks5h, socks4, socks4a, socks), got \"proxy.company.example:8080\" (no scheme; write \"http://proxy.company.example:8080\")"),
        Arguments.of("invalid-queue-limit-negative.json", "CFG004/bad-value",
            ":3:19: RateLimiting.QueueLimit: expected a whole number from 0 to 1000000, got -1"),
        Arguments.of("invalid-retry-attempts-too-many.json", "CFG004/bad-value",
            ":3:22: Network.RetryAttempts: expected a whole number from 0 to 100, got 1000"),
        Arguments.of("invalid-section-not-object.json", "CFG004/bad-value",
            ":2:14: Network: expected an object, got 5"),
        Arguments.of("invalid-syntax-missing-comma.json", "CFG004/syntax",
            ":4:5: syntax error: unexpected character '\"': was expecting comma to separate Object entries"),
        Arguments.of("invalid-syntax-single-quotes.json", "CFG004/syntax",
            ":2:3: syntax error: unexpected character ''': was expecting double-quote to start field name"),
        Arguments.of("invalid-syntax-too-deep.json", "CFG004/syntax",
            ":2:1014: syntax error: lists and objects nested more than 1000 levels deep"),
        Arguments.of("invalid-syntax-trailing-content.json", "CFG004/syntax",
            ":2:1: syntax error: unexpected text after the end of the top-level object"),
        Arguments.of("invalid-syntax-unclosed-comment.json", "CFG004/syntax",
            ":5:1: syntax error: the file ends inside a comment"),
        Arguments.of("invalid-syntax-unclosed-object.json", "CFG004/syntax",
            ":4:1: syntax error: the file ends inside an object (a '}' is missing)"),
        Arguments.of("invalid-syntax-unclosed-string.json", "CFG004/syntax",
            ":3:43: syntax error: a line break or control character inside a string (is a closing '\"' missing?)"),
        Arguments.of("invalid-syntax-unquoted-value.json", "CFG004/syntax",
            ":3:30: syntax error: a word that is not JSON (strings need double quotes; the literals are true, false and null)"),
        Arguments.of("invalid-timeout-fraction.json", "CFG004/bad-value",
            ":3:16: Network.Timeout: expected a number of milliseconds (a whole number), got 1500.5"),
        Arguments.of("invalid-timeout-negative.json", "CFG004/bad-value",
            ":3:16: Network.Timeout: expected a number of milliseconds from 1 to 3600000, got -5"),
        Arguments.of("invalid-timeout-string-number.json", "CFG004/bad-value",
            ":3:16: Network.Timeout: expected a number of milliseconds, got \"30000\" (write it without quotes)"),
        Arguments.of("invalid-timeout-string.json", "CFG004/bad-value",
            ":3:16: Network.Timeout: expected a number of milliseconds, got \"abc\""),
        Arguments.of("invalid-tls-allowed-empty.json", "CFG004/bad-value",
            ":3:27: Network.AllowedTLSVersions: expected at least one TLS version, got an empty list"),
        Arguments.of("invalid-tls-allowed-unknown-entry.json", "CFG004/bad-value",
            ":3:37: Network.AllowedTLSVersions[1]: unknown TLS version \"SSL3\"; expected one of TLS12, TLS13 (TLS10 and TLS11 are accepted but insecure)"),
        Arguments.of("invalid-tls-minimum-above-allowed.json", "CFG004/bad-value",
            ":3:26: Network.MinimumTLSVersion: TLS13 is above every version in Network.AllowedTLSVersions (TLS12); no connection could be made"),
        Arguments.of("invalid-tls-version-unknown.json", "CFG004/bad-value",
            ":3:26: Network.MinimumTLSVersion: unknown TLS version \"TLS14\"; expected one of TLS12, TLS13 (TLS10 and TLS11 are accepted but insecure)"),
        Arguments.of("invalid-top-level-array.json", "CFG004/syntax",
            ":1:1: expected a JSON object at the top level"),
        Arguments.of("invalid-use-proxy-string.json", "CFG004/bad-value",
            ":3:17: Network.UseProxy: expected true or false, got \"yes\""),
        Arguments.of("invalid-use-proxy-without-url.json", "CFG005/malformed-url",
            ":3:17: Network.UseProxy: UseProxy is true but Network.ProxyUrl is not set"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void eachInvalidFileIsRejectedWithItsLocatedMessage(String fixture, String code, String expected) {
    Path file = DIR.resolve(fixture);
    SettingsLoader loader = SettingsLoader.builder().environment(Map.of()).systemProperties(Map.of())
        .userHome(Path.of("/home/user")).file(file).build();

    SettingsException e = catchThrowableOfType(SettingsException.class, loader::load);

    assertThat(e).as("%s must be rejected", fixture).isNotNull();
    assertThat(e.errors()).extracting(SettingsProblem::toString).containsExactly(file + expected);
    assertThat(e.errors().get(0).line()).isPositive();
    SettingsProblem problem = e.errors().get(0);
    assertThat(problem.code() + "/" + problem.cause()).isEqualTo(code);
    assertThat(CodeRegistry.builtIn().require(problem.code()).causes()).extracting(Cause::id)
        .contains(problem.cause());
  }

  @Test
  void everyFixtureIsInTheTable() throws IOException {
    Set<String> listed = fixtures().map(a -> (String) a.get()[0]).collect(Collectors.toSet());
    try (Stream<Path> files = Files.list(DIR)) {
      assertThat(files.map(p -> p.getFileName().toString())).allMatch(listed::contains);
    }
  }
}
