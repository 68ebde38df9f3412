package dev.netdoctor.probe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a local program (FFmpeg, tracepath), so tests can replace the system. */
@FunctionalInterface
public interface ProcessRunner {
  /**
   * The outcome of a run.
   *
   * @param exitCode the exit status, or -1 when it was killed at the timeout
   * @param output standard output and error, merged, at most 64 KiB
   * @param timedOut whether the timeout ended it
   */
  record Result(int exitCode, String output, boolean timedOut) {}

  /** Starts {@code command} and waits at most {@code timeout}; throws when it cannot be started at all. */
  Result run(List<String> command, Duration timeout) throws IOException, InterruptedException;

  /** The real system: {@link ProcessBuilder}, output merged, the process destroyed at the timeout. */
  ProcessRunner SYSTEM = (command, timeout) -> {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getOutputStream().close();
    StringBuilder out = new StringBuilder();
    Thread reader = new Thread(() -> {
      try (InputStream in = p.getInputStream()) {
        byte[] bytes = in.readNBytes(64 * 1024);
        synchronized (out) {
          out.append(new String(bytes, StandardCharsets.UTF_8));
        }
        in.transferTo(java.io.OutputStream.nullOutputStream());
      } catch (IOException ignored) {
        // process ended
      }
    }, "process-output");
    reader.setDaemon(true);
    reader.start();
    boolean finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (!finished) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    reader.join(200);
    synchronized (out) {
      return new Result(finished ? p.exitValue() : -1, out.toString(), !finished);
    }
  };
}
