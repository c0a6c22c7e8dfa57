#!/usr/bin/env bash
# Regenerates the expected outputs of the Core binding tests with the real SQLAlchemy 1.4
# (/usr/bin/python3):
#   tests/api_core/regen.sh [PG_URL]
# With PG_URL (e.g. postgresql://postgres@127.0.0.1:33317/ormsh), NAME.pg.out is written where
# PostgreSQL's output differs from SQLite's. *_sqliteonly / *_pgonly cases run on one database.
set -euo pipefail
cd "$(dirname "$0")/cases"
pg=${1:-}
for script in *.py; do
    name=${script%.py}
    if [[ $name != *_pgonly ]]; then
        env -u DATABASE_URL SQLALCHEMY_SILENCE_UBER_WARNING=1 /usr/bin/python3 "$script" >"$name.out" 2>/dev/null
    fi
    if [ -n "$pg" ] && [[ $name != *_sqliteonly ]]; then
        DATABASE_URL=$pg SQLALCHEMY_SILENCE_UBER_WARNING=1 /usr/bin/python3 "$script" >"/tmp/$name.pg.out" 2>/dev/null
        if [[ $name == *_pgonly ]]; then mv "/tmp/$name.pg.out" "$name.out";
        elif cmp -s "$name.out" "/tmp/$name.pg.out"; then rm -f "/tmp/$name.pg.out" "$name.pg.out";
        else mv "/tmp/$name.pg.out" "$name.pg.out"; fi
    fi
done
