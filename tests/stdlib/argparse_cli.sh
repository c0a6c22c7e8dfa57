#!/bin/sh
# The real binary against python3 on a seed script's command line: for each argument list,
# stdout, stderr and the exit status must be CPython's (argparse errors: usage and
# "prog: error: ..." on stderr, status 2; --help on stdout, status 0; logging's default
# "LEVEL:name:message" lines on stderr). The program name comes from the script's path.
# usage: argparse_cli.sh ORMSH_BINARY
set -u
bin="$1"
tmp="${TMPDIR:-/tmp}/ormsh-argparse-cli-$$"
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/seed.py" <<'PY'
import argparse
import logging

log = logging.getLogger("seed")
parser = argparse.ArgumentParser(description="Seed the database.")
parser.add_argument("--count", type=int, default=100, help="rows per table")
parser.add_argument("--reset", action="store_true", help="drop tables first")
parser.add_argument("--log-level", default="WARNING", choices=["DEBUG", "INFO", "WARNING"])
sub = parser.add_subparsers(dest="command")
users = sub.add_parser("users", help="seed users only")
users.add_argument("names", nargs="+")
args = parser.parse_args()
logging.basicConfig(level=args.log_level)
log.info("seeding %d rows (reset=%s)", args.count, args.reset)
log.warning("command: %s", args.command)
print(args)
PY
status=0
check() {
    (cd "$tmp" && COLUMNS=80 python3 seed.py "$@" >want.out 2>want.err; echo $? >want.code)
    (cd "$tmp" && COLUMNS=80 "$bin" seed.py "$@" >got.out 2>got.err; echo $? >got.code)
    for part in code out err; do
        if ! cmp -s "$tmp/want.$part" "$tmp/got.$part"; then
            echo "$part differs for: seed.py $*"
            diff "$tmp/want.$part" "$tmp/got.$part" | head -20
            status=1
        fi
    done
}
check
check --count 5 --reset
check --count five
check --count
check --log-level INFO --count 3
check --log-level LOUD
check users
check users ann bob --count 2
check delete
check --unknown
check -h
check users --help
exit $status
