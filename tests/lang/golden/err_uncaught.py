def level2(x):
    return {"a": 1}[x]
def level1(x):
    return level2(x)
print("before")
level1("missing")
print("not reached")
