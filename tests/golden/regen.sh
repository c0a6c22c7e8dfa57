#!/usr/bin/env bash
# Regenerates the expected outputs of the golden scripts with the real libraries
# (/usr/bin/python3 with Debian's python3-sqlalchemy and python3-flask-sqlalchemy).
#   tests/golden/regen.sh DIR [PG_URL]
# With PG_URL, NAME.pg.out is written where PostgreSQL's output differs from SQLite's; each
# script runs in a fresh database on that server, as run_golden.py runs it.
set -euo pipefail
dir=${1:?usage: regen.sh DIR [PG_URL]}
pg=${2:-}
cd "$dir"
for script in *.py; do
    name=${script%.py}
    env -u DATABASE_URL /usr/bin/python3 "$script" >"$name.out" 2>/dev/null
    if [ -n "$pg" ]; then
        db=golden_regen_$$
        psql -X -q -d "$pg" -c "CREATE DATABASE $db"
        scratch=$(python3 -c 'import re,sys; s,r=sys.argv[1].split("://",1); print(s+"://"+re.sub(r"/[^/?]*","/"+sys.argv[2],r,count=1))' "$pg" "$db")
        DATABASE_URL=$scratch timeout 120 /usr/bin/python3 "$script" >"/tmp/$name.pg.out" 2>/dev/null || true
        psql -X -q -d "$pg" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"
        if cmp -s "$name.out" "/tmp/$name.pg.out"; then rm -f "$name.pg.out"; else mv "/tmp/$name.pg.out" "$name.pg.out"; fi
    fi
done
