def g():
    try:
        yield 1
        yield 2
    finally:
        print("finally on close")
for x in g():
    print(x)
    break
print("after")
def numbers():
    n = 0
    while True:
        n += 1
        yield n
ids = numbers()
print(next(ids), next(ids), [next(ids) for _ in range(3)])
gen = (i for i in range(3))
print(next(gen), list(gen), list(gen))
