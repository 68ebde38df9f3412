package dev.netdoctor.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;

/** Runs the command line in-process the way picocli's manual tests it: output, errors and exit code together. */
final class Run {
  final int exit;
  final String out;
  final String err;

  private Run(int exit, String out, String err) {
    this.exit = exit;
    this.out = out;
    this.err = err;
  }

  static Run of(String... args) {
    return with(new byte[0], Map.of(), false, args);
  }

  static Run withStdin(String stdin, String... args) {
    return with(stdin.getBytes(StandardCharsets.UTF_8), Map.of(), false, args);
  }

  static Run with(byte[] stdin, Map<String, String> env, boolean terminal, String... args) {
    return with(new ByteArrayInputStream(stdin), env, terminal, args);
  }

  static Run with(InputStream stdin, Map<String, String> env, boolean terminal, String... args) {
    Map<String, String> environment = new HashMap<>(env);
    CommandLine cmd = Netdoctor.newCommandLine(new CliContext(environment, stdin, terminal));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    int exit = cmd.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Override
  public String toString() {
    return "exit " + exit + "\n--- out\n" + out + "\n--- err\n" + err;
  }
}
