#!/usr/bin/env bash
# Runs a command (the test suite, a benchmark) against a throw-away PostgreSQL cluster:
#   scripts/pg_test.sh .venv/bin/pytest -q
# starts the cluster (scripts/pg_cluster.sh), exports RESETTLE_TEST_POSTGRES=<its URL>, runs the
# command, and always stops and removes the cluster afterwards (also on failure or Ctrl+C).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dir=$(mktemp -d "${TMPDIR:-/tmp}/resettle-pg.XXXXXX")
trap 'bash "$here/pg_cluster.sh" stop "$dir"' EXIT
url=$(bash "$here/pg_cluster.sh" start "$dir")
echo "PostgreSQL test cluster: $url ($dir)" >&2
export RESETTLE_TEST_POSTGRES="$url"
"$@"
