import re

print(re.match(r"(\w+) (\w+)", "hello world foo"))
print(re.match(r"x", "abc"), re.search(r"\d+", "abc 123 def 45"))
print(re.fullmatch(r"\d+", "123"), re.fullmatch(r"\d+", "123a"))
m = re.search(r"(?P<user>[\w.]+)@(?P<domain>[\w.]+)", "mail: john.doe@example.com now")
print(m.group(), m.group(0), m.group(1), m.group("domain"), m.group(1, 2), m["user"])
print(m.groups(), m.groupdict(), m.start(), m.end(), m.span(), m.span("domain"), m.start(2))
print(m.lastindex, m.lastgroup, m.string, m.re, m.pos, m.endpos)
print(m.expand(r"\g<domain>/\1 \\ \n-"))
m2 = re.match(r"(a)(b)?(c)?", "ac")
print(m2.groups(), m2.groups("-"), m2.group(2), m2.span(2), m2.lastindex)
print(re.findall(r"\d+", "a1b22c333"), re.findall(r"(\w)(\d)", "a1 b2 c3"), re.findall(r"(\d)x", "1x2y3x"))
print(re.findall(r"x*", "axxb"), re.findall(r"", "ab"), re.findall(r"\b\w", "hi there you"))
print([mm.span() for mm in re.finditer(r"\w+", "one two  three")])
print([mm.group() for mm in re.finditer(r"a*", "baaac")])
print(re.sub(r"\s+", " ", "a   b \t\n c"), re.sub(r"(\w+)@(\w+)", r"\2 at \1", "x@y and p@q"))
print(re.sub(r"x*", "-", "abxd"), re.sub(r"(?P<n>\d)", r"<\g<n>\g<1>>", "a1b2"), re.sub("a", "b", "aaa", count=2))
print(re.sub(r"\d+", lambda mm: str(int(mm.group()) * 2), "3 apples and 12 pears"))
print(re.subn(r"o", "0", "foo boo"), re.sub(r"(a)|b", r"[\1]", "ab"))
print(re.sub(r"a", r"\t\x", "a") if False else re.sub(r"a", r"\t\-", "a"))
print(re.split(r",\s*", "a, b,c,   d"), re.split(r"(,)", "a,b,c"), re.split(r",", "a,b,c", maxsplit=1))
print(re.split(r"x*", "axbc"), re.split(r"\W+", "Words, words, words."), re.split(r"(\W+)", "Words, words."))
print(re.split(r"(a)|(b)", "1a2b3"))
p = re.compile(r"^(\d{3})-(\d{4})$", re.M)
print(p, p.pattern, p.flags, p.groups, p.groupindex, p.findall("555-1234\n666-9999\nbad"))
print(re.compile(r"[a-z]+", re.I | re.S), re.compile("(?P<a>x)(?P<b>y)").groupindex)
print(p.search("xx 123-4567", 0), p.match("123-4567"), p.fullmatch("123-4567"))
q = re.compile(r"\d")
print(q.search("a1b2c3", 2), q.search("a1b2c3", 2, 3), q.match("a1", 1), q.findall("1234", 1, 3))
print(re.match(r"hello", "HELLO world", re.IGNORECASE), re.findall(r"^\w", "ab\ncd", flags=re.MULTILINE))
print(re.match(r".+", "a\nb", re.DOTALL), re.match(r".+", "a\nb"))
verbose = re.compile(r"""
    (\d{4})   # year
    -
    (\d{2})   # month
""", re.VERBOSE)
print(verbose.match("2024-05").groups())
print(re.match(r"\w+", "héllo wörld"), re.search(r"ö", "héllo wörld").span(), re.findall(r"\w+", "naïve café"))
print(re.match(r"\d+", "١٢٣"), re.match(r"\d+", "١٢٣", re.ASCII), re.search(r"x\Z", "ax\n"), re.search(r"x$", "ax\n"))
print(re.match(r"a{,2}", "aaaa"), re.match(r"\u00e9", "é"), re.match(r"[]a]+", "]a]b"))
print(re.escape("a.b-c d_e/f*"), re.escape("http://x.com/?q=1"))
print(bool(re.match("a", "a")), re.I, re.M, re.S, re.X, re.A)
email = re.compile(r"^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,}$")
for e in ["a@b.co", "bad@", "x.y+z@sub.domain.org"]:
    print(e, bool(email.match(e)))
print(re.sub(r"(?<=\d)(?=(\d{3})+$)", ",", "1234567"), re.findall(r"(?i)ab", "AB ab Ab"))
print(re.sub(r"[^a-z0-9]+", "-", "Hello, World! 2024".lower()).strip("-"))
for bad in [lambda: re.compile("(a"), lambda: re.sub("a", r"\q", "a"), lambda: re.sub("a", r"\2", "a"),
            lambda: re.match("(a)", "a").group(3), lambda: re.sub("(a)", r"\g<x>", "a"),
            lambda: re.compile(re.compile("a"), re.I)]:
    try:
        bad()
    except re.error as e:
        print("re.error")
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
print(isinstance(re.compile("a"), re.Pattern), isinstance(re.match("a", "a"), re.Match))
print(re.error("boom", "ab\ncd", 4), repr(re.error("x")))
print(re.I | re.M, re.I | 0, re.I & re.I, int(re.X), re.I == 2, re.compile("a", re.I | re.M).flags)
