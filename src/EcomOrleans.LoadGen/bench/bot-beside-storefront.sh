#!/usr/bin/env bash
# The customer-service bot beside the storefront on one silo (in-memory default): Beauty's shoppers replayed in, then
# recommendations at fixed rates and at saturation, first alone, then with the bot's messages (POST
# /api/users/{id}/intent, the challenge set's 300 messages in turn) offered at the same time, open loop.
# Usage: src/EcomOrleans.LoadGen/bench/bot-beside-storefront.sh [rates=100,400,800,0] [bot-rate=20] [seconds=15] [users=2000]
# Prints two JSON lines: the load report alone, then with the bot ("intent" holds the bot's figures per step).
set -euo pipefail
cd "$(dirname "$0")/../../.."
RATES="${1:-100,400,800,0}"; BOT_RATE="${2:-20}"; SECONDS_PER_STEP="${3:-15}"; USERS="${4:-2000}"
KEY="bot-key-$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')"
OUT="${OUT:-$(mktemp -d)}"; mkdir -p "$OUT"
HTTP_PORT=5098
LOADGEN=(dotnet src/EcomOrleans.LoadGen/bin/Release/net10.0/EcomOrleans.LoadGen.dll)

dotnet build -c Release src/EcomOrleans.Silo -v quiet --nologo >/dev/null
dotnet build -c Release src/EcomOrleans.LoadGen -v quiet --nologo >/dev/null

Demo__SeedCatalog=false Security__ApiKey="$KEY" Orleans__SiloPort=11198 Orleans__GatewayPort=30098 \
  dotnet src/EcomOrleans.Silo/bin/Release/net10.0/EcomOrleans.Silo.dll --contentRoot "$PWD/src/EcomOrleans.Silo" --urls "http://127.0.0.1:$HTTP_PORT" \
  >"$OUT/silo.log" 2>&1 &
silo_pid=$!
trap 'kill "$silo_pid" 2>/dev/null || true; wait "$silo_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$HTTP_PORT/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done

echo "== replay: the whole Beauty file (about a minute)" >&2
"${LOADGEN[@]}" replay --dataset beauty --url "http://127.0.0.1:$HTTP_PORT" --api-key "$KEY" --json >"$OUT/replay.json"
# The embeddings refresh in the background after the replay's events, and the search index embeds the catalog's
# 12,101 texts (at most half a core): wait until its log says all are in, so that neither loads the measured steps.
for _ in $(seq 1 600); do
  total=$(grep -o 'listings embedded, [0-9]* in all' "$OUT/silo.log" | tail -1 | grep -o '[0-9]* in all' | grep -o '^[0-9]*' || true)
  if [ -n "$total" ] && [ "$total" -ge 12101 ]; then break; fi
  sleep 1
done
echo "search index: ${total:-0} listings embedded" >&2
sleep 5

echo "== recommendations alone: $RATES" >&2
"${LOADGEN[@]}" load --dataset beauty --url "http://127.0.0.1:$HTTP_PORT" --api-key "$KEY" --users "$USERS" \
  --rates "$RATES" --seconds "$SECONDS_PER_STEP" --freshness-users 0 --json || true # non-zero when a step had errors (429s at saturation)
echo "== recommendations with the bot at $BOT_RATE/s beside each step" >&2
"${LOADGEN[@]}" load --dataset beauty --url "http://127.0.0.1:$HTTP_PORT" --api-key "$KEY" --users "$USERS" \
  --rates "$RATES" --seconds "$SECONDS_PER_STEP" --freshness-users 0 --intent-rate "$BOT_RATE" --messages tests/data/intent-challenge.csv --json || true
