import bisect
import heapq
import operator
from operator import itemgetter, attrgetter, methodcaller

a = [1, 2, 4, 4, 8]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 0), bisect.bisect(a, 9), bisect.bisect_left(a, 4, 3))
bisect.insort(a, 5)
bisect.insort_left(a, 4)
print(a)
grades = [(60, "D"), (70, "C"), (80, "B"), (90, "A")]
print([grades[bisect.bisect([g for g, _ in grades], s) - 1][1] for s in [65, 85, 95]])
people = [("ann", 20), ("bob", 30)]
bisect.insort(people, ("cy", 25), key=lambda p: p[1])
print(people, bisect.bisect_left(people, 26, key=lambda p: p[1]))

h = []
for x in [5, 3, 8, 1, 9, 2, 7]:
    heapq.heappush(h, x)
print(h, heapq.heappop(h), h, heapq.heappushpop(h, 4), heapq.heapreplace(h, 10), h)
data = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0]
heapq.heapify(data)
print(data, [heapq.heappop(data) for _ in range(len(data))])
tasks = []
for prio, name in [(3, "write"), (1, "plan"), (2, "code"), (1, "coffee")]:
    heapq.heappush(tasks, (prio, name))
print([heapq.heappop(tasks) for _ in range(4)])
words = ["pear", "fig", "banana", "kiwi", "apple"]
print(heapq.nlargest(2, [5, 1, 9, 3]), heapq.nsmallest(3, words, key=len), heapq.nlargest(2, words, key=len))

rows = [{"name": "b", "age": 3}, {"name": "a", "age": 5}]
print(sorted(rows, key=itemgetter("name")), itemgetter(1, 0)("xyz"), itemgetter(-1)([1, 2, 3]))


class P:
    def __init__(self, name, city):
        self.name = name
        self.addr = type("A", (), {})()
        self.addr.city = city


ps = [P("z", "Oslo"), P("y", "Bern")]
print([p.name for p in sorted(ps, key=attrgetter("addr.city"))], attrgetter("name", "addr.city")(ps[0]))
print(methodcaller("upper")("abc"), methodcaller("split", ",", maxsplit=1)("a,b,c"))
print(operator.add(2, 3), operator.mul("ab", 2), operator.lt(1, 2), operator.neg(5), operator.truediv(7, 2),
      operator.floordiv(7, 2), operator.mod(7, 3), operator.pow(2, 10), operator.contains([1], 1), operator.not_(0))
