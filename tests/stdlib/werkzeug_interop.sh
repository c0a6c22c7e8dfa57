#!/bin/sh
# check_password_hash against hashes made by the real Werkzeug (Debian's, under /usr/bin/python3),
# and the other way round: the real library verifies hashes ormsh generates. Exit 77 (skipped)
# when that Werkzeug is not installed.
# usage: werkzeug_interop.sh ORMSH_BINARY
set -u
bin="$1"
py=/usr/bin/python3
"$py" -c "import werkzeug.security" 2>/dev/null || { echo "no werkzeug for $py: skipped"; exit 77; }
tmp="${TMPDIR:-/tmp}/ormsh-werkzeug-$$"
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT

"$py" - >"$tmp/hashes.txt" <<'PY'
from werkzeug.security import generate_password_hash
for method in ["pbkdf2:sha256", "pbkdf2:sha1:1000", "pbkdf2:sha512:3000", "sha256", "md5"]:
    print(generate_password_hash("s3cret-pässword", method=method))
print(generate_password_hash("s3cret-pässword"))
PY
cat >"$tmp/check.py" <<'PY'
import sys
from werkzeug.security import check_password_hash, generate_password_hash
ok = True
for line in open(sys.argv[1]):
    h = line.strip()
    good = check_password_hash(h, "s3cret-pässword")
    bad = check_password_hash(h, "s3cret-password")
    print(h.split("$")[0], good, bad)
    ok = ok and good and not bad
with open(sys.argv[2], "w") as out:
    out.write(generate_password_hash("from-ormsh") + "\n")
    out.write(generate_password_hash("from-ormsh", "pbkdf2:sha512:1000") + "\n")
sys.exit(0 if ok else 1)
PY
"$bin" "$tmp/check.py" "$tmp/hashes.txt" "$tmp/ormsh_hashes.txt" || { echo "ormsh rejected a Werkzeug hash"; exit 1; }
"$py" - "$tmp/ormsh_hashes.txt" <<'PY' || { echo "Werkzeug rejected an ormsh hash"; exit 1; }
import sys
from werkzeug.security import check_password_hash
lines = [l.strip() for l in open(sys.argv[1])]
assert lines[0].startswith("pbkdf2:sha256:260000$"), lines[0]
for h in lines:
    assert check_password_hash(h, "from-ormsh") and not check_password_hash(h, "other"), h
print("werkzeug verified", len(lines), "ormsh hashes")
PY
