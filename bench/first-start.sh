#!/usr/bin/env bash
# Times what a new user waits for: `./stylegraph serve` on an empty data directory, then a second start on the same
# directory after a clean stop. Each run polls the service's own status routes every 2 s and records, in seconds after
# the command was launched:
#   up        the HTTP port answers (the demo tokens are printed)
#   outfits   /v1/outfits/status says ready (items whose text vector has not arrived are scored by slot and category)
#   outfitsText  ... and every item is scored with its text vector
#   pairs     its pairsWith says ready (PAIRS_WITH edges written or kept)
#   search    /v1/search/status: the embedding run is done, so every item with a picture or text is in both
#             serving indexes (exact or HNSW)
#   hnsw      both serving indexes answer through an HNSW graph (built, or loaded from the previous start)
#   all       the latest of the above
# and from the second start what it redid: graphs built or loaded, PAIRS_WITH kept or written, items embedded again.
# Writes <report>.md and <report>.json with every run and the medians over --runs runs.
#
#   bench/first-start.sh [--catalog ../shared/data/fashion-products] [--runs 3] [--port 8093] \
#                        [--report reports/first-start-fashion-products] [--timeout 2400]
#   bench/first-start.sh --merge "a.json b.json" [--report ...]   (one report over the runs of earlier reports)
#   bench/first-start.sh --restarts-of DATA_DIR [--runs 3] [--report reports/restart-fashion-products]
#       (restarts only: each run starts the service on a data directory a first start of the same checkout left,
#        waits until everything is served and stops it cleanly)
#
# Run it on a quiet machine: the first start is CPU-bound on every core, so anything beside it shows in the figures
# (the report records the load average around each run).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
catalog="$root/../shared/data/fashion-products"
runs=3
port=8093
report=reports/first-start-fashion-products
timeout=2400
merge=""
restarts_of=""
while [ $# -gt 0 ]; do
  case "$1" in
    --catalog) catalog="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --report) report="$2"; shift 2 ;;
    --timeout) timeout="$2"; shift 2 ;;
    --merge) merge="$2"; shift 2 ;;
    --restarts-of) restarts_of="$(cd "$2" && pwd)"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ -d "$catalog" ] || { echo "no catalogue at $catalog" >&2; exit 2; }
cd "$root"
if [ -n "$merge" ]; then
  work=""
  runs=0
elif curl -s -o /dev/null "http://localhost:$port/"; then
  echo "port $port is in use: pass --port" >&2; exit 2
else
  ./stylegraph --help >/dev/null   # builds the jar now, so no run times the build
  work=$(mktemp -d)
  trap 'pkill -f -- "--data-dir $work/" 2>/dev/null || true; [ -z "$restarts_of" ] || pkill -f -- "--data-dir $restarts_of/" 2>/dev/null || true' EXIT
  echo "first-start: $runs runs on $catalog, work in $work" >&2
fi

python3 - "$root" "$catalog" "$runs" "$port" "$report" "$timeout" "$work" "$merge" "$restarts_of" <<'PY'
import json, os, re, signal, statistics, subprocess, sys, time, urllib.request, datetime

root, catalog, runs, port, report, timeout, work, merge, restarts_of = sys.argv[1:10]
runs, port, timeout = int(runs), int(port), float(timeout)
base = f"http://localhost:{port}"
MILESTONES = ["up", "outfits", "outfitsText", "pairs", "search", "hnsw", "all"]


def get(path, token):
    request = urllib.request.Request(base + path, headers={"Authorization": "Bearer " + token})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def start(data, log_path):
    log = open(log_path, "w")
    env = dict(os.environ)
    # the outfit model trains on polyvore-maryland beside the catalogue when the checkout is not beside ../shared
    env.setdefault("STYLEGRAPH_DATASETS_DIR", os.path.dirname(os.path.abspath(catalog)))
    process = subprocess.Popen(["./stylegraph", "serve", "--port", str(port), "--data-dir", data + "/",
                                "--catalog", catalog], cwd=root, stdout=log, stderr=subprocess.STDOUT, env=env)
    return process, log


def token_from(log_path):
    with open(log_path, errors="replace") as f:
        for line in f:
            found = re.match(r"^\s+analyst\s+(\S+)$", line.rstrip("\n"))
            if found:
                return found.group(1)
    return None


