# from __future__ import annotations: annotations are kept as text, spelled as CPython's unparser does.
from __future__ import annotations
from typing import Optional, List
class User:
    id: Mapped[int]
    name: Optional[str] = None
    posts: List["Post"]
def f(a: Undefined, b: dict[str, int] = None) -> User:
    return a
print(User.__annotations__)
print(f.__annotations__)
x: Foo.bar = 3
print(__annotations__)
import typing
class B:
    a: typing.Tuple[int, ...]
    b: int | None
    c: "B"
    d: dict[str, list[int]] = {}
    e: typing.Callable[[int, str], None]
    f: typing.Annotated[int, "meta"]
def g(x: typing.Optional["B"] = None, *args: int, **kw: str) -> typing.List[B]:
    pass
print(B.__annotations__)
print(g.__annotations__)
print(B.d)
