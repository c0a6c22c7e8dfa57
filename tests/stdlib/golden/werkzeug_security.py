from werkzeug.security import generate_password_hash, check_password_hash, gen_salt

# Hashes written by the real Werkzeug (2.2 on Debian: pbkdf2; 3.x: scrypt).
known = [
    ("pbkdf2:sha256:260000$RodrE1Ly5UnIplmz$c9759abe8224644fe246a5de2e394436a32ec996e81a6b8bd9281cb3e0eef835", "secret"),
    ("pbkdf2:sha1:1000$DkR0cPIB$56284c46776b12987f057fa357f5de35e66a4716", "pässwörd"),
    ("pbkdf2:sha512:5000$wBYH040iTg4UVrF4$c896894f687c2356aab103ae443177a1181ff468e3ad589b364b3ea369eb09a6c9db6a1b8a966e70f91c6ce25510a37f5b6344463da97fc2d4978a2962af3bf7", "secret"),
    ("scrypt:32768:8:1$uM8uRMqb2iysFyTe$aa7297c10667ee893dcacdf3d7693b33d6505898070ad23bd427d3815b479bafa51fbe2966750df53a9b3991a9ebf86d99ae911e74fcae66b1ca3148b7f0be38", "secret"),
]
for pwhash, password in known:
    print(pwhash.split("$")[0], check_password_hash(pwhash, password), check_password_hash(pwhash, password + "x"))
print(check_password_hash("nodollar", "x"), check_password_hash("a$b", "x"))

# (the default iteration count differs between Werkzeug versions: see werkzeug_interop.sh)
for method in ["pbkdf2:sha256:1000", "pbkdf2:sha512:2000", "pbkdf2:sha1:10"]:
    h = generate_password_hash("hunter2", method=method)
    m, salt, digest = h.split("$")
    print(m, len(salt), len(digest), check_password_hash(h, "hunter2"), check_password_hash(h, "hunter3"))
h = generate_password_hash("pw", method="pbkdf2:sha256:1000", salt_length=8)
print(len(h.split("$")[1]), check_password_hash(h, "pw"))
a, b = generate_password_hash("same", "pbkdf2:sha256:1000"), generate_password_hash("same", "pbkdf2:sha256:1000")
print(a != b, len(gen_salt(12)), gen_salt(5).isalnum())


class User:
    def set_password(self, password):
        self.password_hash = generate_password_hash(password, method="pbkdf2:sha256:1000")

    def check_password(self, password):
        return check_password_hash(self.password_hash, password)


u = User()
u.set_password("correct horse")
print(u.check_password("correct horse"), u.check_password("wrong"))
