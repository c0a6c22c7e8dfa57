#!/bin/sh
# Times ormsh against python3 on each workload (median of 3 runs) and prints the ratio
# ormsh/python3 (below 1.0 means ormsh is faster).
# usage: bench/interp/run.sh [path/to/ormsh]
set -u
here=$(cd "$(dirname "$0")" && pwd)
ormsh=${1:-$here/../../build/repl/shell/ormsh}
median3() {
    a=$(run_once "$@"); b=$(run_once "$@"); c=$(run_once "$@")
    printf '%s\n%s\n%s\n' "$a" "$b" "$c" | sort -n | sed -n 2p
}
run_once() {
    s=$(date +%s.%N)
    "$@" >/dev/null 2>&1
    e=$(date +%s.%N)
    echo "$e - $s" | bc -l
}
printf '%-18s %10s %10s %8s\n' workload ormsh_s python3_s ratio
for f in "$here"/*.py; do
    n=$(basename "$f" .py)
    t1=$(median3 "$ormsh" "$f")
    t2=$(median3 python3 "$f")
    r=$(echo "$t1 / $t2" | bc -l)
    printf '%-18s %10.3f %10.3f %8.2f\n' "$n" "$t1" "$t2" "$r"
done
