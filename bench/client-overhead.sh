#!/usr/bin/env bash
# Runs the client overhead benchmark several times for each thread count and wire mode, alternating, and prints
# every run's overhead line with the load average, then the median per series.
#   bench/client-overhead.sh [RUNS] [THREADS...]      e.g. bench/client-overhead.sh 4 1 4
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-4}
if [ $# -gt 1 ]; then threads=("${@:2}"); else threads=(1 4); fi
./mvnw -q -B -o -pl netdoctor-client -am test-compile \
  org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test >/dev/null
cp="netdoctor-client/target/test-classes:netdoctor-client/target/classes:$(cat netdoctor-client/target/bench-cp.txt)"
out=$(mktemp)
for ((i = 1; i <= runs; i++)); do
  for t in "${threads[@]}"; do
    for wire in plain same; do
      load=$(cut -d' ' -f1 /proc/loadavg)
      line=$(java -Xms512m -Xmx512m -cp "$cp" dev.netdoctor.client.bench.ClientOverheadBenchmark "$t" 2000 20 \
        rounds "$wire" 2>&1 | grep '^overhead' || echo "overhead: the run failed")
      echo "threads=$t wire=$wire run=$i load=$load $line" | tee -a "$out"
    done
  done
done
echo "== median overhead per series (throughput, p99 latency)"
for t in "${threads[@]}"; do
  for wire in plain same; do
    for what in throughput p99; do
      grep "threads=$t wire=$wire " "$out" | sed -E "s/.*$what \+?(-?[0-9.]+)%.*/\1/" | sort -g |
        awk -v s="threads=$t wire=$wire $what" '{v[NR]=$1} END {m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2;
          printf "%s: median %.1f%% over %d runs (min %.1f%%, max %.1f%%)\n", s, m, NR, v[1], v[NR]}'
    done
  done
done
rm -f "$out"
