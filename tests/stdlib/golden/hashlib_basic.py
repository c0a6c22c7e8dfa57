import hashlib
import hmac
import secrets

for name in ["md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_256", "blake2b"]:
    h = getattr(hashlib, name)(b"hello world")
    print(name, h.name, h.digest_size, h.block_size, h.hexdigest())
print(hashlib.md5().hexdigest(), hashlib.sha256(b"").hexdigest())
h = hashlib.sha256()
h.update(b"hello ")
c = h.copy()
h.update(b"world")
print(h.hexdigest(), c.hexdigest(), h.digest()[:8])
print(hashlib.new("sha1", b"abc").hexdigest(), hashlib.new("SHA256", "é".encode()).hexdigest())
print(hashlib.md5("text".encode("utf-8")).hexdigest())
print(hashlib.pbkdf2_hmac("sha256", b"password", b"salt", 1000).hex())
print(hashlib.pbkdf2_hmac("sha1", b"password", b"salt", 2, dklen=20).hex())
print(hashlib.scrypt(b"password", salt=b"NaCl", n=1024, r=8, p=16, dklen=64).hex())
print(sorted(n for n in ["md5", "sha1", "sha256", "sha512"] if n in hashlib.algorithms_available))
for bad in [lambda: hashlib.sha256("str"), lambda: hashlib.new("nope"),
            lambda: hashlib.pbkdf2_hmac("sha256", b"p", b"s", 0)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(hmac.new(b"key", b"message", "sha256").hexdigest())
print(hmac.new(b"key", b"message", hashlib.sha1).hexdigest())
mac = hmac.new(b"key", digestmod="md5")
mac.update(b"mess")
mac.update(b"age")
print(mac.hexdigest(), mac.name, hmac.digest(b"k", b"m", "sha256").hex()[:16])
print(hmac.compare_digest("abc", "abc"), hmac.compare_digest(b"abc", b"abd"))
print(len(secrets.token_hex(16)), len(secrets.token_bytes(8)), len(secrets.token_urlsafe(32)),
      len(secrets.token_hex()), 0 <= secrets.randbelow(10) < 10, secrets.choice("abc") in "abc")
