#!/usr/bin/env bash
# Scale benchmark (issue 18): for each size point ITEMS:USERS:LIKES, end to end through the normal commands,
#   generate  ./stylegraph generate-catalogue (seed 1, precomputed vectors named after the service's built-in encoders,
#             so neither train nor serve embeds the items again; outfits)
#   import    ./stylegraph import into a fresh data dir: wall, rows/s, Neo4j store size on disk
#   train     ./stylegraph train --max-epochs N (the service's own run: snapshot, FREEDOM with its item kNN graph,
#             evaluation, blend choice, artifact, promotion): snapshot s, kNN s, epoch s, wall
#   serve     ./stylegraph serve --no-catalog on that data dir (random high port, rate limit off) until the model,
#             its item graph (above the ANN threshold) and the search indexes are ready; then bench/http-load.sh at
#             one connection for recommendations, similar items (the search suite) and, once ready, outfits;
#             the service's RSS and its live heap after a full GC
# and for each JVM its peak heap (largest heap before a GC, from -Xlog:gc) and peak RSS (VmHWM). Every stage appends
# to <work>/<point>/measurements.properties and is skipped when that file already holds it (a run can be resumed);
# at the end io.stylegraph.training.scale.ScaleReportCommand writes reports/scale-<name>.md, .json and .png (log-log
# cost per size with fitted exponents).
#
#   bench/scale.sh [--name NAME] [--work-dir DIR] [--heap 8g] [--max-epochs 1] [--duration 20s] [--nice 15] \
#                  [--report-dir reports] [--report-only] POINT [POINT...]
# (--nice: the niceness added to every stage's JVM; 0 on a machine kept quiet for the run, as the targets assume)
#   e.g. nohup nice -n 15 bench/scale.sh --name current-x10 23000:10000:278000 230000:100000:2800000 > /tmp/scale.log 2>&1 &
#
# The jar and its lib/ are copied into the work dir at start, so rebuilding the checkout does not change a running benchmark.
set -euo pipefail
{ # read whole before running: editing the checkout's copy cannot change a run under way

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
name=""
work=/tmp/stylegraph-scale
heap=8g
max_epochs=1
duration=20s
report_dir=reports
report_only=false
niceness=15
points=()
while [ $# -gt 0 ]; do
  case "$1" in
    --name) name="$2"; shift 2 ;;
    --work-dir) work="$2"; shift 2 ;;
    --heap) heap="$2"; shift 2 ;;
    --max-epochs) max_epochs="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --report-dir) report_dir="$2"; shift 2 ;;
    --report-only) report_only=true; shift ;;
    --nice) niceness="$2"; shift 2 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) points+=("$1"); shift ;;
  esac
