# yield from delegates throw() and close() to the sub-generator.
def inner():
    try:
        while True:
            try:
                yield "inner"
            except KeyError as e:
                print("inner caught", e)
                yield "recovered"
    finally:
        print("inner closed")
def outer():
    result = yield from inner()
    print("never", result)
g = outer()
print(next(g))
print(g.throw(KeyError("k")))
print(next(g))
g.close()
print("closed")
def failing():
    yield 1
def outer2():
    try:
        yield from failing()
    except ValueError as e:
        print("outer2 caught", e)
        yield "after"
g = outer2()
next(g)
print(g.throw(ValueError("v")))
