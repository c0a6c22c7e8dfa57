a, b = 1, 2
a, b = b, a
print(a, b)
[x, y, z] = "xyz"
print(x, y, z)
h, *t = [1]
print(h, t)
*init, last = range(4)
print(init, last)
(p, (q, r)), s = (1, (2, 3)), 4
print(p, q, r, s)
for i, (k, v) in enumerate({"a": 1, "b": 2}.items()):
    print(i, k, v)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    a, b, c = [1]
except ValueError as e:
    print(e)
first, second = {"k1": 1, "k2": 2}
print(first, second)
print(*range(3), sep=",")
print([*range(2), *"ab"], (*[1], 2), {*[1, 1], 2}, {**{"a": 1}, "b": 2})
def f(*args, **kwargs):
    return args, kwargs
print(f(*[1, 2], *(3,), **{"x": 1}, **{"y": 2}))
m = [[1, 2], [3, 4]]
print([a + b for a, b in m], [list(col) for col in zip(*m)])
obj = type("O", (), {})()
obj.a, obj.b = 5, 6
lst = [0, 0]
lst[0], lst[1] = 7, 8
print(obj.a, obj.b, lst)
