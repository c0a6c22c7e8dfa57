# Tuples of every size: literals, unpacking (starred too), concatenation, repetition, slicing,
# comparison and sorting, hashing, tuple(), copies, subclasses and cycles through tuples.
import copy
from collections import namedtuple

empty = ()
one = (1,)
three = (3, "b", None)
print(empty, one, three, len(empty), len(one), len(three))
print(tuple(), tuple([1, 2]), tuple("hé"), tuple(x * x for x in range(4)), tuple(range(0)))
a, b, c = three
print(a, b, c)
first, *rest = (1, 2, 3, 4)
print(first, rest)
*init, last = "xyz"
print(init, last)
x, (y, z) = 1, (2, 3)
print(x, y, z)
try:
    p, q = (1, 2, 3)
except ValueError as e:
    print("ValueError", e)
try:
    p, q, r = (1, 2)
except ValueError as e:
    print("ValueError", e)
print(one + three, three + empty, empty + empty, one * 3, 2 * three, three * 0, three * -1)
print(three[1:], three[::-1], three[5:], three[-1], (1, 2, 3, 4, 5)[1:4:2])
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 9), (1, "a") == (1, "a"), () < (0,))
print(hash((1, 2)) == hash((1, 2)), {(1, 2): "x"}[(1, 2)], (1, 2) in {(1, 2), (3, 4)})
rows = [(i % 3, -i, "n%d" % (i % 2)) for i in range(8)]
rows.sort()
print(rows)
print(sorted(rows, key=lambda r: (r[2], r[1])))
print(min(rows), max(rows), rows.index((1, -4, "n0")), rows.count((0, 0, "n0")))
nested = ((1, [2]), (3, {"k": (4,)}))
deep = copy.deepcopy(nested)
print(deep, deep == nested, deep[0][1] is nested[0][1], copy.copy(nested) is nested)
Point = namedtuple("Point", "x y")
pt = Point(1, 2)
print(pt, pt._replace(y=5), tuple(pt) + (3,), pt.x + pt[1])


class Pair(tuple):
    def total(self):
        return sum(self)


pr = Pair((4, 5))
print(pr, pr.total(), type(pr).__name__, pr[0], len(pr), isinstance(pr, tuple))


def swap(*args, **kw):
    return args[::-1], kw


print(swap(1, 2, 3), swap(), swap(*three, k=one))
holders = []
for i in range(3000):  # cycles through tuples, left to the cycle collector
    holder = [i]
    holder.append((holder, "cycle"))
    holders.append(holder[1][0][0])
print(sum(holders))
print("%s and %s" % ("a", "b"), "%s" % (three,), "{} {}".format(*one * 2))
print(repr(((),)), str((1.5, "q", None, True)), ((1,),) * 2)
