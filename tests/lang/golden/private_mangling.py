# Private name mangling: __name inside a class body becomes _Class__name.
class P:
    __count = 0          # class attribute, stored as _P__count

    def __init__(self, secret):
        self.__secret = secret
        P.__count += 1
        self.__dunder__ = "not mangled"
        self._single = "single"

    def reveal(self):
        return self.__secret

    def __private_method(self):
        return "private:" + self.__secret

    def call_private(self):
        return self.__private_method()

    @classmethod
    def count(cls):
        return cls.__count


p = P("s3cret")
print(p.reveal())
print(p.call_private())
print(p._P__secret)
print(P.count(), P._P__count)
print(sorted(k for k in vars(p)))
print(hasattr(p, "__secret"))
print(p.__dunder__)
print("_P__private_method" in P.__dict__, "__private_method" in P.__dict__)
try:
    p.__secret
except AttributeError as e:
    print("AttributeError:", e)


class _Under:
    def __init__(self):
        self.__x = 1


print(vars(_Under()))


class __Only:
    def __init__(self):
        self.__x = 2


print(vars(__Only()))


class Child(P):
    def __init__(self):
        super().__init__("child")
        self.__secret = "other"

    def both(self):
        return (self.__secret, self._P__secret)


c = Child()
print(c.both())
print(sorted(vars(c)))


class Names:
    __slots_like = ["a"]

    def uses_global(self):
        return __mangled_global

    def getattr_str(self):
        return getattr(self, "__hidden", "string names are not mangled")

    def nested(self):
        def inner():
            return self.__v
        self.__v = 5
        return inner()

    def lam(self):
        f = lambda: self.__v
        return f()

    def comp(self):
        return [self.__v + i for i in range(3)]

    def kw(self, **kwargs):
        return kwargs

    def call_kw(self):
        return self.kw(__name=1)


_Names__mangled_global = "from module"
n = Names()
print(n.uses_global())
print(n.getattr_str())
print(n.nested())
print(n.lam())
print(n.comp())
print(n.call_kw())
print(Names._Names__slots_like)


class Outer:
    class __Inner:
        pass

    def make(self):
        return self.__Inner

print(Outer().make().__name__)
print([k for k in Outer.__dict__ if "Inner" in k])


def free_function(obj):
    return obj._P__secret


print(free_function(p))


class WithDel:
    def __init__(self):
        self.__a = 1
        self.__b = 2
        del self.__a

    def has(self):
        return hasattr(self, "_WithDel__a"), hasattr(self, "_WithDel__b")


print(WithDel().has())


class Aug:
    def __init__(self):
        self.__n = 0

    def bump(self):
        self.__n += 3
        return self.__n


print(Aug().bump())
