// The os and os.path modules: the system calls are native (stat, listdir, mkdir, rename, ...),
// and what CPython builds on top of them (walk, makedirs, scandir, stat_result, relpath,
// expandvars, ...) is Python run in the new module. Paths may be str or os.PathLike
// (pathlib.Path): every native function reads them through os.fspath.
#include "repl/lang/interpreter.h"

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fstream>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

extern char** environ;

namespace ormsh::lang {

namespace {

void fn(Module& m, const char* name, NativeFn f) {
    m.dict->set_str(intern(name), make_native_function(name, f, false));
}

// os.fspath: str and bytes as they are, else the object's __fspath__().
Value fspath_value(Interpreter& in, const Value& v) {
    if (is_str(v) || has_layout(v, Layout::Bytes)) return v;
    if (v.is_obj() && !v.type()->lookup("__fspath__").empty()) {
        Value r = in.call_method(v, "__fspath__", {});
        if (is_str(r) || has_layout(r, Layout::Bytes)) return r;
        in.raise("TypeError", "expected " + in.type_name(v) +
                                  ".__fspath__() to return str or bytes, not " + in.type_name(r));
    }
    in.raise("TypeError", "expected str, bytes or os.PathLike object, not " + in.type_name(v));
}

std::string S(Interpreter& in, const Value& v) {
    Value p = fspath_value(in, v);
    return is_str(p) ? as_str(p)->s : p.as<Bytes>()->s;
}

// OSError subclass for errno `err`, with CPython's args, errno, strerror and filename(s).
[[noreturn]] void raise_os_error(Interpreter& in, int err, const Value& file,
                                 const Value& file2 = Value()) {
    const char* cls = err == ENOENT      ? "FileNotFoundError"
                      : err == EEXIST    ? "FileExistsError"
                      : err == EACCES    ? "PermissionError"
                      : err == EPERM     ? "PermissionError"
                      : err == EISDIR    ? "IsADirectoryError"
                      : err == ENOTDIR   ? "NotADirectoryError"
                      : err == ENOTEMPTY ? "OSError"
                                         : "OSError";
    Value exc =
        in.new_exception(builtin_type(cls), {Value::integer(err), new_str(std::strerror(err))});
    in.setattr(exc, intern("errno"), Value::integer(err));
    in.setattr(exc, intern("strerror"), new_str(std::strerror(err)));
    in.setattr(exc, intern("filename"), file.empty() ? Value::none() : fspath_value(in, file));
    in.setattr(exc, intern("filename2"), file2.empty() ? Value::none() : fspath_value(in, file2));
    in.raise_value(exc);
}

Value os_fspath(Interpreter& in, const Value&, Args& a) {
    Value p[1];
    parse_args(in, "fspath", a, {"path"}, 1, p);
    return fspath_value(in, p[0]);
}
Value os_getcwd(Interpreter& in, const Value&, Args&) {
    char buf[PATH_MAX];
    if (!::getcwd(buf, sizeof buf)) raise_os_error(in, errno, Value());
    return new_str(buf);
}
Value os_chdir(Interpreter& in, const Value&, Args& a) {
    Value p[1];
    parse_args(in, "chdir", a, {"path"}, 1, p);
    if (::chdir(S(in, p[0]).c_str()) != 0) raise_os_error(in, errno, p[0]);
    return Value::none();
}
Value os_remove(Interpreter& in, const Value&, Args& a) {
    Value p[1];
    parse_args(in, "remove", a, {"path"}, 1, p);
    if (::unlink(S(in, p[0]).c_str()) != 0) raise_os_error(in, errno, p[0]);
    return Value::none();
}
Value os_rmdir(Interpreter& in, const Value&, Args& a) {
    Value p[1];
    parse_args(in, "rmdir", a, {"path"}, 1, p);
    if (::rmdir(S(in, p[0]).c_str()) != 0) raise_os_error(in, errno, p[0]);
    return Value::none();
}
Value os_mkdir(Interpreter& in, const Value&, Args& a) {
    Value p[2];
    parse_args(in, "mkdir", a, {"path", "mode"}, 1, p);
    mode_t mode = p[1].empty() ? 0777 : static_cast<mode_t>(in.index_value(p[1]));
    if (::mkdir(S(in, p[0]).c_str(), mode) != 0) raise_os_error(in, errno, p[0]);
    return Value::none();
}
// rename and replace are the same call on POSIX (both overwrite a file target).
Value os_rename(Interpreter& in, const Value&, Args& a) {
    Value p[2];
    parse_args(in, "rename", a, {"src", "dst"}, 2, p);
    if (::rename(S(in, p[0]).c_str(), S(in, p[1]).c_str()) != 0)
        raise_os_error(in, errno, p[0], p[1]);
    return Value::none();
}
Value os_listdir(Interpreter& in, const Value&, Args& a) {
    Value p[1];
    parse_args(in, "listdir", a, {"path"}, 0, p);
    Value path = p[0].empty() || p[0].is_none() ? new_str(".") : p[0];
    DIR* dir = ::opendir(S(in, path).c_str());
    if (!dir) raise_os_error(in, errno, path);
    std::vector<Value> names;
    while (dirent* e = ::readdir(dir)) {
        std::string name = e->d_name;
        if (name != "." && name != "..") names.push_back(new_str(name));
    }
    ::closedir(dir);
    return new_list(std::move(names));
}
Value timestamp(const timespec& ts) {
    return Value::flt(static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9);
}
// The raw fields os.stat_result is built from (the Python part below): ten ints, then the
// three times as floats.
Value stat_fields(Interpreter& in, const Value& path, bool follow) {
    struct stat st;
    std::string p = S(in, path);
    if ((follow ? ::stat(p.c_str(), &st) : ::lstat(p.c_str(), &st)) != 0)
        raise_os_error(in, errno, path);
    return new_tuple({Value::integer(st.st_mode), Value::integer(static_cast<int64_t>(st.st_ino)),
                      Value::integer(static_cast<int64_t>(st.st_dev)),
                      Value::integer(static_cast<int64_t>(st.st_nlink)), Value::integer(st.st_uid),
                      Value::integer(st.st_gid), Value::integer(st.st_size),
                      Value::integer(st.st_atim.tv_sec), Value::integer(st.st_mtim.tv_sec),
                      Value::integer(st.st_ctim.tv_sec), timestamp(st.st_atim),
                      timestamp(st.st_mtim), timestamp(st.st_ctim)});
}
Value os_stat_fields(Interpreter& in, const Value&, Args& a) {
    Value p[2];
    parse_args(in, "stat", a, {"path", "follow_symlinks"}, 1, p);
    return stat_fields(in, p[0], p[1].empty() || in.truthy(p[1]));
}
Value os_lstat_fields(Interpreter& in, const Value&, Args& a) {
    Value p[1];
    parse_args(in, "lstat", a, {"path"}, 1, p);
    return stat_fields(in, p[0], false);
}
Value os_access(Interpreter& in, const Value&, Args& a) {
    Value p[2];
    parse_args(in, "access", a, {"path", "mode"}, 2, p);
    return Value::boolean(::access(S(in, p[0]).c_str(), static_cast<int>(in.index_value(p[1]))) ==
                          0);
}
Value os_chmod(Interpreter& in, const Value&, Args& a) {
    Value p[2];
    parse_args(in, "chmod", a, {"path", "mode"}, 2, p);
    if (::chmod(S(in, p[0]).c_str(), static_cast<mode_t>(in.index_value(p[1]))) != 0)
        raise_os_error(in, errno, p[0]);
    return Value::none();
}
Value os_cpu_count(Interpreter&, const Value&, Args&) {
    unsigned n = std::thread::hardware_concurrency();
    return n ? Value::integer(n) : Value::none();
}
Value os_getpid(Interpreter&, const Value&, Args&) {
    return Value::integer(::getpid());
}
Value os_urandom(Interpreter& in, const Value&, Args& a) {
    int64_t n = in.index_value(a[0]);
    if (n < 0) in.raise("ValueError", "negative argument not allowed");
    std::string s;
    std::ifstream f("/dev/urandom", std::ios::binary);
    s.resize(static_cast<size_t>(n));
    f.read(s.data(), n);
    return Value::steal(new Bytes(std::move(s)));
}
// (columns, lines) of the terminal on fd, or OSError when it is not a terminal.
Value os_terminal_size_fields(Interpreter& in, const Value&, Args& a) {
    int fd = a.size() ? static_cast<int>(in.index_value(a[0])) : STDOUT_FILENO;
    winsize ws{};
    if (::ioctl(fd, TIOCGWINSZ, &ws) != 0) raise_os_error(in, errno, Value());
    return new_tuple({Value::integer(ws.ws_col), Value::integer(ws.ws_row)});
}

// ---- os.path ----
Value path_exists(Interpreter& in, const Value&, Args& a) {
    struct stat st;
    if (!is_str(a[0]) && !(a[0].is_obj() && !a[0].type()->lookup("__fspath__").empty()))
        return Value::boolean(false);
    return Value::boolean(::stat(S(in, a[0]).c_str(), &st) == 0);
}
Value path_isfile(Interpreter& in, const Value&, Args& a) {
    struct stat st;
    return Value::boolean(::stat(S(in, a[0]).c_str(), &st) == 0 && S_ISREG(st.st_mode));
}
Value path_isdir(Interpreter& in, const Value&, Args& a) {
    struct stat st;
    return Value::boolean(::stat(S(in, a[0]).c_str(), &st) == 0 && S_ISDIR(st.st_mode));
}
Value path_islink(Interpreter& in, const Value&, Args& a) {
    struct stat st;
    return Value::boolean(::lstat(S(in, a[0]).c_str(), &st) == 0 && S_ISLNK(st.st_mode));
}
Value path_join(Interpreter& in, const Value&, Args& a) {
    if (a.size() == 0) in.raise("TypeError", "join() missing 1 required positional argument: 'a'");
    std::string out;
    for (size_t i = 0; i < a.size(); ++i) {
        std::string p = S(in, a[i]);
        if (!p.empty() && p[0] == '/')
            out = p;
        else if (out.empty() || out.back() == '/')
            out += p;
        else
            out += "/" + p;
    }
    return new_str(out);
}
Value path_dirname(Interpreter& in, const Value&, Args& a) {
    std::string p = S(in, a[0]);
    size_t i = p.rfind('/');
    if (i == std::string::npos) return new_str("");
    std::string head = p.substr(0, i + 1);
    if (head.find_first_not_of('/') != std::string::npos)
        while (!head.empty() && head.back() == '/')
            head.pop_back();
    return new_str(head);
}
Value path_basename(Interpreter& in, const Value&, Args& a) {
    std::string p = S(in, a[0]);
    size_t i = p.rfind('/');
    return new_str(i == std::string::npos ? p : p.substr(i + 1));
}
std::string normpath(const std::string& p) {
    if (p.empty()) return ".";
    // POSIX keeps exactly two leading slashes; one or three and more become one.
    size_t lead = p.find_first_not_of('/');
    std::string root = lead == 0 ? "" : (lead == 2 ? "//" : "/");
    std::vector<std::string> parts;
    size_t i = 0;
    while (i <= p.size()) {
        size_t j = p.find('/', i);
        if (j == std::string::npos) j = p.size();
        std::string item = p.substr(i, j - i);
        i = j + 1;
        if (item.empty() || item == ".") continue;
        if (item == "..") {
            if (!parts.empty() && parts.back() != "..")
                parts.pop_back();
            else if (root.empty())
                parts.push_back(item);
            continue;
        }
        parts.push_back(item);
    }
    std::string out = root;
    for (size_t k = 0; k < parts.size(); ++k)
        out += (k ? "/" : "") + parts[k];
    return out.empty() ? "." : out;
}
std::string cwd() {
    char buf[PATH_MAX];
    return ::getcwd(buf, sizeof buf) ? buf : "";
}
Value path_abspath(Interpreter& in, const Value&, Args& a) {
    std::string p = S(in, a[0]);
    if (p.empty() || p[0] != '/') p = cwd() + "/" + p;
    return new_str(normpath(p));
}
Value path_normpath(Interpreter& in, const Value&, Args& a) {
    return new_str(normpath(S(in, a[0])));
}
// realpath: resolves symbolic links in the part that exists, keeps the rest as written.
Value path_realpath(Interpreter& in, const Value&, Args& a) {
    std::string p = S(in, a[0]);
    if (p.empty() || p[0] != '/') p = cwd() + "/" + p;
    p = normpath(p);
    std::string rest;
    for (;;) {
        char buf[PATH_MAX];
        if (::realpath(p.c_str(), buf)) {
            std::string out = buf;
            if (!rest.empty()) out = normpath(out + "/" + rest);
            return new_str(out);
        }
        size_t slash = p.rfind('/');
        if (slash == std::string::npos || p == "/") return new_str(normpath(p + "/" + rest));
        rest = p.substr(slash + 1) + (rest.empty() ? "" : "/" + rest);
        p = slash == 0 ? "/" : p.substr(0, slash);
    }
}
Value path_splitext(Interpreter& in, const Value&, Args& a) {
    std::string p = S(in, a[0]);
    size_t slash = p.rfind('/');
    size_t dot = p.rfind('.');
    size_t base = slash == std::string::npos ? 0 : slash + 1;
    if (dot == std::string::npos || dot < base || p.find_first_not_of('.', base) > dot)
        return new_tuple({new_str(p), new_str("")});
    return new_tuple({new_str(p.substr(0, dot)), new_str(p.substr(dot))});
}
Value path_split(Interpreter& in, const Value& s, Args& a) {
    return new_tuple({path_dirname(in, s, a), path_basename(in, s, a)});
}
Value path_expanduser(Interpreter& in, const Value&, Args& a) {
    std::string p = S(in, a[0]);
    if (!p.empty() && p[0] == '~' && (p.size() == 1 || p[1] == '/')) {
        const char* h = std::getenv("HOME");
        if (h) {
            std::string home = h;
            if (home.size() > 1 && home.back() == '/') home.pop_back();
            p = home + p.substr(1);
            if (p.empty()) p = "/";
        }
    }
    return new_str(p);
}
Value path_isabs(Interpreter& in, const Value&, Args& a) {
    std::string p = S(in, a[0]);
    return Value::boolean(!p.empty() && p[0] == '/');
}

// What CPython writes in Python on top of the system calls.
constexpr const char* kOsPathPython = R"py(
def _stat_time(path, index):
    import os
    return os.stat(path)[index]

def getsize(filename):
    import os
    return os.stat(filename).st_size

def getmtime(filename):
    import os
    return os.stat(filename).st_mtime

def getatime(filename):
    import os
    return os.stat(filename).st_atime

def getctime(filename):
    import os
    return os.stat(filename).st_ctime

def relpath(path, start=None):
    import os
    path = os.fspath(path)
    if not path:
        raise ValueError("no path specified")
    start = "." if start is None else os.fspath(start)
    start_parts = [x for x in abspath(start).split("/") if x]
    path_parts = [x for x in abspath(path).split("/") if x]
    common = 0
    for a, b in zip(start_parts, path_parts):
        if a != b:
            break
        common += 1
    parts = [".."] * (len(start_parts) - common) + path_parts[common:]
    if not parts:
        return "."
    return "/".join(parts)

def commonprefix(m):
    if not m:
        return ""
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1

def commonpath(paths):
    import os
    paths = [os.fspath(p) for p in paths]
    if not paths:
        raise ValueError("commonpath() arg is an empty sequence")
    absolute = {p.startswith("/") for p in paths}
    if len(absolute) != 1:
        raise ValueError("Can't mix absolute and relative paths")
    split = [[c for c in p.split("/") if c and c != "."] for p in paths]
    first = min(split)
    last = max(split)
    common = first
    for i, c in enumerate(first):
        if c != last[i]:
            common = first[:i]
            break
    prefix = "/" if paths[0].startswith("/") else ""
    return prefix + "/".join(common)

def expandvars(path):
    import os
    path = os.fspath(path)
    if "$" not in path:
        return path
    out = []
    i = 0
    n = len(path)
    while i < n:
        c = path[i]
        if c != "$":
            out.append(c)
            i += 1
            continue
        if i + 1 < n and path[i + 1] == "{":
            end = path.find("}", i + 2)
            if end < 0:
                out.append(path[i:])
                break
            name = path[i + 2:end]
            token = path[i:end + 1]
            i = end + 1
        else:
            j = i + 1
            while j < n and (path[j].isalnum() or path[j] == "_"):
                j += 1
            name = path[i + 1:j]
            token = path[i:j]
            i = j
            if not name:
                out.append(token)
                continue
        out.append(os.environ.get(name, token))
    return "".join(out)

def samefile(f1, f2):
    import os
    s1 = os.stat(f1)
    s2 = os.stat(f2)
    return s1.st_ino == s2.st_ino and s1.st_dev == s2.st_dev
)py";

constexpr const char* kOsPython = R"py(
class PathLike:
    """Base of classes whose instances stand for a path (pathlib.PurePath)."""

