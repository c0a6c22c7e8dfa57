def check(fn):
    try:
        fn()
    except Exception as e:
        print(type(e).__name__ + ":", e, "| args =", e.args, "| repr =", repr(e))
check(lambda: 1 / 0)
check(lambda: [][1])
check(lambda: {}["k"])
check(lambda: {}[("a", 1)])
check(lambda: undefined_name)
check(lambda: int("abc"))
check(lambda: 1 + "a")
check(lambda: "a" + 1)
check(lambda: [1] + (2,))
check(lambda: None.attr)
check(lambda: (1).foo)
check(lambda: 5())
check(lambda: len(5))
check(lambda: 3[0])
check(lambda: {}.pop("x"))
check(lambda: [].pop())
check(lambda: "abc".index("z"))
check(lambda: int(None))
check(lambda: float("x"))
check(lambda: next(iter([])))
check(lambda: (1, 2) < (1, "a"))
check(lambda: [3, "a"].sort())
check(lambda: {[]: 1})
check(lambda: hash([]))
check(lambda: "x" * 2.5)
check(lambda: [1, 2, 3][1.5])
check(lambda: tuple()[0])
check(lambda: "abc"[5])
check(lambda: dict(a=1)["b"])
check(lambda: -(1 ,))
check(lambda: ~1.5)
check(lambda: chr(-1))
check(lambda: range(1, 2, 0))
class User:
    def __init__(self, name):
        self.name = name
check(lambda: User("x").nmae)
check(lambda: User())
check(lambda: User(1, 2))
check(lambda: User(name=1, age=2))
def f(a, b):
    pass
check(lambda: f(1))
check(lambda: f())
check(lambda: f(1, 2, 3))
check(lambda: f(1, c=2))
check(lambda: f(1, a=2))
class MyError(Exception):
    pass
class CodeError(MyError):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code
try:
    raise CodeError("bad thing", 42)
except MyError as e:
    print("caught", type(e).__name__, e, e.code, e.args, isinstance(e, Exception))
try:
    try:
        raise KeyError("inner")
    except KeyError as e:
        raise ValueError("outer") from e
except ValueError as e:
    print(e, repr(e.__cause__), e.__cause__.args)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise
except ArithmeticError as e:
    print("reraised", type(e).__name__)
def finally_order():
    try:
        print("try")
        return "from try"
    finally:
        print("finally")
print(finally_order())
for exc in (ValueError, TypeError, KeyError):
    try:
        raise exc("x")
    except (TypeError, KeyError) as e:
        print("tuple caught", type(e).__name__)
    except ValueError:
        print("value caught")
    else:
        print("no exception")
    finally:
        print("done", exc.__name__)
try:
    pass
except Exception:
    print("never")
else:
    print("else ran")
e1 = ValueError()
e2 = ValueError("a", 1)
print(str(e1) == "", str(e2), repr(e2), KeyError("k"), repr(KeyError("k")), str(KeyError()))
try:
    assert 1 == 2, "math is broken"
except AssertionError as e:
    print("assert:", e)
try:
    assert False
except AssertionError as e:
    print("assert empty:", repr(e))
def gen_raise():
    raise StopIteration
try:
    raise NotImplementedError
except RuntimeError as e:
    print("NotImplementedError is RuntimeError:", type(e).__name__)
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError), issubclass(ModuleNotFoundError, ImportError))
def deep(n):
    return deep(n + 1)
try:
    deep(0)
except RecursionError as e:
    print("RecursionError:", e)
try:
    raise Exception("multi", "args")
except Exception as e:
    print(e)
x = 0
try:
    x = 1
    raise ValueError
except ValueError:
    x += 10
finally:
    x += 100
print(x)
try:
    import nonexistent_module_xyz
except ImportError as e:
    print(type(e).__name__, e)
