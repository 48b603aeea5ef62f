#!/usr/bin/env bash
# Simulated shoppers against a running Stylegraph service on fashion-products: each shopper likes 3 items of one
# (article type, base colour, gender) group and dislikes 1 item of another group, then the shopper's top 10 is read
# back over HTTP and scored on what the shopper liked. Writes <report>.md and <report>.json.
#
#   bench/simulated-shoppers.sh [--url http://localhost:8080] [--token TOKEN] [--shoppers 500] [--seed 13] \
#       [--fresh-seed 14] [--min-group 20] [--caps "0 3 5 8"] [--diversities "0.3 0.5 0.7"] \
#       [--items ../shared/data/fashion-products/items.csv] \
#       [--report reports/simulated-shoppers-fashion-products] [--users-file FILE] [--phase all|content|blend] \
#       [--state FILE] [--train-timeout 3600]
#
# --state (default $TMPDIR/simulated-shoppers.state.json) carries the content phase's shoppers and figures to the
# blend phase; --users-file (default $TMPDIR/simulated-shoppers.users.txt) gets the shoppers' ids.
#
# Phases (all: content then blend, in one go):
#   content  waits until GET /v1/search/status says every item is embedded, draws the shoppers (--seed), posts their
#            feedback and measures the content path (no model may be active) and the popular list; the shoppers'
#            ids go to --users-file (one per line, for `bench/http-load.sh --suite content`) and the figures to
#            --state
#   blend    starts a training run (POST /v1/training/runs) unless a model is active, waits until one is, measures
#            the same shoppers again (now known to the model) and a fresh set drawn with --fresh-seed that was not in
#            training (placed by fold-in), then writes the report from --state and these figures
#   dev      draws shoppers with --seed, posts their feedback and prints their figures, nothing written: for
#            deciding a setting on a seed other than the reported ones
#
# Each list is read with every cap in --caps as `maxPerCategory` (0: the per-category diversity step off). The token
# must post feedback for any user, read recommendations, run analyst Cypher (the items' stored vectors) and start
# training: an admin token (`./stylegraph token --role admin`). Run the service with
# STYLEGRAPH_RATE_LIMIT_ENABLED=false (one client sends everything) and, for a clean content-path phase,
# STYLEGRAPH_TRAINING_AUTO_ENABLED=false (else automatic retraining starts a model after 50 likes).
set -euo pipefail

url=http://localhost:8080
token="${STYLEGRAPH_TOKEN:-}"
shoppers=500
seed=13
fresh_seed=14
min_group=20
caps="0 3 5 8"
diversities=""
items=../shared/data/fashion-products/items.csv
report=reports/simulated-shoppers-fashion-products
users_file=""
phase=all
state=""
train_timeout=3600
args=("$@")
while [ $# -gt 0 ]; do
  case "$1" in
    --url) url="$2"; shift 2 ;;
    --token) token="$2"; shift 2 ;;
    --shoppers) shoppers="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --fresh-seed) fresh_seed="$2"; shift 2 ;;
    --min-group) min_group="$2"; shift 2 ;;
    --caps) caps="$2"; shift 2 ;;
    --diversities) diversities="$2"; shift 2 ;;
    --items) items="$2"; shift 2 ;;
    --report) report="$2"; shift 2 ;;
    --users-file) users_file="$2"; shift 2 ;;
    --phase) phase="$2"; shift 2 ;;
    --state) state="$2"; shift 2 ;;
    --train-timeout) train_timeout="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ -n "$token" ] || { echo "no token: pass --token or set STYLEGRAPH_TOKEN (./stylegraph token --role admin)" >&2; exit 2; }
[ -f "$items" ] || { echo "no items file at $items" >&2; exit 2; }
case "$phase" in all|content|blend|dev) ;; *) echo "unknown phase $phase (all, content, blend, dev)" >&2; exit 2 ;; esac
[ -n "$state" ] || state="${TMPDIR:-/tmp}/simulated-shoppers.state.json"
[ -n "$users_file" ] || users_file="${TMPDIR:-/tmp}/simulated-shoppers.users.txt"
export STYLEGRAPH_TOKEN="$token"
command="bench/simulated-shoppers.sh ${args[*]//$token/TOKEN}"

