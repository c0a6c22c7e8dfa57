class Base:
    def __init__(self, name):
        self.name = name
    def describe(self):
        return f"{self.__class__.__name__}:{self.name}"
    def __repr__(self):
        return f"<{self.describe()}>"
class TimestampMixin:
    created = "2024-01-01"
    def stamp(self):
        return f"{self.name}@{self.created}"
class SerializeMixin:
    def to_dict(self):
        return {k: v for k, v in vars(self).items() if not k.startswith("_")}
class User(TimestampMixin, SerializeMixin, Base):
    def __init__(self, name, email):
        super().__init__(name)
        self.email = email
        self._secret = 1
class Admin(User):
    level = 10
    def describe(self):
        return "admin " + super().describe()
a = Admin("root", "r@x")
print(a, a.stamp(), a.to_dict(), Admin.level, Admin.created)
print([c.__name__ for c in Admin.__mro__])
print(isinstance(a, TimestampMixin), issubclass(Admin, Base), Admin.__bases__[0].__name__)
class A:
    def __init__(self):
        print("A init")
        super().__init__()
class B(A):
    def __init__(self):
        print("B init")
        super().__init__()
class C(A):
    def __init__(self):
        print("C init")
        super().__init__()
class D(B, C):
    def __init__(self):
        print("D init")
        super().__init__()
D()
try:
    class Bad(A, B):
        pass
except TypeError as e:
    print("TypeError:", e)
class WithClassAttr:
    items = []
    def add(self, x):
        self.items.append(x)
w1, w2 = WithClassAttr(), WithClassAttr()
w1.add(1)
w2.add(2)
print(WithClassAttr.items, w1.items is w2.items)
class Shape:
    def area(self):
        raise NotImplementedError("subclass must implement")
class Sq(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
for sh in (Sq(3), Shape()):
    try:
        print(sh.area())
    except NotImplementedError as e:
        print("NotImplementedError:", e)
class ListLike(list):
    def total(self):
        return sum(self)
ll = ListLike([1, 2, 3])
ll.append(4)
print(ll, ll.total(), len(ll), isinstance(ll, list), type(ll).__name__)
class DictLike(dict):
    def __missing__(self, key):
        return f"missing:{key}"
dl = DictLike(a=1)
print(dl["a"], dl["zz"], dl)
class StrSub(str):
    def shout(self):
        return self.upper() + "!"
print(StrSub("hey").shout())
class Err(ValueError):
    def __str__(self):
        return "custom str"
print(str(Err("x")), repr(Err("x")), Err("x").args)