done
[ ${#points[@]} -gt 0 ] || { echo "give at least one size point ITEMS:USERS:LIKES" >&2; exit 2; }
for p in "${points[@]}"; do
  [[ "$p" =~ ^[0-9]+:[0-9]+:[0-9]+$ ]] || { echo "size point $p is not ITEMS:USERS:LIKES" >&2; exit 2; }
done
[ -n "$name" ] || name="$(echo "${points[*]}" | tr ' :' '-_')"
mkdir -p "$work"
work="$(cd "$work" && pwd)"
command_line="bench/scale.sh --name $name --heap $heap --max-epochs $max_epochs --duration $duration --nice $niceness ${points[*]}"

log() { echo "$(date -u +%H:%M:%S) scale: $*" >&2; }

jar="$work/app/stylegraph.jar"
if [ "$report_only" = false ]; then
  [ -f "$root/api/target/stylegraph.jar" ] || { echo "build first: mvn -B -o -q install -DskipTests" >&2; exit 2; }
  command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install -y wrk)" >&2; exit 2; }
  # the jar names its libraries in lib/ beside it: copy both
  [ -f "$jar" ] || { mkdir -p "$work/app"; cp -r "$root/api/target/lib" "$work/app/"; cp "$root/api/target/stylegraph.jar" "$jar"; }
fi

service_pid=""
cleanup() { if [ -n "$service_pid" ]; then kill -TERM "$service_pid" 2>/dev/null || true; wait "$service_pid" 2>/dev/null || true; fi; }
trap cleanup EXIT

# java with the launcher's flags, the jar copy, a GC log for the peak heap; always run in the background (&), where
# exec makes $! the JVM's pid
stylegraph() { # STAGE_DIR STAGE_NAME args...
  local dir="$1" stage="$2"; shift 2
  local huge=""
  grep -qE '\[(always|madvise)\]' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null \
    && huge="-XX:+UseTransparentHugePages"
  exec nice -n "$niceness" java "-Xmx$heap" $huge --add-modules jdk.incubator.vector "-Xlog:gc:file=$dir/$stage-gc.log" \
    --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
    --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED \
    -jar "$jar" "$@"
}

record() { echo "$2=$3" >> "$1/measurements.properties"; }
has() { grep -q "^$2=" "$1/measurements.properties" 2>/dev/null; }
now() { date +%s.%N; }
seconds_since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
peak_rss_mib() { awk '/^VmHWM:/ { printf "%d", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || true; }
rss_mib() { awk '/^VmRSS:/ { printf "%d", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || true; }
# largest heap in use before any GC of the log (MiB): the peak the process reached
peak_heap_mib() { grep -o '[0-9]*M->[0-9]*M' "$1" 2>/dev/null | cut -dM -f1 | sort -n | tail -1; }

# runs a stage's JVM in the background, sampling its peak RSS every 2 s; records <stage>WallSeconds, PeakRssMib, PeakHeapMib
run_stage() { # DIR STAGE LOGFILE args...
  local dir="$1" stage="$2" logfile="$3"; shift 3
  local started pid peak=0 sample rc=0
  record "$dir" "${stage}LoadBefore" "$(cut -d' ' -f1 /proc/loadavg)"
  started=$(now)
  stylegraph "$dir" "$stage" "$@" > "$logfile" 2>&1 &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    sample=$(peak_rss_mib "$pid"); [ -n "$sample" ] && [ "$sample" -gt "$peak" ] && peak=$sample
    sleep 2
  done
  wait "$pid" || rc=$?
  record "$dir" "${stage}WallSeconds" "$(seconds_since "$started")"
  record "$dir" "${stage}LoadAfter" "$(cut -d' ' -f1 /proc/loadavg)"
  record "$dir" "${stage}PeakRssMib" "$peak"
  record "$dir" "${stage}PeakHeapMib" "$(peak_heap_mib "$dir/$stage-gc.log")"
  [ "$rc" -eq 0 ] || { log "$stage failed ($rc): see $logfile"; tail -20 "$logfile" >&2; return "$rc"; }
}

# HH:MM:SS.mmm of the first log line matching a pattern, as seconds of the day
log_time() { grep -m1 -E "$2" "$1" | awk '{ split($1, t, ":"); printf "%.3f", t[1] * 3600 + t[2] * 60 + t[3] }'; }
interval() { awk -v a="$1" -v b="$2" 'BEGIN { d = b - a; if (d < 0) d += 86400; printf "%.1f", d }'; }

measure_point() {
  local point="$1" items users likes dir
  IFS=: read -r items users likes <<< "$point"
  dir="$work/$items-$users-$likes"
  mkdir -p "$dir"
  if ! has "$dir" items; then
    record "$dir" items "$items"; record "$dir" users "$users"; record "$dir" likes "$likes"
    record "$dir" gitRevision "$(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD || echo -dirty)"
    record "$dir" startedAt "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  fi

  if ! has "$dir" generateWallSeconds; then
    log "$point: generating"
    rm -rf "$dir/catalogue"
    run_stage "$dir" generate "$dir/generate.log" generate-catalogue --items "$items" --users "$users" \
      --likes "$likes" --seed 1 --service-encoders --out "$dir/catalogue" || return 1
    record "$dir" catalogueMib "$(du -sm "$dir/catalogue" | cut -f1)"
  fi

  if ! has "$dir" importWallSeconds; then
    log "$point: importing into a fresh data dir (the import path of this checkout)"
    rm -rf "$dir/data" "$dir/import"
    run_stage "$dir" import "$dir/import.log" import --path "$dir/catalogue" --data-dir "$dir/data" --bolt-port 0 \
      --batch-size 2000 --report "$dir/import" || return 1
    local report
    report=$(ls "$dir"/import/import-*.json | head -1)
    python3 - "$report" >> "$dir/measurements.properties" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(f"importSeconds={r['seconds']}\nimportRowsPerSecond={r['rowsPerSecond']}\nimportInteractions={r['interactions']}")
print(f"importLikedEdges={r.get('graphLikedEdges', 0)}\nimportDislikedEdges={r.get('graphDislikedEdges', 0)}")
PY
    record "$dir" storeMib "$(du -sm "$dir/data/neo4j" | cut -f1)"
  fi

  if ! has "$dir" trainWallSeconds; then
    log "$point: training (./stylegraph train --max-epochs $max_epochs)"
    run_stage "$dir" train "$dir/train.log" train --data-dir "$dir/data" --bolt-port 0 --max-epochs "$max_epochs" || return 1
    local started dataset graph
    started=$(log_time "$dir/train.log" 'Training run [0-9]+ started')
    dataset=$(log_time "$dir/train.log" 'Training run [0-9]+: dataset ')
    graph=$(log_time "$dir/train.log" 'Training run [0-9]+: item graph:')
    record "$dir" snapshotSeconds "$(interval "$started" "$dataset")"
    [ -n "$graph" ] && record "$dir" knnSeconds "$(interval "$dataset" "$graph")"
    record "$dir" epochSeconds "$(grep -oE 'epoch [0-9]+ loss [0-9.]+ [0-9.]+s' "$dir/train.log" | head -1 \
      | awk '{ sub("s$", "", $5); print $5 }')"
    record "$dir" trainLikes "$(grep -m1 -oE 'trainLikes=[0-9]+' "$dir/train.log" | cut -d= -f2)"
  fi

  if ! has "$dir" recommendationsP99Ms; then
    serve_and_load "$point" "$dir" "$items" || return 1
  fi
  log "$point: done"
}

status_json() { curl -fsS -H "Authorization: Bearer $token" "http://localhost:$port$1" 2>/dev/null; }

wait_for() { # DESCRIPTION TIMEOUT_S command...: polls every 2 s; records nothing
  local what="$1" limit="$2" waited=0; shift 2
  until "$@"; do
    kill -0 "$service_pid" 2>/dev/null || { log "the service exited while waiting for $what"; return 1; }
    [ "$waited" -lt "$limit" ] || { log "gave up waiting for $what after $limit s"; return 1; }
    sleep 2; waited=$((waited + 2))
  done
}

serve_and_load() {
  local point="$1" dir="$2" items="$3" started
  port=$(( 20000 + RANDOM % 20000 ))
  log "$point: serving on port $port"
  started=$(now)
  STYLEGRAPH_RATE_LIMIT_ENABLED=false stylegraph "$dir" serve serve --port "$port" --data-dir "$dir/data" \
    --bolt-port 0 --no-catalog > "$dir/serve.log" 2>&1 &
  service_pid=$!
  token=""
  wait_for "the demo tokens" 900 grep -qE '^\s+analyst\s+\S+$' "$dir/serve.log" || return 1
  token=$(grep -m1 -E '^\s+analyst\s+\S+$' "$dir/serve.log" | awk '{ print $2 }')
  record "$dir" serveUpSeconds "$(seconds_since "$started")"
  wait_for "the served model" 900 grep -q 'Serving recommender version' "$dir/serve.log" || return 1
  if [ "$items" -gt 100000 ]; then
    wait_for "the model's item graph" 3600 grep -q 'ranks from its item graph' "$dir/serve.log" || return 1
    record "$dir" itemGraphSeconds "$(grep -m1 -oE 'ready in [0-9]+ s' "$dir/serve.log" | awk '{ print $3 }')"
  fi
  search_done() { status_json /v1/search/status | grep -q '"state":"done"'; }
  wait_for "the search indexes" 3600 search_done || return 1
  record "$dir" serveReadySeconds "$(seconds_since "$started")"
  # the outfit model builds in the background of the same JVM (it encodes every outfit name): load runs beside it
  # measure that work, not the route, so they wait for it
  outfits_ready() { status_json /v1/outfits/status | grep -q '"state":"ready"'; }
  local outfits=false
  if wait_for "outfits" 1200 outfits_ready; then
    outfits=true
    record "$dir" outfitsReadySeconds "$(seconds_since "$started")"
  fi
  # background work that shares the cores with the requests until it ends: the search indexes' HNSW graphs (built
  # when no saved graph fits; until then search scans exactly) and the mining of the PAIRS_WITH edges. The load runs
  # measure the service at rest, so they wait for both (and say so when a wait gives up)
  graphs_ready() { status_json /v1/search/status | python3 -c '
import json, sys
s = json.load(sys.stdin)
sys.exit(0 if all(n <= 30000 or s["approximate"].get(m) for m, n in s["indexed"].items()) else 1)'; }
  if wait_for "the search indexes' graphs" 3600 graphs_ready; then
    record "$dir" searchGraphsReadySeconds "$(seconds_since "$started")"
  fi
  pairs_settled() { status_json /v1/outfits/status | python3 -c '
import json, sys
p = json.load(sys.stdin)["pairsWith"]["status"]
sys.exit(0 if p in ("ready", "off") or p.startswith("failed") else 1)'; }
  if [ "$outfits" = true ] && wait_for "the PAIRS_WITH edges" 3600 pairs_settled; then
    record "$dir" pairsWithReadySeconds "$(seconds_since "$started")"
  fi
  log "$point: served after $(seconds_since "$started") s; load runs at one connection"
  bench_suite "$dir" recommendations recommendations
  bench_suite "$dir" search similar-visual
  [ "$outfits" = false ] || bench_suite "$dir" outfits outfits-anchor
  record "$dir" serveRssMib "$(rss_mib "$service_pid")"
  record "$dir" servePeakRssMib "$(peak_rss_mib "$service_pid")"
  nice -n 15 jcmd "$service_pid" GC.run > /dev/null 2>&1 || true
  sleep 3
  record "$dir" serveLiveHeapMib "$(grep -o '[0-9]*M->[0-9]*M' "$dir/serve-gc.log" | tail -1 | cut -d'>' -f2 | tr -d M)"
  record "$dir" servePeakHeapMib "$(peak_heap_mib "$dir/serve-gc.log")"
  kill -TERM "$service_pid"; wait "$service_pid" 2>/dev/null || true
  service_pid=""
}

bench_suite() { # DIR SUITE ENDPOINT: runs http-load.sh at one connection; records the endpoint's p50/p99
  local dir="$1" suite="$2" endpoint="$3" prefix
  STYLEGRAPH_TOKEN="$token" "$root/bench/http-load.sh" --suite "$suite" --url "http://localhost:$port" \
    --duration "$duration" --connections 1 --report "$dir/http-$suite" >> "$dir/http.log" 2>&1 \
    || { log "http-load --suite $suite failed: see $dir/http.log"; return 0; }
  python3 - "$dir/http-$suite.json" "$dir/measurements.properties" <<'PY'
import json, sys
names = {"recommendations": "recommendations", "similar-visual": "similarVisual", "similar-text": "similarText",
         "similar-hybrid": "similarHybrid", "search": "search", "outfits-anchor": "outfitsAnchor",
         "outfits-popular": "outfitsPopular", "looks": "looks"}
with open(sys.argv[2], "a") as out:
    for r in json.load(open(sys.argv[1]))["runs"]:
        key = names[r["endpoint"]]
        out.write(f"{key}P50Ms={r['p50Ms']}\n{key}P99Ms={r['p99Ms']}\n{key}Non2xx={r['non2xx']}\n")
        out.write(f"{key}LoadAverage={r['loadAverageBefore']}\n")
PY
}

dirs=()
for point in "${points[@]}"; do
  IFS=: read -r i u l <<< "$point"
  dirs+=("$work/$i-$u-$l")
  if [ "$report_only" = false ]; then
    mkdir -p "$work/$i-$u-$l"
    # one run per point folder at a time (a second would delete the first's files)
    if mkdir "$work/$i-$u-$l/.running" 2>/dev/null; then
      measure_point "$point" || { log "$point stopped early; the report shows what it measured"; cleanup; service_pid=""; }
      rmdir "$work/$i-$u-$l/.running"
    else
      log "$point: another run works in $work/$i-$u-$l (or one was killed: remove .running there); skipped"
    fi
  fi
done

log "writing $report_dir/scale-$name.md, .json and .png"
report_jar="$root/api/target/stylegraph.jar"  # the checkout's: the report classes may be newer than the run
[ -f "$report_jar" ] || report_jar="$jar"
cd "$root"
# the checkout's compiled training classes first: the report may be newer than the installed jar
nice -n 15 java -Djava.awt.headless=true -cp "$root/training/target/classes:$report_jar" \
  io.stylegraph.training.scale.ScaleReportCommand \
  --report-dir "$report_dir" --name "$name" --command "$command_line" "${dirs[@]}"
exit
}
