#!/usr/bin/env bash
# The yardstick: builds ormsh and the C/C++ baselines in Release (build-release/), starts a
# throwaway PostgreSQL server, and runs every workload of issue 6 with the baseline, ormsh and
# Flask-SQLAlchemy side by side (bench/harness.py prints the table).
#   bench/run.sh [--quick] [--only NAME] [--runs K] [--no-sqlalchemy] [--no-pg]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${ORMSH_BENCH_BUILD:-$root/build-release}

harness_args=()
use_pg=1
while [ $# -gt 0 ]; do
    case "$1" in
    --no-pg) use_pg=0 ;;
    --only | --runs) harness_args+=("$1" "${2:?$1 needs a value}"); shift ;;
    *) harness_args+=("$1") ;;
    esac
    shift
done

"$root/scripts/install-deps.sh"
nice "$root/scripts/build.sh" "$build_dir" -DCMAKE_BUILD_TYPE=Release -DORMSH_BUILD_TESTS=OFF \
    -DORMSH_BUILD_BENCH=ON >/dev/null

pg_args=()
if [ "$use_pg" -eq 1 ]; then
    pg_dir=$(mktemp -d /tmp/ormsh-bench-pg.XXXXXX)
    trap '"$root/scripts/pg-cluster.sh" stop "$pg_dir"' EXIT
    pg_args=(--pg-url "$("$root/scripts/pg-cluster.sh" start "$pg_dir")")
fi
python3 "$root/bench/harness.py" --build "$build_dir" "${pg_args[@]}" "${harness_args[@]}"
