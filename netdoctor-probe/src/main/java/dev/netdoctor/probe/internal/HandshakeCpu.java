package dev.netdoctor.probe.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The calling thread's CPU time, to tell how much of a timed step (a TLS handshake) this process spent computing
 * rather than waiting for the network. Where the JVM cannot measure thread CPU time, {@link #now} answers
 * {@code -1} and {@link #since} {@code -1}.
 */
public final class HandshakeCpu {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final boolean SUPPORTED = supported();

  private HandshakeCpu() {}

  /** The current thread's CPU time in nanoseconds, or {@code -1} when the JVM cannot tell. */
  public static long now() {
    return SUPPORTED ? THREADS.getCurrentThreadCpuTime() : -1;
  }

  /** Milliseconds of the current thread's CPU time since {@code start} (from {@link #now}), or {@code -1}. */
  public static double since(long start) {
    if (start < 0) return -1;
    long end = now();
    return end < 0 ? -1 : (end - start) / 1_000_000.0;
  }

  private static boolean supported() {
    try {
      if (!THREADS.isCurrentThreadCpuTimeSupported()) return false;
      if (!THREADS.isThreadCpuTimeEnabled()) THREADS.setThreadCpuTimeEnabled(true);
      return THREADS.isThreadCpuTimeEnabled();
    } catch (UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }
}
