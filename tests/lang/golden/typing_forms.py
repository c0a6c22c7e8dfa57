# The typing forms annotations are written with: builtin generics (list[int], dict[str, int]),
# unions with | (int | None), typing's Optional / Union / List / Annotated, get_origin and
# get_args, string annotations evaluated with eval(expr, globals, locals).
import typing
from typing import Annotated, List, Optional, Union, get_args, get_origin

print(list[int], dict[str, int], set["Node"], tuple[int, ...], type[int])
alias = list["Address"]
print(type(alias).__name__, alias.__origin__, alias.__args__)
print(list[int] == list[int], list[int] == list[str], hash(list[int]) == hash(list[int]))
print(list[int]((1, 2)), dict[str, int](a=1))

print(int | None, int | str | None, None | int, int | int)
u = int | None
print(type(u).__name__, u.__args__, (int | str) == (str | int), hash(int | str) == hash(str | int))
print(list[int] | None, Optional[int] | None, List[int] | None)
print(Union[int | str, None], Optional[int | str])
try:
    "Node" | None
except TypeError as e:
    print("TypeError:", e)

a = Annotated[int, "meta", 5]
print(a, a.__origin__, a.__metadata__)
print(a == Annotated[int, "meta", 5], a == Annotated[int, "other"], Optional[a])
print({Annotated[str, 30]: "short"}[Annotated[str, 30]])
try:
    Annotated[int]
except TypeError as e:
    print("TypeError:", e)

print(get_origin(List[int]), get_args(List[int]), get_origin(Optional[int]),
      get_args(Optional[int]), get_origin(a) is Annotated, get_args(a), get_origin(int),
      get_args(int))


class Config:
    size = 3


print(eval("size * 2", {}, dict(Config.__dict__)), eval("x + y", {"x": 1, "y": 2}))
print(eval("x + y", {"x": 1, "y": 2}, {"y": 10}), eval("len([1])", {}))
print(eval("Optional[list[int]]", {"Optional": Optional}))
try:
    eval("missing", {}, {})
except NameError as e:
    print("NameError:", e)


class Model:
    id: int
    name: "str | None"
    tags: list[str]


print(Model.__annotations__)
print(eval(Model.__annotations__["name"], globals()))
