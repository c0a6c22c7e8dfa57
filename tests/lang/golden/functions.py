def f(a, b=2, *args, c=3, d, **kw):
    return (a, b, args, c, d, kw)
print(f(1, d=4))
print(f(1, 5, 6, 7, d=8, e=9))
print(f(*[1, 2, 3], **{"d": 4, "z": 5}))
def g(x, /, y, *, z):
    return x + y + z
print(g(1, 2, z=3), g(1, y=2, z=3))
sq = lambda x: x * x
print(sq(5), (lambda *a, **k: (a, k))(1, b=2), list(map(lambda p: p[1], [(1, 2), (3, 4)])))
def counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
c = counter()
c(); c(); print(c(10))
total = 0
def add(n):
    global total
    total += n
add(5); add(7); print(total)
def make_adders():
    return [lambda x, i=i: x + i for i in range(3)]
print([a(10) for a in make_adders()])
def late():
    fs = [lambda: i for i in range(3)]
    return [f() for f in fs]
print(late())
def deco(fn):
    def wrapper(*args, **kwargs):
        print("calling", fn.__name__)
        return fn(*args, **kwargs)
    return wrapper
@deco
def hello(name):
    return "hi " + name
print(hello("bob"))
def param_deco(times):
    def d(fn):
        def w(*a):
            return [fn(*a) for _ in range(times)]
        return w
    return d
@param_deco(3)
def one():
    return 1
print(one())
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(20), fact(30))
def defaults(x=[]):
    x.append(1)
    return x
print(defaults(), defaults())
def kwonly(*, a=1, b):
    return a, b
print(kwonly(b=2))
def outer():
    x = 1
    def middle():
        def inner():
            return x + 1
        return inner()
    return middle()
print(outer())
print(f.__name__, sq.__name__, callable(f), callable(3))
def varargs_only(*args):
    return len(args)
print(varargs_only(), varargs_only(1, 2, 3))
def rec_sum(lst):
    if not lst:
        return 0
    return lst[0] + rec_sum(lst[1:])
print(rec_sum(list(range(100))))
