// Text files for open(): read, write, readline(s), iteration and the context-manager protocol,
// on stdio FILE handles. sys.stdout/sys.stderr are file objects writing to the output sink.
#include "repl/lang/interpreter.h"
#include "repl/lang/iterators.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace ormsh::lang {

std::string fspath_text(Interpreter& in, const Value& path); // os_module.cpp

struct FileObj : Object {
    FILE* fp = nullptr;
    std::string name;
    std::string mode;
    int sink = 0; // 1 stdout sink, 2 stderr sink
    bool closed = false;
    bool binary = false; // mode has 'b': reads give bytes, writes take bytes
    FileObj() : Object(Types::file) {}
    ~FileObj() override {
        if (fp) std::fclose(fp);
    }
};

namespace {

FileObj* F(Interpreter& in, const Value& v) {
    FileObj* f = static_cast<FileObj*>(v.obj());
    if (f->closed) in.raise("ValueError", "I/O operation on closed file.");
    return f;
}

bool read_line(FileObj* f, std::string& out) {
    out.clear();
    int c;
    while ((c = std::fgetc(f->fp)) != EOF) {
        out += static_cast<char>(c);
        if (c == '\n') break;
    }
    return !out.empty();
}

// A line or a block read from f: bytes in binary mode, str otherwise.
Value read_result(const FileObj* f, std::string data) {
    if (f->binary) return Value::steal(new Bytes(std::move(data)));
    return new_str(std::move(data));
}

bool readable(const FileObj* f) {
    return !f->sink &&
           (f->mode.find('r') != std::string::npos || f->mode.find('+') != std::string::npos);
}
bool writable(const FileObj* f) {
    return f->sink || f->mode.find('r') == std::string::npos ||
           f->mode.find('+') != std::string::npos;
}
FileObj* readable_file(Interpreter& in, const Value& self) {
    FileObj* f = F(in, self);
    if (!readable(f)) in.raise("io.UnsupportedOperation", "not readable");
    return f;
}

Value f_write(Interpreter& in, const Value& self, Args& a) {
    FileObj* f = F(in, self);
    if (f->binary) {
        if (a.size() != 1 || !has_layout(a[0], Layout::Bytes))
            in.raise("TypeError", "a bytes-like object is required, not '" +
                                      (a.size() ? in.type_name(a[0]) : std::string("nothing")) +
                                      "'");
        if (!writable(f)) in.raise("io.UnsupportedOperation", "write");
        const std::string& b = a[0].as<Bytes>()->s;
        std::fwrite(b.data(), 1, b.size(), f->fp);
        return Value::integer(static_cast<int64_t>(b.size()));
    }
    if (a.size() != 1 || !is_str(a[0]))
        in.raise("TypeError", "write() argument must be str, not " +
                                  (a.size() ? in.type_name(a[0]) : std::string("nothing")));
    const StrText& s = as_str(a[0])->s;
    if (!writable(f)) in.raise("io.UnsupportedOperation", "not writable");
    if (f->sink == 1)
        in.write_out(s);
    else if (f->sink == 2)
        in.write_err(s);
    else {
        std::fwrite(s.data(), 1, s.size(), f->fp);
    }
    return Value::integer(as_str(a[0])->length());
}
// Reads `count` characters (UTF-8 code points), or everything when count is negative.
Value f_read(Interpreter& in, const Value& self, Args& a) {
    Value p[1];
    parse_args(in, "read", a, {"size"}, 0, p);
    FileObj* f = readable_file(in, self);
    int64_t count = p[0].empty() || p[0].is_none() ? -1 : in.index_value(p[0]);
    std::string out;
    if (count < 0) {
        char buf[65536];
        size_t n;
        while ((n = std::fread(buf, 1, sizeof buf, f->fp)) > 0)
            out.append(buf, n);
        return read_result(f, std::move(out));
    }
    if (f->binary) {
        out.resize(static_cast<size_t>(count));
        out.resize(std::fread(out.data(), 1, out.size(), f->fp));
        return read_result(f, std::move(out));
    }
    int c;
    for (int64_t chars = 0; chars < count && (c = std::fgetc(f->fp)) != EOF;) {
        out += static_cast<char>(c);
        int next = std::fgetc(f->fp);
        bool continuation = next != EOF && (next & 0xC0) == 0x80;
        if (next != EOF) std::ungetc(next, f->fp);
        if (!continuation) ++chars;
    }
    return new_str(std::move(out));
}
Value f_seek(Interpreter& in, const Value& self, Args& a) {
    Value p[2];
    parse_args(in, "seek", a, {"cookie", "whence"}, 1, p);
    FileObj* f = F(in, self);
    int whence = p[1].empty() ? SEEK_SET : static_cast<int>(in.index_value(p[1]));
    if (f->fp) std::fseek(f->fp, static_cast<long>(in.index_value(p[0])), whence);
    return Value::integer(f->fp ? std::ftell(f->fp) : 0);
}
Value f_tell(Interpreter& in, const Value& self, Args& a) {
    (void)a;
    FileObj* f = F(in, self);
    return Value::integer(f->fp ? std::ftell(f->fp) : 0);
}
Value f_readable(Interpreter& in, const Value& self, Args& a) {
    (void)a;
    return Value::boolean(readable(F(in, self)));
}
Value f_writable(Interpreter& in, const Value& self, Args& a) {
    (void)a;
    return Value::boolean(writable(F(in, self)));
}
Value f_readline(Interpreter& in, const Value& self, Args& a) {
    (void)a;
    FileObj* f = readable_file(in, self);
    std::string line;
    read_line(f, line);
    return read_result(f, std::move(line));
}
Value f_readlines(Interpreter& in, const Value& self, Args& a) {
    (void)a;
    FileObj* f = readable_file(in, self);
    std::vector<Value> out;
    std::string line;
    while (read_line(f, line))
        out.push_back(read_result(f, line));
    return new_list(std::move(out));
}
Value f_close(Interpreter& in, const Value& self, Args& a) {
    (void)in;
    (void)a;
    FileObj* f = static_cast<FileObj*>(self.obj());
    if (f->fp) std::fclose(f->fp);
    f->fp = nullptr;
    if (!f->sink) f->closed = true;
    return Value::none();
}
Value f_flush(Interpreter& in, const Value& self, Args& a) {
    (void)a;
    FileObj* f = F(in, self);
    if (f->fp) std::fflush(f->fp);
    if (f->sink) in.output().flush();
    return Value::none();
}
Value f_enter(Interpreter& in, const Value& self, Args& a) {
    (void)a;
    F(in, self);
    return self;
}
Value f_exit(Interpreter& in, const Value& self, Args& a) {
    f_close(in, self, a);
    return Value::boolean(false);
}
Value f_iter(Interpreter& in, const Value& self, Args& a) {
    (void)a;
    readable_file(in, self);
    return make_func_iter(Types::iterator, {self}, [](Interpreter& in, FuncIter& it, Value& out) {
        FileObj* f = F(in, it.refs[0]);
        std::string line;
        if (!read_line(f, line)) return false;
        out = read_result(f, std::move(line));
        return true;
    });
}
Value f_writelines(Interpreter& in, const Value& self, Args& a) {
    for (auto& s : in.to_vector(a[0])) {
        Value one[1] = {s};
        Args a1{std::span<const Value>(one, 1), {}};
        f_write(in, self, a1);
    }
    return Value::none();
}

Value b_open(Interpreter& in, const Value& self, Args& a) {
    (void)self;
    Value p[6];
    parse_args(in, "open", a, {"file", "mode", "buffering", "encoding", "errors", "newline"}, 1, p,
               true);
    std::string path = fspath_text(in, p[0]);
    std::string mode = p[1].empty() ? "r" : std::string(as_str(p[1])->s);
    std::string cmode;
    for (char c : mode)
        if (c != 't' && c != 'b') cmode += c;
    FILE* fp = std::fopen(path.c_str(), cmode.c_str());
    if (!fp) {
        int e = errno;
        std::string msg =
            "[Errno " + std::to_string(e) + "] " + std::strerror(e) + ": " + in.repr(new_str(path));
        const char* cls = e == ENOENT   ? "FileNotFoundError"
                          : e == EACCES ? "PermissionError"
                          : e == EISDIR ? "IsADirectoryError"
                                        : "OSError";
        Value exc =
            in.new_exception(builtin_type(cls), {Value::integer(e), new_str(std::strerror(e))});
        in.setattr(exc, intern("errno"), Value::integer(e));
        in.setattr(exc, intern("strerror"), new_str(std::strerror(e)));
        in.setattr(exc, intern("filename"), new_str(path));
        in.raise_value(exc);
    }
    Ref<FileObj> f(new FileObj());
    f->fp = fp;
    f->name = path;
    f->mode = mode;
    f->binary = mode.find('b') != std::string::npos;
    return f;
}

} // namespace

