# pathlib and os / os.path on a temporary directory, with tempfile and shutil.
import os
import os.path
import shutil
import tempfile
from pathlib import Path, PurePath, PurePosixPath

p = PurePath("/srv/app/data/seed.tar.gz")
print(p, repr(p), p.name, p.stem, p.suffix, p.suffixes, p.anchor, p.parts)
print(p.parent, list(p.parents), len(p.parents), p.parents[0], p.is_absolute())
print(PurePath("a//b/./c"), PurePath(), PurePath("a", "/b", "c"), PurePath("a") / "b" / "c.py")
q = Path("instance") / "app.db"
print(q, repr(q), str(q), os.fspath(q), q.with_name("test.db"), q.with_suffix(".sqlite"))
print(Path("a/b/c").relative_to("a"), Path("a/b").joinpath("c", "d"), "x" / Path("y"))
try:
    Path("a/b").relative_to("c")
except ValueError as e:
    print("ValueError:", e)
try:
    Path("").with_name("x")
except ValueError as e:
    print("ValueError:", e)
print(Path(".bashrc").suffix, Path("a.").suffix, Path("archive.tar.gz").stem, Path("/").name)
print(sorted([Path("b"), Path("a/z"), Path("a")]), Path("a") == PurePosixPath("a"))
print(len({Path("a/b"), Path("a//b"), Path("a/b/")}), Path("a") != Path("b"))
print(Path("x/seed.py").match("*.py"), Path("x/seed.py").match("y/*.py"))
print(os.path.join(Path("a"), "b"), os.path.basename(Path("/x/y.txt")))
print(Path("~/x").expanduser() == Path(os.path.expanduser("~/x")), Path.home() == Path(os.path.expanduser("~")))
print(Path.cwd() == Path(os.getcwd()), Path("rel").absolute() == Path(os.getcwd()) / "rel")

with tempfile.TemporaryDirectory() as tmp:
    base = Path(tmp)
    print(base.is_dir(), os.path.isdir(tmp), os.path.isabs(tmp))
    data = base / "data"
    data.mkdir()
    (data / "nested" / "deep").mkdir(parents=True)
    data.mkdir(exist_ok=True)
    try:
        data.mkdir()
    except FileExistsError as e:
        print("FileExistsError", e.errno)
    users = data / "users.csv"
    print(users.write_text("id,name\n1,ann\n2,bob\n"), users.exists(), users.is_file())
    print(users.read_text().splitlines(), users.stat().st_size, os.path.getsize(users))
    (data / "blob.bin").write_bytes(bytes([0, 1, 2, 255]))
    print((data / "blob.bin").read_bytes(), (data / "blob.bin").stat().st_size)
    with users.open() as f:
        print(f.readline().strip())
    with open(users) as f:
        print(len(f.readlines()))
    (data / "notes.txt").touch()
    (data / "nested" / "deep" / "x.txt").write_text("x")
    print(sorted(child.name for child in data.iterdir()))
    print(sorted(str(c.relative_to(base)) for c in data.glob("*.csv")))
    print(sorted(str(c.relative_to(base)) for c in data.rglob("*.txt")))
    print(sorted(str(c.relative_to(base)) for c in base.glob("**/*.bin")))
    moved = users.rename(data / "people.csv")
    print(moved.name, users.exists(), moved.exists())
    moved.unlink()
    moved.unlink(missing_ok=True)
    try:
        moved.unlink()
    except FileNotFoundError as e:
        print("FileNotFoundError:", e.errno, os.path.basename(e.filename))
    print(sorted(os.listdir(data)))
    os.makedirs(os.path.join(tmp, "m", "n", "o"))
    os.makedirs(os.path.join(tmp, "m", "n"), exist_ok=True)
    try:
        os.makedirs(os.path.join(tmp, "m"))
    except FileExistsError as e:
        print("FileExistsError:", e.strerror)
    os.mkdir(os.path.join(tmp, "solo"))
    os.rmdir(os.path.join(tmp, "solo"))
    print(os.path.exists(os.path.join(tmp, "solo")))
    src = os.path.join(tmp, "src.txt")
    with open(src, "w") as f:
        f.write("copy me\n")
    shutil.copyfile(src, os.path.join(tmp, "dst.txt"))
    os.rename(os.path.join(tmp, "dst.txt"), os.path.join(tmp, "dst2.txt"))
    os.replace(os.path.join(tmp, "dst2.txt"), src)
    print(open(src).read().strip(), sorted(os.listdir(tmp)))
    for root, dirs, files in os.walk(tmp):
        dirs.sort()
        print(os.path.relpath(root, tmp), dirs, sorted(files))
    with os.scandir(data) as entries:
        print(sorted((e.name, e.is_dir(), e.is_file()) for e in entries))
    st = os.stat(src)
    print(st.st_size, st.st_mtime > 0, isinstance(st.st_mtime, float), os.path.getmtime(src) == st.st_mtime)
    print(os.path.realpath(os.path.join(tmp, "m", "..", "src.txt")) == os.path.realpath(src))
    shutil.rmtree(os.path.join(tmp, "m"))
    print(os.path.exists(os.path.join(tmp, "m")))
    named = tempfile.NamedTemporaryFile("w", suffix=".txt", dir=tmp, delete=False)
    named.write("temp")
    named.close()
    print(named.name.endswith(".txt"), open(named.name).read())
    made = tempfile.mkdtemp(prefix="seed-", dir=tmp)
    print(os.path.basename(made).startswith("seed-"), os.path.isdir(made))
print(os.path.exists(tmp))

print(os.path.relpath("/a/b/c", "/a/d"), os.path.relpath("/a", "/a"), os.path.commonpath(["/a/b/c", "/a/b/d"]))
print(os.path.isabs("/x"), os.path.isabs("x"), os.path.normpath("//a//b/../c/."), os.path.splitext(".bashrc"))
os.environ["ORMSH_TEST_VAR"] = "value"
os.environ.setdefault("ORMSH_TEST_VAR", "other")
os.environ.setdefault("ORMSH_TEST_OTHER", "dflt")
print(os.environ["ORMSH_TEST_VAR"], os.getenv("ORMSH_TEST_OTHER"), os.environ.get("ORMSH_NOPE", "-"))
print(os.path.expandvars("$ORMSH_TEST_VAR/${ORMSH_TEST_OTHER}/$ORMSH_NOPE/$"))
print(os.cpu_count() >= 1, os.sep, os.path.sep, os.fspath("plain"))
try:
    os.fspath(3)
except TypeError as e:
    print("TypeError:", e)
try:
    os.listdir("/definitely/not/here")
except FileNotFoundError as e:
    print(e)
