for i in range(3):
    if i == 5:
        break
else:
    print("for-else ran")
for i in range(10):
    if i == 2:
        continue
    if i == 4:
        break
    print("i", i)
else:
    print("not printed")
n = 0
while n < 3:
    n += 1
else:
    print("while-else", n)
while True:
    n -= 1
    if n == 0:
        break
print("n", n)
x = 7
if x < 5:
    print("small")
elif x < 10:
    print("medium")
else:
    print("large")
print("yes" if x else "no", x and "and-val", 0 or "or-val", None or 0 or [], not x, not [])
print(1 and 2 and 3, 1 and 0 and 3, 0 or "" or None, [] or {} or "last")
a = b = c = 5
print(a, b, c)
a, b = b + 1, a - 1
print(a, b)
values = [1, 2, 3]
del values[1]
print(values)
pt = {"x": 1}
del pt["x"]
print(pt)
y = 10
del y
try:
    print(y)
except NameError as e:
    print("NameError", e)
i = 0
while i < 100:
    i += 1
    if i % 2:
        continue
    if i > 10:
        break
print("i", i)
for ch in "ab":
    for d in range(2):
        if d:
            break
        print(ch, d)
match_like = {"a": 1}
if "a" in match_like and match_like["a"] == 1:
    print("found")
if (walrus := len(values)) > 1:
    print("walrus", walrus)
pass
print([i for i in range(3)], i)
total = 0
for i, (a, b) in enumerate([(1, 2), (3, 4)]):
    total += i * (a + b)
print(total)
k = 3
print(k if k > 2 else -k, (lambda: "lam")(), [1, 2][k > 2])
