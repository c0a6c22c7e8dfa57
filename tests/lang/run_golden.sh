#!/bin/sh
# Runs one golden program with the ormsh binary and compares stdout (and, when NAME.err
# exists, stderr) and the exit code with what python3 produced (see regen.sh). NAME.in, when
# present, is the program's standard input.
# usage: run_golden.sh ORMSH_BINARY GOLDEN_DIR NAME
set -u
bin="$1"
dir="$2"
name="$3"
tmp="${TMPDIR:-/tmp}/ormsh-golden-$$-$name"
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT
cd "$dir" || exit 2
stdin=/dev/null
[ -f "$name.in" ] && stdin="$name.in"
"$bin" "$name.py" <"$stdin" >"$tmp/out" 2>"$tmp/err"
code=$?
want_code=0
[ -f "$name.code" ] && want_code=$(cat "$name.code")
status=0
if ! cmp -s "$tmp/out" "$name.out"; then
    echo "stdout differs for $name:"
    diff "$name.out" "$tmp/out" | head -40
    status=1
fi
if [ -f "$name.err" ]; then
    # Paths are made relative to the golden folder; CPython 3.11's ~~~^^^ underline lines
    # are not compared (ormsh does not print them).
    sed -e "s|$(pwd -P)/||g" -e '/^ *[~^]*\^[~^]* *$/d' "$tmp/err" >"$tmp/err.cmp"
    sed -e '/^ *[~^]*\^[~^]* *$/d' "$name.err" >"$tmp/want.cmp"
    if ! cmp -s "$tmp/err.cmp" "$tmp/want.cmp"; then
        echo "stderr differs for $name:"
        diff "$tmp/want.cmp" "$tmp/err.cmp" | head -40
        status=1
    fi
fi
if [ "$code" != "$want_code" ]; then
    echo "exit code $code, expected $want_code for $name"
    cat "$tmp/err" | head -20
    status=1
fi
exit $status
