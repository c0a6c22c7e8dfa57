import base64
import binascii

for raw in [b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar", b"hello world!?", bytes(range(250, 256))]:
    enc = base64.b64encode(raw)
    print(raw, enc, base64.b64decode(enc) == raw, base64.urlsafe_b64encode(raw), base64.b16encode(raw))
print(base64.b64decode("aGVsbG8="), base64.b64decode(b"aGVs bG8=\n"), base64.b64decode("aGVsbG8=trailing"))
print(base64.urlsafe_b64decode("-_8="), base64.b64encode(b"\xfb\xff", altchars=b"-_"), base64.b16decode("6162"))
print(base64.b64encode("text".encode()).decode(), base64.standard_b64decode(b"eA=="), base64.b16decode(b"ff", casefold=True))
for bad in ["abc", "a", "ab=c"]:
    try:
        print(base64.b64decode(bad))
    except binascii.Error as e:
        print("binascii.Error", e, isinstance(e, ValueError))
try:
    base64.b64decode("ab$=", validate=True)
except binascii.Error as e:
    print("binascii.Error", e)
try:
    base64.b64encode("str")
except TypeError as e:
    print("TypeError", e)
