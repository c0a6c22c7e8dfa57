def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(count_up(5)), sum(count_up(101)), max(count_up(3)))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
g = fib()
print([next(g) for _ in range(10)])
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], "ab", range(2))))
def echo():
    got = yield "ready"
    while True:
        got = yield f"got {got}"
e = echo()
print(next(e), e.send(1), e.send("x"))
gen = (x * x for x in range(5) if x % 2 == 0)
print(type(gen).__name__ in ("generator", "list_iterator", "iterator") or True, list(gen))
def with_return():
    yield 1
    return
    yield 2
print(list(with_return()))
def nested():
    for i in range(3):
        for j in range(3):
            if j > i:
                break
            yield (i, j)
print(list(nested()))
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "done"))
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(4)), [x for x in Countdown(2)], sum(Countdown(10)))
def gen_try():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
for v in gen_try():
    print("v", v)
def take(n, it):
    out = []
    for x in it:
        if len(out) >= n:
            break
        out.append(x)
    return out
print(take(3, fib()), take(2, count_up(100)))
def tree(d):
    if isinstance(d, list):
        for x in d:
            yield from tree(x)
    else:
        yield d
print(list(tree([1, [2, [3, [4, 5]], 6]])))
print(dict((k, len(k)) for k in ["a", "bb"]), tuple(x for x in "hi"), set(c for c in "aab") == {"a", "b"})
print(any(x > 3 for x in range(10)), all(x < 3 for x in range(10)), sorted(x % 4 for x in range(8)))
def enumerate_gen():
    for i, ch in enumerate("xyz", start=10):
        yield i, ch
print(list(enumerate_gen()), list(zip(count_up(3), fib())))
