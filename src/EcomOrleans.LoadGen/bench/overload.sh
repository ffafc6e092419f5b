#!/usr/bin/env bash
# Overload: a burst far above capacity against a silo on the in-memory default, once per admission setting, one
# fresh silo per setting, the generator on the same machine. PIN=1 pins the silo to core 0 and the generator to core 1
# (taskset); on a 2-core machine that leaves the silo one core and workstation GC, so it is not the separate
# generator machine the figures would want, only a check that the generator's connections are not the whole story.
# Usage: src/EcomOrleans.LoadGen/bench/overload.sh [requests=4000] [connections=1000]
# Prints one JSON line per setting (the overload command's report with the setting added).
set -euo pipefail
cd "$(dirname "$0")/../../.."
REQUESTS="${1:-4000}"; CONNECTIONS="${2:-1000}"
KEY="overload-key-$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')"
OUT="${OUT:-$(mktemp -d)}"; mkdir -p "$OUT"
HTTP_PORT=5097
silo_cpu=(); generator_cpu=()
if [ "${PIN:-0}" = 1 ]; then silo_cpu=(taskset -c 0); generator_cpu=(taskset -c 1); fi

dotnet build -c Release src/EcomOrleans.Silo -v quiet --nologo >/dev/null
dotnet build -c Release src/EcomOrleans.LoadGen -v quiet --nologo >/dev/null

silo_pid=""
stop_silo() {
  if [ -n "$silo_pid" ]; then kill "$silo_pid" 2>/dev/null || true; wait "$silo_pid" 2>/dev/null || true; silo_pid=""; fi
}
trap stop_silo EXIT

# "in flight / queued" for the write endpoints; the last is admission off in effect.
for setting in 64/256 32/64 16/16 100000/1000000; do
  inflight="${setting%/*}"; queue="${setting#*/}"
  Admission__Writes__MaxConcurrent="$inflight" Admission__Writes__QueueLimit="$queue" Demo__SeedCatalog=false \
    Admission__Writes__RequestsPerSecond=1000000 Admission__Writes__Burst=1000000 \
    Security__ApiKey="$KEY" Orleans__SiloPort=11197 Orleans__GatewayPort=30097 \
    "${silo_cpu[@]}" dotnet src/EcomOrleans.Silo/bin/Release/net10.0/EcomOrleans.Silo.dll --contentRoot "$PWD/src/EcomOrleans.Silo" --urls "http://127.0.0.1:$HTTP_PORT" \
    >"$OUT/silo-$inflight.log" 2>&1 &
  silo_pid=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$HTTP_PORT/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
  echo "== writes admitted $inflight in flight / $queue queued: $REQUESTS requests over $CONNECTIONS connections" >&2
  report=$("${generator_cpu[@]}" dotnet src/EcomOrleans.LoadGen/bin/Release/net10.0/EcomOrleans.LoadGen.dll overload \
    --url "http://127.0.0.1:$HTTP_PORT" --api-key "$KEY" --requests "$REQUESTS" --connections "$CONNECTIONS")
  echo "{\"maxConcurrent\":$inflight,\"queueLimit\":$queue,\"report\":$report}"
  stop_silo
  # The next silo takes the same port: wait until this one has let it go.
  for _ in $(seq 1 60); do curl -s -o /dev/null "http://127.0.0.1:$HTTP_PORT/health/live" || break; sleep 0.5; done
done
