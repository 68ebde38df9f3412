package dev.netdoctor.probe;

import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.probe.internal.ResultBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The route to the target's host from the system's {@code tracepath}, {@code traceroute} or {@code mtr}, the
 * first found on {@code PATH}; "not available" when none is installed. Informational: it never fails a run.
 *
 * <p>Facts: {@code tool}, {@code hops} (lines of the tool's output that describe a hop).
 */
public final class PathProbe implements Probe {
  public static final String NAME = "path";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CheckResult run(ProbeContext ctx) throws InterruptedException {
    Target target = ctx.requireTarget();
    ResultBuilder r = new ResultBuilder(NAME, ctx);
    if (!ctx.options().path()) return r.skip("path check turned off");
    String host = target.host();
    List<List<String>> candidates = List.of(
        List.of("tracepath", "-n", "-m", "12", host),
        List.of("traceroute", "-n", "-q", "1", "-w", "1", "-m", "12", host),
        List.of("mtr", "-n", "-r", "-c", "1", "-m", "12", host));
    for (List<String> command : candidates) {
      Optional<Path> exe = onPath(ctx, command.get(0));
      if (exe.isEmpty()) continue;
      List<String> cmd = new ArrayList<>(command);
      cmd.set(0, exe.get().toString());
      r.fact("tool", command.get(0));
      try {
        ProcessRunner.Result result = ctx.env().processes().run(cmd, ctx.budget().cap(Duration.ofSeconds(6)));
        List<String> hops = result.output().lines().map(String::strip)
            .filter(l -> l.matches("^\\d+[:?.|\\s].*")).limit(30).toList();
        r.fact("hops", hops);
        hops.forEach(r::evidence);
        return r.pass(command.get(0) + ": " + hops.size() + " hops" + (result.timedOut() ? " (cut off by the budget)"
            : ""));
      } catch (IOException e) {
        r.evidence(command.get(0) + " could not run: " + e.getMessage());
      }
    }
    return r.skip("not available: none of tracepath, traceroute, mtr is installed");
  }

  static Optional<Path> onPath(ProbeContext ctx, String program) {
    String path = ctx.env().environment().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) continue;
      Path p = Path.of(dir, program);
      if (Files.isExecutable(p)) return Optional.of(p);
    }
    return Optional.empty();
  }
}
