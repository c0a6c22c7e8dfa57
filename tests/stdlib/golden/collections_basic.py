from collections import defaultdict, Counter, OrderedDict, namedtuple, deque

dd = defaultdict(list)
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    dd[word[0]].append(word)
print(dd, dict(dd), dd["z"], len(dd), "q" in dd, dd.default_factory)
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(counts, sorted(counts.items()), isinstance(counts, dict))
nested = defaultdict(lambda: defaultdict(int))
nested["a"]["x"] += 2
print(nested["a"]["x"], nested["b"]["y"], len(nested))
plain = defaultdict(None, {"k": 1})
try:
    plain["missing"]
except KeyError as e:
    print("KeyError", e)
print(defaultdict(set, a={1}), defaultdict(int, [("a", 1)]).copy())

c = Counter("abracadabra")
print(c, c.most_common(2), c.most_common(), c["a"], c["zz"], len(c))
c.update("aaz")
c.update({"b": 10})
print(c, c.total(), sorted(c.elements())[:6])
c.subtract({"a": 100})
print(c)
words = Counter(["red", "blue", "red", "green", "blue", "red"])
print(words, words.most_common(1)[0], Counter(), Counter(a=3, b=1))
x, y = Counter(a=3, b=1), Counter(a=1, b=2, c=5)
print(x + y, x - y, x | y, x & y, dict(x), list(x.keys()), isinstance(x, dict))
for word, n in words.most_common():
    print(word, n)

od = OrderedDict()
od["b"] = 1
od["a"] = 2
od["c"] = 3
print(od, list(od), OrderedDict(), OrderedDict([("x", 1), ("y", 2)]))
od.move_to_end("b")
print(od)
od.move_to_end("c", last=False)
print(od, od.popitem(), od.popitem(last=False), od)

Point = namedtuple("Point", ["x", "y"])
p = Point(1, 2)
print(p, repr(p), p.x, p.y, p[0], p[1], tuple(p), list(p), p == (1, 2), len(p))
a, b = p
print(a, b, Point(x=5, y=6), Point(7, y=8), p._asdict(), p._replace(y=20), Point._make([9, 10]))
print(Point._fields, Point.__name__, Point, isinstance(p, tuple), hash(p) == hash((1, 2)))
Row = namedtuple("Row", "id name email", defaults=[None])
print(Row(1, "ann"), Row._field_defaults, Row(2, "bob", "b@x.io"))
Pair = namedtuple("Pair", "left, right")
print(Pair("l", "r"), sorted([Point(2, 1), Point(1, 5)]))


class Vec(namedtuple("Vec", "x y")):
    def norm2(self):
        return self.x * self.x + self.y * self.y


v = Vec(3, 4)
print(v, v.norm2(), v._replace(x=0))
print(namedtuple("R", ["a", "def", "a", "_b"], rename=True)._fields)
for bad in [lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point(1, z=2), lambda: Point(1, x=2),
            lambda: p._replace(z=1), lambda: namedtuple("Q", "a 1b"), lambda: namedtuple("Q", "a _b"),
            lambda: namedtuple("Q", "a a"), lambda: namedtuple("Q", "a def"), lambda: Point._make([1])]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, d.pop(), d.popleft(), d, len(d), d[0], d[-1], 2 in d)
d.rotate(1)
print(d, list(d))
d.rotate(-2)
print(d)
last3 = deque(maxlen=3)
for i in range(6):
    last3.append(i)
print(last3, last3.maxlen, deque(), bool(deque()))
d.extend([7, 8])
d.extendleft([-1, -2])
print(d, d.count(7))
try:
    deque().pop()
except IndexError as e:
    print("IndexError", e)
