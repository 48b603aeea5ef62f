#!/usr/bin/env bash
# The cold-item check of the content-aware recommender on amazon-clothing, against a running service that imported
# amazon-clothing (./stylegraph serve --catalog ../shared/data/amazon-clothing, or ./stylegraph import --dataset
# amazon-clothing) and serves a model trained on it. For every item that never occurs in the fixed split's train part
# (what a model trained on that split never saw liked), a fresh shopper likes that one item and asks for 10
# recommendations; the report gives, per shopper and overall, how many of the 10 share a category with the liked item
# other than the root ("Clothing, Shoes & Jewelry") and the gender categories, and (stricter) how many share one of its
# specific categories (held by under 5 % of the catalogue). Writes <report>.md and <report>.json.
#
#   bench/amazon-cold-items.sh [--url http://localhost:8080] [--token ADMIN_TOKEN] [--datasets-dir ../shared/data] \
#                              [--report reports/amazon-clothing-cold-items] [--limit 0]
#
# The token must be allowed to post feedback for any user (admin): ./stylegraph token --role admin. Each shopper is
# named cold-item-<item id>; they stay in the graph (DELETE /v1/users/{id} erases them).
set -euo pipefail
url=http://localhost:8080
token="${STYLEGRAPH_TOKEN:-}"
data_dir=../shared/data
report=reports/amazon-clothing-cold-items
limit=0
while [ $# -gt 0 ]; do
  case "$1" in
    --url) url="$2"; shift 2 ;;
    --token) token="$2"; shift 2 ;;
    --datasets-dir) data_dir="$2"; shift 2 ;;
    --report) report="$2"; shift 2 ;;
    --limit) limit="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ -n "$token" ] || { echo "no token: pass --token or set STYLEGRAPH_TOKEN (./stylegraph token --role admin)" >&2; exit 2; }
exec python3 - "$url" "$token" "$data_dir" "$report" "$limit" "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)" <<'PY'
import csv, gzip, json, statistics, sys, time, urllib.error, urllib.parse, urllib.request, uuid, datetime
url, token, data_dir, report, limit, revision = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), sys.argv[6]
ROOT = "Clothing, Shoes & Jewelry"
PREFIX = "az-"  # the amazon-clothing import names item ASIN as az-ASIN
GENDER = {"Women", "Men", "Girls", "Boys", "Baby", "Baby Girls", "Baby Boys"}

