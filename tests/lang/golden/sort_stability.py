# list.sort / sorted on generated data: stability (equal keys keep their order, also with
# reverse=True), runs already ascending or descending, many equal keys (long gallops), each
# key kind the sort special-cases (int, float, str, tuples led by an int or a str) and mixed.
x = 7


def rnd(m):
    global x
    x = (x * 1103515245 + 12345) % 2147483648
    return x % m


for n in [0, 1, 2, 3, 5, 31, 32, 33, 64, 100, 257, 1000, 5000]:
    for m in [2, 10, 1000]:
        out = []
        a = [rnd(m) for _ in range(n)]
        out.append(sorted(a) == sorted(a, key=lambda v: v))
        pairs = [(rnd(m), i) for i in range(n)]
        s = sorted(pairs, key=lambda p: p[0])
        out.append(all(s[i][0] < s[i + 1][0] or (s[i][0] == s[i + 1][0] and s[i][1] < s[i + 1][1])
                       for i in range(len(s) - 1)))
        out.append(s[:4] + s[-4:])
        s = sorted(pairs, key=lambda p: p[0], reverse=True)
        out.append(s[:4] + s[-4:])
        t = [("k%d" % rnd(m), rnd(3), i) for i in range(n)]
        t.sort()
        out.append(t[:3] + t[-3:])
        t.sort(reverse=True)
        out.append(t[:3])
        words = ["w%d" % rnd(m) for _ in range(n)]
        out.append(sorted(words)[:3] + sorted(words, reverse=True)[:3])
        f = [rnd(m) / 7 if i % 2 else rnd(m) for i in range(n)]
        out.append(sorted(f)[:4])
        runs = list(range(n)) + [rnd(m) for _ in range(n // 3)] + list(range(n, 0, -1))
        out.append(sorted(runs)[n // 2:n // 2 + 5])
        mixed = [(rnd(m), "a"), (rnd(m), 1.5)] * (n // 50)
        try:
            mixed.sort()
            out.append(mixed[:3])
        except TypeError as e:
            out.append(str(e))
        print(n, m, out)
try:
    [3, "a", 1].sort()
except TypeError as e:
    print(e)
