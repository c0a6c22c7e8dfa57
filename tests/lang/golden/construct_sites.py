# Constructing one class in a loop while the class (or a base) changes: a new or removed
# __init__, a __new__ added later, a __new__ that redefines __init__ before it runs, a base
# class's __init__ replaced, and classes made again with the same names.
class Base:
    def __init__(self, x):
        self.x = ('base', x)


class Point(Base):
    pass


def new_init(self, x):
    self.x = ('new', x)


def make_new(cls, x):
    obj = object.__new__(cls)
    obj.made_by = 'new'
    return obj


def redefining_new(cls, x):
    cls.__init__ = lambda self, x: setattr(self, 'x', ('from __new__', x))
    return object.__new__(cls)


for i in range(5):
    if i == 1:
        Point.__init__ = new_init
    if i == 2:
        del Point.__init__
    if i == 3:
        Base.__init__ = lambda self, x: setattr(self, 'x', ('base again', x))
    if i == 4:
        Base.__init__ = new_init
    try:
        p = Point(i)
        print(i, p.x)
    except TypeError as e:
        print(i, 'TypeError', e)


class Made:
    def __init__(self, x):
        self.x = ('init', x)


for i in range(4):
    if i == 1:
        Made.__new__ = make_new
    if i == 2:
        Made.__new__ = redefining_new
    if i == 3:
        Made.__init__ = new_init
    p = Made(i)
    print(i, p.x, getattr(p, 'made_by', '-'))

made = []
for round in range(3):
    class Thing:
        def __init__(self, n, round=round):
            self.n = (round, n)
    for n in range(2):
        made.append(Thing(n).n)
print(made)


class Counted:
    count = 0

    def __new__(cls, *args):
        cls.count += 1
        return super().__new__(cls)

    def __init__(self, tag):
        self.tag = tag


print([Counted(t).tag for t in 'abc'], Counted.count)