def call(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url + path, data=data, method=method, headers={
        "Authorization": "Bearer " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as r:
        return json.load(r) if r.status != 204 else None

categories = {}
with gzip.open(f"{data_dir}/amazon-clothing/items.csv.gz", "rt", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        categories[row["item_id"]] = set(c.strip() for c in row["categories"].split("|") if c.strip())
holders = {}
for cats in categories.values():
    for c in cats:
        holders[c] = holders.get(c, 0) + 1
specific_cut = 0.05 * len(categories)
train, seen = set(), []
with gzip.open(f"{data_dir}/amazon-clothing/split.csv.gz", "rt", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        if row["split"] == "train":
            train.add(row["item_id"])
        seen.append(row["item_id"])
cold = sorted(set(seen) - train)
if limit > 0:
    cold = cold[:limit]
models = call("GET", "/v1/models")
active = [m for m in models if m.get("status") == "active" and m.get("kind", "recommender") == "recommender"]
if not active:
    sys.exit("no active recommender model: train one first (POST /v1/training/runs)")
model = active[0]
rows, strategies = [], {}
started = time.time()
for item in cold:
    user = "cold-item-" + item
    call("POST", f"/v1/users/{urllib.parse.quote(user)}/feedback",
         {"itemId": PREFIX + item, "signal": "like", "clientEventId": str(uuid.uuid4())})
    page = call("GET", f"/v1/users/{urllib.parse.quote(user)}/recommendations?k=10")
    strategies[page["strategy"]] = strategies.get(page["strategy"], 0) + 1
    mine = categories.get(item, set())
    wanted = mine - {ROOT} - GENDER
    specific = {c for c in wanted if holders.get(c, 0) < specific_cut}
    ids = [r["item"]["id"].removeprefix(PREFIX) for r in page["items"]]
    share = sum(1 for i in ids if categories.get(i, set()) & wanted)
    strict = sum(1 for i in ids if categories.get(i, set()) & specific) if specific else None
    rows.append({"item": item, "user": user, "strategy": page["strategy"], "returned": len(ids), "recommended": ids,
                 "shareCategory": share, "shareSpecificCategory": strict, "likedCategories": sorted(mine)})
took = time.time() - started
n = len(rows)
at_least_8 = sum(1 for r in rows if r["shareCategory"] >= 8)
strict_rows = [r for r in rows if r["shareSpecificCategory"] is not None]
summary = {
    "coldItems": n, "strategies": strategies,
    "meanShareCategory": statistics.mean(r["shareCategory"] for r in rows) / 10 if rows else None,
    "medianShareCategory": statistics.median(r["shareCategory"] for r in rows) if rows else None,
    "usersWithAtLeast8": at_least_8,
    "specificCategoryCut": specific_cut,
    "usersWithSpecificCategory": len(strict_rows),
    "meanShareSpecificCategory": statistics.mean(r["shareSpecificCategory"] for r in strict_rows) / 10 if strict_rows else None,
    "usersWithAtLeast8Specific": sum(1 for r in strict_rows if r["shareSpecificCategory"] >= 8),
}
out = {"url": url, "gitRevision": revision, "finishedAt": datetime.datetime.utcnow().isoformat() + "Z",
       "seconds": round(took, 1), "model": model, "summary": summary, "rows": rows}
with open(report + ".json", "w") as f:
    json.dump(out, f, indent=2)
params = model.get("parameters") or {}
md = [f"# Cold items on amazon-clothing: one like, ten recommendations", "",
      f"Written by `bench/amazon-cold-items.sh --url {url} --report {report}` against a running service (git `{revision}`), "
      f"finished {out['finishedAt']}.", "",
      f"- served model: version {model.get('id')}, validation Recall@20 {model.get('validRecall20')}, test Recall@20 "
      f"{model.get('testRecall20')} (the service's own split of the graph); parameters: "
      + ", ".join(f"{k}={v}" for k, v in sorted(params.items())),
      f"- cold items: the {n} items that occur in the fixed split but never in its train part; one fresh shopper each "
      f"likes only that item and asks for `GET /v1/users/{{id}}/recommendations?k=10`",
      f"- strategies answered: " + ", ".join(f"`{k}` {v}" for k, v in sorted(strategies.items())), "",
      "| measure | value |", "|---|---:|",
      f"| shoppers | {n} |",
      f"| mean share of the 10 sharing a category other than the root and gender ones | {summary['meanShareCategory']:.3f} |",
      f"| shoppers with at least 8 of 10 sharing one | {at_least_8} ({at_least_8 / n:.1%}) |",
      f"| shoppers whose item has a specific category (held by < 5 % of items) | {len(strict_rows)} |",
      f"| mean share of the 10 sharing a specific category | {summary['meanShareSpecificCategory']:.3f} |",
      f"| shoppers with at least 8 of 10 sharing a specific category | {summary['usersWithAtLeast8Specific']} |",
      "", "Root: `Clothing, Shoes & Jewelry`; gender categories: " + ", ".join(f"`{g}`" for g in sorted(GENDER)) + ".",
      f"{took:.0f} s for {n} shoppers (a like and a recommendation request each). The JSON beside this file has every "
      "shopper's row and the served model's registry entry."]
with open(report + ".md", "w") as f:
    f.write("\n".join(md) + "\n")
print(json.dumps(summary, indent=2))
PY