exec python3 - "$url" "$shoppers" "$seed" "$fresh_seed" "$min_group" "$caps" "$items" "$report" "$users_file" \
  "$phase" "$state" "$train_timeout" "$command" "$diversities" <<'PY'
import csv, datetime, http.client, json, math, os, platform, random, subprocess, sys, time, urllib.parse
from collections import Counter, defaultdict

(url, n_shoppers, seed, fresh_seed, min_group, caps, items_path, report, users_file, phase, state_path,
 train_timeout, command, diversities) = sys.argv[1:15]
n_shoppers, seed, fresh_seed, min_group, train_timeout = (int(n_shoppers), int(seed), int(fresh_seed),
                                                           int(min_group), int(train_timeout))
# each list is read once per diversity step: a per-category cap (an int, 0 = both steps off) or MMR ("mmr0.5")
caps = [int(c) for c in caps.split()] + ["mmr" + d for d in diversities.split()]
K = 10
ID_PREFIX = "fp-"
parsed = urllib.parse.urlparse(url)
token = os.environ["STYLEGRAPH_TOKEN"]
conn = None


def call(method, path, body=None, ok=(200,)):
    """One request on a kept-alive connection (reopened once when the server closed it)."""
    global conn
    for attempt in (0, 1):
        if conn is None:
            conn = http.client.HTTPConnection(parsed.hostname, parsed.port or 80, timeout=120)
        headers = {"Authorization": "Bearer " + token}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        try:
            conn.request(method, path, body=data, headers=headers)
            response = conn.getresponse()
            raw = response.read()
        except (http.client.HTTPException, ConnectionError, OSError):
            conn.close()
            conn = None
            if attempt:
                raise
            continue
        if response.status not in ok:
            raise SystemExit("%s %s: %d %s" % (method, path, response.status, raw[:500].decode(errors="replace")))
        return json.loads(raw) if raw else None


def log(message):
    print("[%s] %s" % (datetime.datetime.utcnow().strftime("%H:%M:%S"), message), file=sys.stderr, flush=True)


def cypher(query, params):
    return call("POST", "/v1/analytics/cypher", {"query": query, "params": params, "maxRows": 1000})


# ---- catalogue: the CSV's attributes, restricted to the items the service has embedded in both modalities ----
catalogue = {}
with open(items_path, newline="") as f:
    for row in csv.DictReader(f):
        catalogue[ID_PREFIX + row["id"]] = row


def wait_embedded():
    while True:
        status = call("GET", "/v1/search/status")
        if status.get("state") not in ("queued", "scanning", "embedding") and status["embedded"] >= status["items"]:
            return status
        log("waiting for embedding: %s/%s (%s)" % (status.get("embedded"), status.get("items"), status.get("state")))
        time.sleep(30)


def embedded_ids():
    ids = []
    after = ""
    while True:
        page = cypher("MATCH (i:Item) WHERE i.id > $after AND i.visual IS NOT NULL AND i.text IS NOT NULL "
                      "RETURN i.id AS id ORDER BY i.id LIMIT 1000", {"after": after})
        batch = [r["id"] for r in page["rows"]]
        ids.extend(batch)
        if len(batch) < 1000:
            return set(ids)
        after = batch[-1]


GENDERED = ("Men", "Women", "Boys", "Girls")


def groups_of(embedded):
    """(article type, base colour, gender) -> item ids, embedded items of a stated non-unisex gender only."""
    groups = defaultdict(list)
    for item_id in sorted(embedded):
        row = catalogue.get(item_id)
        if row and row["gender"] in GENDERED and row["article_type"] and row["base_colour"]:
            groups[(row["article_type"], row["base_colour"], row["gender"])].append(item_id)
    return groups


