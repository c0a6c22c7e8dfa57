# Decorators: any callable on functions, methods and classes; with arguments; property
# setter/deleter; staticmethod and classmethod.
import functools


def shout(fn):
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs).upper()
    return wrapper


def repeat(times):
    def deco(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            return [fn(*args, **kwargs) for _ in range(times)]
        return wrapper
    return deco


@shout
def greet(name):
    return "hello " + name


@repeat(3)
def ping():
    """Ping doc."""
    return "ping"


print(greet("bob"))
print(ping(), ping.__name__, ping.__doc__)


class CallableDeco:
    def __init__(self, fn):
        self.fn = fn
        self.calls = 0

    def __call__(self, *args):
        self.calls += 1
        return self.fn(*args)


@CallableDeco
def add(a, b):
    return a + b


print(add(1, 2), add(3, 4), add.calls)

registry = {}


def register(name):
    def deco(cls):
        registry[name] = cls
        cls.registered_as = name
        return cls
    return deco


@register("user")
class User:
    def __init__(self, first, last):
        self._first = first
        self.last = last

    @property
    def first(self):
        return self._first

    @first.setter
    def first(self, value):
        if not value:
            raise ValueError("first name required")
        self._first = value.title()

    @first.deleter
    def first(self):
        print("deleting first")
        del self._first

    @property
    def full(self):
        return f"{self.first} {self.last}"

    @staticmethod
    def validate(email):
        return "@" in email

    @classmethod
    def from_string(cls, s):
        return cls(*s.split())

    @shout
    def describe(self):
        return f"user {self.full}"


print(registry, User.registered_as)
u = User.from_string("ann lee")
print(u.full)
u.first = "maria"
print(u.full, u.describe())
try:
    u.first = ""
except ValueError as e:
    print("ValueError:", e)
del u.first
print(hasattr(u, "_first"))
try:
    u.full = "x"
except AttributeError as e:
    print("AttributeError")
print(User.validate("a@b"), u.validate("nope"))
print(type(User.__dict__["validate"]).__name__, type(User.__dict__["from_string"]).__name__)
print(isinstance(User.__dict__["first"], property))


def trace(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        print("call", fn.__name__, args[1:], kwargs)
        return fn(*args, **kwargs)
    return wrapper


class Service:
    @trace
    def run(self, x, y=2):
        return x * y

    @classmethod
    @trace
    def build(cls, n):
        return cls.__name__ * n

    @staticmethod
    @trace
    def helper(a, b):
        return a - b


print(Service().run(3, y=4))
print(Service.build(2))
print(Service.helper(10, 1))


def add_method(cls):
    def extra(self):
        return "extra on " + cls.__name__
    cls.extra = extra
    return cls


@add_method
@register("post")
class Post:
    pass


print(Post().extra(), sorted(registry))


@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(40))

decorators = [shout, shout]


@decorators[0]
def lower():
    return "abc"


print(lower())


class Temperature:
    def __init__(self):
        self._c = 0

    def get_c(self):
        return self._c

    def set_c(self, v):
        self._c = v

    celsius = property(get_c, set_c, doc="degrees")

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32


t = Temperature()
t.celsius = 100
print(t.celsius, t.fahrenheit, Temperature.celsius.__doc__)
