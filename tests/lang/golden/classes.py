class Animal:
    kind = "animal"
    count = 0
    def __init__(self, name):
        self.name = name
        Animal.count += 1
    def speak(self):
        return f"{self.name} makes a sound"
    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"
    def __str__(self):
        return self.name
class Dog(Animal):
    kind = "dog"
    def speak(self):
        return super().speak() + " (woof)"
d = Dog("Rex")
a = Animal("Generic")
print(d.speak(), a.speak(), d.kind, a.kind, Animal.count, d, repr(d), [d, a], str(a))
print(isinstance(d, Animal), isinstance(a, Dog), issubclass(Dog, Animal), type(d).__name__, type(d) is Dog)
print(Dog.__mro__, Dog.__bases__, Dog.__name__, Dog.__qualname__)
class Point:
    __slots__ = ()
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    def __rmul__(self, k):
        return self * k
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __eq__(self, o):
        return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __lt__(self, o):
        return (self.x, self.y) < (o.x, o.y)
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __iter__(self):
        yield self.x
        yield self.y
    def __contains__(self, v):
        return v in (self.x, self.y)
    def __bool__(self):
        return bool(self.x or self.y)
    def __call__(self, k):
        return self * k
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
v = Vec(1, 2)
w = Vec(3, 4)
print(v + w, w - v, v * 3, 3 * v, -v, v == Vec(1, 2), v != w, v < w, len(v), v[1], list(v), 2 in v)
print(bool(Vec(0, 0)), bool(v), v(10), sorted([w, v]), {v: 1}[Vec(1, 2)], max(v, w))
x, y = v
print(x, y, sum(v))
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def c(self):
        return self._c
    @c.setter
    def c(self, value):
        if value < -273:
            raise ValueError("too cold")
        self._c = value
    @property
    def f(self):
        return self._c * 9 / 5 + 32
    @staticmethod
    def unit():
        return "C"
    @classmethod
    def make(cls, c):
        t = cls()
        t.c = c
        return t
t = Temp.make(100)
print(t.c, t.f, Temp.unit(), t.unit(), type(Temp.c).__name__)
try:
    t.c = -300
except ValueError as e:
    print("error:", e)
try:
    t.f = 5
except AttributeError as e:
    print("AttributeError:", e)
class A:
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B" + super().who()
class C(A):
    def who(self):
        return "C" + super().who()
class D(B, C):
    def who(self):
        return "D" + super().who()
print(D().who(), [k.__name__ for k in D.__mro__])
class Meta:
    registry = []
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        Meta.registry.append((cls.__name__, tag))
class M1(Meta, tag="one"):
    pass
class M2(M1):
    pass
print(Meta.registry)
class Dyn:
    def __getattr__(self, name):
        return "dyn_" + name
dd = Dyn()
dd.real = 1
print(dd.real, dd.missing, getattr(dd, "other"), hasattr(dd, "x"))
class Rec:
    def __setattr__(self, k, v):
        print("set", k, v)
        object.__setattr__(self, k, v)
r = Rec()
r.a = 5
print(r.a, vars(r), r.__dict__)
setattr(r, "b", 6)
delattr(r, "a")
print(hasattr(r, "a"), getattr(r, "zz", "default"), r.__class__.__name__)
class Empty:
    pass
e = Empty()
e.x = 1
print(e.x, type(e), Empty)
