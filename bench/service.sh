#!/usr/bin/env bash
# Service benchmark: wrk on loopback against netdoctor serve (/api/system/network/diagnostics, /metrics, /probe)
# and, in the same run against the same loopback target, Debian's prometheus-blackbox-exporter's /probe.
#
# Needs: wrk, nginx (the loopback target), prometheus-blackbox-exporter, Java 17.
#   apt-get install -y wrk nginx prometheus-blackbox-exporter
# Usage: [ROUNDS=3] bench/service.sh [seconds per run, default 15] [connections, default 16]
# Prints one line per endpoint (requests/s, p99) and the /probe ratio netdoctor / blackbox_exporter.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-15}"
CONNECTIONS="${2:-16}"
THREADS=2
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}
TARGET_PORT="$(free_port)"
NETDOCTOR_PORT="$(free_port)"
BLACKBOX_PORT="$(free_port)"

for tool in wrk nginx prometheus-blackbox-exporter java python3 curl; do
  command -v "$tool" >/dev/null || { echo "bench/service.sh: $tool is not installed" >&2; exit 2; }
done

JAR=netdoctor-cli/target/netdoctor-cli-0.1.0-SNAPSHOT-all.jar
./mvnw -q -B -pl netdoctor-cli -am package -DskipTests   # always: a stale jar would measure old code

WORK="$(mktemp -d)"
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# The target: nginx on loopback answering 200 to everything.
mkdir -p "$WORK/logs"
cat > "$WORK/nginx.conf" <<CONF
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  server {
    listen 127.0.0.1:$TARGET_PORT;
    location / { return 200 '{"data":[]}'; }
  }
}
CONF
nginx -c "$WORK/nginx.conf" -p "$WORK"

# netdoctor: one provider, the loopback target; nothing else is diagnosed.
cat > "$WORK/appsettings.json" <<CONF
{
  "Providers": {
    "Loopback": { "Type": "OpenAICompatible", "BaseUrl": "http://127.0.0.1:$TARGET_PORT/v1", "ApiKeyVariable": "" }
  },
  "Backend": { "BaseUrl": "http://127.0.0.1:$TARGET_PORT" }
}
CONF
java -jar "$JAR" serve --port "$NETDOCTOR_PORT" --settings "$WORK/appsettings.json" --provider Loopback \
  --budget 5 > "$WORK/netdoctor.log" 2>&1 &
PIDS+=($!)

cat > "$WORK/blackbox.yml" <<CONF
modules:
  http_2xx:
    prober: http
    timeout: 5s
    http:
      preferred_ip_protocol: ip4
  tcp_connect:
    prober: tcp
    timeout: 5s
    tcp:
      preferred_ip_protocol: ip4
CONF
prometheus-blackbox-exporter --config.file="$WORK/blackbox.yml" --web.listen-address="127.0.0.1:$BLACKBOX_PORT" \
  > "$WORK/blackbox.log" 2>&1 &
PIDS+=($!)

wait_for() {
  for _ in $(seq 1 100); do curl -sf -o /dev/null "$1" && return 0; sleep 0.2; done
  echo "bench/service.sh: $1 did not come up" >&2; exit 1
}
wait_for "http://127.0.0.1:$TARGET_PORT/"
wait_for "http://127.0.0.1:$NETDOCTOR_PORT/api/codes/NET001"
wait_for "http://127.0.0.1:$BLACKBOX_PORT/metrics"

# Both probers must agree that the target is up before anything is timed.
ND_PROBE="http://127.0.0.1:$NETDOCTOR_PORT/probe?module=http_2xx&target=http://127.0.0.1:$TARGET_PORT/v1/models"
BB_PROBE="http://127.0.0.1:$BLACKBOX_PORT/probe?module=http_2xx&target=http://127.0.0.1:$TARGET_PORT/v1/models"
ND_TCP="http://127.0.0.1:$NETDOCTOR_PORT/probe?module=tcp_connect&target=127.0.0.1:$TARGET_PORT"
BB_TCP="http://127.0.0.1:$BLACKBOX_PORT/probe?module=tcp_connect&target=127.0.0.1:$TARGET_PORT"
for u in "$ND_PROBE" "$BB_PROBE" "$ND_TCP" "$BB_TCP"; do
  curl -sf "$u" | grep -q '^probe_success 1' || { echo "bench/service.sh: probe failed: $u" >&2; curl -s "$u" >&2; exit 1; }
done
curl -sf -o /dev/null "http://127.0.0.1:$NETDOCTOR_PORT/api/system/network/diagnostics"

# run NAME URL -> prints "NAME req/s p99" and sets RPS
run() {
  local out
  curl -sf -o /dev/null "$2"  # warm the path once
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$(( (DURATION + 2) / 3 ))s" "$2" > /dev/null  # JIT warm-up
  out="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$2")"
  RPS="$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")"
  local p99 errors
  p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  errors="$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out" | tr '\n' ' ')"
  printf '%-52s %10s req/s   p99 %8s   %s\n' "$1" "$RPS" "$p99" "$errors"
}

echo "== netdoctor service benchmark: $(date -u +%FT%TZ), wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s, $(nproc) cores"
run "netdoctor /api/system/network/diagnostics" "http://127.0.0.1:$NETDOCTOR_PORT/api/system/network/diagnostics"
run "netdoctor /metrics" "http://127.0.0.1:$NETDOCTOR_PORT/metrics"
# The two probers alternate, round after round, so load from elsewhere on the machine hits both alike; the ratio
# is taken over the sums of all rounds.
ROUNDS="${ROUNDS:-3}"
ND_HTTP=0; BB_HTTP=0; ND_TCP_SUM=0; BB_TCP_SUM=0
for round in $(seq 1 "$ROUNDS"); do
  run "netdoctor /probe http_2xx (round $round)" "$ND_PROBE"; ND_HTTP=$(awk -v a="$ND_HTTP" -v b="$RPS" 'BEGIN{print a+b}')
  run "blackbox_exporter /probe http_2xx (round $round)" "$BB_PROBE"; BB_HTTP=$(awk -v a="$BB_HTTP" -v b="$RPS" 'BEGIN{print a+b}')
  run "netdoctor /probe tcp_connect (round $round)" "$ND_TCP"; ND_TCP_SUM=$(awk -v a="$ND_TCP_SUM" -v b="$RPS" 'BEGIN{print a+b}')
  run "blackbox_exporter /probe tcp_connect (round $round)" "$BB_TCP"; BB_TCP_SUM=$(awk -v a="$BB_TCP_SUM" -v b="$RPS" 'BEGIN{print a+b}')
done
awk -v a="$ND_HTTP" -v b="$BB_HTTP" -v n="$ROUNDS" 'BEGIN { printf "/probe http_2xx    netdoctor %.0f req/s, blackbox_exporter %.0f req/s (mean of %d rounds): %.2fx (goal >= 1.0x)\n", a / n, b / n, n, a / b }'
awk -v a="$ND_TCP_SUM" -v b="$BB_TCP_SUM" -v n="$ROUNDS" 'BEGIN { printf "/probe tcp_connect netdoctor %.0f req/s, blackbox_exporter %.0f req/s (mean of %d rounds): %.2fx (goal >= 1.0x)\n", a / n, b / n, n, a / b }'
