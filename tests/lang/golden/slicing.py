s = list(range(10))
print(s[2:5], s[:3], s[7:], s[-3:], s[:-7], s[::3], s[::-3], s[8:2:-2], s[-1:-4:-1], s[100:200], s[5:2])
t = tuple(s)
print(t[1:3], t[::-1][:2], "abcdef"[1:-1], "abcdef"[::-2], "abcdef"[-100:100])
s[2:4] = ["a", "b", "c"]
print(s)
s[::2] = [0] * len(s[::2])
print(s)
del s[1:3]
print(s)
s[:] = []
print(s)
b = b"abcdef"
print(b[1:3], b[::-1], b[2])
r = range(0, 20, 3)
print(r[2], r[-1], list(r[1:4]), r.index(9), r.count(4))
x = [1, 2, 3]
y = x[:]
y.append(4)
print(x, y, x[:] == x, x[:] is x)
print("hello"[slice(1, 4)], [1, 2, 3][slice(None, None, -1)])
