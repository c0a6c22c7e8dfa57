# String formatting in a loop.
out = []
for i in range(200000):
    s = f"user{i}: {i * 1.5:.2f} [{i % 7:>3}]" + " id=%d" % i
    out.append(s.upper())
print(len(out), out[-1], len("".join(out)))
