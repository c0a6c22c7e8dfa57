def make_multiplier(n):
    return lambda x: x * n
double = make_multiplier(2)
triple = make_multiplier(3)
print(double(5), triple(5), list(map(double, [1, 2])))
def compose(*fns):
    def composed(x):
        for fn in reversed(fns):
            x = fn(x)
        return x
    return composed
print(compose(double, triple, lambda v: v + 1)(1))
def memo(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), len(fib.cache))
def accumulator():
    total = []
    def add(x):
        total.append(x)
        return sum(total)
    return add
acc = accumulator()
acc(1); acc(2)
print(acc(3))
key_funcs = {"neg": lambda v: -v, "sq": lambda v: v * v}
print(sorted([3, -1, 2], key=key_funcs["neg"]), sorted([3, -1, 2], key=key_funcs["sq"]))
print((lambda a, b=2, *c, **d: (a, b, c, d))(1, 2, 3, x=4))
adders = []
for i in range(3):
    adders.append(lambda x, i=i: x + i)
print([f(10) for f in adders])
def outer():
    x = "outer"
    def inner():
        return x
    x = "changed"
    return inner
print(outer()())
