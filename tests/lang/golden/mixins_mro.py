# Multiple inheritance with C3 MRO and super() through mixins, also before a native base.
class Base:
    def hello(self):
        return ["Base"]

    def __init__(self, **kw):
        self.kw = kw


class A(Base):
    def hello(self):
        return ["A"] + super().hello()


class B(Base):
    def hello(self):
        return ["B"] + super().hello()


class C(A, B):
    def hello(self):
        return ["C"] + super().hello()


print(C().hello())
print([k.__name__ for k in C.__mro__])
print([k.__name__ for k in C.mro()])


class TimestampMixin:
    created = "created-default"

    def __init__(self, *args, **kwargs):
        self.created_at = "2024-01-01"
        super().__init__(*args, **kwargs)

    def touch(self):
        return "touched " + type(self).__name__


class ReprMixin:
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in sorted(vars(self).items()))
        return f"<{type(self).__name__} {fields}>"


class Model:
    def __init__(self, **kwargs):
        for k, v in kwargs.items():
            setattr(self, k, v)


class User(TimestampMixin, ReprMixin, Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.active = True


u = User(name="ann", email="a@x.org")
print(u)
print(u.touch(), u.created)
print([k.__name__ for k in User.__mro__])
print(isinstance(u, TimestampMixin), issubclass(User, Model))


class AppError(TimestampMixin, Exception):
    def __init__(self, message, code):
        super().__init__(message)
        self.code = code


try:
    raise AppError("boom", 42)
except Exception as e:
    print(type(e).__name__, e, e.args, e.code, e.created_at)
print([k.__name__ for k in AppError.__mro__])


class CountingDict(TimestampMixin, dict):
    def __setitem__(self, key, value):
        super().__setitem__(key, value * 2)


d = CountingDict(a=1)
d["b"] = 5
print(sorted(d.items()), d.created_at, len(d))
print([k.__name__ for k in CountingDict.__mro__])


class X: pass
class Y: pass
class Z: pass
class K1(X, Y): pass
class K2(Y, Z): pass
class K3(X, Z): pass
class ZZ(K1, K2, K3): pass


print([k.__name__ for k in ZZ.__mro__])

try:
    class Bad(X, K1):
        pass
except TypeError as e:
    print("TypeError:", e)


class Left:
    def who(self):
        return "Left"


class Right:
    def who(self):
        return "Right"

    def only_right(self):
        return "only right"


class Both(Left, Right):
    pass


print(Both().who(), Both().only_right())


class Explicit(Left, Right):
    def who(self):
        return super(Left, self).who()


print(Explicit().who())


class Init1:
    def __init__(self):
        print("Init1")
        super().__init__()


class Init2:
    def __init__(self):
        print("Init2")
        super().__init__()


class Both2(Init1, Init2):
    def __init__(self):
        print("Both2")
        super().__init__()


Both2()


class ClsMixin:
    @classmethod
    def create(cls, **kw):
        return cls(**kw)


class Thing(ClsMixin, Model):
    pass


t = Thing.create(x=1)
print(type(t).__name__, t.x)
