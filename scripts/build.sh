#!/usr/bin/env bash
# Configures and builds ormsh into a build folder (default: build/ at the repository root).
#   scripts/build.sh [BUILD_DIR] [extra cmake options...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${1:-$root/build}
shift || true
jobs=$(nproc 2>/dev/null || echo 2)
# Let every checkout of the project share ccache's results (paths are hashed relative to the
# checkout, and the working directory is left out of the hash).
export CCACHE_BASEDIR=$root CCACHE_NOHASHDIR=1
if [ ! -f "$build_dir/build.ninja" ]; then
    cmake -S "$root" -B "$build_dir" -G Ninja "$@" >/dev/null
elif [ $# -gt 0 ]; then
    cmake "$build_dir" "$@" >/dev/null
fi
cmake --build "$build_dir" -j "$jobs"
