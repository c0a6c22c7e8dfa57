# argparse: parsing, defaults, actions, nargs, groups, sub-commands, help text and errors.
import argparse
import io
import os
import sys

os.environ["COLUMNS"] = "80"


def run(parser, argv):
    """parse_args on argv; prints the namespace, or the exit code and what went to stderr."""
    saved_out, saved_err = sys.stdout, sys.stderr
    out, err = io.StringIO(), io.StringIO()
    sys.stdout, sys.stderr = out, err
    try:
        result = parser.parse_args(argv)
    except SystemExit as e:
        sys.stdout, sys.stderr = saved_out, saved_err
        print("exit", e.code, argv)
        print(out.getvalue(), end="")
        print(err.getvalue(), end="")
        return None
    sys.stdout, sys.stderr = saved_out, saved_err
    print(argv, "->", result)
    return result


seed = argparse.ArgumentParser(prog="seed.py", description="Seed the database with fake data.",
                               epilog="Run after db.create_all().")
seed.add_argument("--count", "-n", type=int, default=10, help="how many users (default: %(default)s)")
seed.add_argument("--reset", action="store_true", help="drop and recreate every table first")
seed.add_argument("--no-commit", dest="commit", action="store_false")
seed.add_argument("--ratio", type=float, default=0.5, metavar="R")
seed.add_argument("--env", choices=["dev", "test", "prod"], default="dev", help="target: %(choices)s")
seed.add_argument("-v", "--verbose", action="count", default=0)
seed.add_argument("--tag", action="append", help="repeatable tag")
seed.add_argument("--mode", action="store_const", const="fast", default="slow")
seed.add_argument("--version", action="version", version="%(prog)s 1.0")
seed.add_argument("database", nargs="?", default="app.db", help="database file")

args = run(seed, [])
print(args.count, args.reset, args.commit, args.database, vars(args) == vars(args))
run(seed, ["--count", "5", "--reset"])
run(seed, ["-n7", "-vvv", "--tag", "a", "--tag=b", "data.db", "--env", "prod"])
run(seed, ["--count=3", "--no-commit", "--mode", "--ratio", "1.5"])
run(seed, ["--cou", "4", "--verb"])
run(seed, ["--", "-weird.db"])
run(seed, ["--help"])
run(seed, ["--version"])
run(seed, ["--count", "abc"])
run(seed, ["--count"])
run(seed, ["--env", "staging"])
run(seed, ["a.db", "b.db"])
run(seed, ["--bogus"])
run(seed, ["--reset=yes"])
print(seed.format_usage(), end="")
ns, rest = seed.parse_known_args(["--reset", "--extra", "x", "--count", "2"])
print(ns.reset, ns.count, rest)

files = argparse.ArgumentParser(prog="files")
files.add_argument("inputs", nargs="+", help="input files")
files.add_argument("--exclude", nargs="*", default=[])
files.add_argument("--pair", nargs=2, metavar=("KEY", "VALUE"))
files.add_argument("--level", nargs="?", const=1, type=int, default=0)
files.add_argument("--threshold", type=int, default="7")
files.add_argument("-q", required=True, type=str, help="query text")
run(files, ["-q", "x", "a", "b", "--exclude", "c", "d", "--pair", "k", "v"])
run(files, ["--level", "-q", "y", "f1"])
run(files, ["--level", "3", "-q", "y", "f1"])
run(files, ["f1"])
run(files, ["-q", "y"])
run(files, ["-q", "y", "f", "--pair", "k"])
run(files, ["-h"])

excl = argparse.ArgumentParser(prog="excl", formatter_class=argparse.ArgumentDefaultsHelpFormatter)
group = excl.add_mutually_exclusive_group()
group.add_argument("--json", action="store_true", help="JSON output")
group.add_argument("--csv", action="store_true", help="CSV output")
opts = excl.add_argument_group("tuning", "Options that change speed.")
opts.add_argument("--batch", type=int, default=100, help="rows per batch")
req = excl.add_mutually_exclusive_group(required=True)
req.add_argument("--all", action="store_true")
req.add_argument("--only", metavar="TABLE")
run(excl, ["--json", "--all"])
run(excl, ["--json", "--csv", "--all"])
run(excl, ["--json"])
run(excl, ["--help"])

manage = argparse.ArgumentParser(prog="manage.py")
manage.add_argument("--db", default="sqlite://")
sub = manage.add_subparsers(dest="command", help="what to do")


def do_seed(a):
    return "seeding %d" % a.count


def do_drop(a):
    return "dropping" + (" (forced)" if a.force else "")


p_seed = sub.add_parser("seed", help="fill the tables")
p_seed.add_argument("--count", type=int, default=100)
p_seed.set_defaults(func=do_seed)
p_drop = sub.add_parser("drop", help="drop every table", aliases=["rm"])
p_drop.add_argument("--force", action="store_true")
p_drop.set_defaults(func=do_drop)
sub.add_parser("shell")
for argv in (["seed", "--count", "3"], ["--db", "x.db", "drop", "--force"], ["rm"]):
    a = manage.parse_args(argv)
    print(a.command, a.db, a.func(a))
run(manage, ["shell"])
run(manage, [])
run(manage, ["migrate"])
run(manage, ["seed", "--count", "x"])
run(manage, ["seed", "--bogus"])
run(manage, ["--help"])
run(manage, ["seed", "--help"])

long = argparse.ArgumentParser(prog="a_rather_long_program_name_for_wrapping.py")
for name in ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]:
    long.add_argument("--" + name + "-option", metavar=name.upper() + "_VALUE",
                      help="the " + name + " option, described at some length so that the help "
                      "text has to wrap over more than one line of the terminal")
long.add_argument("source")
long.add_argument("destinations", nargs="*")
run(long, ["-h"])

raw = argparse.ArgumentParser(prog="raw", formatter_class=argparse.RawDescriptionHelpFormatter,
                              description="Usage:\n  raw --x 1\n    indented line")
raw.add_argument("--x", help=argparse.SUPPRESS)
raw.add_argument("--very-long-option-name-here", help="help on the next line")
run(raw, ["-h"])

ns = argparse.Namespace(count=5, reset=True)
print(ns, ns.count, "count" in ns, ns == argparse.Namespace(count=5, reset=True))
try:
    seed.add_argument("--count")
except argparse.ArgumentError as e:
    print("ArgumentError:", e)
try:
    argparse.ArgumentParser().add_argument("x", required=True)
except TypeError as e:
    print("TypeError:", e)
try:
    argparse.ArgumentParser().add_argument("--x", action="bogus")
except ValueError as e:
    print("ValueError:", e)


def positive(text):
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError("%r is not positive" % text)
    return value


typed = argparse.ArgumentParser(prog="typed")
typed.add_argument("n", type=positive)
run(typed, ["4"])
run(typed, ["-4"])
run(typed, ["0"])
bools = argparse.ArgumentParser(prog="bools")
bools.add_argument("--color", action=argparse.BooleanOptionalAction, default=True, help="colour")
run(bools, ["--no-color"])
run(bools, ["-h"])
