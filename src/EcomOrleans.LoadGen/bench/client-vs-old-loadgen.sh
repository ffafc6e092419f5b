#!/usr/bin/env bash
# The Beauty replay over HTTP into one silo (this tree's Release build, in-memory), sent by two LoadGen builds in turn:
# <old-tree>'s (for example 9ad738d, before LoadGen used EcomOrleans.Client) and this tree's, two rounds.
# Both trees must be built in Release first. Usage: client-vs-old-loadgen.sh <old-tree> [data-dir]
set -u
OLD="$1"
NEW="$(cd "$(dirname "$0")/../../.." && pwd)"
DATA="${2:-$NEW/../shared/data}"
KEY=bench-key-0123456789abcdef
run_silo() {
  (cd "$NEW/src/EcomOrleans.Silo" && Demo__SeedCatalog=false Security__ApiKey=$KEY dotnet bin/Release/net10.0/EcomOrleans.Silo.dll --urls http://127.0.0.1:5090 > /tmp/bench-silo.log 2>&1 &)
  until curl -sf http://127.0.0.1:5090/health/ready >/dev/null 2>&1; do sleep 0.5; done
}
stop_silo() { pkill -f "EcomOrleans.Silo.dll"; while pgrep -f EcomOrleans.Silo.dll >/dev/null; do sleep 0.5; done; }
for round in 1 2; do
  for tree in old new; do
    dir="$OLD"; [ $tree = new ] && dir="$NEW"
    run_silo
    (cd "$dir" && dotnet src/EcomOrleans.LoadGen/bin/Release/net10.0/EcomOrleans.LoadGen.dll replay --dataset beauty --data-dir "$DATA" \
      --url http://127.0.0.1:5090 --api-key $KEY --json > "/tmp/bench-$tree-$round.json")
    echo "round $round $tree: $(cat "/tmp/bench-$tree-$round.json")"
    stop_silo
  done
done
