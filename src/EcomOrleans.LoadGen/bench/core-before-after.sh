#!/usr/bin/env bash
# The engine-core figures of docs/benchmarks.md, for two checkouts side by side in one run on one machine:
# for each tree (in the order given, so alternate them for a second round), in this order:
#   1. ceiling:      Beauty straight into the grains in-process (server GC, like the silo), with grain calls per
#                    event, and 2,000 recommendations asked straight from user grains (grain calls and latency each)
#   2. bench-memory: heap per activation and stored bytes per grain (replayed shoppers, SKUs, full shoppers)
#   3. HTTP:         a silo on the embedded default, Beauty replayed through the API, then recommendations at
#                    saturation (closed loop, 64 connections) and at 80 % of that rate (open loop)
# Usage: src/EcomOrleans.LoadGen/bench/core-before-after.sh <tree> [<tree> ...]   (each tree built in Release)
# Raw outputs stay in $OUT (default: a temp folder); prints one line per figure. HTTP_ONLY=1 runs step 3 alone.
# The recommendation load (step 3) is sent by one load generator for every tree, the first tree's unless LOAD_TREE
# names another: it is the measuring instrument, and before 2026-12-07 the open loop kept every answered request of a
# step, so its own collections paused it for 30-60 ms every second or two and showed as the engine's tail. Each load
# runs 10 s (saturation: 5 s) of unmeasured warm-up first: a fresh generator's first seconds (unoptimised code, new
# connections) otherwise leave a queue at 80 % that takes seconds to drain.
set -euo pipefail
OUT="${OUT:-$(mktemp -d)}"; mkdir -p "$OUT"
USERS="${USERS:-2000}"
KEY="bench-key-$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')"
HTTP_PORT=5091
load_lg="${LOAD_TREE:-$1}/src/EcomOrleans.LoadGen/bin/Release/net10.0/EcomOrleans.LoadGen.dll"
i=0
for tree in "$@"; do
  i=$((i + 1)); name="$i-$(basename "$tree")"
  lg="$tree/src/EcomOrleans.LoadGen/bin/Release/net10.0/EcomOrleans.LoadGen.dll"
  silo="$tree/src/EcomOrleans.Silo/bin/Release/net10.0/EcomOrleans.Silo.dll"
  if [ -z "${HTTP_ONLY:-}" ]; then
    echo "== $name: ceiling" >&2
    # Trees before the recommendation count in ceiling (44c4f6b) refuse the option.
    recs=""; if dotnet "$lg" ceiling --help 2>/dev/null | grep -q -- "--recommendations"; then recs="--recommendations 2000"; fi
    # shellcheck disable=SC2086
    DOTNET_gcServer=1 dotnet "$lg" ceiling --dataset beauty $recs --json >"$OUT/$name-ceiling.json" 2>"$OUT/$name-ceiling.err"
    echo "== $name: bench-memory" >&2
    dotnet "$lg" bench-memory --users "$USERS" >"$OUT/$name-memory.json" 2>"$OUT/$name-memory.err"
  fi
  echo "== $name: HTTP replay and recommendation load" >&2
  # NOTE: the read limit per caller (Admission:Reads, 2,000/s by default) is raised: the load generator is one caller,
  # and a closed loop at the default measures the limiter (429s), not the engine. Trees without admission ignore it.
  (cd "$tree/src/EcomOrleans.Silo" && Demo__SeedCatalog=false Security__ApiKey="$KEY" Orleans__SiloPort=11191 Orleans__GatewayPort=30091 \
    Admission__Reads__RequestsPerSecond=1000000 Admission__Reads__Burst=1000000 \
    dotnet "$silo" --urls "http://127.0.0.1:$HTTP_PORT" >"$OUT/$name-silo.log" 2>&1) &
  pid=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$HTTP_PORT/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
  dotnet "$lg" replay --dataset beauty --url "http://127.0.0.1:$HTTP_PORT" --api-key "$KEY" --json >"$OUT/$name-replay.json" 2>"$OUT/$name-replay.err"
  # The catalog search index (trees that have one) embeds every title in the background after the catalog PUT; load
  # measured while it runs measures it too. Wait until its model stops running, then 20 s more for the replay's tail.
  last=""
  for _ in $(seq 1 300); do
    now=$(curl -sf "http://127.0.0.1:$HTTP_PORT/metrics" | grep -E '^ecom_inference_run_time_milliseconds_count\{.*model="text"' | awk '{print $NF}' || true)
    [ "$now" = "$last" ] && break
    last=$now; sleep 3
  done
  sleep 20
  dotnet "$load_lg" load --dataset beauty --url "http://127.0.0.1:$HTTP_PORT" --api-key "$KEY" --rates 0 --seconds 15 --warmup 5 --freshness-users 0 --json >"$OUT/$name-saturation.json" 2>"$OUT/$name-saturation.err"
  rate=$(python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['rates'][0]; print(round(r['achievedPerSec']*0.8))" "$OUT/$name-saturation.json")
  dotnet "$load_lg" load --dataset beauty --url "http://127.0.0.1:$HTTP_PORT" --api-key "$KEY" --rates "$rate" --seconds 20 --warmup 10 --json \
    --samples "$OUT/$name-at80.csv" >"$OUT/$name-at80.json" 2>"$OUT/$name-at80.err"
  pkill -f "dotnet $silo" || true; wait "$pid" 2>/dev/null || true
done
python3 - "$OUT" "$@" <<'PY'
import json, sys, os, re, glob
out = sys.argv[1]
for i, tree in enumerate(sys.argv[2:], 1):
    name = f"{i}-{os.path.basename(tree)}"
    rp = json.load(open(f"{out}/{name}-replay.json"))
    if os.path.exists(f"{out}/{name}-ceiling.json"):
        c = json.load(open(f"{out}/{name}-ceiling.json")); err = re.sub(r"\s+", " ", open(f"{out}/{name}-ceiling.err").read())
        per_event = re.search(r"([\d.]+) per event", err); rec = re.search(r"([\d.]+) grain calls each, p50 ([\d.]+) ms, p99 ([\d.]+) ms", err)
        calls = f", {per_event.group(1)} grain calls/event" if per_event else " (no call count in this tree)"
        recs = f"; recommendations in-process {rec.group(1)} grain calls each (p50 {rec.group(2)} ms, p99 {rec.group(3)} ms)" if rec else ""
        print(f"{name}: ceiling {c['eventsPerSec']:,.0f} events/s{calls}{recs}")
        m = json.load(open(f"{out}/{name}-memory.json"))
        print(f"{name}: memory bytesPerUser {m['bytesPerUser']:,} stored {m['storedBytesPerUser']:,}; bytesPerReplayUser {m['bytesPerReplayUser']:,} stored {m['storedBytesPerReplayUser']:,}; bytesPerSku {m['bytesPerSku']:,} stored {m['storedBytesPerSku']:,}")
        print(f"{name}: HTTP replay {rp['eventsPerSec']:,.0f} events/s ({rp['eventsPerSec'] / c['eventsPerSec']:.0%} of ceiling), errors {rp['errors']}")
    else:
        print(f"{name}: HTTP replay {rp['eventsPerSec']:,.0f} events/s, errors {rp['errors']}")
    s = json.load(open(f"{out}/{name}-saturation.json"))["rates"][0]; a = json.load(open(f"{out}/{name}-at80.json"))
    a80 = a["rates"][0]
    print(f"{name}: recommendations saturation {s['achievedPerSec']:,.0f}/s (p99 {s['p99Ms']:.1f} ms); at {a80['offered']:,.0f}/s offered: achieved {a80['achievedPerSec']:,.0f}/s, p50 {a80['p50Ms']:.2f} ms, p99 {a80['p99Ms']:.2f} ms, p99.9 {a80['p999Ms']:.2f} ms, errors {a80['errors']}, personalized {a80['personalizedShare']:.0%}; freshness {a['freshness']['changed']}/{a['freshness']['checked']}")
print(f"raw outputs: {out}")
PY
