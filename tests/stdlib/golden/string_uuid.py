import string
import uuid

print(string.ascii_letters, string.ascii_lowercase, string.ascii_uppercase)
print(string.digits, string.hexdigits, string.octdigits, repr(string.whitespace))
print(string.punctuation, len(string.printable), repr(string.printable[-6:]))
print(string.capwords("hello   wORLD  from python"), string.capwords("a-b-c", "-"), string.capwords(""))

u = uuid.UUID("12345678-1234-5678-1234-567812345678")
print(u, repr(u), u.hex, u.int, u.bytes, u.urn, u.version)
print(uuid.UUID("{12345678123456781234567812345678}") == u, uuid.UUID(int=u.int) == u, uuid.UUID(bytes=u.bytes))
print(uuid.UUID(hex="urn:uuid:a8098c1a-f86e-11da-bd1a-00112444be1e").version, str(uuid.UUID(int=0)))
print(uuid.uuid5(uuid.NAMESPACE_DNS, "python.org"), uuid.uuid3(uuid.NAMESPACE_DNS, "python.org"))
print(uuid.uuid5(uuid.NAMESPACE_URL, "https://example.com/a"), uuid.NAMESPACE_OID)
print(uuid.UUID(fields=(0x12345678, 0x1234, 0x5678, 0x12, 0x34, 0x567812345678)))
print(uuid.UUID("12345678-1234-5678-1234-567812345678", version=4))
a = uuid.uuid4()
b = uuid.uuid4()
print(a != b, a.version, len(str(a)), str(a)[14], str(a)[19] in "89ab", isinstance(a, uuid.UUID))
print(sorted([uuid.UUID(int=5), uuid.UUID(int=2)]), {u: 1}[uuid.UUID(u.hex)], hash(u) == hash(uuid.UUID(u.hex)))
print(uuid.UUID(str(a)) == a, f"{u}", "%s" % u, [str(u)])
try:
    uuid.UUID("not-a-uuid")
except ValueError as e:
    print("ValueError", e)
