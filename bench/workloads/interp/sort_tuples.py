# Building and sorting a list of 10^5 tuples.
rows = []
x = 12345
for i in range(100000):
    x = (x * 1103515245 + 12345) % 2147483648
    rows.append((x % 1000, i, "name%d" % (x % 97)))
rows.sort()
by_name = sorted(rows, key=lambda r: r[2])
print(rows[0], rows[-1], by_name[0][2], len(by_name))
