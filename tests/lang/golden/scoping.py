x = "global"
def show():
    return x
def shadow():
    x = "local"
    return x
def modify():
    global x
    x = "modified"
print(show(), shadow(), x)
modify()
print(x)
def outer():
    v = 1
    def inner():
        nonlocal v
        v += 1
        return v
    inner()
    inner()
    return v
print(outer())
def unbound():
    try:
        print(z)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    z = 1
unbound()
z = [1, 2]
r = [z for z in range(3)]
print(z, r)
class K:
    attr = 5
    doubled = [attr * 2 for _ in range(2)] if False else None
    def m(self):
        return attr_fallback()
def attr_fallback():
    return "module-level"
print(K.attr, K().m())
def closures():
    fs = []
    for i in range(3):
        def f(i=i):
            return i
        fs.append(f)
    return [f() for f in fs]
print(closures())
def counter_factory():
    counts = {}
    def bump(k):
        counts[k] = counts.get(k, 0) + 1
        return counts
    return bump
b = counter_factory()
b("a"); b("a")
print(b("b"))
def deep():
    a = 1
    def l1():
        def l2():
            def l3():
                return a
            return l3()
        return l2()
    return l1()
print(deep())
lam = [lambda: n for n in range(3)]
print([f() for f in lam])
def gen_scope():
    q = 10
    return [q + j for j in range(3)]
print(gen_scope())
print(sorted(globals().keys() & {"x", "show", "K"}))
def loc():
    a = 1
    b = 2
    return sorted(locals().items())
print(loc())
