#!/usr/bin/env bash
set -u
KEY=bench-key-0123456789abcdef
run_silo() {
  (cd /work/main/src/EcomOrleans.Silo && Demo__SeedCatalog=false Security__ApiKey=$KEY dotnet bin/Release/net10.0/EcomOrleans.Silo.dll --urls http://127.0.0.1:5090 > /tmp/bench-silo.log 2>&1 &)
  until curl -sf http://127.0.0.1:5090/health/ready >/dev/null 2>&1; do sleep 0.5; done
}
stop_silo() { pkill -f "EcomOrleans.Silo.dll" ; while pgrep -f EcomOrleans.Silo.dll >/dev/null; do sleep 0.5; done; }
for round in 1 2; do
  for tree in old new; do
    dir=/tmp/old; [ $tree = new ] && dir=/work/main
    run_silo
    (cd $dir && dotnet src/EcomOrleans.LoadGen/bin/Release/net10.0/EcomOrleans.LoadGen.dll replay --dataset beauty --data-dir /work/shared/data --url http://127.0.0.1:5090 --api-key $KEY --json > /tmp/bench-$tree-$round.json 2>/tmp/bench-$tree-$round.err)
    echo "round $round $tree: $(python3 -c "import json;d=json.load(open('/tmp/bench-$tree-$round.json'));print({k:v for k,v in d.items() if not isinstance(v,(dict,list))})" 2>&1 | head -c 600)"
    stop_silo
  done
done