    def __fspath__(self):
        raise NotImplementedError


class stat_result(tuple):
    _fields = ("st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size",
               "st_atime", "st_mtime", "st_ctime")

    def __new__(cls, fields):
        self = tuple.__new__(cls, fields[:10])
        self._times = fields[10:]
        return self

    st_mode = property(lambda self: self[0])
    st_ino = property(lambda self: self[1])
    st_dev = property(lambda self: self[2])
    st_nlink = property(lambda self: self[3])
    st_uid = property(lambda self: self[4])
    st_gid = property(lambda self: self[5])
    st_size = property(lambda self: self[6])
    st_atime = property(lambda self: self._times[0])
    st_mtime = property(lambda self: self._times[1])
    st_ctime = property(lambda self: self._times[2])

    def __repr__(self):
        body = ", ".join("%s=%r" % (n, v) for n, v in zip(self._fields, self))
        return "os.stat_result(" + body + ")"


def stat(path, *, follow_symlinks=True):
    return stat_result(_stat_fields(path, follow_symlinks))


def lstat(path):
    return stat_result(_lstat_fields(path))


class terminal_size(tuple):
    columns = property(lambda self: self[0])
    lines = property(lambda self: self[1])

    def __repr__(self):
        return "os.terminal_size(columns=%d, lines=%d)" % self


def get_terminal_size(fd=1):
    return terminal_size(_terminal_size_fields(fd))


def getenv(key, default=None):
    return environ.get(key, default)


def makedirs(name, mode=0o777, exist_ok=False):
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


class DirEntry:
    def __init__(self, directory, name):
        self.name = name
        self.path = path.join(directory, name)

