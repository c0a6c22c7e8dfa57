# String methods in a loop: split, join, replace, strip, find, startswith, slicing, in.
words = []
for i in range(100000):
    line = "  alpha-%d, beta_%d ,gamma %d  " % (i, i * 7, i % 13)
    parts = [p.strip() for p in line.split(",")]
    joined = "|".join(parts).replace("_", "-").lower()
    if joined.startswith("alpha") and "gamma 1" in joined:
        words.append(joined[6:12])
    words.append(joined[joined.find("|") + 1:])
print(len(words), words[0], words[-1], sum(len(w) for w in words))
