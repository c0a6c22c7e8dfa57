# __init_subclass__ with keywords, super() in classmethods through a mixin, generator close/throw/send,
# yield from a generator expression, mangled names compared across instances.
class Base:
    registry = []
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        Base.registry.append((cls.__name__, tag))
    @classmethod
    def make(cls):
        return "Base.make for " + cls.__name__
class Mixin:
    @classmethod
    def make(cls):
        return "Mixin>" + super().make()
class Child(Mixin, Base, tag="c"):
    @classmethod
    def make(cls):
        return "Child>" + super().make()
print(Child.make(), Base.registry)
def gen():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
g = gen()
print(next(g))
g.close()
def g2():
    try:
        yield 1
    except ValueError as e:
        yield "caught " + str(e)
it = g2()
next(it)
print(it.throw(ValueError("boom")))
print(sum(i for i in range(10) if i % 2), max((len(w), w) for w in "a bb ccc".split()))
x = [1, 2, 3]
print(list(map(lambda v: v * 2, (y for y in x))))
def counter():
    n = yield
    while True:
        n = yield n * 2
c = counter(); next(c); print(c.send(3), c.send(5))
import sys
print(type(sys.argv).__name__, len(sys.argv) >= 1)
print(type((i for i in [])).__name__)
def deleg():
    r = yield from (i for i in range(2))
    print("r", r)
print(list(deleg()))
class P:
    def __init__(self): self.__x = 1
    def __eq__(self, o): return self.__x == o._P__x
    __hash__ = object.__hash__
print(P() == P())
