#!/usr/bin/env bash
# Two outfit model versions against each other inside one running service: bench/outfit-load.sh at one connection
# with version A served, then B, then A, then B (POST /v1/models/{id}/promote switches them; each waits until the
# status names the version, its index is built and every item has its text vector, then 20 s). One process and one
# JIT for both, so the difference is the model's. PAIRS_WITH is off for the run (a switch would write the edges
# again in the background) and the rate limit too.
#   bench/outfit-versions-ab.sh DATA_DIR OUT_DIR A_VERSION B_VERSION [PORT]
# e.g. after a first start trained the staged ensemble: bench/outfit-versions-ab.sh <data dir> /tmp/vab 2 1
# Writes OUT_DIR/v<version>-<round>.md/.json (bench/http-load.sh reports) and the service's log.
set -euo pipefail
[ $# -ge 4 ] || { sed -n '2,9p' "$0"; exit 2; }
data=$1; out=$2; a=$3; b=$4; port=${5:-18742}
cd "$(dirname "$0")/.."
mkdir -p "$out"
STYLEGRAPH_RATE_LIMIT_ENABLED=false STYLEGRAPH_OUTFITS_PAIRS_PER_ITEM=0 \
  ./stylegraph serve --port "$port" --data-dir "$data/" > "$out/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until grep -qE "^\s+analyst\s" "$out/serve.log"; do
  kill -0 $pid 2>/dev/null || { echo "the service exited; see $out/serve.log" >&2; exit 1; }
  sleep 2
done
admin=$(grep -E "^\s+admin\s" "$out/serve.log" | awk '{print $2}')
analyst=$(grep -E "^\s+analyst\s" "$out/serve.log" | awk '{print $2}')
status() { curl -s -H "Authorization: Bearer $admin" "http://localhost:$port/v1/outfits/status"; }
served() { # version
  for _ in $(seq 1 900); do
    if status | python3 -c "import json,sys; d=json.load(sys.stdin); t=d.get('textVectors') or {}; \
sys.exit(0 if d.get('state')=='ready' and d.get('registryVersion')==$1 and t.get('withVector')==t.get('items') else 1)" \
        2>/dev/null; then
      echo "$(date -u +%T) version $1 served"; sleep 20; return 0
    fi
    sleep 2
  done
  echo "version $1 was not served within 30 minutes" >&2; exit 1
}
for round in 0 1; do
  for v in "$a" "$b"; do
    if ! status | python3 -c "import json,sys; sys.exit(0 if json.load(sys.stdin).get('registryVersion')==$v else 1)"; then
      curl -fsS -X POST -H "Authorization: Bearer $admin" "http://localhost:$port/v1/models/$v/promote" > /dev/null
    fi
    served "$v"
    bench/outfit-load.sh --url "http://localhost:$port" --connections 1 --token "$analyst" \
      --report "$out/v$v-$round" > "$out/v$v-$round.log" 2>&1 || { tail -5 "$out/v$v-$round.log" >&2; exit 1; }
    grep RESULT "$out/v$v-$round.log" || true
  done
done
