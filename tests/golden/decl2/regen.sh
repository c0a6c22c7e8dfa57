#!/usr/bin/env bash
# The oracle (/usr/bin/python3 with SQLAlchemy 1.4) has no DeclarativeBase or mapped_column(),
# so each 2.0-form script here has a 1.4 twin in sa14/ spelling the same models with Column()
# and declarative_base(): the twins' outputs are regenerated with ../regen.sh and copied next to
# the 2.0 scripts, which must print exactly the same. Scripts without a twin (errors.py) keep
# their hand-checked expected output (see README.md).
#   tests/golden/decl2/regen.sh [PG_URL]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
"$here/../regen.sh" "$here/sa14" "${1:-}"
for twin in "$here"/sa14/*.py; do
    name=$(basename "$twin" .py)
    cp "$here/sa14/$name.out" "$here/$name.out"
    rm -f "$here/$name.pg.out"
    if [ -f "$here/sa14/$name.pg.out" ]; then cp "$here/sa14/$name.pg.out" "$here/$name.pg.out"; fi
done
