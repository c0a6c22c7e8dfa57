from enum import Flag, IntFlag, auto


class Perm(IntFlag):
    R = 4
    W = 2
    X = 1


class Color(Flag):
    RED = auto()
    GREEN = auto()
    BLUE = auto()
    WHITE = RED | GREEN | BLUE


print(repr(Perm.R | Perm.W), str(Perm.R | Perm.W), repr(Perm(7)), repr(Perm(0)), Perm.R in (Perm.R | Perm.W))
print(list(Perm), repr(~Perm.R), bool(Perm(0)), (Perm.R | Perm.W).value, Perm.R | 1, Perm.R == 4, f"{Perm.R | Perm.X}")
print(repr(Color.RED | Color.BLUE), str(Color.RED | Color.BLUE), repr(Color(0)), str(Color(0)), repr(~Color.RED))
print(list(Color.RED | Color.BLUE), len(Color.RED | Color.BLUE), (Color.RED | Color.BLUE).name, Color(0).name, f"{Color.RED}")
print(list(Color), Color.WHITE, repr(Color.WHITE), Color.RED | Color.GREEN | Color.BLUE is Color.WHITE, Color.GREEN in Color.WHITE)
print(repr(Perm.W | Perm.R), (Color.RED | Color.RED) is Color.RED, Color, Perm, Color.BLUE.value, repr(Color.RED & Color.BLUE))
perms = Perm.R | Perm.X
print([p.name for p in Perm if p in perms], int(perms), perms & Perm.X == Perm.X, hash(Perm.R) == hash(4))
try:
    Color(8)
except ValueError as e:
    print("ValueError", e)
