package dev.netdoctor.core.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProxySelectionTest {
  private static final Network PLAIN = Network.defaults();

  private static ProxyDecision select(Network network, Map<String, String> env, Map<String, String> props,
      String target) {
    return ProxySelection.of(network, env, props).select(URI.create(target));
  }

  private static ProxyDecision withEnv(Map<String, String> env, String target) {
    return select(PLAIN, env, Map.of(), target);
  }

  @Test
  void nothingConfiguredMeansDirect() {
    ProxyDecision d = withEnv(Map.of(), "https://api.openai.com/v1/models");

    assertThat(d.isDirect()).isTrue();
    assertThat(d.origin()).isEqualTo(ProxyDecision.Origin.NONE);
    assertThat(d.reason()).startsWith("no proxy configured");
  }

  @Test
  void settingsProxyIsUsedWithItsCredentialsAndBeatsTheEnvironment() {
    Network n = PLAIN.toBuilder().useProxy(true).proxyUrl(Optional.of(URI.create("http://proxy.example")))
        .proxyUsername(Optional.of("bob")).proxyPassword(Optional.of(Secret.of("hunter2"))).build();

    ProxyDecision d = select(n, Map.of("HTTPS_PROXY", "http://other.example:3128"), Map.of(),
        "https://api.openai.com/v1");

    assertThat(d.proxy()).contains(URI.create("http://proxy.example:80"));
    assertThat(d.origin()).isEqualTo(ProxyDecision.Origin.SETTINGS);
    assertThat(d.credentials()).contains(new ProxyCredentials("bob", Secret.of("hunter2")));
    assertThat(d.reason()).isEqualTo("Network.UseProxy is on: using Network.ProxyUrl http://proxy.example:80 as user bob");
    assertThat(d.toString()).doesNotContain("hunter2");
  }

  @Test
  void settingsProxyIsSkippedForBypassedHostsIncludingLoopbackByDefault() {
    Network n = PLAIN.toBuilder().useProxy(true).proxyUrl(Optional.of(URI.create("http://proxy.example:8080")))
        .build();

    ProxyDecision d = select(n, Map.of(), Map.of(), "http://localhost:5005/health");

    assertThat(d.isDirect()).isTrue();
    assertThat(d.origin()).isEqualTo(ProxyDecision.Origin.BYPASS);
    assertThat(d.reason()).isEqualTo("localhost matches Network.ProxyBypass entry localhost; connecting directly");
    assertThat(select(n, Map.of(), Map.of(), "http://[::1]:5005/").isDirect()).isTrue();
  }

  @Test
  void environmentProxyFollowsTheTargetScheme() {
    Map<String, String> env = Map.of("HTTPS_PROXY", "http://secure-proxy.example:3128",
        "HTTP_PROXY", "plain-proxy.example:8080");

    assertThat(withEnv(env, "https://api.anthropic.com/v1").proxy())
        .contains(URI.create("http://secure-proxy.example:3128"));
    ProxyDecision http = withEnv(env, "http://example.com/");
    assertThat(http.proxy()).contains(URI.create("http://plain-proxy.example:8080"));
    assertThat(http.reason()).isEqualTo("HTTP_PROXY is set: using http://plain-proxy.example:8080");
    assertThat(http.origin()).isEqualTo(ProxyDecision.Origin.ENVIRONMENT);
  }

  @Test
  void lowerCaseVariableWinsAndAllProxyIsTheLastResort() {
    assertThat(withEnv(Map.of("HTTPS_PROXY", "http://upper.example:1", "https_proxy", "http://lower.example:2"),
        "https://api.openai.com").proxy()).contains(URI.create("http://lower.example:2"));
    assertThat(withEnv(Map.of("ALL_PROXY", "socks5://socks.example"), "https://api.openai.com").proxy())
        .contains(URI.create("socks5://socks.example:1080"));
  }

  @Test
  void credentialsInAnEnvironmentProxyAreSeparatedAndNeverInTheReason() {
    ProxyDecision d = withEnv(Map.of("HTTPS_PROXY", "http://alice:pa%3Ass@proxy.example:3128"),
        "https://api.openai.com");

    assertThat(d.proxy()).contains(URI.create("http://proxy.example:3128"));
    assertThat(d.credentials().map(ProxyCredentials::username)).contains("alice");
    assertThat(d.credentials().map(c -> c.password().reveal())).contains("pa:ss");
    assertThat(d.reason()).isEqualTo("HTTPS_PROXY is set: using http://proxy.example:3128 as user alice");
    assertThat(d.toString()).doesNotContain("pa:ss").doesNotContain("pa%3Ass");
  }

  @Test
  void anUnusableEnvironmentProxyIsReportedWithoutItsPassword() {
    ProxyDecision d = withEnv(Map.of("HTTPS_PROXY", "ftp://alice:topsecret@proxy.example"), "https://api.openai.com");

    assertThat(d.isDirect()).isTrue();
    assertThat(d.reason()).isEqualTo("HTTPS_PROXY is set but is not a usable proxy URL"
        + " (\"ftp://alice:***@proxy.example\"); connecting directly");
  }

  @ParameterizedTest(name = "NO_PROXY={0} target={1} direct={2}")
  @CsvSource(delimiter = '|', value = {
      "*                      | https://api.openai.com/v1           | true",
      ".openai.com            | https://api.openai.com/v1           | true",
      ".openai.com            | https://openai.com/                 | true",
      "openai.com             | https://api.openai.com/v1           | true",
      "*.openai.com           | https://api.openai.com/v1           | true",
      "openai.com             | https://notopenai.com/              | false",
      "OpenAI.COM             | https://API.openai.com./v1          | true",
      "api.openai.com:443     | https://api.openai.com/v1           | true",
      "api.openai.com:8443    | https://api.openai.com/v1           | false",
      "api.openai.com:8443    | https://api.openai.com:8443/v1      | true",
      "10.0.0.0/8             | http://10.1.2.3:8080/               | true",
      "10.0.0.0/8             | http://11.0.0.1/                    | false",
      "10.0.0.0/8             | http://ten.example/                 | false",
      "192.168.1.0/24         | http://192.168.1.200/               | true",
      "192.168.1.0/24         | http://192.168.2.1/                 | false",
      "fd00::/8               | http://[fd12:3456::1]/              | true",
      "fd00::/8               | http://[fe80::1]/                   | false",
      "::1                    | http://[::1]:5005/                  | true",
      "[::1]:5005             | http://[::1]:5005/                  | true",
      "[::1]:5005             | http://[::1]:6000/                  | false",
      "127.0.0.1              | http://127.0.0.1:11434/v1           | true",
      "localhost,127.0.0.1    | http://127.0.0.1/                   | true",
      "'a.example b.example'  | https://b.example/                  | true",
      "'  ,  '                | https://api.openai.com/             | false",
  })
  void noProxySemantics(String noProxy, String target, boolean direct) {
    ProxyDecision d = select(PLAIN.toBuilder().proxyBypass(List.of()).build(),
        Map.of("HTTPS_PROXY", "http://proxy.example:3128", "HTTP_PROXY", "http://proxy.example:3128",
            "NO_PROXY", noProxy), Map.of(), target);

    assertThat(d.isDirect()).as(d.reason()).isEqualTo(direct);
    assertThat(d.origin()).isEqualTo(direct ? ProxyDecision.Origin.BYPASS : ProxyDecision.Origin.ENVIRONMENT);
  }

  @Test
  void theBypassReasonNamesTheVariableAndTheEntry() {
    ProxyDecision d = withEnv(Map.of("https_proxy", "http://p.example:1", "no_proxy", "localhost,.openai.com"),
        "https://api.openai.com/v1");

    assertThat(d.reason()).isEqualTo("api.openai.com matches no_proxy entry .openai.com; connecting directly");
  }

  @Test
  void javaProxyPropertiesApplyOnlyWithUseSystemProxy() {
    Map<String, String> props = Map.of("https.proxyHost", "jvm-proxy.example", "https.proxyPort", "3129",
        "http.nonProxyHosts", "*.internal.example|localhost");
    Network system = PLAIN.toBuilder().useSystemProxy(true).build();

    ProxyDecision d = select(system, Map.of("HTTPS_PROXY", "http://env.example:1"), props, "https://api.openai.com");
    assertThat(d.proxy()).contains(URI.create("http://jvm-proxy.example:3129"));
    assertThat(d.origin()).isEqualTo(ProxyDecision.Origin.JAVA_SYSTEM_PROPERTIES);
    assertThat(d.reason()).isEqualTo("Network.UseSystemProxy is on and https.proxyHost is set: using"
        + " http://jvm-proxy.example:3129");

    ProxyDecision bypassed = select(system, Map.of(), props, "https://llm.internal.example/v1");
    assertThat(bypassed.isDirect()).isTrue();
    assertThat(bypassed.reason()).isEqualTo("llm.internal.example matches http.nonProxyHosts pattern"
        + " *.internal.example; connecting directly");

    assertThat(select(PLAIN, Map.of(), props, "https://api.openai.com").isDirect()).isTrue();
    assertThat(select(system, Map.of(), Map.of("https.proxyHost", "p.example"), "https://127.0.0.1:8443/")
        .reason()).contains("http.nonProxyHosts pattern 127.*");
  }
}