Value make_sink_file(int which) {
    Ref<FileObj> f(new FileObj());
    f->sink = which;
    f->name = which == 1 ? "<stdout>" : "<stderr>";
    f->mode = "w";
    return f;
}

void install_file_type(Interpreter& in, Module& b) {
    (void)in;
    static bool done = false;
    if (!done) {
        done = true;
        Type* t = Types::file;
        struct {
            const char* n;
            NativeFn f;
        } m[] = {{"write", f_write},           {"read", f_read},        {"readline", f_readline},
                 {"readlines", f_readlines},   {"close", f_close},      {"flush", f_flush},
                 {"__enter__", f_enter},       {"__exit__", f_exit},    {"__iter__", f_iter},
                 {"writelines", f_writelines}, {"seek", f_seek},        {"tell", f_tell},
                 {"readable", f_readable},     {"writable", f_writable}};
        for (auto& x : m)
            t->dict->set_str(intern(x.n), make_native_function(x.n, x.f, true));
        Ref<NativeProperty> np(new NativeProperty());
        np->name = "name";
        np->get = [](Interpreter&, const Value& v) {
            return new_str(static_cast<FileObj*>(v.obj())->name);
        };
        t->dict->set_str(intern("name"), np);
        Ref<NativeProperty> mp(new NativeProperty());
        mp->name = "mode";
        mp->get = [](Interpreter&, const Value& v) {
            return new_str(static_cast<FileObj*>(v.obj())->mode);
        };
        t->dict->set_str(intern("mode"), mp);
        Ref<NativeProperty> ep(new NativeProperty());
        ep->name = "encoding";
        ep->get = [](Interpreter&, const Value&) { return new_str("UTF-8"); };
        t->dict->set_str(intern("encoding"), ep);
        Ref<NativeProperty> cp(new NativeProperty());
        cp->name = "closed";
        cp->get = [](Interpreter&, const Value& v) {
            return Value::boolean(static_cast<FileObj*>(v.obj())->closed);
        };
        t->dict->set_str(intern("closed"), cp);
        type_modified();
    }
    b.dict->set_str(intern("open"), make_native_function("open", b_open, false));
}

} // namespace ormsh::lang