    def is_dir(self, *, follow_symlinks=True):
        return path.isdir(self.path)

    def is_file(self, *, follow_symlinks=True):
        return path.isfile(self.path)

    def is_symlink(self):
        return path.islink(self.path)

    def stat(self, *, follow_symlinks=True):
        return stat(self.path)

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return "<DirEntry %r>" % self.name


class _ScandirIterator:
    def __init__(self, entries):
        self._it = iter(entries)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._it)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def close(self):
        pass


def scandir(path="."):
    directory = fspath(path)
    return _ScandirIterator([DirEntry(directory, n) for n in listdir(directory)])


def walk(top, topdown=True, onerror=None, followlinks=False):
    top = fspath(top)
    try:
        names = listdir(top)
    except OSError as err:
        if onerror is not None:
            onerror(err)
        return
    dirs = []
    files = []
    for name in names:
        if path.isdir(path.join(top, name)):
            dirs.append(name)
        else:
            files.append(name)
    if topdown:
        yield top, dirs, files
    for name in dirs:
        child = path.join(top, name)
        if followlinks or not path.islink(child):
            yield from walk(child, topdown, onerror, followlinks)
    if not topdown:
        yield top, dirs, files
)py";

void make_os_path(Interpreter& in, Module& m) {
    fn(m, "exists", path_exists);
    fn(m, "isfile", path_isfile);
    fn(m, "isdir", path_isdir);
    fn(m, "islink", path_islink);
    fn(m, "join", path_join);
    fn(m, "dirname", path_dirname);
    fn(m, "basename", path_basename);
    fn(m, "abspath", path_abspath);
    fn(m, "normpath", path_normpath);
    fn(m, "realpath", path_realpath);
    fn(m, "splitext", path_splitext);
    fn(m, "split", path_split);
    fn(m, "expanduser", path_expanduser);
    fn(m, "isabs", path_isabs);
    m.dict->set_str(intern("sep"), new_str("/"));
    m.dict->set_str(intern("curdir"), new_str("."));
    m.dict->set_str(intern("pardir"), new_str(".."));
    in.exec_in_module(kOsPathPython, "<ormsh os.path>", m);
}

