# Type annotations on variables, parameters, returns and class attributes.
from typing import Optional, List, Dict


x: int = 5
y: str
names: List[str] = ["a", "b"]
print(x, names)
print(__annotations__)


def f(a: int, b: "str" = "x", *args: int, c: Optional[int] = None, **kw: float) -> bool:
    return True


print(f(1))
print(f.__annotations__)


def g(a, b) -> None:
    pass


print(g.__annotations__)


class Mapped:
    def __class_getitem__(cls, item):
        return ("Mapped", item)


def mapped_column(*args, **kw):
    return ("column", args, kw)


class User:
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column()
    nickname: Optional[str]
    tags: Dict[str, int] = {}
    count: int = 0

    def method(self) -> "User":
        return self


print(User.__annotations__)
print(list(User.__annotations__))
print(User.id)
print(User.count, User.tags)
print(hasattr(User, "nickname"))
print("nickname" in User.__dict__)


class Plain:
    pass




class Sub(User):
    extra: bool = False


print(Sub.__annotations__)


def local_annotations():
    v: int = 3
    w: list
    return v


print(local_annotations())


class Point:
    x: float
    y: float = 0.0

    def __init__(self, x: float, y: float = 0.0) -> None:
        self.x: float = x
        self.y = y


p = Point(1.5)
print(p.x, p.y, Point.__annotations__)
obj = Point(2)
obj.x: int = 7
print(obj.x)
d = {}
d["k"]: int = 4
print(d)
print(Plain.__annotations__, "__annotations__" in Plain.__dict__)


class Base:
    a: int = 1


class Derived(Base):
    pass


print(Derived.__annotations__, Base.__annotations__)


def no_annotations():
    pass


print(no_annotations.__annotations__)
