class Typed:
    def __set_name__(self, owner, name):
        self.name = "_" + name
        self.owner = owner.__name__
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError(f"{self.name[1:]} must be int")
        setattr(obj, self.name, value)
class NonData:
    def __get__(self, obj, objtype=None):
        return "non-data"
class Model:
    id = Typed()
    age = Typed()
    nd = NonData()
m = Model()
m.id = 5
print(m.id, m.age, Model.id.name, Model.id.owner, type(Model.id).__name__)
try:
    m.age = "old"
except TypeError as e:
    print("TypeError:", e)
print(m.nd)
m.__dict__["nd"] = "instance wins"
print(m.nd)
m.__dict__["id"] = 99
print(m.id)
class Lazy:
    def __init__(self, fn):
        self.fn = fn
    def __get__(self, obj, cls):
        if obj is None:
            return self
        v = self.fn(obj)
        setattr(obj, self.fn.__name__, v)
        return v
class Circle:
    def __init__(self, r):
        self.r = r
    @Lazy
    def area(self):
        print("computing")
        return 3 * self.r * self.r
c = Circle(2)
print(c.area, c.area)
class Base:
    registry = {}
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        Base.registry[cls.__name__] = cls
        cls.table = cls.__name__.lower() + "s"
class User(Base):
    pass
class Post(Base):
    table = "custom"
print(sorted(Base.registry), User.table, Post.table)
class Ops:
    def __init__(self, name):
        self.name = name
    def __eq__(self, other):
        return f"({self.name} = {other!r})"
    def __and__(self, other):
        return Ops(f"{self.name} AND {other.name}")
    def __or__(self, other):
        return Ops(f"{self.name} OR {other.name}")
    def __invert__(self):
        return Ops(f"NOT {self.name}")
    def __lt__(self, other):
        return f"({self.name} < {other!r})"
    def __gt__(self, other):
        return f"({self.name} > {other!r})"
    def __repr__(self):
        return self.name
    __hash__ = None
col = Ops("id")
print(col == 5, col < 3, 3 < col, 5 == col, (Ops("a") & Ops("b")) | ~Ops("c"))
class Slotted:
    def __getitem__(self, k):
        return f"item[{k!r}]"
    def __setitem__(self, k, v):
        print("set", k, v)
    def __delitem__(self, k):
        print("del", k)
s = Slotted()
print(s[1], s["a"], s[1:2], s[::2], s[1, 2])
s["k"] = "v"
del s["k"]
class Num:
    def __init__(self, v):
        self.v = v
    def __radd__(self, other):
        return Num(other + self.v)
    def __add__(self, other):
        if isinstance(other, Num):
            return Num(self.v + other.v)
        return NotImplemented
    def __repr__(self):
        return f"Num({self.v})"
print(1 + Num(2), Num(1) + Num(2), sum([Num(1), Num(2)], Num(0)))
try:
    Num(1) + "x"
except TypeError as e:
    print(e)
