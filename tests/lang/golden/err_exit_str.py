# sys.exit with a string: the message goes to stderr and the exit code is 1.
import sys
print("before", file=sys.stderr)
try:
    sys.exit(5)
except SystemExit as e:
    print("caught", e.code, e.args)
try:
    sys.exit()
except SystemExit as e:
    print("caught", e.code)
try:
    raise SystemExit("custom")
except SystemExit as e:
    print("caught", repr(e.code))
sys.exit("fatal: configuration missing")
print("not reached")
