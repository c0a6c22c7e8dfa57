name = "World"
n = 42
pi = 3.14159265
items = [1, 2, 3]
print(f"Hello, {name}!", f"{n:5d}|{n:<5}|{n:^7}|", f"{pi:.3f} {pi:10.2f} {pi:e}")
print(f"{name!r} {name!s} {name!a}", f"{'é'!a}", f"{items} {items[1]} {len(items)}")
print(f"{n:#x} {n:#o} {n:#b} {n:08b} {n:,} {1234567.891:,.2f} {0.5:.0%}")
width = 8
prec = 2
print(f"[{pi:{width}.{prec}f}]", f"[{name:>{width}}]", f"{{braces}} {n}")
print(f"{n * 2 + 1}", f"{'yes' if n > 40 else 'no'}", f"{[x * x for x in items]}", f"{ {'a': 1}['a'] }")
d = {"key": "value"}
print(f"{d['key']}", f'{d["key"]}', f"{n=}", f"{pi=:.2f}", f"{name = }")
print(f"""triple {name}
next line {n}""")
print(f"{3.0}", f"{1e20}", f"{None}", f"{True:>6}", f"{-5:05d}", f"{5:+d}", f"{'x':*<4}")
class P:
    def __format__(self, spec):
        return "P(" + spec + ")"
    def __str__(self):
        return "strP"
    def __repr__(self):
        return "reprP"
p = P()
print(f"{p} {p!r} {p!s} {p:abc}", rf"raw\n{n}", f"{'nested ' + f'{n}'}")
