#!/bin/sh
# Runs the faker tests. usage: run_faker.sh MODE ORMSH_BINARY
#   shape-python3  shape_check.py under python3 (the faker sources are plain Python)
#   shape-ormsh    shape_check.py under ormsh
#   seed-ormsh     seed_app.py (Flask-SQLAlchemy) under ormsh, on SQLite and, when
#                  ORMSH_TEST_PG_URL is set, PostgreSQL; its output must equal python3's with
#                  the same faker sources when Debian's Flask-SQLAlchemy is installed.
# The faker module draws from random.Random: without a `random` module in ormsh the ormsh
# modes are skipped (exit 77).
set -u
mode="$1"
bin="$2"
here=$(cd "$(dirname "$0")" && pwd)
pylib="$here/../../repl/api/pylib"
tmp="${TMPDIR:-/tmp}/ormsh-faker-$$"
mkdir -p "$tmp/py"
trap 'rm -rf "$tmp"' EXIT
# Only faker goes on python3's path: pylib's typing and functools would shadow CPython's.
ln -s "$pylib/faker" "$tmp/py/faker"

need_random() {
    if ! "$bin" -c "import random; random.Random(1).random()" >/dev/null 2>&1; then
        echo "SKIP: ormsh has no random module yet; faker needs random.Random"
        exit 77
    fi
}

case "$mode" in
shape-python3)
    PYTHONPATH="$tmp/py" python3 "$here/shape_check.py"
    ;;
shape-ormsh)
    need_random
    "$bin" "$here/shape_check.py"
    ;;
seed-ormsh)
    need_random
    "$bin" "$here/seed_app.py" >"$tmp/ormsh.out" || exit 1
    cat "$tmp/ormsh.out"
    status=0
    if [ -n "${ORMSH_TEST_PG_URL:-}" ]; then
        DATABASE_URL="$ORMSH_TEST_PG_URL" "$bin" "$here/seed_app.py" >"$tmp/ormsh-pg.out" || exit 1
        if ! cmp -s "$tmp/ormsh.out" "$tmp/ormsh-pg.out"; then
            echo "PostgreSQL output differs from SQLite's:"
            diff "$tmp/ormsh.out" "$tmp/ormsh-pg.out"
            status=1
        fi
    fi
    if /usr/bin/python3 -c "import flask_sqlalchemy" >/dev/null 2>&1; then
        SQLALCHEMY_SILENCE_UBER_WARNING=1 PYTHONPATH="$tmp/py" /usr/bin/python3 \
            "$here/seed_app.py" >"$tmp/python3.out" 2>"$tmp/python3.err" || {
            cat "$tmp/python3.err"
            exit 1
        }
        if ! cmp -s "$tmp/python3.out" "$tmp/ormsh.out"; then
            echo "ormsh output differs from python3's:"
            diff "$tmp/python3.out" "$tmp/ormsh.out"
            status=1
        fi
    else
        echo "(not compared with python3: Debian's Flask-SQLAlchemy is not importable)"
    fi
    exit $status
    ;;
*)
    echo "unknown mode: $mode" >&2
    exit 2
    ;;
esac
