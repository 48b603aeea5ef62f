#!/usr/bin/env python3
"""Baseline against candidate for a served route, in one command.

Each build in turn serves the same data directory (one service at a time: the embedded Neo4j locks it), waits until
the outfit index, its text vectors, PAIRS_WITH, the search index and (for recommendations) a served model are ready
and the service is idle, then runs one load at one connection: bench/outfit-load.sh for --suite outfits,
bench/http-load.sh --suite recommendations|search otherwise. The order is A B A B ... for --rounds rounds, so a drift
of the machine shows in both. A build is a folder holding stylegraph.jar and its lib/ (a copy of api/target after
./stylegraph --help built it).

  bench/serve-ab.py --data-dir DIR --report-dir DIR [--suite outfits|recommendations|search] [--rounds 2]
                    [--port 18741] [--no-catalog] [--heap 6g] [--duration 30s] NAME=BUILD_DIR NAME=BUILD_DIR ...

The data directory must have had a first start (./stylegraph serve --data-dir DIR) or the first run includes one;
--no-catalog serves what an import put there (bench/scale.sh's data directories). Reports:
<report-dir>/<name>-<round>.md/.json, one per run; the run's /v1/outfits/status line is printed.
"""
import argparse, json, os, re, signal, subprocess, sys, time, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAVA = ["java", "-XX:+UseTransparentHugePages", "--add-modules", "jdk.incubator.vector",
        "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED"]

parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
parser.add_argument("--data-dir", required=True)
parser.add_argument("--report-dir", required=True)
parser.add_argument("--rounds", type=int, default=2)
parser.add_argument("--port", type=int, default=18741)
parser.add_argument("--catalog", default=os.path.join(ROOT, "..", "shared", "data", "fashion-products"))
parser.add_argument("--timeout", type=float, default=3600)
parser.add_argument("--suite", choices=["outfits", "recommendations", "search"], default="outfits")
parser.add_argument("--no-catalog", action="store_true", help="serve the data directory's catalogue as imported")
parser.add_argument("--heap", default="6g")
parser.add_argument("--duration", default="30s", help="each http-load.sh run (not the outfit suite)")
parser.add_argument("--connections", default="1",
                    help="http-load.sh's connection counts, space-separated ('1 16'), each a run (not the outfit suite)")
parser.add_argument("builds", nargs="+", help="NAME=BUILD_DIR")
args = parser.parse_args()
builds = [b.split("=", 1) for b in args.builds]
base = f"http://localhost:{args.port}"
os.makedirs(args.report_dir, exist_ok=True)


def get(path, token):
    request = urllib.request.Request(base + path, headers={"Authorization": "Bearer " + token})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def ready(process, log):
    """Waits until everything is served; returns the analyst token and the outfit status."""
    started, token, status = time.time(), None, {}
    while time.time() - started < args.timeout:
        if process.poll() is not None:
            sys.exit(f"the service exited with {process.returncode}; see {log}")
        if token is None:
            with open(log, errors="replace") as f:
                for line in f:
                    found = re.match(r"^\s+analyst\s+(\S+)$", line.rstrip("\n"))
                    if found:
                        token = found.group(1)
        if token:
            try:
                status = get("/v1/outfits/status", token)
                search = get("/v1/search/status", token)
                text = status.get("textVectors") or {}
                if status.get("state") == "ready" and text.get("withVector") == text.get("items") \
                        and (status.get("pairsWith") or {}).get("status") in ("ready", "off") \
                        and search.get("state") == "done" and item_graph_ready(log):
                    return token, status, time.time() - started
            except Exception:
                pass
        time.sleep(3)
    sys.exit(f"not ready after {args.timeout:.0f} s; see {log}")


def item_graph_ready(log):
    """For recommendations: a model is served (its item graph, built in the background above the threshold, is
    waited for by settle())."""
    if args.suite != "recommendations":
        return True
    with open(log, errors="replace") as f:
        return "Serving recommender" in f.read()


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def settle(process):
    """Waits until the service spends under 0.3 s of CPU in 5 s: the start's background work has ended."""
    last = cpu_seconds(process.pid)
    while True:
        time.sleep(5)
        now = cpu_seconds(process.pid)
        if now - last < 0.3:
            return
        last = now


for round_ in range(args.rounds):
    for name, build in builds:
        log = os.path.join(args.report_dir, f"{name}-{round_}.log")
        env = dict(os.environ, STYLEGRAPH_RATE_LIMIT_ENABLED="false")
        env.setdefault("STYLEGRAPH_DATASETS_DIR", os.path.dirname(os.path.abspath(args.catalog)))
        source = ["--no-catalog"] if args.no_catalog else ["--catalog", args.catalog]
        process = subprocess.Popen(JAVA + ["-Xmx" + args.heap, "-jar", os.path.join(build, "stylegraph.jar"), "serve",
                                           "--port", str(args.port), "--data-dir", args.data_dir.rstrip("/") + "/",
                                           "--bolt-port", "0"] + source,
                                   cwd=ROOT, stdout=open(log, "w"), stderr=subprocess.STDOUT, env=env)
        try:
            token, status, seconds = ready(process, log)
            print(f"{name} round {round_}: ready after {seconds:.0f} s; model {status.get('model')}; "
                  f"textCategoryBlend {status.get('textCategoryBlend')}; wordOverlap {status.get('wordOverlap')}",
                  flush=True)
            settle(process)  # the start's last background work
            report = os.path.join(args.report_dir, f"{name}-{round_}")
            if args.suite == "outfits":
                command = [os.path.join(ROOT, "bench", "outfit-load.sh"), "--url", base, "--connections", "1",
                           "--token", token, "--report", report]
            else:
                command = [os.path.join(ROOT, "bench", "http-load.sh"), "--suite", args.suite, "--url", base,
                           "--connections", args.connections, "--duration", args.duration, "--token", token,
                           "--report", report]
            subprocess.run(command, cwd=ROOT, check=True)
        finally:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=180)
            except subprocess.TimeoutExpired:
                process.kill()
