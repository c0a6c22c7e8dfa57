# open() for text files: modes r/w/a, read, readline(s), iteration, with, encoding.
import os
import sys

path = "files_io.tmp.txt"
with open(path, "w", encoding="utf-8") as f:
    print(type(f).__name__, f.mode, f.name, f.closed)
    n = f.write("first line\n")
    f.write("second line\n")
    f.writelines(["third\n", "fourth"])
    print(n)
print(f.closed)

with open(path, encoding="utf-8") as f:
    print(repr(f.read()))

with open(path, "a") as f:
    f.write("\nappended ünïcode\n")

with open(path, "r", encoding="utf-8") as f:
    print(repr(f.readline()))
    print(repr(f.readline()))
    print(f.readlines())
    print(repr(f.readline()))

with open(path) as f:
    for i, line in enumerate(f, 1):
        print(i, line.rstrip("\n"))

f = open(path, "rt")
lines = [l.strip() for l in f]
f.close()
print(lines)

with open(path) as f:
    print(list(f)[:2])

with open(path) as f:
    print(repr(f.read(5)), repr(f.read(6)))

with open(path, "w", newline="") as f:
    print("via print", 1, 2, file=f)
    print("sep", "end", sep="-", end="!\n", file=f)
with open(path) as f:
    print(f.read().splitlines())

try:
    open("does-not-exist.txt")
except FileNotFoundError as e:
    print("FileNotFoundError:", e.errno, e.filename)
try:
    with open(path, "r") as f:
        f.write("x")
except OSError:
    print("not writable")
try:
    with open(path, "a") as f:
        f.read()
except OSError:
    print("not readable")
print(os.path.exists(path))
os.remove(path)
print(os.path.exists(path))
print("to stderr", file=sys.stderr)
sys.stderr.write("written to stderr\n")
sys.stdout.write("written to stdout\n")
print("flushed", flush=True)
