// The `io` module: StringIO and BytesIO, in-memory streams seed scripts hand to csv.reader /
// csv.writer, print(file=...) and json.dump. Both keep one buffer and a position; writing past
// the end pads with NULs and writing inside overwrites, as CPython's do. A StringIO's positions
// count bytes of its UTF-8 text, which equals CPython's for ASCII (tell() is opaque for text).
#include "repl/api/stdlib/module_util.h"
#include "repl/api/stdlib/stdlib_modules.h"

#include <algorithm>

namespace ormsh::api::stdlib {

namespace {

struct MemoryStream : lang::Object {
    explicit MemoryStream(Type* t) : Object(t) {}
    std::string buffer;
    std::size_t position = 0;
    bool closed = false;
};

Type* string_io_type();
Type* bytes_io_type();

bool is_text(const Value& self) {
    return self.type()->is_subtype(string_io_type());
}

MemoryStream* open_stream(Interpreter& in, const Value& self) {
    auto* s = self.as<MemoryStream>();
    if (s->closed) in.raise("ValueError", "I/O operation on closed file");
    return s;
}

Value wrap(const Value& self, std::string s) {
    return is_text(self) ? lang::new_str(std::move(s)) : new_bytes(std::move(s));
}

// The str / bytes a stream of this kind accepts, with CPython's TypeError otherwise.
std::string_view content_arg(Interpreter& in, const Value& self, const Value& v, const char* what) {
    if (is_text(self)) {
        if (!lang::is_str(v))
            in.raise("TypeError",
                     std::string(what) + " argument expected, got '" + in.type_name(v) + "'");
        return lang::as_str(v)->s;
    }
    if (!lang::has_layout(v, lang::Layout::Bytes))
        in.raise("TypeError", "a bytes-like object is required, not '" + in.type_name(v) + "'");
    return v.as<lang::Bytes>()->s;
}

// A size argument: None or negative means "all".
std::size_t size_arg(Interpreter& in, const Value& v, std::size_t all) {
    if (v.empty() || v.is_none()) return all;
    std::int64_t n = in.index_value(v);
    return n < 0 ? all : std::min<std::size_t>(static_cast<std::size_t>(n), all);
}

Value stream_init(Interpreter& in, const Value& self, Args& args) {
    Value p[2];
    const char* name = is_text(self) ? "StringIO" : "BytesIO";
    lang::parse_args(in, name, args, {is_text(self) ? "initial_value" : "initial_bytes", "newline"},
                     0, p);
    auto* s = self.as<MemoryStream>();
    s->buffer.clear();
    s->position = 0;
    if (!p[0].empty() && !p[0].is_none()) {
        if (is_text(self) && !lang::is_str(p[0]))
            in.raise("TypeError", "initial_value must be str or None, not " + in.type_name(p[0]));
        s->buffer = content_arg(in, self, p[0], "initial_value");
    }
    return Value::none();
}

std::size_t write_at_position(MemoryStream* s, std::string_view data) {
    if (s->position > s->buffer.size()) s->buffer.resize(s->position, '\0');
    std::size_t overlap = std::min(data.size(), s->buffer.size() - s->position);
    s->buffer.replace(s->position, overlap, data);
    s->position += data.size();
    return data.size();
}

// The number of code points a StringIO.write() reports for UTF-8 text.
std::int64_t code_points(std::string_view s) {
    return std::count_if(s.begin(), s.end(),
                         [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
}

Value stream_write(Interpreter& in, const Value& self, Args& args) {
    Value p[1];
    lang::parse_args(in, "write", args, {"s"}, 1, p);
    MemoryStream* s = open_stream(in, self);
    std::string_view data = content_arg(in, self, p[0], "string");
    write_at_position(s, data);
    return Value::integer(is_text(self) ? code_points(data)
                                        : static_cast<std::int64_t>(data.size()));
}

Value stream_writelines(Interpreter& in, const Value& self, Args& args) {
    Value p[1];
    lang::parse_args(in, "writelines", args, {"lines"}, 1, p);
    MemoryStream* s = open_stream(in, self);
    for (const Value& line : in.to_vector(p[0]))
        write_at_position(s, content_arg(in, self, line, "string"));
    return Value::none();
}

Value stream_read(Interpreter& in, const Value& self, Args& args) {
    Value p[1];
    lang::parse_args(in, "read", args, {"size"}, 0, p);
    MemoryStream* s = open_stream(in, self);
    std::size_t available = s->position < s->buffer.size() ? s->buffer.size() - s->position : 0;
    std::size_t n = size_arg(in, p[0], available);
    std::string out = s->buffer.substr(std::min(s->position, s->buffer.size()), n);
    s->position += out.size();
    return wrap(self, std::move(out));
}

// The next line (with its '\n'), at most `limit` bytes; empty at the end.
std::string next_line(MemoryStream* s, std::size_t limit) {
    if (s->position >= s->buffer.size()) return {};
    std::size_t end = s->buffer.find('\n', s->position);
    end = end == std::string::npos ? s->buffer.size() : end + 1;
    if (end - s->position > limit) end = s->position + limit;
    std::string out = s->buffer.substr(s->position, end - s->position);
    s->position = end;
    return out;
}

Value stream_readline(Interpreter& in, const Value& self, Args& args) {
    Value p[1];
    lang::parse_args(in, "readline", args, {"size"}, 0, p);
    MemoryStream* s = open_stream(in, self);
    return wrap(self, next_line(s, size_arg(in, p[0], std::string::npos)));
}

Value stream_readlines(Interpreter& in, const Value& self, Args& args) {
    Value p[1];
    lang::parse_args(in, "readlines", args, {"hint"}, 0, p);
    MemoryStream* s = open_stream(in, self);
    std::vector<Value> lines;
    for (std::string line; !(line = next_line(s, std::string::npos)).empty();)
        lines.push_back(wrap(self, std::move(line)));
    return lang::new_list(std::move(lines));
}

Value stream_next(Interpreter& in, const Value& self, Args&) {
    std::string line = next_line(open_stream(in, self), std::string::npos);
    if (line.empty()) in.raise("StopIteration", "");
    return wrap(self, std::move(line));
}

Value stream_seek(Interpreter& in, const Value& self, Args& args) {
    Value p[2];
    lang::parse_args(in, "seek", args, {"pos", "whence"}, 1, p);
    MemoryStream* s = open_stream(in, self);
    std::int64_t pos = in.index_value(p[0]);
    std::int64_t whence = p[1].empty() ? 0 : in.index_value(p[1]);
    if (whence < 0 || whence > 2)
        in.raise("ValueError",
                 "invalid whence (" + std::to_string(whence) + ", should be 0, 1 or 2)");
    if (is_text(self) && whence != 0 && pos != 0)
        in.raise("OSError", whence == 1 ? "Can't do nonzero cur-relative seeks"
                                        : "Can't do nonzero end-relative seeks");
    std::int64_t base = whence == 0   ? 0
                        : whence == 1 ? static_cast<std::int64_t>(s->position)
                                      : static_cast<std::int64_t>(s->buffer.size());
    std::int64_t target = base + pos;
    if (whence == 0 && pos < 0)
        in.raise("ValueError",
                 (is_text(self) ? "Negative seek position " : "negative seek value ") +
                     std::to_string(pos));
    s->position = static_cast<std::size_t>(std::max<std::int64_t>(0, target));
    return Value::integer(static_cast<std::int64_t>(s->position));
}

Value stream_truncate(Interpreter& in, const Value& self, Args& args) {
    Value p[1];
    lang::parse_args(in, "truncate", args, {"size"}, 0, p);
    MemoryStream* s = open_stream(in, self);
    std::size_t size = s->position;
    if (!p[0].empty() && !p[0].is_none()) {
        std::int64_t n = in.index_value(p[0]);
        if (n < 0) in.raise("ValueError", "negative size value " + std::to_string(n));
        size = static_cast<std::size_t>(n);
    }
    if (size < s->buffer.size()) s->buffer.resize(size);
    return Value::integer(static_cast<std::int64_t>(size));
}

lang::Object* alloc_stream(Type* t) {
    return new MemoryStream(t);
}

Value true_value(Interpreter& in, const Value& self, Args&) {
    open_stream(in, self);
    return Value::boolean(true);
}

void add_stream_methods(lang::TypeBuilder& b) {
    b.layout(lang::Layout::Object, alloc_stream)
        .method("__init__", stream_init)
        .method("write", stream_write)
        .method("writelines", stream_writelines)
        .method("read", stream_read)
        .method("readline", stream_readline)
        .method("readlines", stream_readlines)
        .method("seek", stream_seek)
        .method("truncate", stream_truncate)
        .method("readable", true_value)
        .method("writable", true_value)
        .method("seekable", true_value)
        .method(
            "getvalue", +[](Interpreter& in, const Value& self,
                            Args&) { return wrap(self, open_stream(in, self)->buffer); })
        .method(
            "tell",
            +[](Interpreter& in, const Value& self, Args&) {
                return Value::integer(static_cast<std::int64_t>(open_stream(in, self)->position));
            })
        .method(
            "flush",
            +[](Interpreter& in, const Value& self, Args&) {
                open_stream(in, self);
                return Value::none();
            })
        .method(
            "close",
            +[](Interpreter&, const Value& self, Args&) {
                auto* s = self.as<MemoryStream>();
                s->closed = true;
                s->buffer.clear();
                s->buffer.shrink_to_fit();
                return Value::none();
            })
        .method(
            "__iter__",
            +[](Interpreter& in, const Value& self, Args&) {
                open_stream(in, self);
                return self;
            })
        .method("__next__", stream_next)
        .method(
            "__enter__",
            +[](Interpreter& in, const Value& self, Args&) {
                open_stream(in, self);
                return self;
            })
        .method(
            "__exit__",
            +[](Interpreter&, const Value& self, Args&) {
                self.as<MemoryStream>()->closed = true;
                return Value::none();
            })
        .property("closed", [](Interpreter&, const Value& self) {
            return Value::boolean(self.as<MemoryStream>()->closed);
        });
}

Type* string_io_type() {
    static Type* t = [] {
        lang::TypeBuilder b("StringIO", {}, "_io");
        add_stream_methods(b);
        return b.build();
    }();
    return t;
}

Type* bytes_io_type() {
    static Type* t = [] {
        lang::TypeBuilder b("BytesIO", {}, "_io");
        add_stream_methods(b);
        return b.build();
    }();
    return t;
}

} // namespace

void register_io_module(Interpreter& in) {
    in.register_builtin_module("io", [](Interpreter& in, lang::Module& m) {
        def_value(m, "StringIO", Value(string_io_type()));
        def_value(m, "BytesIO", Value(bytes_io_type()));
        def_value(m, "open", in.builtins()->dict->get_str(lang::intern("open")));
        def_value(m, "UnsupportedOperation", Value(lang::builtin_type("OSError")));
        def_value(m, "SEEK_SET", Value::integer(0));
        def_value(m, "SEEK_CUR", Value::integer(1));
        def_value(m, "SEEK_END", Value::integer(2));
    });
}

} // namespace ormsh::api::stdlib
