d = {}
for w in "the quick brown fox jumps over the lazy dog the end".split():
    d[w] = d.get(w, 0) + 1
print(d)
print(sorted(d.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
d2 = dict(d)
del d2["the"]
d2["the"] = 0
print(list(d2)[-1], len(d2), d == d2)
inv = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inv, 1 in inv, "a" in inv)
nested = {}
nested.setdefault("x", []).append(1)
nested.setdefault("x", []).append(2)
print(nested)
keys = list(d.keys())
vals = list(d.values())
print(keys[:3], vals[:3])
print({1: "int", 1.0: "float", True: "bool"})
print({(1, 2): "tuple"}[(1, 2)], {None: 0}[None])
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, max(counts, key=counts.get))
print(dict(sorted(counts.items())), {k: counts[k] for k in sorted(counts, reverse=True)})
cp = counts.copy()
cp.clear()
print(cp, counts.pop("m"), counts.popitem(), counts)
try:
    for k in counts:
        counts["new"] = 1
except RuntimeError as e:
    print(e)
