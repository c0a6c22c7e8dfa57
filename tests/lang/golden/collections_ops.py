lst = [5, 3, 8, 1]
lst.append(9); lst.extend([2, 7]); lst.insert(0, 0); lst.insert(-1, 6)
print(lst, lst.pop(), lst.pop(0), lst.index(8), lst.count(3))
lst.remove(3); lst.sort(); print(lst); lst.reverse(); print(lst)
print(sorted(lst, reverse=True), sorted(["b", "A", "c"], key=str.lower), lst[1:3], lst[::-2])
lst[1:3] = [10, 20, 30]; print(lst); del lst[0]; del lst[::2]; print(lst)
print([1, 2] + [3], [0] * 3, [[0] * 2 for _ in range(2)], list(range(5, 0, -2)), list("abc"))
t = (1, 2, 3)
print(t, t[1:], t + (4,), t * 2, (1,), (), len(t), 2 in t, t.index(3), t.count(1))
a, b, *rest = [1, 2, 3, 4, 5]
print(a, b, rest)
(x, y), z = (1, 2), 3
first, *middle, last = "abcde"
print(x, y, z, first, middle, last)
d = {"b": 2, "a": 1}
d["c"] = 3
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()), len(d), "a" in d)
print(d.get("z"), d.get("z", 0), d.pop("b"), d, d.setdefault("e", 5), d)
d.update({"f": 6}, g=7); print(d, sorted(d))
del d["a"]; print(d, {k: v * 2 for k, v in d.items() if v > 3})
print(dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict(zip("ab", [1, 2])), {**d, "z": 0})
s = {3, 1, 2, 3}
s.add(10); s.discard(1)
print(s, len(s), 2 in s, s | {20}, s & {2, 3}, s - {2}, sorted(s ^ {3, 99}), {1, 2} <= {1, 2, 3})
print(set(), set([1, 1, 2]), frozenset([1, 2]), sorted({"b", "a"}), {x % 3 for x in range(10)})
print(list(enumerate("ab")), list(enumerate("ab", 1)), list(zip([1, 2], "ab", (True, False))))
print(list(map(str, [1, 2])), list(map(lambda a, b: a + b, [1, 2], [10, 20])), list(filter(None, [0, 1, "", "x"])))
print(any([0, 0, 1]), all([1, 1, 0]), any([]), all([]), list(reversed([1, 2, 3])), min("bca"), max([], default=-1))
print(max(["aa", "b", "ccc"], key=len), min([(2, "b"), (1, "z")]), sorted([(1, "b"), (1, "a"), (0, "c")]))
nested = {"a": [1, {"b": (2, 3)}]}
print(nested["a"][1]["b"][0], [1, [2, [3, [4]]]])
lst2 = [1, 2, 3]
lst2 += [4]
lst2 *= 2
print(lst2, lst2.copy() == lst2, lst2.copy() is lst2, [] == [], [1] != [1])
print({1: "a", 2: "b"}.items() == {2: "b", 1: "a"}.items(), list({}.keys()), dict.fromkeys("ab", 0))
print({i: i * i for i in range(4)}, [c.upper() for c in "hi"], [(i, j) for i in range(2) for j in range(2) if i != j])
e = []
e.append(e)
print(e, str(e))
