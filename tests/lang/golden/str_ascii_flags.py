# Strings built from pieces of other strings (strip, split, join, replace, case mapping,
# slicing, f-strings, %) must know their length and ASCII-ness: mix ASCII and non-ASCII text
# and check len(), indexing, find() and slicing of every result.


def show(label, s):
    print(label, repr(s), len(s), s[-1:] if s else "", s.find("é"), s[1:4], s.isascii())


show("strip", "  héllo wörld  ".strip())
show("strip ascii", "  hello  ".strip())
show("lstrip", "ééabcéé".lstrip("é"))
show("rstrip", "ééabcéé".rstrip("é"))
show("strip to ascii", "éabcé".strip("é"))
for p in "a,é,bc,,dé".split(","):
    show("split", p)
for p in "x→y→z".rsplit("→", 1):
    show("rsplit", p)
for p in "uno\ndós\r\ntres".splitlines():
    show("splitlines", p)
for p in "clé=valeur".partition("="):
    show("partition", p)
for p in "a.b.ç".rpartition("."):
    show("rpartition", p)
show("removeprefix", "prézident".removeprefix("pré"))
show("removesuffix", "café".removesuffix("é"))
show("join mixed", "|".join(["abc", "déf", "g"]))
show("join ascii", "-".join(("ab", "cd", "ef")))
show("join sep", "→".join(["a", "b"]))
show("join gen", "".join(c for c in "héllo" if c != "l"))
show("join one", "|".join(["ünï"]))
print(repr("|".join([])), repr("".join(["a"])), repr("x".join(["", ""])))
try:
    "|".join(["a", 1])
except TypeError as e:
    print("TypeError", e)
show("replace to ascii", "naïve café".replace("ï", "i").replace("é", "e"))
show("replace to non-ascii", "abc abc".replace("b", "ß"))
show("replace none", "été".replace("x", "y"))
show("replace empty", "né".replace("", "-"))
show("replace count", "ééé".replace("é", "e", 2))
show("lower", "ÀBÇ Déf".lower())
show("upper", "straße".upper())
show("upper ascii", "hello World 42".upper())
show("lower ascii", "HELLO World 42".lower())
print("İ".lower(), len("İ".lower()), "ß".upper(), len("ß".upper()))
print("héllo".find("l"), "hello".find("l"), "hello".find("é"), "hello".find(""), "héllo".find("llo", 2))
print("héllo".startswith("hé"), "héllo".endswith("llo"), "héllo".startswith("é", 1), "abc".startswith(("x", "ab")))
print("héllo".startswith(""), "".endswith(""), "abc".endswith("abcd"))
s = "añb—c"
show("slice", s[1:4])
show("slice ascii", "abcdef"[2:5])
show("slice step", s[::2])
show("index", s[1] + s[-1])
name = "Zoë"
n = 7
show("fstring", f"user{n}@{name}.example")
show("fstring ascii", f"user{n}@example.com")
show("fstring neg", f"{-n}{n}{name!r}{n:>4}")
show("percent", "%s has %d items (%s)" % (name, n, "ok"))
show("percent ascii", "  alpha-%d, beta_%d ,gamma %d  " % (n, n * 7, -n))
show("percent width", "%5d|%-4s|%+d|%x" % (42, "é", 3, 255))
print("%d%%" % 5, "%(a)s-%(b)d" % {"a": "ü", "b": 2})
# Results that equal their input are the input itself, as in CPython.
t = "plain"
print(t.strip() is t, t.replace("x", "y") is t, t[:] is t, "|".join([t]) is t, t.split(",")[0] is t)
show("concat", "ab" + "é" + "cd")
show("concat ascii", "ab" + "cd")
print(repr("" + ""), repr("a" + ""), repr("" + "é"), len("é" + "é"))
