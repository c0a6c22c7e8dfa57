# Generator functions and expressions, yield from, nested unpacking in for targets,
# import X as Y and from X import Y as Z.
import math as m
import os.path as osp
from os.path import join as pjoin, splitext as split_ext


class Item:
    def __init__(self, name, price, qty):
        self.name, self.price, self.qty = name, price, qty


items = [Item("a", 1.5, 2), Item("b", 2.25, 1), Item("c", 10, 3)]
print(sum(x.price for x in items))
print(sum(x.price * x.qty for x in items if x.qty > 1))
print(max(x.name for x in items), min((x.price, x.name) for x in items))
print(any(x.qty > 2 for x in items), all(x.price > 1 for x in items))
print(", ".join(x.name.upper() for x in items))
g = (i * i for i in range(5))
print(type(g).__name__, next(g), list(g), list(g))
print(sorted((x for x in "banana"), reverse=True))
print(dict((x.name, x.qty) for x in items))
print(tuple(c for c in "abc"), set(n % 3 for n in range(10)))


def countdown(n):
    while n > 0:
        yield n
        n -= 1
    return "liftoff"


def chain(*iterables):
    for it in iterables:
        result = yield from it
        if result is not None:
            print("sub-generator returned", result)


print(list(chain([1, 2], countdown(3), "xy")))


def accumulate():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return total


def driver():
    final = yield from accumulate()
    yield "final=%d" % final


gen = driver()
print(next(gen), gen.send(5), gen.send(10), gen.send(None))


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


first_ten = []
for value in fib():
    if len(first_ten) == 10:
        break
    first_ten.append(value)
print(first_ten)


def pairs(d):
    for k in sorted(d):
        yield k, d[k]


def batched(seq, n):
    for i in range(0, len(seq), n):
        yield seq[i:i + n]


print(list(batched(list(range(7)), 3)))

data = [("ann", (30, "paris")), ("bob", (25, "rome"))]
for name, (age, city) in data:
    print(name, age, city)
for i, (name, (age, city)) in enumerate(data):
    print(i, name, age, city)
for (a, b), [c, d] in [((1, 2), [3, 4]), ((5, 6), [7, 8])]:
    print(a + b + c + d)
for first, *rest in [[1, 2, 3], [4]]:
    print(first, rest)
for k, v in pairs({"b": 2, "a": 1}):
    print(k, v)
print([a * b for (a, b) in [(1, 2), (3, 4)]])
print({k: (x, y) for k, (x, y) in [("p", (1, 2))]})

print(m.sqrt(16), m.pi > 3, osp.join("a", "b"), osp.basename("/x/y.txt"))
print(pjoin("x", "y"), split_ext("a.tar.gz"))
import mod_helper as mh
from mod_helper import greet as hi, VALUE as V
print(type(mh).__name__, mh.VALUE, hi("z"), V)
