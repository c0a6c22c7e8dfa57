n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print(steps)
queue = [1]
seen = set()
while queue:
    x = queue.pop(0)
    if x in seen or x > 50:
        continue
    seen.add(x)
    queue.extend([x * 2, x * 3])
print(sorted(seen))
i = 0
while True:
    i += 1
    if i >= 5:
        break
print(i)
count = 0
while count < 3:
    count += 1
else:
    print("finished", count)
x = 10
while x:
    x -= 3
    if x < 0:
        print("negative", x)
        break
