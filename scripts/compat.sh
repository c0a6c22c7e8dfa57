#!/usr/bin/env bash
# Runs ../shared/compat's cases against an ormsh binary, on SQLite and (when
# ORMSH_TEST_PG_URL is set) on PostgreSQL. Without ../shared/ it says so and skips.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
ormsh=${1:-$root/build/repl/shell/ormsh}
compat=$root/../shared/compat
if [ ! -x "$compat/run-compat" ]; then
    echo "== compat: $compat not found, skipped"
    exit 0
fi
# The cases the ORM passes so far are listed in tests/compat/enabled.txt; the full set is the
# goal of the ORM issue.
enabled=$root/tests/compat/enabled.txt
cases=$(mktemp -d /tmp/ormsh-compat.XXXXXX)
trap 'rm -rf "$cases"' EXIT
while read -r name; do
    [ -z "$name" ] || [[ $name == \#* ]] && continue
    cp "$compat/cases/$name".* "$cases/"
done <"$enabled"
if [ -z "$(ls -A "$cases")" ]; then
    echo "== compat: no cases enabled yet"
    exit 0
fi
status=0
echo "== compat (sqlite)"
python3 "$compat/run-compat" --jobs 2 "$ormsh" "$cases" || status=1
if [ -n "${ORMSH_TEST_PG_URL:-}" ]; then
    echo "== compat (postgresql)"
    python3 "$compat/run-compat" --jobs 2 --pg "$ORMSH_TEST_PG_URL" "$ormsh" "$cases" || status=1
fi
exit $status
