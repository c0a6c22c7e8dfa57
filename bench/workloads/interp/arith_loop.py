# 10^6-iteration arithmetic loop.
total = 0
i = 0
while i < 1000000:
    total += i * 3 % 7 - (i // 5)
    i += 1
print(total)