def watch(process, log_path, launched):
    """Polls until every milestone is reached; returns their times and the last statuses."""
    times, token, outfits, search = {}, None, {}, {}
    deadline = launched + timeout
    while time.time() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the service exited with {process.returncode}; see {log_path}")
        now = time.time() - launched
        if token is None:
            token = token_from(log_path)
            if token is None:
                time.sleep(1)
                continue
        try:
            outfits = get("/v1/outfits/status", token)
            search = get("/v1/search/status", token)
        except Exception:
            time.sleep(1)
            continue
        times.setdefault("up", now)
        if outfits.get("state") == "ready":
            times.setdefault("outfits", now)
            text = outfits.get("textVectors") or {}
            if text.get("withVector") == text.get("items"):
                times.setdefault("outfitsText", now)
        if (outfits.get("pairsWith") or {}).get("status") in ("ready", "off"):
            times.setdefault("pairs", now)
        if search.get("state") == "done":
            times.setdefault("search", now)
        approximate = search.get("approximate") or {}
        if "search" in times and approximate and all(approximate.values()):
            times.setdefault("hnsw", now)
        if all(m in times for m in MILESTONES[:-1]):
            times["all"] = max(times[m] for m in MILESTONES[:-1])
            return times, outfits, search
        time.sleep(2)
    raise SystemExit(f"not everything was ready after {timeout:.0f} s: outfits {outfits}, search {search}")


def stop(process, log):
    began = time.time()
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=180)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    log.close()
    return time.time() - began


def one_start(data, log_path):
    load_before = os.getloadavg()[0]
    launched = time.time()
    process, log = start(data, log_path)
    try:
        times, outfits, search = watch(process, log_path, launched)
    finally:
        stopped = stop(process, log)
    return {"seconds": {m: round(v, 1) for m, v in times.items()}, "stopSeconds": round(stopped, 1),
            "loadBefore": round(load_before, 1), "loadAfter": round(os.getloadavg()[0], 1),
            "outfits": {k: outfits.get(k) for k in ("state", "model", "items", "pairsWith", "textVectors")},
            "search": {k: search.get(k) for k in ("state", "items", "embedded", "itemsPerSecond", "indexed",
                                                  "approximate", "graphs", "unreadableImages")},
            "log": log_path}


results = []
merged_revisions = set()
for earlier in merge.split():
    with open(earlier) as f:
        document = json.load(f)
        merged_revisions.add(document["gitRevision"])
        for r in document["runs"]:
            r["run"] = len(results) + 1
            results.append(r)
runs = runs or len(results)
if restarts_of:
    for run in range(1, runs + 1):
        second = one_start(restarts_of, os.path.join(work, f"restart-{run}.log"))
        print(f"restart {run}: {second['seconds']}; graphs {second['search']['graphs']}, embedded again "
              f"{second['search']['items']}, pairsWith {second['outfits']['pairsWith']}", file=sys.stderr)
        results.append({"run": run, "second": second})
for run in range(1, runs + 1 if not (merge or restarts_of) else 1):
    data = os.path.join(work, f"data-{run}")
    os.makedirs(data)
    first = one_start(data, os.path.join(work, f"first-{run}.log"))
    print(f"run {run} first start: {first['seconds']}", file=sys.stderr)
    second = one_start(data, os.path.join(work, f"second-{run}.log"))
    print(f"run {run} second start: {second['seconds']}; graphs {second['search']['graphs']}, "
          f"embedded again {second['search']['items']}, pairsWith {second['outfits']['pairsWith']}", file=sys.stderr)
    results.append({"run": run, "first": first, "second": second})


def median(start_kind, milestone):
    values = [r[start_kind]["seconds"].get(milestone) for r in results if start_kind in r]
    values = [v for v in values if v is not None]
    return round(statistics.median(values), 1) if values else None


medians = {kind: {m: median(kind, m) for m in MILESTONES} for kind in ("first", "second")}
if restarts_of:
    del medians["first"]
git = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True).stdout.strip()
if merged_revisions:
    git = ", ".join(sorted(merged_revisions))  # the runs' checkout, not this one
redone = [{"graphs": r["second"]["search"]["graphs"], "embeddedAgain": r["second"]["search"]["items"],
           "pairsWithKept": (r["second"]["outfits"]["pairsWith"] or {}).get("kept")} for r in results]
document = {"catalog": os.path.abspath(catalog), "runs": results, "medians": medians, "secondStartRedid": redone,
            "restartsOf": restarts_of or None,
            "targets": {"outfitsReadyFirst": 180, "searchAllItemsFirst": 360, "everythingSecond": 30},
            "gitRevision": git, "cores": os.cpu_count(),
            "writtenAt": datetime.datetime.now(datetime.timezone.utc).isoformat()}
