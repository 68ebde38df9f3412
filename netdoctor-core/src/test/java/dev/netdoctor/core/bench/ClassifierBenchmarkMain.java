package dev.netdoctor.core.bench;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link ClassifierBenchmark} from the command line (see docs/benchmarks.md). In-process (no fork), because
 * {@code exec:java} does not expose the test class path to a forked JVM. An argument narrows the run to the
 * benchmarks whose name matches it (a regex, e.g. {@code prefilter.*}).
 */
public final class ClassifierBenchmarkMain {
  private ClassifierBenchmarkMain() {}

  public static void main(String[] args) throws RunnerException {
    Options options = new OptionsBuilder()
        .include(ClassifierBenchmark.class.getName() + (args.length > 0 ? "." + args[0] : ""))
        .forks(0)
        .threads(1)
        .warmupIterations(3)
        .warmupTime(TimeValue.seconds(2))
        .measurementIterations(5)
        .measurementTime(TimeValue.seconds(2))
        .build();
    new Runner(options).run();
  }
}
