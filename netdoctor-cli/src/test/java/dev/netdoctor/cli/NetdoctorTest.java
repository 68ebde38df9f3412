package dev.netdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class NetdoctorTest {
  private static final CliContext CONTEXT = new CliContext(Map.of(), new ByteArrayInputStream(new byte[0]), false);

  @Test
  void aNamedSubcommandIsTheOnlyOneBuilt() {
    CommandLine cmd = Netdoctor.forArgs(CONTEXT, "--no-color", "explain", "NET002");
    assertThat(cmd.getSubcommands()).containsOnlyKeys("explain");
    assertThat(Netdoctor.forArgs(CONTEXT, "--format", "json", "scan", "x").getSubcommands()).containsOnlyKeys("scan");
  }

  @Test
  void withoutAKnownSubcommandEveryOneIsBuiltSoHelpAndErrorsSeeThemAll() {
    assertThat(Netdoctor.forArgs(CONTEXT).getSubcommands()).containsKeys("explain", "scan", "help");
    assertThat(Netdoctor.forArgs(CONTEXT, "scna").getSubcommands()).containsKeys("explain", "scan");
    assertThat(Netdoctor.forArgs(CONTEXT, "help", "scan").getSubcommands()).containsKeys("explain", "scan");
  }

  @Test
  void rootHelpListsTheSubcommands() {
    Run run = Run.of("--help");
    assertThat(run.out).contains("explain").contains("scan");
  }

  @Test
  void rootHelpListsEachCommandWithItsShortHeaderNotItsParagraph() {
    Run run = Run.of("--help");

    assertThat(run.out)
        .contains("Run every configured check and name the root cause of each problem.")
        .contains("Probe one URL phase by phase: DNS, TCP, proxy, TLS, HTTP.")
        .contains("Serve the diagnosis: JSON API, web page, /metrics, /probe.")
        .doesNotContain("concurrently under one time budget")
        .doesNotContain("like curl -v -w")
        .doesNotContain("blackbox_exporter");
    assertThat(run.out.lines().filter(l -> l.strip().startsWith("doctor") || l.strip().startsWith("probe")
        || l.strip().startsWith("serve"))).hasSize(3).allMatch(l -> l.length() <= 80);
  }
}
