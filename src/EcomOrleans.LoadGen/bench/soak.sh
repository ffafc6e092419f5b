#!/usr/bin/env bash
# Soak: a steady ingestion rate for a fixed time into a silo on a persisting Redis, with the silo's working set,
# managed heap (after the last collection) and activations sampled from its /metrics every 10 s, and its live heap
# every minute: dotnet-gcdump (installed from NuGet when missing) runs a full collection and counts what survives.
# "After the last collection" alone misleads: the server GC runs a full collection rarely, so the heap it reports
# holds every deactivated grain's state until then.
# Usage: src/EcomOrleans.LoadGen/bench/soak.sh [minutes=10] [events-per-second=1000] [dataset=beauty] [collection-age] [shoppers]
# shoppers (e.g. 500) replays only the data set's first shoppers, again and again with new ids (replay --shoppers
# --repeat), so that every window their grains keep fills up within the run: where memory must level off.
# collection-age (e.g. 00:00:30) sets Orleans:GrainCollection:CollectionAge, with a 10 s collection quantum, to compress
# idle collection into the run: the replay squeezes the data set's 28 days into minutes, so the engine's 15-minute
# default would never collect anyone in 10 minutes. Without it the silo runs on its defaults.
# Events are stamped as they are sent (replay --live), as a live storefront's are; the data set gives who does what
# in which order. Prints progress, then a summary; writes samples.csv and soak.svg (the plot) to $OUT (default: a temp folder).
set -euo pipefail
cd "$(dirname "$0")/../../.."
MINUTES="${1:-10}"; RATE="${2:-1000}"; DATASET="${3:-beauty}"; COLLECTION_AGE="${4:-}"; SHOPPERS="${5:-}"
KEY="soak-key-$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')"
OUT="${OUT:-$(mktemp -d)}"; mkdir -p "$OUT/redis"
HTTP_PORT=5096; REDIS_PORT=6396
LIMIT=$((RATE * 60 * MINUTES))

dotnet build -c Release src/EcomOrleans.Silo -v quiet --nologo >/dev/null
dotnet build -c Release src/EcomOrleans.LoadGen -v quiet --nologo >/dev/null
GCDUMP="$(command -v dotnet-gcdump || true)"
if [ -z "$GCDUMP" ]; then
  dotnet tool install dotnet-gcdump --version 10.0.750501 --tool-path "$OUT/tools" >/dev/null
  GCDUMP="$OUT/tools/dotnet-gcdump"
fi

silo_pid=""; replay_pid=""
cleanup() {
  [ -n "$replay_pid" ] && kill "$replay_pid" 2>/dev/null || true
  [ -n "$silo_pid" ] && kill "$silo_pid" 2>/dev/null && wait "$silo_pid" 2>/dev/null || true
  redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
}
trap cleanup EXIT

collection=()
if [ -n "$COLLECTION_AGE" ]; then
  collection=("Orleans__GrainCollection__CollectionAge=$COLLECTION_AGE" "Orleans__GrainCollection__CollectionQuantum=00:00:10")
fi

selection=()
if [ -n "$SHOPPERS" ]; then selection=(--shoppers "$SHOPPERS" --repeat); fi

redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly yes --appendfsync always --dir "$OUT/redis" --daemonize yes >/dev/null
env "${collection[@]}" Demo__SeedCatalog=false ConnectionStrings__Redis="127.0.0.1:$REDIS_PORT" Security__ApiKey="$KEY" Orleans__SiloPort=11196 Orleans__GatewayPort=30096 \
  dotnet src/EcomOrleans.Silo/bin/Release/net10.0/EcomOrleans.Silo.dll --urls "http://127.0.0.1:$HTTP_PORT" >"$OUT/silo.log" 2>&1 &
silo_pid=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$HTTP_PORT/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done

echo "== $MINUTES min at $RATE events/s ($LIMIT events of $DATASET) into a silo on Redis (AOF always)" >&2
dotnet run -c Release --no-build --project src/EcomOrleans.LoadGen -- replay --dataset "$DATASET" --url "http://127.0.0.1:$HTTP_PORT" \
  --api-key "$KEY" --rate "$RATE" --limit "$LIMIT" --live "${selection[@]}" --json >"$OUT/replay.json" 2>"$OUT/replay.log" &
replay_pid=$!

cat >"$OUT/sample.py" <<'PY'
import re, sys
text = sys.stdin.read()
def total(name):
    return sum(float(m) for m in re.findall(r"^" + name + r"(?:\{[^}]*\})? ([0-9.eE+]+)", text, re.M))
