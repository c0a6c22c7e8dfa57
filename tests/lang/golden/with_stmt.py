class Ctx:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        return self.swallow
with Ctx("a") as c:
    print("body", c.name)
with Ctx("b", swallow=True):
    raise ValueError("swallowed")
print("after swallow")
try:
    with Ctx("c"):
        raise KeyError("propagates")
except KeyError as e:
    print("caught", e)
with Ctx("x") as x, Ctx("y") as y:
    print("both", x.name, y.name)
def f():
    with Ctx("ret"):
        return "returned"
print(f())
for i in range(2):
    with Ctx(f"loop{i}"):
        if i == 0:
            continue
        break
import os
path = "ormsh_golden_with_test.txt"
with open(path, "w") as fh:
    fh.write("line one\n")
    fh.write("line two\n")
    print(fh.closed)
print(fh.closed)
with open(path) as fh:
    print(repr(fh.read()))
with open(path) as fh:
    print(fh.readline().strip(), fh.readlines())
with open(path) as fh:
    for line in fh:
        print("->", line.rstrip())
with open(path, "a") as fh:
    print("appended", file=fh)
print(open(path).read().count("\n"))
os.remove(path)
try:
    open("/nonexistent/dir/file.txt")
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, e)
