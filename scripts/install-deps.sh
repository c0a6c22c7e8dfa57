#!/usr/bin/env bash
# Installs what building, running and testing ormsh needs on Debian, with apt-get (as root or
# through sudo). Idempotent: when every package is already there it changes nothing.
set -euo pipefail

packages=(
    build-essential cmake ninja-build ccache pkg-config
    libreadline-dev libsqlite3-dev libpqxx-dev libpq-dev libfmt-dev
    libgtest-dev libgmock-dev libpcre2-dev libssl-dev libmimalloc-dev libncurses-dev
    postgresql sqlite3 python3 tmux
    clang libclang-rt-14-dev
    python3-sqlalchemy python3-flask-sqlalchemy python3-psycopg2
)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "ormsh: installing ${missing[*]}" >&2
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "ormsh: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
