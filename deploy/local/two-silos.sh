#!/usr/bin/env bash
# Starts two engine processes on one Redis as one Orleans cluster: silo A on http://127.0.0.1:5080,
# silo B on http://127.0.0.1:5081. Needs a Redis on 127.0.0.1:6379 (or REDIS=host:port) that persists every
# write (redis-server --appendonly yes --appendfsync always; the engine refuses one that does not) and the key
# in Security__ApiKey. Ctrl+C stops both.
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${Security__ApiKey:?set Security__ApiKey to the API key (16+ characters)}"
export ConnectionStrings__Redis="${REDIS:-127.0.0.1:6379}"
export Security__ApiKey

dotnet build src/EcomOrleans.Silo -c Release -v quiet --nologo
run_silo() { # name http-port silo-port gateway-port
  Orleans__SiloPort="$3" Orleans__GatewayPort="$4" \
    dotnet run --project src/EcomOrleans.Silo -c Release --no-build -- --urls "http://127.0.0.1:$2" \
    2>&1 | sed "s/^/[$1] /" &
}
run_silo A 5080 11111 30000
run_silo B 5081 11112 30001
trap 'kill $(jobs -p) 2>/dev/null' INT TERM EXIT
wait
