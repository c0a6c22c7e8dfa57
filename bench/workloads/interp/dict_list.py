# Building, filling and reading back dicts and lists: comprehensions, setdefault, get, items.
groups = {}
for i in range(300000):
    key = "k%d" % (i % 1000)
    groups.setdefault(key, []).append(i)
sizes = [len(v) for v in groups.values()]
totals = {k: sum(v) for k, v in groups.items()}
squares = [i * i for i in range(200000) if i % 3]
lookup = {i: str(i) for i in range(100000)}
hits = 0
for i in range(0, 200000, 2):
    if lookup.get(i) is not None:
        hits += 1
print(len(groups), sum(sizes), totals["k7"], len(squares), squares[-1], hits)