os.makedirs(os.path.dirname(os.path.join(root, report)) or ".", exist_ok=True)
with open(os.path.join(root, report + ".json"), "w") as f:
    json.dump(document, f, indent=2)
    f.write("\n")

def restarts_report():
    lines = [f"# Restarts of `./stylegraph serve` on {os.path.basename(os.path.abspath(catalog))}", "",
             f"Written by `bench/first-start.sh --restarts-of <data dir> --runs {runs}` on {document['writtenAt']}; "
             f"git `{git}`, {os.cpu_count()} cores. The data directory is the one a first start of this checkout "
             "left (catalogue imported, every item embedded, HNSW graphs and PAIRS_WITH edges written). Each run "
             "launches `./stylegraph serve` on it, waits until everything is served and stops it with SIGTERM. "
             "Seconds after the launch, from the service's own status routes polled every 2 s.", "",
             "| milestone | restart (median) | each run |", "| --- | ---: | --- |"]
    for m in MILESTONES:
        lines.append(f"| {names[m]} | {medians['second'][m]} | "
                     + ", ".join(str(r["second"]["seconds"].get(m)) for r in results) + " |")
    lines += ["", "Target: everything, HNSW included, ≤ 30 s after a clean stop, redoing no finished index or edge "
              "build.", "", "## What each restart redid", "",
              "| run | search graphs | items embedded again | PAIRS_WITH kept | load average before → after |",
              "| --- | --- | ---: | --- | --- |"]
    for r, d in zip(results, redone):
        lines.append(f"| {r['run']} | {d['graphs']} | {d['embeddedAgain']} | {d['pairsWithKept']} | "
                     f"{r['second']['loadBefore']} → {r['second']['loadAfter']} |")
    return lines + ["", "The JSON beside this file has the statuses each restart ended with.", ""]


names = {"up": "service answers", "outfits": "outfits ready", "outfitsText": "outfits ready, every text vector in", "pairs": "PAIRS_WITH ready",
         "search": "every item in both search indexes", "hnsw": "both indexes on HNSW", "all": "everything"}
if restarts_of:
    lines = restarts_report()
else:
    lines = [f"# First start and restart of `./stylegraph serve` on {os.path.basename(os.path.abspath(catalog))}", "",
             f"Written by `bench/first-start.sh` on {document['writtenAt']}"
             + (f" from the runs of {len(merge.split())} invocations" if merge else "")
             + f"; the runs at git `{git}`, {os.cpu_count()} cores. "
             f"{runs} runs; each launches `./stylegraph serve` on an empty data directory, waits until everything is "
             "served, stops it with SIGTERM and starts it again on the same directory. Seconds after the launch, from "
             "the service's own status routes polled every 2 s.", "",
             "| milestone | first start (median) | second start (median) | first start, each run | second start, each run |",
             "| --- | ---: | ---: | --- | --- |"]
    for m in MILESTONES:
        each = lambda kind: ", ".join(str(r[kind]["seconds"].get(m)) for r in results)
        lines.append(f"| {names[m]} | {medians['first'][m]} | {medians['second'][m]} | {each('first')} | {each('second')} |")
    lines += ["", "Targets: outfits ready ≤ 180 s and every item in both search indexes ≤ 360 s on the first start; "
              "everything, HNSW included, ≤ 30 s on the second.", "",
              "## What the second start redid", "", "| run | search graphs | items embedded again | PAIRS_WITH kept |",
              "| --- | --- | ---: | --- |"]
    for r, d in zip(results, redone):
        lines.append(f"| {r['run']} | {d['graphs']} | {d['embeddedAgain']} | {d['pairsWithKept']} |")
    lines += ["", "## Load average (1 min) before and after each start", "", "| run | first start | second start |",
              "| --- | --- | --- |"]
    for r in results:
        lines.append(f"| {r['run']} | {r['first']['loadBefore']} → {r['first']['loadAfter']} | "
                     f"{r['second']['loadBefore']} → {r['second']['loadAfter']} |")
    lines += ["", "A load average above the core count before a start means other work shared the cores; the JSON beside "
              "this file has the statuses each start ended with.", ""]
with open(os.path.join(root, report + ".md"), "w") as f:
    f.write("\n".join(lines))
print(f"wrote {report}.md and .json", file=sys.stderr)
PY
