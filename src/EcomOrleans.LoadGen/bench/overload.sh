#!/usr/bin/env bash
# Overload: a burst far above capacity against a silo on the in-memory default, once per admission setting, with the
# silo pinned to one core and the generator to the other (taskset), so that the generator's 1,000 connections do
# not take the silo's CPU. One fresh silo per setting.
# Usage: src/EcomOrleans.LoadGen/bench/overload.sh [requests=4000] [connections=1000]
# Prints one JSON line per setting (the overload command's report with the setting added).
set -euo pipefail
cd "$(dirname "$0")/../../.."
REQUESTS="${1:-4000}"; CONNECTIONS="${2:-1000}"
KEY="overload-key-$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')"
OUT="${OUT:-$(mktemp -d)}"
HTTP_PORT=5097
SILO_CPU="${SILO_CPU:-0}"; GENERATOR_CPU="${GENERATOR_CPU:-1}"

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
    taskset -c "$SILO_CPU" dotnet src/EcomOrleans.Silo/bin/Release/net10.0/EcomOrleans.Silo.dll --urls "http://127.0.0.1:$HTTP_PORT" \
    >"$OUT/silo-$inflight.log" 2>&1 &
  silo_pid=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$HTTP_PORT/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
  echo "== writes admitted $inflight in flight / $queue queued: $REQUESTS requests over $CONNECTIONS connections" >&2
  report=$(taskset -c "$GENERATOR_CPU" dotnet src/EcomOrleans.LoadGen/bin/Release/net10.0/EcomOrleans.LoadGen.dll overload \
    --url "http://127.0.0.1:$HTTP_PORT" --api-key "$KEY" --requests "$REQUESTS" --connections "$CONNECTIONS")
  echo "{\"maxConcurrent\":$inflight,\"queueLimit\":$queue,\"report\":$report}"
  stop_silo
done
