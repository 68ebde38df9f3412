package dev.netdoctor.core.codes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The data in codes.json is complete and keeps the meanings that other modules and the seeds rely on. */
class CodeDataTest {
  private static final CodeRegistry REGISTRY = CodeRegistry.builtIn();

  static Stream<ErrorCode> codes() {
    return REGISTRY.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("codes")
  void everyCodeIsFullyWritten(ErrorCode code) {
    assertThat(code.title()).isNotBlank().doesNotContainIgnoringCase("TODO");
    assertThat(code.userMessage()).isNotBlank().doesNotContainIgnoringCase("TODO")
        .as("message is more than the title").isNotEqualToIgnoringCase(code.title() + ".")
        .as("a user message is plain text").doesNotContain("`");
    assertThat(code.retry().text()).hasSizeGreaterThan(30).doesNotContainIgnoringCase("TODO");
    assertThat(code.guideId()).matches("[a-z0-9]+(-[a-z0-9]+)*");
    for (Os os : Os.values()) {
      assertThat(code.fixStepsFor(os)).as(code.id() + " fix steps for " + os).isNotEmpty()
          .allSatisfy(step -> assertThat(step).isNotBlank().doesNotContainIgnoringCase("TODO"));
    }
    for (Cause cause : code.causes()) {
      assertThat(cause.description()).as(code.id() + "/" + cause.id()).hasSizeGreaterThan(20);
      assertThat(cause.id()).matches("[a-z0-9]+(-[a-z0-9]+)*");
    }
  }

  @Test
  void codeIdsLongNamesAndCauseIdsAreUnique() {
    Set<String> ids = new HashSet<>();
    Set<String> longNames = new HashSet<>();
    for (ErrorCode code : REGISTRY.all()) {
      assertThat(ids.add(code.id())).as("duplicate id " + code.id()).isTrue();
      assertThat(longNames.add(code.longName())).as("duplicate long name " + code.longName()).isTrue();
      assertThat(code.causes().stream().map(Cause::id)).as(code.id()).doesNotHaveDuplicates();
    }
  }

  @ParameterizedTest(name = "{0}_{1}")
  @CsvSource({
      "NET001, BackendUnreachable", "NET002, DnsResolutionFailed", "NET003, TlsHandshakeFailed",
      "NET004, NetworkTimeout", "NET005, NetworkUnreachable", "NET006, CorsMisconfigured",
      "NET007, ProviderUnavailable", "NET008, ConnectionRefused", "NET009, CertificateValidationFailed",
      "NET010, ProxyAuthenticationFailed"})
  void designTableLongNamesAreKept(String id, String longName) {
    assertThat(REGISTRY.require(id).longName()).isEqualTo(longName);
    assertThat(REGISTRY.require(id + "_" + longName).id()).isEqualTo(id);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "NET001;Cannot reach backend service on <url>",
      "NET002;Cannot resolve hostname - DNS lookup failed",
      "NET003;Failed to establish secure connection - SSL/TLS error",
      "NET004;Request timed out - server did not respond within <X> seconds",
      "NET006;Cross-origin request blocked - origin not allowed by CORS policy",
      "NET007;Provider <name> is unavailable - cannot reach service at <endpoint>"})
  void seedUserMessagesAreKeptWordForWord(String id, String message) {
    assertThat(REGISTRY.require(id).userMessage()).isEqualTo(message);
  }

  @Test
  void causesTheDesignNamesExist() {
    Map<String, List<String>> required = Map.of(
        "NET002", List.of("nxdomain", "resolver-timeout", "servfail", "no-resolver", "system-resolver-broken",
            "hosts-override"),
        "NET004", List.of("connect", "first-byte", "idle-stream", "total"),
        "NET009", List.of("expired", "not-yet-valid", "untrusted-root", "self-signed", "hostname-mismatch",
            "incomplete-chain", "interception"),
        "NET007", List.of("overloaded"),
        "AUTH005", List.of("insufficient-quota"));
    required.forEach((id, causes) ->
        assertThat(REGISTRY.require(id).causes()).extracting(Cause::id).as(id).containsAll(causes));
  }

  @Test
  void codesTheDesignNamesExist() {
    assertThat(REGISTRY.all()).extracting(ErrorCode::longName).contains(
        "ProxyUnreachable", "ProxyTunnelRefused", "ConnectionReset", "Ipv6PathBroken", "ClockSkew",
        "NetworkTooSlow", "LocalQueueFull", "ResponseTruncated");
    assertThat(REGISTRY.all()).extracting(ErrorCode::id).contains(
        "AUTH001", "AUTH002", "AUTH004", "AUTH005", "AUTH006", "CFG001", "CFG002", "CFG003", "TOOL001");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("codes")
  void retryAdviceAgreesWithTransience(ErrorCode code) {
    if (code.retry().when() == RetryWhen.DO_NOT_RETRY) {
      assertThat(code.transientFault()).as(code.id() + " cannot be retried, so it is not transient").isFalse();
    }
    if (code.retry().when() == RetryWhen.WAIT_AND_RETRY) {
      assertThat(code.transientFault()).as(code.id() + " says wait and retry, so it is transient").isTrue();
    }
  }

  @Test
  void seedRetryRulesAreSpelledOut() {
    assertThat(REGISTRY.require("NET004").retry().text()).contains("30-60 seconds");
    assertThat(REGISTRY.require("NET002").retry()).satisfies(r -> {
      assertThat(r.when()).isEqualTo(RetryWhen.FIX_THEN_RETRY);
      assertThat(r.text()).containsIgnoringCase("fix the DNS");
    });
    assertThat(REGISTRY.require("NET005").retry().when()).isEqualTo(RetryWhen.ASK_ADMINISTRATOR);
    assertThat(REGISTRY.require("NET007").retry()).satisfies(r -> {
      assertThat(r.when()).isEqualTo(RetryWhen.CHECK_STATUS_PAGE);
      assertThat(r.text()).containsIgnoringCase("status page");
    });
    assertThat(REGISTRY.require("AUTH005").retry().when()).isEqualTo(RetryWhen.DO_NOT_RETRY);
    assertThat(REGISTRY.require("AUTH006").retry().text()).contains("Retry-After");
  }

  @Test
  void fixStepsUseEachSystemsOwnCommands() {
    ErrorCode dns = REGISTRY.require("NET002");
    assertThat(String.join("\n", dns.fixStepsFor(Os.WINDOWS))).contains("ipconfig /flushdns");
    assertThat(String.join("\n", dns.fixStepsFor(Os.MACOS))).contains("dscacheutil -flushcache");
    assertThat(String.join("\n", dns.fixStepsFor(Os.LINUX))).contains("resolvectl", "systemd-resolve");
    assertThat(String.join("\n", REGISTRY.require("NET009").fixStepsFor(Os.LINUX))).contains("update-ca-certificates");
    assertThat(String.join("\n", REGISTRY.require("NET005").fixStepsFor(Os.LINUX))).contains("ufw");
    assertThat(String.join("\n", REGISTRY.require("NET010").fixStepsFor(Os.WINDOWS))).contains("Network.ProxyUrl");
    assertThat(String.join("\n", REGISTRY.require("NET007").fixStepsFor(Os.MACOS)))
        .contains("Resilience.MaxRetryAttempts");
  }
}
