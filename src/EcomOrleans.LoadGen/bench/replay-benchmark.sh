#!/usr/bin/env bash
# Ingestion throughput, measured side by side in one run on one machine:
#   1. ceiling:   the grains called in-process (no HTTP), in-memory storage
#   2. embedded:  HTTP replay into a silo on the embedded default (in-memory, not durable)
#   3. redis:     HTTP replay into a silo on Redis (durable)
#   4. azure:     HTTP replay into a silo on Azure Table storage, served by Azurite (Microsoft's emulator)
# Usage: src/EcomOrleans.LoadGen/bench/replay-benchmark.sh [dataset] [extra replay options...]
# (Azurite 3.35.0 is installed from npm into $OUT unless AZURITE names an azurite executable; SKIP_AZURE=1 skips run 4.)
# Prints one summary table; the raw JSON reports are kept in $OUT (default: a temp folder).
set -euo pipefail
cd "$(dirname "$0")/../../.."
DATASET="${1:-beauty}"; shift || true
EXTRA=("$@")
KEY="bench-key-$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')"
OUT="${OUT:-$(mktemp -d)}"; mkdir -p "$OUT"
HTTP_PORT=5090; REDIS_PORT=6392; AZURITE_PORT=10520
LOADGEN=(dotnet run -c Release --no-build --project src/EcomOrleans.LoadGen --)

dotnet build -c Release src/EcomOrleans.Silo -v quiet --nologo >/dev/null
dotnet build -c Release src/EcomOrleans.LoadGen -v quiet --nologo >/dev/null

silo_pid=""
start_silo() { # extra environment assignments...
  # No demo catalog: the replay puts its own, and seeding would load the silo while it is measured.
  env "$@" Demo__SeedCatalog=false Security__ApiKey="$KEY" Orleans__SiloPort=11190 Orleans__GatewayPort=30090 \
    dotnet run -c Release --no-build --project src/EcomOrleans.Silo -- --urls "http://127.0.0.1:$HTTP_PORT" >"$OUT/silo.log" 2>&1 &
  silo_pid=$!
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$HTTP_PORT/health/ready" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "silo did not become ready; see $OUT/silo.log" >&2; exit 1
}
stop_silo() { [ -n "$silo_pid" ] && kill "$silo_pid" 2>/dev/null && wait "$silo_pid" 2>/dev/null || true; silo_pid=""; }
azurite_pid=""
cleanup() {
  stop_silo; redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
  if [ -n "$azurite_pid" ]; then kill "$azurite_pid" 2>/dev/null || true; fi
}
trap cleanup EXIT

echo "== 1/4 ceiling: grains in-process" >&2
# Server GC, as the silo (a web project) runs with, so the ceiling is not held back by its collector.
DOTNET_gcServer=1 "${LOADGEN[@]}" ceiling --dataset "$DATASET" --json "${EXTRA[@]}" >"$OUT/ceiling.json"

echo "== 2/4 HTTP replay, embedded default (in-memory)" >&2
start_silo
"${LOADGEN[@]}" replay --dataset "$DATASET" --url "http://127.0.0.1:$HTTP_PORT" --api-key "$KEY" --json "${EXTRA[@]}" >"$OUT/embedded.json"
stop_silo

echo "== 3/4 HTTP replay, Redis" >&2
# Durable as the engine requires: an append-only file synced before each write is answered.
mkdir -p "$OUT/redis"
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly yes --appendfsync always --dir "$OUT/redis" --daemonize yes >/dev/null
start_silo ConnectionStrings__Redis="127.0.0.1:$REDIS_PORT"
"${LOADGEN[@]}" replay --dataset "$DATASET" --url "http://127.0.0.1:$HTTP_PORT" --api-key "$KEY" --json "${EXTRA[@]}" >"$OUT/redis.json"
stop_silo

echo "== 4/4 HTTP replay, Azure Table storage (Azurite, in memory)" >&2
if [ "${SKIP_AZURE:-}" = "1" ]; then
  echo "skipped (SKIP_AZURE=1)" >&2
else
if [ -z "${AZURITE:-}" ]; then
  npm install --prefix "$OUT/azurite" --no-audit --no-fund --loglevel=error azurite@3.35.0 >/dev/null
  AZURITE="$OUT/azurite/node_modules/.bin/azurite"
fi
"$AZURITE" --inMemoryPersistence --skipApiVersionCheck --disableTelemetry --silent --blobPort "$((AZURITE_PORT + 0))" \
  --queuePort "$((AZURITE_PORT + 1))" --tablePort "$((AZURITE_PORT + 2))" >"$OUT/azurite.log" 2>&1 &
azurite_pid=$!
for _ in $(seq 1 100); do grep -q "Table service is successfully listening" "$OUT/azurite.log" && break; sleep 0.2; done
# Azurite's published development account and key (they open nothing but the emulator).
AZ="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$((AZURITE_PORT + 2))/devstoreaccount1;"
start_silo Storage__Provider=AzureTable ConnectionStrings__AzureStorage="$AZ"
"${LOADGEN[@]}" replay --dataset "$DATASET" --url "http://127.0.0.1:$HTTP_PORT" --api-key "$KEY" --json "${EXTRA[@]}" >"$OUT/azure.json"
stop_silo
fi

python3 - "$OUT" <<'PY'
import json, sys, os
out = sys.argv[1]
print(f"{'run':<30}{'events':>10}{'events/s':>12}{'p50 ms':>10}{'p99 ms':>10}{'p99.9 ms':>10}{'errors':>8}")
for name, label in [("ceiling", "grains in-process (ceiling)"), ("embedded", "HTTP, in-memory"), ("redis", "HTTP, Redis"), ("azure", "HTTP, Azure Tables (Azurite)")]:
    if not os.path.exists(os.path.join(out, name + ".json")):
        continue
    r = json.load(open(os.path.join(out, name + ".json")))
    print(f"{label:<30}{r['events']:>10,}{r['eventsPerSec']:>12,.0f}{r['p50Ms']:>10.2f}{r['p99Ms']:>10.2f}{r['p999Ms']:>10.2f}{r['errors']:>8}")
print(f"raw reports: {out}")
PY
