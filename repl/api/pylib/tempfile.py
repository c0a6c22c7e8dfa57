"""tempfile for ormsh: mkdtemp, mkstemp, TemporaryDirectory, NamedTemporaryFile and
TemporaryFile with random names in $TMPDIR (else /tmp), written in the language itself on top
of os and open()."""

import os as _os

template = "tmp"
tempdir = None
_NAME_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789_"
_TRIES = 10000


def gettempdir():
    global tempdir
    if tempdir is None:
        for name in ("TMPDIR", "TEMP", "TMP"):
            value = _os.environ.get(name)
            if value and _os.path.isdir(value):
                tempdir = _os.path.abspath(value)
                break
        else:
            tempdir = "/tmp"
    return tempdir


def gettempprefix():
    return template


def _random_name():
    data = _os.urandom(8)
    return "".join(_NAME_CHARS[b % len(_NAME_CHARS)] for b in data)


def _candidates(suffix, prefix, dir):
    if suffix is None:
        suffix = ""
    if prefix is None:
        prefix = template
    if dir is None:
        dir = gettempdir()
    dir = _os.fspath(dir)
    for _ in range(_TRIES):
        yield _os.path.join(dir, prefix + _random_name() + suffix)
    raise FileExistsError("No usable temporary file name found")


def mkdtemp(suffix=None, prefix=None, dir=None):
    for name in _candidates(suffix, prefix, dir):
        try:
            _os.mkdir(name, 0o700)
        except FileExistsError:
            continue
        return _os.path.abspath(name)


def _create_file(suffix, prefix, dir):
    for name in _candidates(suffix, prefix, dir):
        if _os.path.exists(name):
            continue
        open(name, "w").close()
        _os.chmod(name, 0o600)
        return _os.path.abspath(name)


def mkstemp(suffix=None, prefix=None, dir=None, text=False):
    """Returns (fd, path); ormsh has no raw file descriptors, so fd is None."""
    return None, _create_file(suffix, prefix, dir)


def mktemp(suffix="", prefix=template, dir=None):
    for name in _candidates(suffix, prefix, dir):
        if not _os.path.exists(name):
            return name


class _TemporaryFileWrapper:
    def __init__(self, file, name, delete=True):
        self.file = file
        self.name = name
        self.delete = delete

    def __getattr__(self, name):
        return getattr(self.__dict__["file"], name)

    def __iter__(self):
        return iter(self.file)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        self.close()
        return False

    def close(self):
        if not self.file.closed:
            self.file.close()
        if self.delete and _os.path.exists(self.name):
            _os.unlink(self.name)


def NamedTemporaryFile(mode="w+b", buffering=-1, encoding=None, newline=None, suffix=None,
                       prefix=None, dir=None, delete=True, *, errors=None):
    name = _create_file(suffix, prefix, dir)
    if "w" in mode:
        mode = "r+b" if "b" in mode else "r+"
    file = open(name, mode)
    return _TemporaryFileWrapper(file, name, delete)


def TemporaryFile(mode="w+b", buffering=-1, encoding=None, newline=None, suffix=None,
                  prefix=None, dir=None, *, errors=None):
    return NamedTemporaryFile(mode, buffering, encoding, newline, suffix, prefix, dir, True)


class TemporaryDirectory:
    def __init__(self, suffix=None, prefix=None, dir=None, ignore_cleanup_errors=False):
        self.name = mkdtemp(suffix, prefix, dir)
        self._ignore_cleanup_errors = ignore_cleanup_errors

    def __repr__(self):
        return "<%s %r>" % (self.__class__.__name__, self.name)

    def __enter__(self):
        return self.name

    def __exit__(self, exc_type, exc, tb):
        self.cleanup()
        return False

    def cleanup(self):
        import shutil
        if _os.path.exists(self.name):
            shutil.rmtree(self.name, ignore_errors=self._ignore_cleanup_errors)
