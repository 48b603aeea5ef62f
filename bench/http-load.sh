#!/usr/bin/env bash
# HTTP load run with wrk against a running Stylegraph service; each endpoint at 1, 16 and 64 connections. Writes
# <report>.md and <report>.json with p50/p90/p99 latency and requests/s per run.
#
# Suites:
#   search           (default) similar items per modality and text search, for 1,000 query items spread over the
#                    catalogue (e.g. `./stylegraph serve` on fashion-products once /v1/search/status is complete)
#   recommendations  personalised items for 1,000 users of the active model (every n-th row of its users.txt, read
#                    from the artifact folder that GET /v1/models names; the service must run on this machine)
#   content          personalised items for about 1,000 users with likes from --users-file (one id per line, e.g.
#                    what bench/simulated-shoppers.sh writes): the content path when no model is active or knows them,
#                    the model+content blend once one is; beside it, the same route for as many users without
#                    likes (the popular list: the route's cost without the scoring)
#   outfits          outfits around about 1,000 top/bottom/dress/shoes items as anchors, outfits for shoppers without
#                    likes (popular anchors), and looks of those items (once /v1/outfits/status says ready)
#
#   bench/http-load.sh [--suite search|recommendations|content|outfits] [--url http://localhost:8080] \
#                      [--duration 30s] [--queries 1000] [--connections "1 16 64"] \
#                      [--report reports/http-load-fashion-products] [--token TOKEN] [--users-file FILE]
#
# Every call carries a bearer token: --token or STYLEGRAPH_TOKEN, e.g. $(./stylegraph token --role analyst) (reads
# only). One wrk client is one rate-limit client: run the service with STYLEGRAPH_RATE_LIMIT_ENABLED=false for a load
# run, or the answers are 429s (counted as non-2xx in the report).
set -euo pipefail

suite=search
url=http://localhost:8080
duration=30s
queries=1000
report=reports/http-load-fashion-products
connections=(1 16 64)
token="${STYLEGRAPH_TOKEN:-}"
users_file=""
while [ $# -gt 0 ]; do
  case "$1" in
    --suite) suite="$2"; shift 2 ;;
    --url) url="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --queries) queries="$2"; shift 2 ;;
    --report) report="$2"; shift 2 ;;
    --connections) read -r -a connections <<< "$2"; shift 2 ;;
    --token) token="$2"; shift 2 ;;
    --users-file) users_file="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[ -n "$token" ] || { echo "no token: pass --token or set STYLEGRAPH_TOKEN (./stylegraph token --role analyst)" >&2; exit 2; }
export STYLEGRAPH_TOKEN="$token"
command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install -y wrk)" >&2; exit 2; }
if [ "$suite" = content ] && [ ! -f "$users_file" ]; then
  echo "the content suite needs --users-file (user ids with likes, one per line)" >&2; exit 2
fi
status_path=/v1/search/status
[ "$suite" = outfits ] && status_path=/v1/outfits/status
status=$(curl -fsS -H "Authorization: Bearer $token" "$url$status_path") || { echo "no Stylegraph service answers at $url" >&2; exit 2; }
if [ "$suite" = outfits ] && ! echo "$status" | grep -q '"state":"ready"'; then
  echo "outfits are not ready: $status" >&2; exit 2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

case "$suite" in
  search) endpoints=(similar-visual similar-text similar-hybrid search) ;;
  recommendations) endpoints=(recommendations) ;;
  content) endpoints=(recommendations popular) ;;
  outfits) endpoints=(outfits-anchor outfits-popular looks) ;;
  *) echo "unknown suite $suite (search, recommendations, content, outfits)" >&2; exit 2 ;;
esac

# every n-th item of the catalogue in id order (every n-th user of the model), n chosen so that about $queries are
# picked
python3 - "$url" "$queries" "$work" "$suite" "$users_file" <<'PY'
import collections, json, os, sys, urllib.parse, urllib.request
url, wanted, work, suite, users_file = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
def get(path):
    return urllib.request.urlopen(urllib.request.Request(
        url + path, headers={"Authorization": "Bearer " + os.environ["STYLEGRAPH_TOKEN"]}))
