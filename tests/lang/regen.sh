#!/bin/sh
# Regenerates the expected output of every golden program with CPython (the oracle):
#   cd tests/lang/golden && for f in *.py; do python3 "$f" > "${f%.py}.out"; done
# Programs expected to fail also keep their stderr (NAME.err, when NAME.err already exists)
# and exit code (NAME.code, written when non-zero). NAME.in, when present, is the standard input.
set -u
cd "$(dirname "$0")/golden" || exit 1
for f in *.py; do
    n="${f%.py}"
    case "$n" in mod_*|py2_*) continue ;; esac
    stdin=/dev/null
    [ -f "$n.in" ] && stdin="$n.in"
    python3 "$f" <"$stdin" >"$n.out" 2>"/tmp/regen-$n.err"
    code=$?
    if [ "$code" != 0 ]; then echo "$code" >"$n.code"; else rm -f "$n.code"; fi
    if [ -f "$n.err" ]; then sed -e "s|$(pwd -P)/||g" "/tmp/regen-$n.err" >"$n.err"; fi
    rm -f "/tmp/regen-$n.err"
done
