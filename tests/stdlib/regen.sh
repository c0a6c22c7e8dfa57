#!/bin/sh
# Regenerates the expected output of every standard-library golden program with CPython (the
# oracle); programs expected to fail keep their exit code in NAME.code.
set -u
cd "$(dirname "$0")/golden" || exit 1
for f in *.py; do
    n="${f%.py}"
    python3 "$f" >"$n.out" 2>/dev/null
    code=$?
    if [ "$code" != 0 ]; then echo "$code" >"$n.code"; else rm -f "$n.code"; fi
done