def draw(groups, count, rng, prefix):
    """Each shopper: a group drawn uniformly among those with at least min_group items, 3 of its items liked, 1
    item of another such group disliked."""
    eligible = sorted(g for g, members in groups.items() if len(members) >= min_group)
    drawn = []
    for n in range(count):
        group = rng.choice(eligible)
        liked = rng.sample(groups[group], 3)
        other = rng.choice([g for g in eligible if g != group])
        disliked = rng.choice(groups[other])
        drawn.append({"user": "%s-%d" % (prefix, n), "group": list(group), "liked": liked, "disliked": disliked,
                      "dislikedGroup": list(other)})
    return drawn, eligible


def post_feedback(shoppers):
    for s in shoppers:
        for item_id in s["liked"]:
            call("POST", "/v1/users/%s/feedback" % s["user"], {"itemId": item_id, "signal": "like"}, ok=(200, 201, 202))
        call("POST", "/v1/users/%s/feedback" % s["user"], {"itemId": s["disliked"], "signal": "dislike"},
             ok=(200, 201, 202))


def recommend(user, cap):
    if cap is None:
        query = "k=%d" % K
    elif str(cap).startswith("mmr"):
        query = "k=%d&maxPerCategory=0&diversity=%s" % (K, cap[3:])
    else:
        query = "k=%d&maxPerCategory=%d&diversity=0" % (K, cap)
    return call("GET", "/v1/users/%s/recommendations?%s" % (urllib.parse.quote(user), query))


vectors = {}


def load_vectors(ids):
    missing = sorted(i for i in set(ids) if i not in vectors)
    for at in range(0, len(missing), 500):
        rows = cypher("UNWIND $ids AS id MATCH (i:Item {id: id}) RETURN i.id AS id, i.visual AS visual, "
                      "i.text AS text", {"ids": missing[at:at + 500]})["rows"]
        for r in rows:
            vectors[r["id"]] = {m: unit(r[m]) for m in ("visual", "text")}


def unit(v):
    if not v:
        return None
    norm = math.sqrt(sum(x * x for x in v))
    return [x / norm for x in v] if norm > 0 else None


def mean_pairwise_cosine(ids, modality):
    vs = [vectors[i][modality] for i in ids if i in vectors and vectors[i][modality] is not None]
    pairs = [(a, b) for x, a in enumerate(vs) for b in vs[x + 1:]]
    if not pairs:
        return None
    return sum(sum(p * q for p, q in zip(a, b)) for a, b in pairs) / len(pairs)


def scores(ids, group):
    """The figures of one top-k list for a shopper of this (article type, colour, gender) group."""
    article, _, gender = group
    rows = [catalogue.get(i, {}) for i in ids]
    gendered = [r for r in rows if r.get("gender")]
    return {
        "articleType": sum(r.get("article_type") == article for r in rows) / len(rows) if rows else None,
        "gender": (sum(r["gender"] in (gender, "Unisex") for r in gendered) / len(gendered)) if gendered else None,
        "distinctSubCategoryColour": len({(r.get("sub_category"), r.get("base_colour")) for r in rows}),
        "cosineVisual": mean_pairwise_cosine(ids, "visual"),
        "cosineText": mean_pairwise_cosine(ids, "text"),
        "size": len(rows),
    }


def mean(values):
    values = [v for v in values if v is not None]
    return sum(values) / len(values) if values else None


def summarize(per_shopper):
    keys = ("articleType", "gender", "distinctSubCategoryColour", "cosineVisual", "cosineText", "size")
    summary = {k: mean([s[k] for s in per_shopper]) for k in keys}
    summary["shoppers"] = len(per_shopper)
    summary["articleTypeAtLeast08"] = mean([1.0 if s["articleType"] >= 0.8 else 0.0 for s in per_shopper])
    summary["genderAll"] = mean([1.0 if s["gender"] in (None, 1.0) else 0.0 for s in per_shopper])
    return summary


