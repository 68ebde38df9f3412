package dev.netdoctor.cli.internal;

import java.util.List;

/**
 * What a scan read and found.
 *
 * @param inputs per input: name, lines and bytes read (bytes after gzip is unwrapped)
 * @param groups the findings grouped
 * @param nanos wall time of the scan
 */
public record ScanTotals(List<InputTotals> inputs, FindingGroups groups, long nanos) {
  /** One input's counts. */
  public record InputTotals(String name, long lines, long bytes) {}

  public long lines() {
    return inputs.stream().mapToLong(InputTotals::lines).sum();
  }

  public long bytes() {
    return inputs.stream().mapToLong(InputTotals::bytes).sum();
  }
}