print(f"{sys.argv[1]},{total('dotnet_process_memory_working_set_bytes')/1e6:.1f},{total('dotnet_gc_last_collection_heap_size_bytes')/1e6:.1f},{total('orleans_catalog_activations'):.0f},{sys.argv[2]}")
PY
live_heap() {
  rm -f "$OUT/live.gcdump"
  "$GCDUMP" collect -p "$silo_pid" -o "$OUT/live.gcdump" >/dev/null 2>&1 || return 0
  "$GCDUMP" report "$OUT/live.gcdump" 2>/dev/null | awk '/GC Heap bytes/ { gsub(",", "", $1); printf "%.1f", $1 / 1e6 }'
}
echo "seconds,working_set_mb,heap_mb,activations,live_heap_mb" >"$OUT/samples.csv"
start=$(date +%s); n=0
while kill -0 "$replay_pid" 2>/dev/null; do
  live=""
  if [ $((n % 6)) -eq 0 ]; then live="$(live_heap)"; fi
  n=$((n + 1))
  curl -s "http://127.0.0.1:$HTTP_PORT/metrics" | python3 "$OUT/sample.py" "$(( $(date +%s) - start ))" "$live" >>"$OUT/samples.csv" || true
  tail -n 1 "$OUT/samples.csv" >&2
  sleep 10
done
wait "$replay_pid" || true
replay_pid=""

python3 - "$OUT" <<'PY'
import csv, json, os, sys
out = sys.argv[1]
rows = [r for r in csv.DictReader(open(os.path.join(out, "samples.csv")))]
t = [float(r["seconds"]) / 60 for r in rows]
series = [("working set, MB", [float(r["working_set_mb"]) for r in rows], "#1f77b4"),
          ("managed heap after last GC, MB", [float(r["heap_mb"]) for r in rows], "#ff7f0e"),
          ("activations / 100", [float(r["activations"]) / 100 for r in rows], "#2ca02c")]
live = [(float(r["seconds"]) / 60, float(r["live_heap_mb"])) for r in rows if r["live_heap_mb"]]
W, H, L, B = 760, 360, 60, 40
top = max(max(v) for _, v, _ in series) * 1.1 or 1
right = max(t) or 1
def x(v): return L + (W - L - 20) * v / right
def y(v): return H - B - (H - B - 20) * v / top
svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="12">',
       f'<rect width="{W}" height="{H}" fill="white"/>',
       f'<line x1="{L}" y1="{H-B}" x2="{W-20}" y2="{H-B}" stroke="black"/><line x1="{L}" y1="20" x2="{L}" y2="{H-B}" stroke="black"/>']
for i in range(6):
    v = top * i / 5
    svg.append(f'<text x="{L-6}" y="{y(v)+4:.0f}" text-anchor="end">{v:.0f}</text>')
for i in range(int(right) + 1):
    svg.append(f'<text x="{x(i):.0f}" y="{H-B+16}" text-anchor="middle">{i}</text>')
svg.append(f'<text x="{(W+L)/2:.0f}" y="{H-6}" text-anchor="middle">minutes</text>')
for n, (label, values, colour) in enumerate(series):
    points = " ".join(f"{x(a):.1f},{y(b):.1f}" for a, b in zip(t, values))
    svg.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{points}"/>')
    svg.append(f'<text x="{L+10}" y="{34+16*n}" fill="{colour}">{label}</text>')
svg.append(f'<text x="{L+10}" y="{34+16*len(series)}" fill="#d62728">live heap (full collection, every minute), MB</text>')
for a, b in live:
    svg.append(f'<circle cx="{x(a):.1f}" cy="{y(b):.1f}" r="4" fill="#d62728"/>')
svg.append(f'<polyline fill="none" stroke="#d62728" stroke-width="1" stroke-dasharray="4 3" points="{" ".join(f"{x(a):.1f},{y(b):.1f}" for a, b in live)}"/>')
svg.append("</svg>")
open(os.path.join(out, "soak.svg"), "w").write("\n".join(svg))
replay = json.load(open(os.path.join(out, "replay.json")))
half = len(rows) // 2
print(json.dumps({
    "minutes": round(max(t), 1), "events": replay["events"], "eventsPerSec": round(replay["eventsPerSec"]), "errors": replay["errors"],
    "p99Ms": round(replay["p99Ms"], 1), "samples": len(rows),
    "workingSetMb": {"first": rows[0]["working_set_mb"], "max": max(float(r["working_set_mb"]) for r in rows), "last": rows[-1]["working_set_mb"],
                     "secondHalfChange": round(float(rows[-1]["working_set_mb"]) - float(rows[half]["working_set_mb"]), 1)},
    "heapMb": {"first": rows[0]["heap_mb"], "max": max(float(r["heap_mb"]) for r in rows), "last": rows[-1]["heap_mb"]},
    "activations": {"first": rows[0]["activations"], "max": max(float(r["activations"]) for r in rows), "last": rows[-1]["activations"]},
    "liveHeapMb": [b for _, b in live],
    "out": out}))
PY