def measure(shoppers, label):
    """Every shopper's list at every cap: figures per cap and the strategies the service named."""
    lists = {}
    strategies = Counter()
    started = time.time()
    for s in shoppers:
        for cap in caps:
            page = recommend(s["user"], cap)
            strategies[page["strategy"]] += 1
            lists[(s["user"], cap)] = [r["item"]["id"] for r in page["items"]]
    load_vectors(i for ids in lists.values() for i in ids)
    result = {"strategies": dict(strategies), "byCap": {}}
    for cap in caps:
        per = [scores(lists[(s["user"], cap)], s["group"]) for s in shoppers]
        result["byCap"][str(cap)] = summarize(per)
    result["seconds"] = round(time.time() - started, 1)
    examples = []
    for s in shoppers[:3]:
        examples.append({"user": s["user"], "group": s["group"], "liked": s["liked"],
                         "top10": lists[(s["user"], caps[0])]})
    result["examples"] = examples
    log("%s: %s %s" % (label, dict(strategies), json.dumps(result["byCap"][str(caps[0])])))
    return result


def measure_popular(shoppers):
    """The list a user without likes gets, scored against every shopper's group (caps do not apply to it)."""
    page = recommend("sim-newcomer-without-likes", None)
    ids = [r["item"]["id"] for r in page["items"]]
    load_vectors(ids)
    summary = summarize([scores(ids, s["group"]) for s in shoppers])
    return {"strategy": page["strategy"], "items": ids, "summary": summary}


def revision():
    try:
        return subprocess.check_output(["git", "describe", "--always", "--dirty"], text=True).strip()
    except Exception:
        return "unknown"


def active_model():
    models = call("GET", "/v1/models")
    active = [m for m in models if m.get("status") == "active" and m.get("kind", "recommender") == "recommender"]
    return active[0] if active else None


# ---- dev phase: figures of another seed's shoppers, printed only ----
if phase == "dev":
    groups = groups_of(embedded_ids())
    dev, _ = draw(groups, n_shoppers, random.Random(seed), "sim-%d" % seed)
    post_feedback(dev)
    print(json.dumps({"seed": seed, **measure(dev, "dev seed %d" % seed)}, default=str))
    sys.exit(0)

# ---- content phase ----
if phase in ("all", "content"):
    status = wait_embedded()
    if active_model() is not None:
        raise SystemExit("a recommender model is active: the content phase needs a service without one")
    embedded = embedded_ids()
    # the status describes the last embedding pass (a later pass that found nothing new counts 0 items): count the
    # catalogue in the graph
    status["catalogueItems"] = cypher("MATCH (i:Item) RETURN count(i) AS n", {})["rows"][0]["n"]
    log("embedded in both modalities: %d of %d items" % (len(embedded), status["catalogueItems"]))
    groups = groups_of(embedded)
    rng = random.Random(seed)
    shoppers, eligible = draw(groups, n_shoppers, rng, "sim-%d" % seed)
    with open(users_file, "w") as f:
        f.writelines(s["user"] + "\n" for s in shoppers)
    log("%d eligible groups (>= %d embedded items); posting feedback of %d shoppers" % (
        len(eligible), min_group, len(shoppers)))
    post_feedback(shoppers)
    popular = measure_popular(shoppers)
    content = measure(shoppers, "content")
    state = {"seed": seed, "minGroup": min_group, "caps": caps, "k": K, "shoppers": shoppers,
             "eligibleGroups": len(eligible), "groupsDrawn": len({tuple(s["group"]) for s in shoppers}),
             "embeddedItems": len(embedded), "catalogueItems": status["catalogueItems"], "searchStatus": status,
             "popular": popular, "content": content, "contentRevision": revision(),
             "contentFinishedAt": datetime.datetime.utcnow().isoformat() + "Z"}
    with open(state_path, "w") as f:
        json.dump(state, f)
    log("content phase written to %s; shoppers' ids in %s" % (state_path, users_file))

