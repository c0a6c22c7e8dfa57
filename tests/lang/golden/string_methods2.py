text = "  The Quick Brown Fox  "
words = text.split()
print(words, len(words), text.strip().lower().replace(" ", "_"))
print("_".join(w[0] for w in words), "".join(sorted("hello")), "hello"[::-1] == "olleh")
csv = "id,name,email\n1,ann,a@x\n2,bob,b@x"
rows = [line.split(",") for line in csv.splitlines()]
header, *data = rows
print(header, [dict(zip(header, r)) for r in data])
print("%-10s|%5.1f|%03d" % ("left", 2.25, 7), "{:<10}|{:>5.1f}|{:03d}".format("left", 2.25, 7))
print("a%sb" % "X", "%d%%" % 50, "%5.2f%%" % 99.567, "%x %X %#x" % (255, 255, 255), "%e" % 0.000123)
print("title case words".title(), "UPPER".lower(), "MiXeD".swapcase(), "cap it".capitalize())
print("x".join("abc"), "abc".find("c", 1), "abcabc".rfind("b"), "aaa".count("a"), "aaaa".count("aa"))
print("tab\tsep".split("\t"), "a,b;c".replace(";", ",").split(","), "  lead".lstrip(), "trail  ".rstrip())
print("Hello %s, you are %d" % ("Ann", 30), "%(a)s and %(b)s" % {"a": 1, "b": 2}, "%5s|%-5s|" % ("ab", "cd"))
email = "user@example.com"
local, _, domain = email.partition("@")
print(local, domain, email.endswith(".com"), email.index("@"), email.upper().startswith("USER"))
print(str(123).zfill(6), "7".rjust(3, "0"), "abc".center(7, "-"), "%s" % [1, 2], "%r" % "q")
print(f"{'left':<8}|{'right':>8}|{'mid':^8}|", f"{12:>+5}", f"{3.14159:.2%}", f"{1e6:,.0f}")
print("ab" < "abc", "b" > "abc", "A" < "a", sorted(["b", "B", "a", "A"]), "10" < "9")
print("é".encode(), len("日本語"), "日本語"[1], "日本語"[::-1], "ÄÖÜ".lower(), "straße".upper())
