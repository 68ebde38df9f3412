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
}
