#!/usr/bin/env bash
# HTTP load run with wrk against the outfit endpoints of a running Stylegraph service (e.g. `./stylegraph serve` on the
# fashion-products demo catalogue, once /v1/outfits/status says ready). Replays about 500 outfit items spread over the
# catalogue: outfits around each as anchor, outfits for shoppers without likes (popular anchors), and looks of each;
# each endpoint at 1 and 16 connections. Writes <report>.md and <report>.json with p50/p90/p99 latency and requests/s.
#
#   bench/outfit-load.sh [--url http://localhost:8080] [--duration 20s] [--queries 500] \
#                        [--report reports/outfit-load-fashion-products]
set -euo pipefail

url=http://localhost:8080
duration=20s
queries=500
report=reports/outfit-load-fashion-products
connections=(1 16)
while [ $# -gt 0 ]; do
  case "$1" in
    --url) url="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --queries) queries="$2"; shift 2 ;;
    --report) report="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install -y wrk)" >&2; exit 2; }
status=$(curl -fsS "$url/v1/outfits/status") || { echo "no Stylegraph service answers at $url" >&2; exit 2; }
echo "$status" | grep -q '"state":"ready"' || { echo "outfits are not ready: $status" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# every n-th outfit item (top, bottom, dress, shoes) of the catalogue in id order, about $queries of them
python3 - "$url" "$queries" "$work" <<'PY'
import json, sys, urllib.parse, urllib.request
url, wanted, work = sys.argv[1], int(sys.argv[2]), sys.argv[3]
items, page = [], 0
while True:
    with urllib.request.urlopen(f"{url}/v1/items?size=200&page={page}") as r:
        batch = json.load(r)["items"]
    items.extend(i.get("item", i) for i in batch)
    if len(batch) < 200:
        break
    page += 1
catalogue = len(items)
items = sorted((i for i in items if i.get("slot") in ("top", "bottom", "dress", "shoes")), key=lambda i: i["id"])
step = max(1, len(items) // wanted)
picked = items[::step][:wanted]
with open(f"{work}/catalogue-size", "w") as f:
    f.write(str(catalogue))
with open(f"{work}/outfits-anchor.paths", "w") as f:
    for n, i in enumerate(picked):
        f.write(f"/v1/users/bench-{n}/outfits?k=5&anchorItemId={urllib.parse.quote(i['id'])}\n")
with open(f"{work}/outfits-popular.paths", "w") as f:
    for n, i in enumerate(picked):
        f.write(f"/v1/users/bench-{n}/outfits?k=5\n")
with open(f"{work}/looks.paths", "w") as f:
    for i in picked:
        f.write(f"/v1/items/{urllib.parse.quote(i['id'])}/looks?k=5\n")
PY
catalogue=$(cat "$work/catalogue-size")
picked=$(wc -l < "$work/looks.paths")
echo "catalogue: $catalogue items; $picked query items; $duration per run" >&2

results="$work/results.tsv"
for endpoint in outfits-anchor outfits-popular looks; do
  wrk -t2 -c16 -d5s -s "$here/paths.lua" "$url" -- "$work/$endpoint.paths" >/dev/null  # warm-up, not recorded
  for c in "${connections[@]}"; do
    load=$(cut -d' ' -f1 /proc/loadavg)
    line=$(wrk -t"$(( c < 2 ? c : 2 ))" -c"$c" -d"$duration" --timeout 10s -s "$here/paths.lua" "$url" -- "$work/$endpoint.paths" \
      | grep '^RESULT')
    echo "$endpoint $c $load $line" >&2
    echo -e "$endpoint\t$c\t$load\t${line#RESULT }" >> "$results"
  done
done

python3 - "$results" "$report" "$url" "$duration" "$catalogue" "$picked" "$status" <<'PY'
import json, os, platform, subprocess, sys, datetime
results, report, url, duration, catalogue, picked, status = sys.argv[1:8]
rows = []
for line in open(results):
    endpoint, conns, load, rest = line.rstrip("\n").split("\t")
    r = dict(kv.split("=") for kv in rest.split())
    seconds = int(r["duration_us"]) / 1e6
    rows.append({"endpoint": endpoint, "connections": int(conns), "loadAverageBefore": float(load),
                 "requests": int(r["requests"]), "requestsPerSecond": round(int(r["requests"]) / seconds, 1),
                 "p50Ms": int(r["p50_us"]) / 1000, "p90Ms": int(r["p90_us"]) / 1000, "p99Ms": int(r["p99_us"]) / 1000,
                 "maxMs": int(r["max_us"]) / 1000, "non2xx": int(r["non2xx"]),
                 "errors": int(r["connect_errors"]) + int(r["read_errors"]) + int(r["timeouts"])})
try:
    revision = subprocess.check_output(["git", "describe", "--always", "--dirty"], text=True).strip()
except Exception:
    revision = "unknown"
meta = {"command": "bench/outfit-load.sh --url %s --duration %s --queries %s --report %s" % (url, duration, picked, report),
        "gitRevision": revision, "finishedAt": datetime.datetime.utcnow().isoformat() + "Z",
        "cores": os.cpu_count(), "machine": platform.platform(), "catalogueItems": int(catalogue),
        "queryItems": int(picked), "outfitStatus": json.loads(status), "runs": rows}
os.makedirs(os.path.dirname(report) or ".", exist_ok=True)
with open(report + ".json", "w") as f:
    json.dump(meta, f, indent=2)
with open(report + ".md", "w") as f:
    f.write("# Outfit endpoints under load\n\n")
    f.write("Written by `%s` against a running `./stylegraph serve` (wrk, 2 threads (1 for one connection), keep-alive, "
            "on the same machine as the service).\n\n" % meta["command"])
    f.write("- git revision: `%s`, finished %s\n" % (revision, meta["finishedAt"]))
    f.write("- machine: %d cores, %s; wrk shares the cores with the service\n" % (meta["cores"], meta["machine"]))
    f.write("- catalogue: %d items; %d query items (every n-th top/bottom/dress/shoes item in id order); each run %s "
            "after a 5 s warm-up per endpoint\n" % (int(catalogue), int(picked), duration))
    f.write("- outfits-anchor: `GET /v1/users/bench-<n>/outfits?k=5&anchorItemId=<item>`; outfits-popular: the same "
            "without an anchor (shoppers without likes: popular anchors); looks: `GET /v1/items/<item>/looks?k=5`\n\n")
    f.write("| endpoint | connections | requests/s | p50 ms | p90 ms | p99 ms | max ms | non-2xx | errors | load avg before |\n")
    f.write("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
    for r in rows:
        f.write("| %s | %d | %.0f | %.1f | %.1f | %.1f | %.1f | %d | %d | %.2f |\n" % (
            r["endpoint"], r["connections"], r["requestsPerSecond"], r["p50Ms"], r["p90Ms"], r["p99Ms"], r["maxMs"],
            r["non2xx"], r["errors"], r["loadAverageBefore"]))
print("wrote %s.md and %s.json" % (report, report))
PY
