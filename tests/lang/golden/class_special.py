class Money:
    def __init__(self, cents):
        self.cents = cents
    def __repr__(self):
        return f"Money({self.cents})"
    def __str__(self):
        return f"${self.cents / 100:.2f}"
    def __format__(self, spec):
        return format(self.cents / 100, spec)
    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents
    def __lt__(self, other):
        return self.cents < other.cents
    def __le__(self, other):
        return self.cents <= other.cents
    def __hash__(self):
        return hash(self.cents)
    def __add__(self, other):
        return Money(self.cents + (other.cents if isinstance(other, Money) else other))
    __radd__ = __add__
    def __bool__(self):
        return self.cents != 0
    def __int__(self):
        return self.cents
    def __float__(self):
        return self.cents / 100
    def __abs__(self):
        return Money(abs(self.cents))
    def __neg__(self):
        return Money(-self.cents)
m = Money(1050)
print(m, repr(m), f"{m:.1f}", [m], str(m), m == Money(1050), m != Money(1), m < Money(2000), m >= Money(1))
print(sum([Money(1), Money(2)]), sorted([Money(3), Money(1)]), max(Money(3), Money(9)), bool(Money(0)))
print(int(m), float(m), abs(Money(-5)), -m, len({m, Money(1050)}), m in [Money(1050)])
class Seq:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return i * 10
print(list(Seq(3)), len(Seq(4)), bool(Seq(0)), 20 in Seq(3), [x for x in Seq(2)])
class Ctx:
    def __enter__(self):
        return "value"
    def __exit__(self, *a):
        return False
with Ctx() as v:
    print(v)
class Callable:
    def __init__(self):
        self.calls = 0
    def __call__(self, *args, **kw):
        self.calls += 1
        return args, kw
c = Callable()
print(c(1, k=2), c.calls, callable(c))
class Default:
    pass
dflt = Default()
print(repr(dflt).startswith("<__main__.Default object at 0x"), str(dflt) == repr(dflt), dflt == dflt, dflt != Default())
print(hash(dflt) == hash(dflt), Default.__name__, Default.__module__, type(dflt).__qualname__)
class Outer:
    class Inner:
        pass
print(Outer.Inner.__qualname__, repr(Outer.Inner).startswith("<class '__main__.Outer.Inner'>"))
class EqOnly:
    def __eq__(self, o):
        return True
try:
    hash(EqOnly())
except TypeError as e:
    print("TypeError:", e)