# ---- blend phase ----
if phase in ("all", "blend"):
    with open(state_path) as f:
        state = json.load(f)
    shoppers = state["shoppers"]
    model = active_model()
    training = None
    if model is None:
        run = call("POST", "/v1/training/runs", ok=(202,))
        log("training run %s started" % run.get("id"))
        deadline = time.time() + train_timeout
        while True:
            run = call("GET", "/v1/training/runs/%s" % run["id"])
            if run.get("status") not in ("queued", "running"):
                break
            if time.time() > deadline:
                raise SystemExit("training run %s still %s after %d s" % (run["id"], run.get("status"), train_timeout))
            log("training: %s %s" % (run.get("status"), run.get("progress") or ""))
            time.sleep(30)
        training = run
        log("training run finished: %s" % json.dumps(run)[:800])
        for _ in range(20):  # a promoted version is loaded within the active-poll interval
            model = active_model()
            if model is not None:
                break
            time.sleep(5)
    state["training"] = training
    state["model"] = model
    if model is None:
        log("no model was promoted: the report has the content path and popular only")
    else:
        for _ in range(30):  # the service swaps a promoted version in once it is loaded
            if "model" in recommend(shoppers[0]["user"], 0)["strategy"]:
                break
            time.sleep(5)
        state["blendKnown"] = measure(shoppers, "blend, shoppers in training")
        rng = random.Random(fresh_seed)
        groups = groups_of(embedded_ids())
        fresh, _ = draw(groups, n_shoppers, rng, "sim-%d" % fresh_seed)
        post_feedback(fresh)
        state["freshSeed"] = fresh_seed
        state["freshShoppers"] = fresh
        state["blendFresh"] = measure(fresh, "blend, fresh shoppers")
    state["blendFinishedAt"] = datetime.datetime.utcnow().isoformat() + "Z"
    state["blendRevision"] = revision()
    with open(state_path, "w") as f:
        json.dump(state, f)

    # ---- report ----
    def step_label(cap):
        if str(cap).startswith("mmr"):
            return "MMR, diversity %s" % cap[3:]
        return "off" if cap == 0 else "%d per article type" % cap

    def fmt(v, digits=3):
        return "–" if v is None else ("%.*f" % (digits, v))

    rows = []
    pop = state["popular"]["summary"]
    rows.append(("popular (`%s`)" % state["popular"]["strategy"], "any (not capped)", pop))
    for label, key in (("content path", "content"), ("blend, shoppers in training", "blendKnown"),
                       ("blend, fresh shoppers (not in training)", "blendFresh")):
        if key not in state:
            continue
        strategies = ", ".join("`%s` %d" % kv for kv in sorted(state[key]["strategies"].items()))
        for cap in state["caps"]:
            rows.append(("%s (%s)" % (label, strategies) if cap == state["caps"][0] else label,
                         step_label(cap), state[key]["byCap"][str(cap)]))
    out = {"command": command, "url": url, "k": state["k"], "seed": state["seed"], "freshSeed": state.get("freshSeed"),
           "minGroup": state["minGroup"], "caps": state["caps"], "eligibleGroups": state["eligibleGroups"],
           "groupsDrawn": state["groupsDrawn"], "embeddedItems": state["embeddedItems"],
           "catalogueItems": state["catalogueItems"], "searchStatus": state["searchStatus"],
           "gitRevision": state["blendRevision"], "contentFinishedAt": state["contentFinishedAt"],
           "finishedAt": state["blendFinishedAt"], "cores": os.cpu_count(), "machine": platform.platform(),
           "popular": state["popular"], "content": state["content"], "training": state.get("training"),
           "model": state.get("model"), "blendKnown": state.get("blendKnown"), "blendFresh": state.get("blendFresh"),
           "shoppers": state["shoppers"], "freshShoppers": state.get("freshShoppers")}
    os.makedirs(os.path.dirname(report) or ".", exist_ok=True)
    with open(report + ".json", "w") as f:
        json.dump(out, f, indent=1)
    with open(report + ".md", "w") as f:
        f.write("# Simulated shoppers on fashion-products\n\n")
        f.write("Written by `%s` against a running `./stylegraph serve` on fashion-products.\n\n" % command)
        f.write("- git revision: `%s`, finished %s; %d cores, %s\n" % (out["gitRevision"], out["finishedAt"],
                                                                     out["cores"], out["machine"]))
        f.write("- catalogue: %d items, %d embedded in both modalities (visual and text); only those were drawn\n" % (
            out["catalogueItems"], out["embeddedItems"]))
        f.write("- shoppers: %d drawn with seed %d (ids `sim-%d-0` … `sim-%d-%d`)%s; each picks one (article type, "
                "base colour, gender) group uniformly among the %d groups with at least %d embedded items and a gender "
                "of Men, Women, Boys or Girls (%d distinct groups drawn), likes 3 of its items and dislikes 1 item "
                "of another such group; every liked and disliked id is in the JSON\n" % (
                    len(state["shoppers"]), out["seed"], out["seed"], out["seed"], len(state["shoppers"]) - 1,
                    "" if out["freshSeed"] is None else "; fresh shoppers for the blend: %d with seed %d "
                    "(`sim-%d-…`), posted after the model was trained" % (len(out["freshShoppers"]), out["freshSeed"],
                                                                          out["freshSeed"]),
                    out["eligibleGroups"], out["minGroup"], out["groupsDrawn"]))
        f.write("- each list: `GET /v1/users/{id}/recommendations?k=%d&maxPerCategory=N&diversity=0` (N = 0: both "
                "diversity steps off; the cap is per article type, the item's category on this catalogue) or "
                "`...&maxPerCategory=0&diversity=D` (maximal marginal relevance with trade-off D); popular: the list "
                "of a user without likes, scored against every shopper\n" % out["k"])
        f.write("- article type: share of the top %d with the liked article type; gender: share of the items with a "
                "gender that are the liked gender or Unisex (Boys/Girls do not count for Men/Women); pairs: distinct "
                "(sub-category, base colour) pairs in the top %d; cos: mean pairwise cosine of the items' stored "
                "vectors (`Item.visual`, `Item.text`, read through `POST /v1/analytics/cypher`). All are means over "
                "shoppers; 'at. ≥ 0.8' and 'all gender' are the shares of shoppers whose list meets each target\n\n" % (
                    out["k"], out["k"]))
        f.write("| list | diversity step | article type | gender | pairs | cos visual | cos text | at. ≥ 0.8 | "
                "all gender |\n|---|---|---:|---:|---:|---:|---:|---:|---:|\n")
        for label, cap, s in rows:
            f.write("| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n" % (
                label, cap, fmt(s["articleType"]), fmt(s["gender"]), fmt(s["distinctSubCategoryColour"], 2),
                fmt(s["cosineVisual"]), fmt(s["cosineText"]), fmt(s["articleTypeAtLeast08"]), fmt(s["genderAll"])))
        f.write("\nTargets: article type ≥ 0.80 and gender 1.00 for the content path and the blend.\n")
        if out["model"]:
            m = out["model"]
            f.write("\nModel: version %s, trained by run %s%s.\n" % (
                m.get("id"), (out["training"] or {}).get("id", "(already active)"),
                "" if not out["training"] else " (%s)" % (out["training"].get("outcome")
                                                          or out["training"].get("status"))))
            blend = (m.get("metrics") or {}).get("contentBlend")
            if blend:
                f.write("\nContent blend weights chosen by the run on its validation split: %s for shoppers in "
                        "training, %s for users placed by fold-in (validation Recall@20 per weight: %s).\n" % (
                            blend["knownUserWeight"], blend["foldInUserWeight"], "; ".join(
                                "%s %s: %.4f" % (t["users"], t["weight"], t["Recall@20"]) for t in blend["trials"])))
        elif out["training"]:
            f.write("\nNo model was promoted: run %s ended `%s`: %s\n" % (
                out["training"].get("id"), out["training"].get("status"),
                out["training"].get("failureReason") or out["training"].get("outcome") or json.dumps(out["training"])))
        f.write("\n## Reading\n\n(to be written)\n")
    log("wrote %s.md and %s.json" % (report, report))
PY
