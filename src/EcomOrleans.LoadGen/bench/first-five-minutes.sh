#!/usr/bin/env bash
# Times README's first five minutes on a fresh clone: README's run command (restore, build, start, demo catalog) until
# the engine is ready, then README's walk-through (key from the log, one batch of events, recommendations).
# Prints the seconds to each step and the start-up log's length. Usage: first-five-minutes.sh [repository]
set -euo pipefail
SOURCE="$(cd "${1:-$(dirname "$0")/../../..}" && pwd)"
WORK="$(mktemp -d)"
trap 'kill "$SILO" 2>/dev/null || true; wait "$SILO" 2>/dev/null || true; rm -rf "$WORK"' EXIT
git clone -q "$SOURCE" "$WORK/repo"
cd "$WORK/repo"
START=$(date +%s.%N)
elapsed() { echo "$(date +%s.%N) - $START" | bc; }

dotnet run --project src/EcomOrleans.Silo > "$WORK/silo.log" 2>&1 &
SILO=$!
until curl -sf http://127.0.0.1:5080/health/ready >/dev/null 2>&1; do
  if ! kill -0 "$SILO" 2>/dev/null; then cat "$WORK/silo.log"; exit 1; fi
  sleep 0.5
done
READY=$(elapsed)
KEY=$(grep -o 'ApiKey: [0-9a-f]*' "$WORK/silo.log" | cut -d' ' -f2)
curl -sf -X POST http://127.0.0.1:5080/api/events -H "X-Api-Key: $KEY" -H "Content-Type: application/json" -d '{"events":[
  {"eventId":"e-1001","userId":"u-42","sessionId":"s-9","kind":"search","query":"nail polish"},
  {"eventId":"e-1002","userId":"u-42","sessionId":"s-9","kind":"view","sku":"beauty-212"},
  {"eventId":"e-1003","userId":"u-42","sessionId":"s-9","kind":"view","sku":"beauty-1301"},
  {"eventId":"e-1004","userId":"u-42","sessionId":"s-9","kind":"add_to_cart","sku":"beauty-212","quantity":1}]}' >/dev/null
RECS=$(curl -sf "http://127.0.0.1:5080/api/users/u-42/recommendations?count=5&sessionId=s-9" -H "X-Api-Key: $KEY")
DONE=$(elapsed)
PERSONALIZED=$(grep -o '"reason":"personalized"' <<<"$RECS" | wc -l)
LINES=$(wc -l < "$WORK/silo.log")
# dotnet run prints its build lines to the same stream only on failure; the log is the engine's own.
printf '{"readySeconds":%.1f,"recommendationsSeconds":%.1f,"personalizedItems":%d,"startupLogLines":%d}\n' "$READY" "$DONE" "$PERSONALIZED" "$LINES"
echo "$RECS"
