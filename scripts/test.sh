#!/usr/bin/env bash
# The one command that installs, builds and runs every test: the unit and golden suites on
# SQLite and on a throwaway PostgreSQL server started here (and always stopped), the compat
# cases, the same suite again under ASan+UBSan, and a short run of each fuzz target.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
"$root/scripts/install-deps.sh"

jobs=$(nproc 2>/dev/null || echo 2)
pg_dir=$(mktemp -d /tmp/ormsh-test-pg.XXXXXX)
cleanup() { "$root/scripts/pg-cluster.sh" stop "$pg_dir"; }
trap cleanup EXIT INT TERM
ORMSH_TEST_PG_URL=$("$root/scripts/pg-cluster.sh" start "$pg_dir")
export ORMSH_TEST_PG_URL
echo "== PostgreSQL for tests: $ORMSH_TEST_PG_URL"

status=0
run_suite() {
    local name=$1 build_dir=$2
    shift 2
    echo "== build ($name)"
    "$root/scripts/build.sh" "$build_dir" "$@"
    echo "== tests ($name)"
    ctest --test-dir "$build_dir" --output-on-failure -j "$jobs" || status=1
}

run_suite release "$root/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo
"$root/scripts/compat.sh" "$root/build/repl/shell/ormsh" || status=1

export ASAN_OPTIONS=detect_leaks=0:abort_on_error=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
run_suite sanitize "$root/build-asan" -DCMAKE_BUILD_TYPE=Debug -DORMSH_SANITIZE=ON \
    -DORMSH_BUILD_BENCH=OFF

# The libFuzzer targets (lexer, parser, interpreter) for a short fixed budget each.
echo "== fuzz"
"$root/scripts/fuzz.sh" "${ORMSH_FUZZ_SECONDS:-20}" || status=1

exit $status
