package dev.netdoctor.core.codes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodeRegistryTest {
  private final CodeRegistry registry = CodeRegistry.builtIn();

  @Test
  void shortLongAndQualifiedFormsFindTheSameCode() {
    ErrorCode byId = registry.require("NET002");
    assertThat(registry.find("NET002_DnsResolutionFailed")).contains(byId);
    assertThat(registry.find("net002_dnsresolutionfailed")).contains(byId);
    assertThat(registry.find("DnsResolutionFailed")).contains(byId);
    assertThat(byId.cause("nxdomain")).isPresent();
  }

  @Test
  void unknownCodeIsEmpty() {
    assertThat(registry.find("NET999")).isEmpty();
    assertThat(registry.find(null)).isEmpty();
  }

  @Test
  void aliasesResolveToTheirCode() {
    CodeRegistry withAlias = registry.withAliases(java.util.Map.of("AI101-NET-001", "NET002"));
    assertThat(withAlias.require("ai101-net-001").id()).isEqualTo("NET002");
  }
}
