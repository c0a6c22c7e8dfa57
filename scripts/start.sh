#!/usr/bin/env bash
# The one command to try ormsh on a fresh Debian machine: installs what it needs, builds, and
# starts the shell on its embedded default database (SQLite). Arguments go to ormsh.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh" "$root/build" -DCMAKE_BUILD_TYPE=Release >&2
exec "$root/build/repl/shell/ormsh" "$@"
