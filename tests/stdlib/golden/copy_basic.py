import copy
from collections import defaultdict, Counter, OrderedDict
import datetime

a = [1, [2, 3], {"k": [4]}]
s = copy.copy(a)
d = copy.deepcopy(a)
a[1].append(99)
a[2]["k"].append(5)
print(a, s, d, s is a, s[1] is a[1], d[1] is a[1])
t = (1, [2])
print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy(t) == t, copy.deepcopy((1, 2)) is not None)
shared = [0]
pair = [shared, shared]
dp = copy.deepcopy(pair)
print(dp[0] is dp[1], dp[0] is shared)
rec = [1]
rec.append(rec)
rc = copy.deepcopy(rec)
print(rc[1] is rc, rc is not rec)


class Point:
    def __init__(self, x, y):
        print("init called")
        self.x = x
        self.y = y
        self.tags = ["a"]

    def __repr__(self):
        return f"Point({self.x}, {self.y}, {self.tags})"


p = Point(1, 2)
p2 = copy.copy(p)
p3 = copy.deepcopy(p)
p.tags.append("b")
print(p, p2, p3, type(p3).__name__, p2.tags is p.tags, p3.tags is p.tags)


class Custom:
    def __init__(self, v):
        self.v = v

    def __copy__(self):
        return Custom(self.v + 100)

    def __deepcopy__(self, memo):
        return Custom(self.v + 1000)


print(copy.copy(Custom(1)).v, copy.deepcopy(Custom(1)).v, copy.deepcopy([Custom(2)])[0].v)
dd = defaultdict(list, {"a": [1]})
dd2 = copy.deepcopy(dd)
dd2["a"].append(2)
dd2["b"].append(3)
print(dd, dd2, copy.copy(Counter("aab")), copy.copy(OrderedDict(x=1)))
print(copy.copy({1, 2}), copy.deepcopy({"s": {1}}), copy.copy(datetime.date(2020, 1, 2)), copy.copy("s"), copy.deepcopy(None))