if suite == "content":
    with open(users_file) as f:
        users = [line.strip() for line in f if line.strip()]
    step = max(1, len(users) // wanted)
    picked = users[::step][:wanted]
    strategies = collections.Counter()
    with open(f"{work}/recommendations.paths", "w") as f:
        for u in picked:
            path = f"/v1/users/{urllib.parse.quote(u)}/recommendations?k=20"
            with get(path) as r:
                strategies[json.load(r)["strategy"]] += 1
            f.write(path + "\n")
    with open(f"{work}/popular.paths", "w") as f:
        for n in range(len(picked)):
            f.write(f"/v1/users/bench-without-likes-{n}/recommendations?k=20\n")
    with get("/v1/search/status") as r:
        status = json.load(r)
    # once embedding is done, items counts the last pass (0 when it found nothing new); the indexes hold them all
    items = max(status["items"], *status.get("indexed", {}).values())
    with open(f"{work}/catalogue-size", "w") as f:
        f.write(str(items))
    with open(f"{work}/picked", "w") as f:
        f.write(str(len(picked)))
    with open(f"{work}/strategies", "w") as f:
        json.dump(dict(strategies), f)
    sys.exit(0)
if suite == "recommendations":
    with get("/v1/models") as r:
        active = [m for m in json.load(r) if m.get("status") == "active" and m.get("kind", "recommender") == "recommender"]
    if not active:
        sys.exit("no active recommender model: train one first (POST /v1/training/runs)")
    with open(os.path.join(active[0]["artifactPath"], "users.txt")) as f:
        users = [line.strip() for line in f if line.strip()]
    step = max(1, len(users) // wanted)
    picked = users[::step][:wanted]
    with open(f"{work}/catalogue-size", "w") as f:
        f.write(str(len(users)))
    with open(f"{work}/recommendations.paths", "w") as f:
        for u in picked:
            f.write(f"/v1/users/{urllib.parse.quote(u)}/recommendations?k=20\n")
    with open(f"{work}/picked", "w") as f:
        f.write(str(len(picked)))
    sys.exit(0)
items, page = [], 0
while True:
    with get(f"/v1/items?size=200&page={page}") as r:
        body = json.load(r)
    batch = body["items"]
    items.extend(batch)
    if len(batch) < 200:
        break
    page += 1
items = [i.get("item", i) for i in items]
items.sort(key=lambda i: i["id"])
with open(f"{work}/catalogue-size", "w") as f:
    f.write(str(len(items)))
if suite == "outfits":
    items = [i for i in items if i.get("slot") in ("top", "bottom", "dress", "shoes")]
step = max(1, len(items) // wanted)
picked = items[::step][:wanted]
with open(f"{work}/picked", "w") as f:
    f.write(str(len(picked)))
if suite == "outfits":
    with open(f"{work}/outfits-anchor.paths", "w") as f:
        for n, i in enumerate(picked):
            f.write(f"/v1/users/bench-{n}/outfits?k=5&anchorItemId={urllib.parse.quote(i['id'])}\n")
    with open(f"{work}/outfits-popular.paths", "w") as f:
        for n in range(len(picked)):
            f.write(f"/v1/users/bench-{n}/outfits?k=5\n")
    with open(f"{work}/looks.paths", "w") as f:
        for i in picked:
            f.write(f"/v1/items/{urllib.parse.quote(i['id'])}/looks?k=5\n")
    sys.exit(0)
for modality in ("visual", "text", "hybrid"):
    with open(f"{work}/similar-{modality}.paths", "w") as f:
        for i in picked:
            f.write(f"/v1/items/{urllib.parse.quote(i['id'])}/similar?k=10&modality={modality}\n")
with open(f"{work}/search.paths", "w") as f:
    for i in picked:
        f.write("/v1/search?k=10&q=" + urllib.parse.quote(i.get("title") or i["id"]) + "\n")
PY
catalogue=$(cat "$work/catalogue-size")
picked=$(cat "$work/picked")
echo "$suite: catalogue (or model users): $catalogue; $picked picked; $duration per run" >&2

results="$work/results.tsv"
for endpoint in "${endpoints[@]}"; do
  # warm-up: JIT and caches, not recorded
  wrk -t2 -c16 -d5s -s "$here/paths.lua" "$url" -- "$work/$endpoint.paths" >/dev/null
  for c in "${connections[@]}"; do
    load=$(cut -d' ' -f1 /proc/loadavg)
    line=$(wrk -t"$(( c < 2 ? c : 2 ))" -c"$c" -d"$duration" --timeout 10s -s "$here/paths.lua" "$url" -- "$work/$endpoint.paths" \
      | grep '^RESULT')
    echo "$endpoint $c $load $line" >&2
    echo -e "$endpoint\t$c\t$load\t${line#RESULT }" >> "$results"
  done
done

strategies=$(cat "$work/strategies" 2>/dev/null || echo '{}')
python3 - "$results" "$report" "$url" "$duration" "$catalogue" "$picked" "$status" "$suite" "${connections[*]}" \
  "$strategies" "$users_file" <<'PY'
import json, os, platform, subprocess, sys, datetime
results, report, url, duration, catalogue, picked, status, suite, connections, strategies, users_file = sys.argv[1:12]
rows = []
for line in open(results):
    endpoint, conns, load, rest = line.rstrip("\n").split("\t")
    r = dict(kv.split("=") for kv in rest.split())
    seconds = int(r["duration_us"]) / 1e6
    rows.append({"endpoint": endpoint, "connections": int(conns), "loadAverageBefore": float(load),
                 "requests": int(r["requests"]), "requestsPerSecond": round(int(r["requests"]) / seconds, 1),
                 "p50Ms": int(r["p50_us"]) / 1000, "p90Ms": int(r["p90_us"]) / 1000, "p99Ms": int(r["p99_us"]) / 1000,
                 "maxMs": int(r["max_us"]) / 1000, "meanMs": float(r["mean_us"]) / 1000,
                 "non2xx": int(r["non2xx"]), "errors": int(r["connect_errors"]) + int(r["read_errors"]) + int(r["timeouts"])})
try:
    revision = subprocess.check_output(["git", "describe", "--always", "--dirty"], text=True).strip()
except Exception:
    revision = "unknown"
meta = {"command": "bench/http-load.sh --suite %s --url %s --duration %s --queries %s --connections '%s' --report %s%s" % (
            suite, url, duration, picked, connections, report,
            " --users-file %s" % users_file if suite == "content" else ""), "suite": suite,
        "gitRevision": revision, "finishedAt": datetime.datetime.utcnow().isoformat() + "Z",
        "cores": os.cpu_count(), "machine": platform.platform(), "catalogueItems": int(catalogue),
        "queryItems": int(picked), "status": json.loads(status), "runs": rows}
if suite == "content":
    meta["strategies"] = json.loads(strategies)
os.makedirs(os.path.dirname(report) or ".", exist_ok=True)
with open(report + ".json", "w") as f:
    json.dump(meta, f, indent=2)
with open(report + ".md", "w") as f:
    f.write("# Outfit endpoints under load\n\n" if suite == "outfits" else "# HTTP load run\n\n")
    f.write("Written by `%s` against a running `./stylegraph serve` (wrk, 2 threads (1 for one connection), keep-alive, "
            "on the same machine as the service).\n\n" % meta["command"])
    f.write("- git revision: `%s`, finished %s\n" % (revision, meta["finishedAt"]))
    f.write("- machine: %d cores, %s; wrk shares the cores with the service\n" % (meta["cores"], meta["machine"]))
    if suite == "recommendations":
        f.write("- model: %d users; %d of them (every n-th row of the active model's users.txt); each run %s after "
                "a 5 s warm-up\n" % (int(catalogue), int(picked), duration))
        f.write("- `GET /v1/users/{id}/recommendations?k=20`: rated items excluded, gender held to the likes, a "
                "reason per result\n\n")
    elif suite == "content":
        f.write("- catalogue: %d items; %d users with likes (every n-th line of %s); each run %s after a 5 s "
                "warm-up\n" % (int(catalogue), int(picked), os.path.basename(users_file), duration))
        f.write("- recommendations: `GET /v1/users/{id}/recommendations?k=20` for those users; strategies the "
                "service named for them just before the runs: %s\n" % ", ".join(
                    "`%s` %d" % kv for kv in sorted(meta["strategies"].items())))
        f.write("- popular: the same route for as many users without likes (`bench-without-likes-<n>`: the "
                "popular list), the route's cost without the scoring, under the same conditions\n\n")
    elif suite == "outfits":
        f.write("- catalogue: %d items; %d query items (every n-th top/bottom/dress/shoes item in id order); each run "
                "%s after a 5 s warm-up per endpoint\n" % (int(catalogue), int(picked), duration))
        f.write("- outfits-anchor: `GET /v1/users/bench-<n>/outfits?k=5&anchorItemId=<item>`; outfits-popular: the "
                "same without an anchor (shoppers without likes: popular anchors); looks: "
                "`GET /v1/items/<item>/looks?k=5`\n\n")
    else:
        f.write("- catalogue: %d items; %d query items (every n-th item in id order); each run %s after a 5 s "
                "warm-up per endpoint\n" % (int(catalogue), int(picked), duration))
        f.write("- similar: `GET /v1/items/{id}/similar?k=10&modality=…`; search: `GET /v1/search?k=10&q=<the query "
                "item's title>` (encodes the words on every request)\n\n")
    f.write("| endpoint | connections | requests/s | p50 ms | p90 ms | p99 ms | max ms | non-2xx | errors | load avg before |\n")
    f.write("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
    for r in rows:
        f.write("| %s | %d | %.0f | %.1f | %.1f | %.1f | %.1f | %d | %d | %.2f |\n" % (
            r["endpoint"], r["connections"], r["requestsPerSecond"], r["p50Ms"], r["p90Ms"], r["p99Ms"], r["maxMs"],
            r["non2xx"], r["errors"], r["loadAverageBefore"]))
print("wrote %s.md and %s.json" % (report, report))
PY
