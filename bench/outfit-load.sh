#!/usr/bin/env bash
# The outfit endpoints under load: bench/http-load.sh --suite outfits with the settings that made
# reports/outfit-load-fashion-products (about 500 anchor items, 20 s per run, 1 and 16 connections). Options given
# here are passed on and win (e.g. --url, --report).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec "$here/http-load.sh" --suite outfits --duration 20s --queries 500 --connections "1 16" \
  --report reports/outfit-load-fashion-products "$@"
