class AppError(Exception):
    pass
def load():
    try:
        int("x")
    except ValueError as e:
        raise AppError("could not load") from e
try:
    load()
except AppError as e:
    print("cause:", type(e.__cause__).__name__)
def handler():
    try:
        {}["k"]
    except KeyError:
        raise RuntimeError("while handling")
handler()
