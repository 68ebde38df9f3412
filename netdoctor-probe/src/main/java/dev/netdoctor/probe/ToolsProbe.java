package dev.netdoctor.probe;

import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.probe.internal.ResultBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FFmpeg: the path from {@code Tools.FFmpegPath}, else the first {@code ffmpeg} on {@code PATH}; runs
 * {@code ffmpeg -version} and reads its version (TOOL001 when missing, not executable, or broken).
 *
 * <p>Facts: {@code path}, {@code version}, {@code from} ({@code settings} or {@code PATH}).
 */
public final class ToolsProbe implements Probe {
  public static final String NAME = "ffmpeg";
  private static final Pattern VERSION = Pattern.compile("ffmpeg version (\\S+)");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CheckResult run(ProbeContext ctx) throws InterruptedException {
    ResultBuilder r = new ResultBuilder(NAME, "ffmpeg", ctx);
    Optional<Path> configured = ctx.settings().tools().ffmpegPath();
    Path exe;
    if (configured.isPresent()) {
      exe = configured.get();
      r.fact("from", "settings").fact("path", exe.toString());
      if (!Files.exists(exe)) {
        return r.fail("TOOL001", "not-found", "Tools.FFmpegPath " + exe + " does not exist");
      }
      if (!Files.isExecutable(exe)) {
        return r.fail("TOOL001", "not-executable", "Tools.FFmpegPath " + exe + " is not executable");
      }
    } else {
      Optional<Path> found = PathProbe.onPath(ctx, isWindows(ctx) ? "ffmpeg.exe" : "ffmpeg");
      if (found.isEmpty()) {
        return r.fail("TOOL001", "not-found", "ffmpeg is not on PATH and Tools.FFmpegPath is not set");
      }
      exe = found.get();
      r.fact("from", "PATH").fact("path", exe.toString());
    }
    ProcessRunner.Result result;
    try {
      result = ctx.env().processes().run(List.of(exe.toString(), "-version"), ctx.budget().cap(Duration.ofSeconds(3)));
    } catch (IOException e) {
      r.evidence(e.getMessage());
      return r.fail("TOOL001", "not-executable", exe + " cannot be started: " + e.getMessage());
    }
    String firstLine = result.output().lines().findFirst().orElse("");
    r.evidence(exe + " -version → exit " + result.exitCode() + ": " + firstLine);
    if (result.timedOut() || result.exitCode() != 0) {
      return r.fail("TOOL001", "broken", exe + " -version " + (result.timedOut() ? "hangs" : "exits with "
          + result.exitCode()));
    }
    Matcher m = VERSION.matcher(firstLine);
    String version = m.find() ? m.group(1) : "unknown";
    r.fact("version", version);
    return r.pass("ffmpeg " + version + " at " + exe);
  }

  private static boolean isWindows(ProbeContext ctx) {
    return ctx.env().systemProperties().getOrDefault("os.name", "").toLowerCase().startsWith("windows");
  }
}
