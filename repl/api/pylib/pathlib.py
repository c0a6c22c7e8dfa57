"""pathlib for ormsh (POSIX paths only): PurePath / PurePosixPath for path arithmetic and
Path / PosixPath for the file system, on top of os and open(). Written in the language itself."""

import os
import re as _re

__all__ = ["PurePath", "PurePosixPath", "Path", "PosixPath"]


def _parse(args):
    """(root, parts) of the joined arguments: an absolute argument restarts the path."""
    root = ""
    parts = []
    for arg in args:
        if isinstance(arg, PurePath):
            text = str(arg)
        else:
            text = os.fspath(arg)
            if not isinstance(text, str):
                raise TypeError("argument should be a str or an os.PathLike object where "
                                "__fspath__ returns a str, not %r" % type(arg).__name__)
        if text.startswith("/"):
            # POSIX keeps exactly two leading slashes.
            stripped = text.lstrip("/")
            root = "//" if len(text) - len(stripped) == 2 else "/"
            parts = []
            text = stripped
        for piece in text.split("/"):
            if piece and piece != ".":
                parts.append(piece)
    return root, parts


class _Parents:
    def __init__(self, path):
        self._path = path
        self._count = len(path._parts)

    def __len__(self):
        return self._count

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(self._count)))
        if index < 0:
            index += self._count
        if index < 0 or index >= self._count:
            raise IndexError(index)
        return self._path._from(self._path._root, self._path._parts[:self._count - index - 1])

    def __iter__(self):
        for i in range(self._count):
            yield self[i]

    def __repr__(self):
        return "<%s.parents>" % type(self._path).__name__


class PurePath:
    def __new__(cls, *args):
        if cls is PurePath:
            cls = PurePosixPath
        self = object.__new__(cls)
        self._root, self._parts = _parse(args)
        return self

    def __init__(self, *args):
        pass

    def _from(self, root, parts):
        path = object.__new__(type(self))
        path._root = root
        path._parts = list(parts)
        return path

    def __str__(self):
        return (self._root + "/".join(self._parts)) or "."

    def __fspath__(self):
        return str(self)

    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, self.as_posix())

    def as_posix(self):
        return str(self)

    def as_uri(self):
        if not self.is_absolute():
            raise ValueError("relative path can't be expressed as a file URI")
        return "file://" + str(self)

    def __bytes__(self):
        return os.fsencode(str(self)) if hasattr(os, "fsencode") else str(self).encode()

    def _key(self):
        return (self._root, tuple(self._parts))

    def __hash__(self):
        return hash(self._key())

    def __eq__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() == other._key()

    def __ne__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() != other._key()

    def _compare_key(self, other):
        if not isinstance(other, PurePath):
            raise TypeError("'<' not supported between instances of %r and %r"
                            % (type(self).__name__, type(other).__name__))
        return [self._root] + self._parts, [other._root] + other._parts

    def __lt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        a, b = self._compare_key(other)
        return a < b

    def __le__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        a, b = self._compare_key(other)
        return a <= b

    def __gt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        a, b = self._compare_key(other)
        return a > b

    def __ge__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        a, b = self._compare_key(other)
        return a >= b

    def __truediv__(self, other):
        try:
            return self.joinpath(other)
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, other):
        try:
            return type(self)(other, self)
        except TypeError:
            return NotImplemented

    def joinpath(self, *args):
        root, parts = _parse([self] + list(args))
        return self._from(root, parts)

    @property
    def parts(self):
        if self._root:
            return tuple([self._root] + self._parts)
        return tuple(self._parts)

    @property
    def drive(self):
        return ""

    @property
    def root(self):
        return self._root

    @property
    def anchor(self):
        return self._root

    @property
    def name(self):
        return self._parts[-1] if self._parts else ""

    @property
    def suffix(self):
        name = self.name
        i = name.rfind(".")
        if 0 < i < len(name) - 1:
            return name[i:]
        return ""

    @property
    def suffixes(self):
        name = self.name
        if name.endswith("."):
            return []
        name = name.lstrip(".")
        return ["." + s for s in name.split(".")[1:]]

    @property
    def stem(self):
        name = self.name
        i = name.rfind(".")
        if 0 < i < len(name) - 1:
            return name[:i]
        return name

    @property
    def parent(self):
        if not self._parts:
            return self
        return self._from(self._root, self._parts[:-1])

    @property
    def parents(self):
        return _Parents(self)

    def is_absolute(self):
        return bool(self._root)

    def is_reserved(self):
        return False

    def is_relative_to(self, *other):
        try:
            self.relative_to(*other)
            return True
        except ValueError:
            return False

    def relative_to(self, *other):
        if not other:
            raise TypeError("need at least one argument")
        base_root, base_parts = _parse(other)
        n = len(base_parts)
        if base_root != self._root or self._parts[:n] != base_parts:
            shown = (base_root + "/".join(base_parts)) or "."
            raise ValueError("%r is not in the subpath of %r OR one path is relative and the "
                             "other is absolute." % (str(self), shown))
        return self._from("", self._parts[n:])

    def with_name(self, name):
        if not self.name:
            raise ValueError("%r has an empty name" % (self,))
        if not name or "/" in name or name == ".":
            raise ValueError("Invalid name %r" % (name,))
        return self._from(self._root, self._parts[:-1] + [name])

    def with_stem(self, stem):
        return self.with_name(stem + self.suffix)

    def with_suffix(self, suffix):
        if "/" in suffix or suffix and (not suffix.startswith(".") or suffix == "."):
            raise ValueError("Invalid suffix %r" % (suffix,))
        if not self.name:
            raise ValueError("%r has an empty name" % (self,))
        return self.with_name(self.stem + suffix)

    def match(self, path_pattern):
        pattern_root, pattern_parts = _parse([path_pattern])
        if not pattern_parts:
            raise ValueError("empty pattern")
        if pattern_root:
            if pattern_root != self._root or len(pattern_parts) != len(self._parts):
                return False
        elif len(pattern_parts) > len(self._parts):
            return False
        for part, pattern in zip(reversed(self._parts), reversed(pattern_parts)):
            if not _fnmatch(part, pattern):
                return False
        return True


