package dev.netdoctor.cli.internal;

/** Where {@code scan} sends what it finds: each finding as it is found, then the totals once. */
public interface FindingSink {
  void finding(Finding finding);

  void finish(ScanTotals totals);
}
