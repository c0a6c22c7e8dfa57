class ValidationError(Exception):
    def __init__(self, field, message):
        super().__init__(f"{field}: {message}")
        self.field = field
def validate(user):
    errors = []
    for field in ("name", "email"):
        try:
            value = user[field]
            if not value:
                raise ValidationError(field, "empty")
        except KeyError as e:
            errors.append(f"missing {e}")
        except ValidationError as e:
            errors.append(str(e))
    return errors
print(validate({"name": "", "x": 1}), validate({"name": "a", "email": "b"}))
def retry(times):
    attempt = 0
    while True:
        attempt += 1
        try:
            if attempt < times:
                raise ConnectionError(f"attempt {attempt}")
            return f"ok after {attempt}"
        except ConnectionError as e:
            print("retrying:", e)
print(retry(3))
def cleanup():
    try:
        return "try"
    finally:
        print("cleanup ran")
print(cleanup())
def override():
    try:
        return 1
    finally:
        return 2
print(override())
try:
    try:
        raise TypeError("first")
    finally:
        print("inner finally")
except TypeError as e:
    print("outer caught", e)
err = None
try:
    [].pop()
except IndexError as e:
    err = e
print(type(err).__name__, err)
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args)
for exc_type in [ZeroDivisionError, OverflowError]:
    try:
        raise exc_type("arith")
    except ArithmeticError as e:
        print(exc_type.__name__, "is ArithmeticError:", e)
try:
    x = int("12a")
except (TypeError, ValueError) as e:
    print("bad int:", e)
try:
    {"a": 1}["b"]
except LookupError as e:
    print("LookupError", repr(e))
class CtxErr:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        print("exit saw", t.__name__)
        return True
with CtxErr():
    raise KeyError("suppressed")
print("continued")