void make_os(Interpreter& in, Module& m) {
    Ref<Dict> env = make<Dict>();
    for (char** e = environ; e && *e; ++e) {
        std::string kv = *e;
        size_t eq = kv.find('=');
        if (eq == std::string::npos) continue;
        env->set(in, new_str(kv.substr(0, eq)), new_str(kv.substr(eq + 1)));
    }
    m.dict->set_str(intern("environ"), env);
    fn(m, "fspath", os_fspath);
    fn(m, "getcwd", os_getcwd);
    fn(m, "chdir", os_chdir);
    fn(m, "remove", os_remove);
    fn(m, "unlink", os_remove);
    fn(m, "rmdir", os_rmdir);
    fn(m, "mkdir", os_mkdir);
    fn(m, "rename", os_rename);
    fn(m, "replace", os_rename);
    fn(m, "listdir", os_listdir);
    fn(m, "access", os_access);
    fn(m, "chmod", os_chmod);
    fn(m, "cpu_count", os_cpu_count);
    fn(m, "getpid", os_getpid);
    fn(m, "urandom", os_urandom);
    fn(m, "_stat_fields", os_stat_fields);
    fn(m, "_lstat_fields", os_lstat_fields);
    fn(m, "_terminal_size_fields", os_terminal_size_fields);
    struct {
        const char* name;
        int value;
    } constants[] = {{"F_OK", F_OK}, {"R_OK", R_OK}, {"W_OK", W_OK}, {"X_OK", X_OK}};
    for (auto& c : constants)
        m.dict->set_str(intern(c.name), Value::integer(c.value));
    m.dict->set_str(intern("sep"), new_str("/"));
    m.dict->set_str(intern("altsep"), Value::none());
    m.dict->set_str(intern("extsep"), new_str("."));
    m.dict->set_str(intern("pathsep"), new_str(":"));
    m.dict->set_str(intern("curdir"), new_str("."));
    m.dict->set_str(intern("pardir"), new_str(".."));
    m.dict->set_str(intern("devnull"), new_str("/dev/null"));
    m.dict->set_str(intern("linesep"), new_str("\n"));
    m.dict->set_str(intern("name"), new_str("posix"));
    m.dict->set_str(intern("path"), Value(in.import_module("os.path")));
    in.exec_in_module(kOsPython, "<ormsh os>", m);
}

} // namespace

std::string fspath_text(Interpreter& in, const Value& path) {
    return S(in, path);
}

void register_os_modules(Interpreter& in) {
    in.register_builtin_module("os", make_os);
    in.register_builtin_module("os.path", make_os_path);
}

} // namespace ormsh::lang