class PurePosixPath(PurePath):
    pass


def _fnmatch(name, pattern):
    regex = []
    i = 0
    while i < len(pattern):
        c = pattern[i]
        i += 1
        if c == "*":
            regex.append(".*")
        elif c == "?":
            regex.append(".")
        elif c == "[":
            j = pattern.find("]", i + 1)
            if j < 0:
                regex.append("\\[")
            else:
                body = pattern[i:j]
                if body.startswith("!"):
                    body = "^" + body[1:]
                regex.append("[" + body.replace("\\", "\\\\") + "]")
                i = j + 1
        else:
            regex.append(_re.escape(c))
    return _re.fullmatch("".join(regex), name, _re.DOTALL) is not None


class Path(PurePath):
    def __new__(cls, *args, **kwargs):
        if cls is Path:
            cls = PosixPath
        self = object.__new__(cls)
        self._root, self._parts = _parse(args)
        return self

    @classmethod
    def cwd(cls):
        return cls(os.getcwd())

    @classmethod
    def home(cls):
        return cls(os.path.expanduser("~"))

    def absolute(self):
        if self.is_absolute():
            return self
        return type(self)(os.getcwd(), self)

    def resolve(self, strict=False):
        if strict:
            os.stat(self)
        return type(self)(os.path.realpath(self))

    def expanduser(self):
        if self._parts and self._parts[0].startswith("~") and not self._root:
            return type(self)(os.path.expanduser(str(self)))
        return self

    def stat(self, *, follow_symlinks=True):
        return os.stat(self)

    def lstat(self):
        return os.lstat(self)

    def exists(self):
        return os.path.exists(self)

    def is_file(self):
        return os.path.isfile(self)

    def is_dir(self):
        return os.path.isdir(self)

    def is_symlink(self):
        return os.path.islink(self)

    def samefile(self, other_path):
        return os.path.samefile(self, other_path)

    def iterdir(self):
        for name in os.listdir(self):
            yield self._from(self._root, self._parts + [name])

    def _walk_matches(self, pattern_parts, recursive_first):
        """Paths below self matching the pattern parts ("**" is any depth)."""
        if not pattern_parts:
            yield self
            return
        head = pattern_parts[0]
        rest = pattern_parts[1:]
        if head == "**":
            seen_self = self._walk_matches(rest, False)
            for match in seen_self:
                yield match
            for child in sorted(self.iterdir()) if self.is_dir() else []:
                if child.is_dir() and not child.is_symlink():
                    yield from child._walk_matches(pattern_parts, False)
            return
        if not self.is_dir():
            return
        if not any(c in head for c in "*?["):
            child = self / head
            if rest and child.is_dir() or not rest and child.exists():
                yield from child._walk_matches(rest, False)
            return
        for name in os.listdir(self):
            if _fnmatch(name, head) and (head.startswith(".") or not name.startswith(".")):
                child = self._from(self._root, self._parts + [name])
                if rest and not child.is_dir():
                    continue
                yield from child._walk_matches(rest, False)

    def glob(self, pattern):
        root, parts = _parse([pattern])
        if root:
            raise NotImplementedError("Non-relative patterns are unsupported")
        if not parts:
            raise ValueError("Unacceptable pattern: %r" % (pattern,))
        seen = set()
        for match in self._walk_matches(parts, False):
            if match not in seen:
                seen.add(match)
                yield match

    def rglob(self, pattern):
        root, parts = _parse([pattern])
        if root:
            raise NotImplementedError("Non-relative patterns are unsupported")
        return self.glob("/".join(["**"] + parts))

    def open(self, mode="r", buffering=-1, encoding=None, errors=None, newline=None):
        return open(self, mode)

    def read_text(self, encoding=None, errors=None):
        with open(self, "r") as f:
            return f.read()

    def read_bytes(self):
        with open(self, "rb") as f:
            return f.read()

    def write_text(self, data, encoding=None, errors=None, newline=None):
        if not isinstance(data, str):
            raise TypeError("data must be str, not %s" % type(data).__name__)
        with open(self, "w") as f:
            return f.write(data)

    def write_bytes(self, data):
        data = bytes(data)
        with open(self, "wb") as f:
            return f.write(data)

    def touch(self, mode=0o666, exist_ok=True):
        if self.exists():
            if not exist_ok:
                raise FileExistsError(17, "File exists", str(self))
            with open(self, "a"):
                pass
            return
        open(self, "w").close()

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        try:
            os.mkdir(self, mode)
        except FileNotFoundError:
            if not parents or self.parent == self:
                raise
            self.parent.mkdir(parents=True, exist_ok=True)
            self.mkdir(mode, parents=False, exist_ok=exist_ok)
        except OSError:
            if not exist_ok or not self.is_dir():
                raise

    def rmdir(self):
        os.rmdir(self)

    def unlink(self, missing_ok=False):
        try:
            os.unlink(self)
        except FileNotFoundError:
            if not missing_ok:
                raise

    def rename(self, target):
        os.rename(self, target)
        return type(self)(target)

    def replace(self, target):
        os.replace(self, target)
        return type(self)(target)

    def chmod(self, mode):
        os.chmod(self, mode)


class PosixPath(Path, PurePosixPath):
    pass
