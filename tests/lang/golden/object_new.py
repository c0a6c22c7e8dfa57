# object.__new__: user __new__ through super() (singletons) and cls.__new__(cls) factories.
class Singleton:
    _instance = None
    def __new__(cls, *args, **kwargs):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance
    def __init__(self, v=0):
        self.v = v
a = Singleton(1); b = Singleton(2)
print(a is b, a.v)
class Thing:
    @classmethod
    def blank(cls):
        return cls.__new__(cls)
t = Thing.blank()
print(type(t).__name__)
o = object.__new__(Thing)
print(type(o).__name__)
class Sub(Singleton):
    _instance = None
print(Sub(5).v, Sub() is Sub())
