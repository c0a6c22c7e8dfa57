def gen():
    i = 0
    while True:
        print("produce", i)
        yield i
        i += 1
print(next(x for x in gen() if x > 1))
m = [[1, 2], [3, 4]]
print([sum(y * k for y in row) for k, row in enumerate(m)])
class C:
    vals = [1, 2, 3]
    total = sum(v for v in vals)
print(C.total)
def f():
    return 5
    yield
g = f()
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)
g = (i for i in range(3))
print(repr(g).startswith("<generator object <genexpr> at 0x"))
print(list(zip(range(3), (c for c in "abc"))))
try:
    (x for x in 5)
except TypeError as e:
    print(e)
def outer():
    n = 10
    return list(n + i for i in range(3))
print(outer())
print(sorted(((k, v) for k, v in {"a": 2, "b": 1}.items()), key=lambda kv: kv[1]))
