#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang, ASan and UBSan into build-fuzz/, then runs
# each for a fixed time budget from a seed corpus of real scripts: the project's own (language
# golden programs, examples, ORM golden scripts, the regression corpus) and, when present, the
# shared compat cases. Fails on any crash, sanitizer report or hang; the input is left in
# build-fuzz/artifacts/TARGET/ (copy it into fuzz/regressions/TARGET/ once fixed).
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]      (default: 20 s; lexer parser interpreter)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-20}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(lexer parser interpreter)
build_dir=${ORMSH_FUZZ_BUILD_DIR:-$root/build-fuzz}
export CCACHE_BASEDIR=$root CCACHE_NOHASHDIR=1

if [ ! -f "$build_dir/build.ninja" ]; then
    cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DORMSH_FUZZ=ON \
        -DORMSH_BUILD_TESTS=OFF -DORMSH_BUILD_BENCH=OFF >/dev/null
fi
cmake --build "$build_dir" -j "$(nproc 2>/dev/null || echo 2)" \
    $(printf -- '--target fuzz_%s ' "${targets[@]}")

# The seed corpus: copies of real scripts, refreshed each run (libFuzzer takes folders).
seeds=$build_dir/seeds
rm -rf "$seeds"
mkdir -p "$seeds"
shared_cases=${ORMSH_SHARED_COMPAT:-$root/../shared/compat/cases}
for dir in "$root/tests/lang/golden" "$root/scripts/examples" "$root/tests/api_core/cases" \
    "$root/fuzz/regressions/common" "$shared_cases"; do
    [ -d "$dir" ] || continue
    find "$dir" -maxdepth 1 -type f \( -name '*.py' -o -path '*/regressions/*' \) \
        -exec cp -t "$seeds" {} + 2>/dev/null || true
done
echo "== fuzz seeds: $(find "$seeds" -type f | wc -l) files"

scratch=$(mktemp -d /tmp/ormsh-fuzz.XXXXXX)
trap 'rm -rf "$scratch"' EXIT
status=0
for target in "${targets[@]}"; do
    corpus=$build_dir/corpus/$target
    artifacts=$build_dir/artifacts/$target
    mkdir -p "$corpus" "$artifacts"
    # Regression inputs of this target, when it has any (git keeps no empty folder).
    regressions=()
    [ -d "$root/fuzz/regressions/$target" ] && regressions=("$root/fuzz/regressions/$target")
    echo "== fuzz $target for ${seconds}s"
    # Run from a scratch folder with no input: whatever a generated program does stays there.
    if ! (cd "$scratch" && "$build_dir/fuzz/fuzz_$target" -max_total_time="$seconds" \
        -timeout=20 -rss_limit_mb=4096 -max_len=32768 -print_final_stats=1 \
        -artifact_prefix="$artifacts/" "$corpus" "$seeds" "${regressions[@]}" \
        </dev/null >"$build_dir/fuzz-$target.log" 2>&1); then
        status=1
        tail -60 "$build_dir/fuzz-$target.log"
        echo "== fuzz $target FAILED: input saved in $artifacts/"
    else
        grep -E '^(stat::number_of_executed_units|stat::new_units_added|Done)' \
            "$build_dir/fuzz-$target.log" || true
    fi
done
exit $status
