// Methods of the builtin types (object, str, list, tuple, dict, set, int, float, bytes,
// exceptions, property, iterators), installed into their type dicts as native functions.
#include "repl/lang/generator.h"
#include "repl/lang/interpreter.h"
#include "repl/lang/iterators.h"
#include "repl/lang/numbers.h"
#include "repl/lang/text/errors.h"
#include "repl/lang/text/float_repr.h"
#include "repl/lang/text/int_text.h"
#include "repl/lang/text/str_methods.h"
#include "repl/lang/text/str_repr.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace ormsh::lang {

std::string str_format(Interpreter& in, std::string_view fmt, Args& args, int depth);
void sort_values(Interpreter& in, std::vector<Value>& items, const Value& key,
                 bool reverse); // builtins.cpp

namespace {

#define M(fn) Value fn(Interpreter& in, const Value& self, Args& a)

void def(Type* t, const char* name, NativeFn fn) {
    Value f = make_native_function(name, fn, true);
    f.as<NativeFunction>()->owner = t->name;
    t->dict->set_str(intern(name), f);
}

void nargs(Interpreter& in, const char* name, Args& a, size_t lo, size_t hi) {
    if (!a.kw.empty()) in.raise("TypeError", std::string(name) + "() takes no keyword arguments");
    if (a.size() < lo || a.size() > hi) {
        if (lo == hi)
            in.raise("TypeError",
                     std::string(name) + "() takes exactly " +
                         (lo == 1 ? "one argument" : std::to_string(lo) + " arguments") + " (" +
                         std::to_string(a.size()) + " given)");
        if (a.size() < lo)
            in.raise("TypeError", std::string(name) + " expected at least " + std::to_string(lo) +
                                      " argument" + (lo == 1 ? "" : "s") + ", got " +
                                      std::to_string(a.size()));
        in.raise("TypeError", std::string(name) + " expected at most " + std::to_string(hi) +
                                  " argument" + (hi == 1 ? "" : "s") + ", got " +
                                  std::to_string(a.size()));
    }
}

const StrText& sv(Interpreter& in, const Value& v, const char* what = "argument") {
    if (!is_str(v))
        in.raise("TypeError", std::string(what) + " must be str, not " + in.type_name(v));
    return as_str(v)->s;
}

text::OptIndex opt_idx(Interpreter& in, Args& a, size_t i) {
    if (a.size() <= i || a[i].is_none()) return std::nullopt;
    return in.index_value(a[i]);
}

// The pieces of `whole` as a list of str.
Value strs(const Str* whole, const std::vector<std::string_view>& parts) {
    std::vector<Value> out;
    out.reserve(parts.size());
    for (auto p : parts)
        out.push_back(new_substr(whole, p));
    return new_list(std::move(out));
}

// ---- object ----
M(object_init) {
    (void)in;
    (void)self;
    (void)a;
    return Value::none();
}
M(object_repr) {
    (void)a;
    Type* t = self.type();
    Value q = t->dict->get_str(intern("__qualname__"));
    char buf[32];
    std::snprintf(buf, sizeof buf, "0x%012lx", static_cast<unsigned long>(self.identity()));
    std::string mod = t->module == "builtins" ? "" : t->module + ".";
    (void)in;
    return new_str("<" + mod + (is_str(q) ? as_str(q)->s : t->name) + " object at " + buf + ">");
}
M(object_str) {
    (void)a;
    return new_str(in.repr(self));
}
M(object_eq) {
    return a[0].is(self) ? Value::boolean(true) : Value(Singletons::not_implemented);
    (void)in;
}
M(object_ne) {
    Value r = in.compare(CmpKind::Eq, self, a[0]);
    return Value::boolean(!in.truthy(r));
}
M(object_hash) {
    (void)a;
    (void)in;
    return Value::integer(static_cast<int64_t>(self.identity() >> 4));
}
M(object_format) {
    std::string_view spec = sv(in, a[0], "format_spec");
    if (!spec.empty())
        in.raise("TypeError",
                 "unsupported format string passed to " + in.type_name(self) + ".__format__");
    return new_str(in.str(self));
}
M(object_setattr) {
    nargs(in, "__setattr__", a, 2, 2);
    in.generic_setattr(self, intern(sv(in, a[0], "attribute name")), a[1]);
    return Value::none();
}
M(object_getattribute) {
    nargs(in, "__getattribute__", a, 1, 1);
    return in.generic_getattr(self, intern(sv(in, a[0], "attribute name")), true);
}
M(object_delattr) {
    nargs(in, "__delattr__", a, 1, 1);
    Str* n = intern(sv(in, a[0]));
    if (!self.obj_or_null() || !self.obj()->attrs ||
        !static_cast<Dict*>(self.obj()->attrs)->remove_str(n))
        in.raise("AttributeError",
                 "'" + in.type_name(self) + "' object has no attribute '" + n->s + "'");
    return Value::none();
}
M(object_init_subclass) {
    (void)in;
    (void)self;
    (void)a;
    return Value::none();
}
// object.__new__(cls): a new, uninitialised instance of cls (for user __new__ methods and
// cls.__new__(cls) factories); builtin bases build their empty value.
M(object_new) {
    (void)self;
    if (a.size() < 1 || !has_layout(a[0], Layout::Type))
        in.raise("TypeError", "object.__new__(X): X is not a type object");
    Type* cls = a[0].as<Type>();
    // tuple.__new__(cls, items), str.__new__(cls, text), ...: the builtin's constructor gets
    // the arguments after cls.
    for (Type* t : cls->mro)
        if (t->ctor) {
            Args rest{a.pos.subspan(1), a.kw};
            return t->ctor(in, cls, rest);
        }
    for (Type* t : cls->mro)
        if (t->alloc) return Value::steal(t->alloc(cls));
    Object* o = new Object(cls);
    o->track();
    return Value::steal(o);
}
M(object_dir) {
    (void)a;
    Ref<List> out = make<List>();
    std::vector<std::string> names;
    if (self.obj_or_null() && self.obj()->attrs)
        for (auto& e : static_cast<Dict*>(self.obj()->attrs)->entries)
            if (is_str(e.key)) names.push_back(as_str(e.key)->s);
    for (Type* t : self.type()->mro)
        for (auto& e : t->dict->entries)
            if (is_str(e.key)) names.push_back(as_str(e.key)->s);
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    for (auto& n : names)
        out->items.push_back(new_str(n));
    (void)in;
    return out;
}
M(object_reduce) {
    (void)self;
    (void)a;
    in.raise("TypeError", "cannot pickle object");
}

// ---- type ----
M(type_mro) {
    (void)a;
    (void)in;
    std::vector<Value> out;
    for (Type* t : self.as<Type>()->mro)
        out.emplace_back(t);
    return new_list(std::move(out));
}
M(type_subclasses) {
    (void)a;
    (void)in;
    (void)self;
    return new_list({});
}

// ---- str ----
Str* S_(const Value& v) {
    return as_str(v);
}

M(str_join) {
    nargs(in, "join", a, 1, 1);
    const Str* sep = S_(self);
    // A list or tuple is read in place: nothing below runs Python code that could change it.
    std::vector<Value> copied;
    std::span<const Value> items;
    if (has_layout(a[0], Layout::Tuple)) {
        items = a[0].as<Tuple>()->items;
    } else if (has_layout(a[0], Layout::List)) {
        items = a[0].as<List>()->items;
    } else {
        copied = in.to_vector(a[0]);
        items = copied;
    }
    // Two passes: check and measure, then copy into the one allocation of the result.
    size_t size = items.empty() ? 0 : sep->s.size() * (items.size() - 1);
    bool ascii = sep->ascii;
    for (size_t i = 0; i < items.size(); ++i) {
        const Value& v = items[i];
        if (!is_str(v))
            in.raise("TypeError", "sequence item " + std::to_string(i) +
                                      ": expected str instance, " + in.type_name(v) + " found");
        size += as_str(v)->s.size();
        ascii = ascii && as_str(v)->ascii;
    }
    if (items.size() == 1 && items[0].type() == Types::str) return items[0];
    if (size <= 1) {
        std::string text;
        for (size_t i = 0; i < items.size(); ++i)
            text.append(i ? sep->s.view() : std::string_view()).append(as_str(items[i])->s);
        return new_str(text);
    }
    Str* out = Str::alloc(size);
    char* p = out->chars();
    for (size_t i = 0; i < items.size(); ++i) {
        if (i && !sep->s.empty()) {
            std::memcpy(p, sep->s.data(), sep->s.size());
            p += sep->s.size();
        }
        const StrText& t = as_str(items[i])->s;
        if (!t.empty()) std::memcpy(p, t.data(), t.size());
        p += t.size();
    }
    if (ascii)
        out->finish_ascii();
    else
        out->finish();
    return Value::steal(out);
}
M(str_split) {
    Value p[2];
    parse_args(in, "split", a, {"sep", "maxsplit"}, 0, p);
    std::optional<std::string_view> sep;
    if (!p[0].empty() && !p[0].is_none()) sep = sv(in, p[0]);
    int64_t maxsplit = p[1].empty() ? -1 : in.index_value(p[1]);
    return strs(S_(self), text::str_split(S_(self)->s, sep, maxsplit));
}
M(str_rsplit) {
    Value p[2];
    parse_args(in, "rsplit", a, {"sep", "maxsplit"}, 0, p);
    std::optional<std::string_view> sep;
    if (!p[0].empty() && !p[0].is_none()) sep = sv(in, p[0]);
    int64_t maxsplit = p[1].empty() ? -1 : in.index_value(p[1]);
    return strs(S_(self), text::str_rsplit(S_(self)->s, sep, maxsplit));
}
M(str_splitlines) {
    Value p[1];
    parse_args(in, "splitlines", a, {"keepends"}, 0, p);
    return strs(S_(self), text::str_splitlines(S_(self)->s, !p[0].empty() && in.truthy(p[0])));
}
std::optional<std::string_view> strip_chars(Interpreter& in, Args& a) {
    if (a.size() == 0 || a[0].is_none()) return std::nullopt;
    return std::string_view(sv(in, a[0]));
}
M(str_strip) {
    nargs(in, "strip", a, 0, 1);
    return new_substr(S_(self), text::str_strip(S_(self)->s, strip_chars(in, a)));
}
M(str_lstrip) {
    nargs(in, "lstrip", a, 0, 1);
    return new_substr(S_(self), text::str_lstrip(S_(self)->s, strip_chars(in, a)));
}
M(str_rstrip) {
    nargs(in, "rstrip", a, 0, 1);
    return new_substr(S_(self), text::str_rstrip(S_(self)->s, strip_chars(in, a)));
}
// ASCII text maps to ASCII text of the same length, written straight into the new str.
Value ascii_case_map(const Str* s, char (*map)(char)) {
    if (s->s.size() <= 1) {
        char c = s->s.empty() ? '\0' : map(s->s[0]);
        return new_ascii_str(std::string_view(&c, s->s.size()));
    }
    Str* out = Str::alloc(s->s.size());
    char* p = out->chars();
    for (char c : s->s)
        *p++ = map(c);
    out->finish_ascii();
    return Value::steal(out);
}
M(str_upper) {
    (void)a;
    (void)in;
    if (S_(self)->ascii)
        return ascii_case_map(S_(self),
                              [](char c) { return c >= 'a' && c <= 'z' ? char(c - 32) : c; });
    return new_str(text::str_upper(S_(self)->s));
}
M(str_lower) {
    (void)a;
    (void)in;
    if (S_(self)->ascii)
        return ascii_case_map(S_(self),
                              [](char c) { return c >= 'A' && c <= 'Z' ? char(c + 32) : c; });
    return new_str(text::str_lower(S_(self)->s));
}
M(str_title) {
    (void)a;
    (void)in;
    return new_str(text::str_title(S_(self)->s));
}
M(str_capitalize) {
    (void)a;
    (void)in;
    return new_str(text::str_capitalize(S_(self)->s));
}
M(str_swapcase) {
    (void)a;
    (void)in;
    return new_str(text::str_swapcase(S_(self)->s));
}
M(str_casefold) {
    (void)a;
    (void)in;
    return new_str(text::str_casefold(S_(self)->s));
}
M(str_replace) {
    nargs(in, "replace", a, 2, 3);
    int64_t count = a.size() > 2 ? in.index_value(a[2]) : -1;
    const StrText& old = sv(in, a[0], "replace() argument 1");
    const StrText& repl = sv(in, a[1], "replace() argument 2");
    const Str* s = S_(self);
    if (!old.empty() && s->s.find(old) == std::string_view::npos) return new_substr(s, s->s);
    std::string out = text::str_replace(s->s, old, repl, count);
    // ASCII text with ASCII put in stays ASCII.
    if (s->ascii && as_str(a[1])->ascii) return new_ascii_str(out);
    return new_str(out);
}
M(str_find) {
    nargs(in, "find", a, 1, 3);
    if (a.size() == 1 && S_(self)->ascii && is_str(a[0])) { // byte offsets are the indices
        size_t at = S_(self)->s.find(as_str(a[0])->s);
        return Value::integer(at == std::string_view::npos ? -1 : static_cast<int64_t>(at));
    }
    return Value::integer(
        text::str_find(S_(self)->s, sv(in, a[0]), opt_idx(in, a, 1), opt_idx(in, a, 2)));
}
M(str_rfind) {
    nargs(in, "rfind", a, 1, 3);
    return Value::integer(
        text::str_rfind(S_(self)->s, sv(in, a[0]), opt_idx(in, a, 1), opt_idx(in, a, 2)));
}
M(str_index) {
    nargs(in, "index", a, 1, 3);
    return Value::integer(
        text::str_index(S_(self)->s, sv(in, a[0]), opt_idx(in, a, 1), opt_idx(in, a, 2)));
}
M(str_rindex) {
    nargs(in, "rindex", a, 1, 3);
    return Value::integer(
        text::str_rindex(S_(self)->s, sv(in, a[0]), opt_idx(in, a, 1), opt_idx(in, a, 2)));
}
M(str_count) {
    nargs(in, "count", a, 1, 3);
    return Value::integer(
        text::str_count(S_(self)->s, sv(in, a[0]), opt_idx(in, a, 1), opt_idx(in, a, 2)));
}
Value starts_ends(Interpreter& in, const Value& self, Args& a, bool starts) {
    nargs(in, starts ? "startswith" : "endswith", a, 1, 3);
    auto check = [&](const Value& p) {
        if (!is_str(p))
            in.raise("TypeError", std::string(starts ? "startswith" : "endswith") +
                                      " first arg must be str or a tuple of str, not " +
                                      in.type_name(p));
        return starts ? text::str_startswith(S_(self)->s, as_str(p)->s, opt_idx(in, a, 1),
                                             opt_idx(in, a, 2))
                      : text::str_endswith(S_(self)->s, as_str(p)->s, opt_idx(in, a, 1),
                                           opt_idx(in, a, 2));
    };
    if (has_layout(a[0], Layout::Tuple)) {
        for (auto& p : a[0].as<Tuple>()->items)
            if (check(p)) return Value::boolean(true);
        return Value::boolean(false);
    }
    if (a.size() == 1 && is_str(a[0])) { // UTF-8: a code-point prefix is a byte prefix
        const StrText& t = S_(self)->s;
        return Value::boolean(starts ? t.starts_with(as_str(a[0])->s)
                                     : t.ends_with(as_str(a[0])->s));
    }
    return Value::boolean(check(a[0]));
}
M(str_startswith) {
    return starts_ends(in, self, a, true);
}
M(str_endswith) {
    return starts_ends(in, self, a, false);
}
M(str_format) {
    return new_str(str_format(in, S_(self)->s, a, 0));
}
M(str_format_map) {
    nargs(in, "format_map", a, 1, 1);
    std::vector<KwArg> kws;
    if (has_layout(a[0], Layout::Dict))
        for (auto& e : a[0].as<Dict>()->entries)
            if (is_str(e.key)) kws.push_back({intern(as_str(e.key)->s), e.value});
    Args a2{{}, std::span<const KwArg>(kws)};
    return new_str(str_format(in, S_(self)->s, a2, 0));
}
Value pad(Interpreter& in, const Value& self, Args& a, int kind) {
    nargs(in, kind == 0 ? "center" : kind == 1 ? "ljust" : "rjust", a, 1, 2);
    std::string fill = " ";
    if (a.size() > 1) {
        fill = sv(in, a[1]);
        if (text::str_len(fill) != 1)
            in.raise("TypeError", "The fill character must be exactly one character long");
    }
    int64_t w = in.index_value(a[0]);
    const StrText& s = S_(self)->s;
    return new_str(kind == 0   ? text::str_center(s, w, fill)
                   : kind == 1 ? text::str_ljust(s, w, fill)
                               : text::str_rjust(s, w, fill));
}
M(str_center) {
    return pad(in, self, a, 0);
}
M(str_ljust) {
    return pad(in, self, a, 1);
}
M(str_rjust) {
    return pad(in, self, a, 2);
}
M(str_zfill) {
    nargs(in, "zfill", a, 1, 1);
    return new_str(text::str_zfill(S_(self)->s, in.index_value(a[0])));
}
M(str_expandtabs) {
    nargs(in, "expandtabs", a, 0, 1);
    return new_str(text::str_expandtabs(S_(self)->s, a.size() ? in.index_value(a[0]) : 8));
}
M(str_partition) {
    nargs(in, "partition", a, 1, 1);
    auto p = text::str_partition(S_(self)->s, sv(in, a[0]));
    return new_tuple(
        {new_substr(S_(self), p[0]), new_substr(S_(self), p[1]), new_substr(S_(self), p[2])});
}
M(str_rpartition) {
    nargs(in, "rpartition", a, 1, 1);
    auto p = text::str_rpartition(S_(self)->s, sv(in, a[0]));
    return new_tuple(
        {new_substr(S_(self), p[0]), new_substr(S_(self), p[1]), new_substr(S_(self), p[2])});
}
M(str_removeprefix) {
    nargs(in, "removeprefix", a, 1, 1);
    return new_substr(S_(self), text::str_removeprefix(S_(self)->s, sv(in, a[0])));
}
M(str_removesuffix) {
    nargs(in, "removesuffix", a, 1, 1);
    return new_substr(S_(self), text::str_removesuffix(S_(self)->s, sv(in, a[0])));
}
#define STR_PRED(name, fn)                                                                         \
    M(name) {                                                                                      \
        (void)a;                                                                                   \
        (void)in;                                                                                  \
        return Value::boolean(text::fn(S_(self)->s));                                              \
    }
STR_PRED(str_isdigit, str_isdigit)
STR_PRED(str_isdecimal, str_isdecimal)
STR_PRED(str_isnumeric, str_isnumeric)
STR_PRED(str_isalpha, str_isalpha)
STR_PRED(str_isalnum, str_isalnum)
STR_PRED(str_isspace, str_isspace)
STR_PRED(str_isupper, str_isupper)
STR_PRED(str_islower, str_islower)
STR_PRED(str_istitle, str_istitle)
STR_PRED(str_isidentifier, str_isidentifier)
STR_PRED(str_isprintable, str_isprintable)
STR_PRED(str_isascii, str_isascii)
M(str_encode) {
    (void)a;
    (void)in;
    return Value::steal(new Bytes(S_(self)->s));
}
M(str_getnewargs) {
    (void)a;
    (void)in;
    return new_tuple({self});
}

// ---- bytes ----
M(bytes_decode) {
    (void)a;
    (void)in;
    return new_str(self.as<Bytes>()->s);
}
M(bytes_hex) {
    (void)a;
    (void)in;
    static const char* d = "0123456789abcdef";
    std::string out;
    for (unsigned char c : self.as<Bytes>()->s) {
        out += d[c >> 4];
        out += d[c & 15];
    }
    return new_str(out);
}

// ---- list ----
std::vector<Value>& L(const Value& v) {
    return v.as<List>()->items;
}
M(list_append) {
    nargs(in, "append", a, 1, 1);
    L(self).push_back(a[0]);
    return Value::none();
}
M(list_extend) {
    nargs(in, "extend", a, 1, 1);
    auto items = in.to_vector(a[0]);
    auto& l = L(self);
    l.insert(l.end(), items.begin(), items.end());
    return Value::none();
}
M(list_insert) {
    nargs(in, "insert", a, 2, 2);
    auto& l = L(self);
    int64_t n = static_cast<int64_t>(l.size());
    int64_t i = in.index_value(a[0]);
    if (i < 0) i = std::max<int64_t>(0, i + n);
    if (i > n) i = n;
    l.insert(l.begin() + i, a[1]);
    return Value::none();
}
M(list_pop) {
    nargs(in, "pop", a, 0, 1);
    auto& l = L(self);
    if (l.empty()) in.raise("IndexError", "pop from empty list");
    int64_t n = static_cast<int64_t>(l.size());
    int64_t i = a.size() ? in.index_value(a[0]) : n - 1;
    if (i < 0) i += n;
    if (i < 0 || i >= n) in.raise("IndexError", "pop index out of range");
    Value v = l[static_cast<size_t>(i)];
    l.erase(l.begin() + i);
    return v;
}
M(list_remove) {
    nargs(in, "remove", a, 1, 1);
    auto& l = L(self);
    for (size_t i = 0; i < l.size(); ++i)
        if (l[i].is(a[0]) || in.eq(l[i], a[0])) {
            l.erase(l.begin() + static_cast<long>(i));
            return Value::none();
        }
    in.raise("ValueError", "list.remove(x): x not in list");
}
M(list_index) {
    nargs(in, "index", a, 1, 3);
    auto& l = L(self);
    int64_t n = static_cast<int64_t>(l.size());
    int64_t start = a.size() > 1 ? in.index_value(a[1]) : 0;
    int64_t stop = a.size() > 2 ? in.index_value(a[2]) : n;
    if (start < 0) start = std::max<int64_t>(0, start + n);
    if (stop < 0) stop = std::max<int64_t>(0, stop + n);
    for (int64_t i = start; i < std::min(stop, static_cast<int64_t>(l.size())); ++i)
        if (l[static_cast<size_t>(i)].is(a[0]) || in.eq(l[static_cast<size_t>(i)], a[0]))
            return Value::integer(i);
    in.raise("ValueError", in.repr(a[0]) + " is not in list");
}
M(list_count) {
    nargs(in, "count", a, 1, 1);
    int64_t c = 0;
    auto items = L(self);
    for (auto& v : items)
        if (v.is(a[0]) || in.eq(v, a[0])) ++c;
    return Value::integer(c);
}
M(list_clear) {
    (void)in;
    (void)a;
    auto tmp = std::move(L(self));
    L(self).clear();
    return Value::none();
}
M(list_copy) {
    (void)in;
    (void)a;
    return new_list(L(self));
}
M(list_reverse) {
    (void)in;
    (void)a;
    std::reverse(L(self).begin(), L(self).end());
    return Value::none();
}
M(list_sort) {
    Value p[2];
    if (a.size()) in.raise("TypeError", "sort() takes no positional arguments");
    parse_args(in, "sort", a, {"key", "reverse"}, 0, p);
    std::vector<Value> items = std::move(L(self));
    L(self).clear();
    try {
        sort_values(in, items, p[0], !p[1].empty() && in.truthy(p[1]));
    } catch (...) {
        L(self) = std::move(items);
        throw;
    }
    L(self) = std::move(items);
    return Value::none();
}
M(list_init) {
    nargs(in, "list", a, 0, 1);
    auto items = a.size() ? in.to_vector(a[0]) : std::vector<Value>{};
    L(self) = std::move(items);
    return Value::none();
}

// ---- tuple ----
M(tuple_index) {
    nargs(in, "index", a, 1, 3);
    auto& l = self.as<Tuple>()->items;
    for (size_t i = 0; i < l.size(); ++i)
        if (l[i].is(a[0]) || in.eq(l[i], a[0])) return Value::integer(static_cast<int64_t>(i));
    in.raise("ValueError", "tuple.index(x): x not in tuple");
}
M(tuple_count) {
    nargs(in, "count", a, 1, 1);
    int64_t c = 0;
    for (auto& v : self.as<Tuple>()->items)
        if (v.is(a[0]) || in.eq(v, a[0])) ++c;
    return Value::integer(c);
}

// ---- dict ----
Dict* D(const Value& v) {
    return v.as<Dict>();
}
M(dict_get) {
    nargs(in, "get", a, 1, 2);
    Value v = D(self)->get(in, a[0]);
    if (!v.empty()) return v;
    return a.size() > 1 ? a[1] : Value::none();
}
M(dict_keys) {
    (void)in;
    (void)a;
    return Value::steal(new DictView(D(self), DictView::Keys));
}
M(dict_values) {
    (void)in;
    (void)a;
    return Value::steal(new DictView(D(self), DictView::Values));
}
M(dict_items) {
    (void)in;
    (void)a;
    return Value::steal(new DictView(D(self), DictView::Items));
}
M(dict_pop) {
    nargs(in, "pop", a, 1, 2);
    Value out;
    if (D(self)->remove(in, a[0], &out)) return out;
    if (a.size() > 1) return a[1];
    in.raise_value(in.new_exception(builtin_type("KeyError"), {a[0]}));
}
M(dict_popitem) {
    (void)a;
    Dict* d = D(self);
    for (size_t i = d->entries.size(); i-- > 0;) {
        if (d->entries[i].key.empty()) continue;
        Value k = d->entries[i].key, v = d->entries[i].value;
        d->remove(in, k);
        return new_tuple({k, v});
    }
    in.raise_value(
        in.new_exception(builtin_type("KeyError"), {new_str("popitem(): dictionary is empty")}));
}
M(dict_setdefault) {
    nargs(in, "setdefault", a, 1, 2);
    Value v = D(self)->get(in, a[0]);
    if (!v.empty()) return v;
    Value d = a.size() > 1 ? a[1] : Value::none();
    D(self)->set(in, a[0], d);
    return d;
}
void dict_update_impl(Interpreter& in, Dict* d, Args& a) {
    if (a.size() > 1)
        in.raise("TypeError",
                 "update expected at most 1 argument, got " + std::to_string(a.size()));
    if (a.size() == 1) {
        const Value& src = a[0];
        if (has_layout(src, Layout::Dict)) {
            std::vector<std::pair<Value, Value>> items;
            for (auto& e : src.as<Dict>()->entries)
                if (!e.key.empty()) items.emplace_back(e.key, e.value);
            for (auto& [k, v] : items)
                d->set(in, k, v);
        } else if (!in.getattr_opt(src, intern("keys")).empty()) {
            for (auto& k : in.to_vector(in.call_method(src, "keys", {})))
                d->set(in, k, in.getitem(src, k));
        } else {
            for (auto& item : in.to_vector(src)) {
                auto kv = in.to_vector(item);
                if (kv.size() != 2)
                    in.raise("ValueError", "dictionary update sequence element #0 has length " +
                                               std::to_string(kv.size()) + "; 2 is required");
                d->set(in, kv[0], kv[1]);
            }
        }
    }
    for (auto& kw : a.kw)
        d->set_str(kw.name, kw.value);
}
M(dict_update) {
    dict_update_impl(in, D(self), a);
    return Value::none();
}
M(dict_init) {
    dict_update_impl(in, D(self), a);
    return Value::none();
}
M(dict_clear) {
    (void)in;
    (void)a;
    D(self)->clear();
    return Value::none();
}
M(dict_copy) {
    (void)a;
    Ref<Dict> d = make<Dict>();
    for (auto& e : D(self)->entries)
        if (!e.key.empty()) d->set(in, e.key, e.value);
    return d;
}
M(dict_fromkeys) {
    nargs(in, "fromkeys", a, 1, 2);
    Ref<Dict> d = make<Dict>();
    (void)self;
    Value v = a.size() > 1 ? a[1] : Value::none();
    for (auto& k : in.to_vector(a[0]))
        d->set(in, k, v);
    return d;
}

// ---- set ----
Set* ST(const Value& v) {
    return v.as<Set>();
}
M(set_add) {
    nargs(in, "add", a, 1, 1);
    ST(self)->add(in, a[0]);
    return Value::none();
}
M(set_discard) {
    nargs(in, "discard", a, 1, 1);
    ST(self)->discard(in, a[0]);
    return Value::none();
}
M(set_remove) {
    nargs(in, "remove", a, 1, 1);
    if (!ST(self)->discard(in, a[0]))
        in.raise_value(in.new_exception(builtin_type("KeyError"), {a[0]}));
    return Value::none();
}
M(set_pop) {
    (void)a;
    Set* s = ST(self);
    for (auto& sl : s->table)
        if (!sl.key.empty() && !sl.dummy) {
            Value k = sl.key;
            s->discard(in, k);
            return k;
        }
    in.raise_value(in.new_exception(builtin_type("KeyError"), {new_str("pop from an empty set")}));
}
M(set_clear) {
    (void)in;
    (void)a;
    ST(self)->clear();
    return Value::none();
}
M(set_copy) {
    (void)a;
    Ref<Set> s = make<Set>(ST(self)->frozen);
    for (auto& sl : ST(self)->table)
        if (!sl.key.empty() && !sl.dummy) s->add(in, sl.key);
    return s;
}
Value set_op(Interpreter& in, const Value& self, Args& a, BinOpKind op, bool update) {
    Value acc = self;
    if (!update) {
        Ref<Set> s = make<Set>(ST(self)->frozen);
        for (auto& sl : ST(self)->table)
            if (!sl.key.empty() && !sl.dummy) s->add(in, sl.key);
        acc = s;
    }
    for (auto& other : a.pos) {
        Value os = has_layout(other, Layout::Set) ? other : in.call(Value(Types::set), {other});
        Value r = in.binary_op(op, acc, os);
        if (update) {
            Set* s = ST(self);
            s->clear();
            for (auto& sl : ST(r)->table)
                if (!sl.key.empty() && !sl.dummy) s->add(in, sl.key);
        } else {
            acc = r;
        }
    }
    return update ? Value::none() : acc;
}
M(set_union) {
    return set_op(in, self, a, BinOpKind::BitOr, false);
}
M(set_intersection) {
    return set_op(in, self, a, BinOpKind::BitAnd, false);
}
M(set_difference) {
    return set_op(in, self, a, BinOpKind::Sub, false);
}
M(set_symmetric_difference) {
    return set_op(in, self, a, BinOpKind::BitXor, false);
}
M(set_update) {
    return set_op(in, self, a, BinOpKind::BitOr, true);
}
M(set_intersection_update) {
    return set_op(in, self, a, BinOpKind::BitAnd, true);
}
M(set_difference_update) {
    return set_op(in, self, a, BinOpKind::Sub, true);
}
M(set_issubset) {
    nargs(in, "issubset", a, 1, 1);
    Value o = has_layout(a[0], Layout::Set) ? a[0] : in.call(Value(Types::set), {a[0]});
    return in.compare(CmpKind::Le, self, o);
}
M(set_issuperset) {
    nargs(in, "issuperset", a, 1, 1);
    Value o = has_layout(a[0], Layout::Set) ? a[0] : in.call(Value(Types::set), {a[0]});
    return in.compare(CmpKind::Ge, self, o);
}
M(set_isdisjoint) {
    nargs(in, "isdisjoint", a, 1, 1);
    for (auto& x : in.to_vector(a[0]))
        if (ST(self)->contains(in, x)) return Value::boolean(false);
    return Value::boolean(true);
}

// ---- int / float ----
M(int_bit_length) {
    (void)a;
    (void)in;
    if (self.is_int()) {
        uint64_t v = self.as_int() < 0 ? static_cast<uint64_t>(-(self.as_int() + 1)) + 1
                                       : static_cast<uint64_t>(self.as_int());
        int n = 0;
        while (v) {
            ++n;
            v >>= 1;
        }
        return Value::integer(n);
    }
    return Value::integer(static_cast<int64_t>(to_bigint(self).bit_length()));
}
M(int_to_bytes) {
    (void)self;
    (void)a;
    in.raise("NotImplementedError", "int.to_bytes");
}
M(int_conjugate) {
    (void)in;
    (void)a;
    return self.is_bool() ? Value::integer(self.as_bool()) : self;
}
M(float_is_integer) {
    (void)in;
    (void)a;
    double d = self.as_float();
    return Value::boolean(std::isfinite(d) && d == std::floor(d));
}
M(float_as_integer_ratio) {
    (void)a;
    double d = self.as_float();
    if (!std::isfinite(d))
        in.raise(std::isnan(d) ? "ValueError" : "OverflowError",
                 std::isnan(d) ? "cannot convert NaN to integer ratio"
                               : "cannot convert Infinity to integer ratio");
    int exp;
    double m = std::frexp(d, &exp);
    for (int i = 0; i < 300 && m != std::floor(m); ++i) {
        m *= 2.0;
        --exp;
    }
    text::BigInt num = *text::BigInt::from_double(m);
    text::BigInt den(1);
    if (exp > 0)
        num = num << static_cast<uint64_t>(exp);
    else
        den = den << static_cast<uint64_t>(-exp);
    return new_tuple({make_int(num), make_int(den)});
}
M(float_hex) {
    (void)in;
    (void)a;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%a", self.as_float());
    return new_str(buf);
}
M(num_real) {
    (void)in;
    (void)a;
    return self.is_bool() ? Value::integer(self.as_bool()) : self;
}
M(num_imag) {
    (void)in;
    (void)a;
    return self.is_float() ? Value::flt(0.0) : Value::integer(0);
}
M(int_index) {
    (void)in;
    (void)a;
    return self.is_bool() ? Value::integer(self.as_bool()) : self;
}
M(num_float) {
    (void)a;
    return Value::flt(*to_double(self));
    (void)in;
}
M(num_int) {
    (void)a;
    if (self.is_float()) return int_from_double(in, std::trunc(self.as_float()));
    return self.is_bool() ? Value::integer(self.as_bool()) : self;
}
M(num_format) {
    nargs(in, "__format__", a, 1, 1);
    return new_str(in.format(self, sv(in, a[0])));
}
M(num_round) {
    (void)a;
    return in.call(in.builtins()->dict->get_str(intern("round")),
                   a.size() ? std::initializer_list<Value>{self, a[0]}
                            : std::initializer_list<Value>{self});
}

// ---- exceptions ----
M(exc_init) {
    ExceptionObj* e = self.as<ExceptionObj>();
    e->args = Tuple::create(a.pos);
    (void)in;
    return Value::none();
}
M(exc_str) {
    (void)a;
    ExceptionObj* e = self.as<ExceptionObj>();
    auto& args = e->args->items;
    if (args.empty()) return new_str("");
    if (args.size() >= 2 && self.type()->is_subtype(builtin_type("OSError"))) {
        std::string msg = "[Errno " + in.str(args[0]) + "] " + in.str(args[1]);
        Value fn = e->attrs ? static_cast<Dict*>(e->attrs)->get_str(intern("filename")) : Value();
        if (!fn.empty() && !fn.is_none()) msg += ": " + in.repr(fn);
        return new_str(msg);
    }
    if (args.size() == 1) {
        if (self.type()->is_subtype(builtin_type("KeyError"))) return new_str(in.repr(args[0]));
        return new_str(in.str(args[0]));
    }
    return new_str(in.repr(Value(e->args.get())));
}
M(exc_repr) {
    (void)a;
    ExceptionObj* e = self.as<ExceptionObj>();
    std::string s = self.type()->name + "(";
    for (size_t i = 0; i < e->args->items.size(); ++i) {
        if (i) s += ", ";
        s += in.repr(e->args->items[i]);
    }
    return new_str(s + ")");
}
M(exc_with_traceback) {
    (void)in;
    (void)a;
    return self;
}
M(exc_add_note) {
    (void)in;
    (void)a;
    return self;
}

// ---- property ----
Value prop_copy(Interpreter& in, const Value& self, int which, const Value& f) {
    Property* p = self.as<Property>();
    Ref<Property> n = make<Property>();
    if (self.type() != Types::property) {
        n->type->decref();
        n->type = self.type();
        n->type->incref();
    }
    n->fget = p->fget;
    n->fset = p->fset;
    n->fdel = p->fdel;
    n->doc = p->doc;
    (which == 0 ? n->fget : which == 1 ? n->fset : n->fdel) = f;
    (void)in;
    return n;
}
M(prop_getter) {
    nargs(in, "getter", a, 1, 1);
    return prop_copy(in, self, 0, a[0]);
}
M(prop_setter) {
    nargs(in, "setter", a, 1, 1);
    return prop_copy(in, self, 1, a[0]);
}
M(prop_deleter) {
    nargs(in, "deleter", a, 1, 1);
    return prop_copy(in, self, 2, a[0]);
}
M(prop_get) {
    nargs(in, "__get__", a, 1, 2);
    Property* p = self.as<Property>();
    if (a[0].is_none()) return self;
    if (p->fget.empty()) in.raise("AttributeError", "unreadable attribute");
    return in.call(p->fget, {a[0]});
}
M(prop_set) {
    nargs(in, "__set__", a, 2, 2);
    Property* p = self.as<Property>();
    if (p->fset.empty()) in.raise("AttributeError", "can't set attribute");
    in.call(p->fset, {a[0], a[1]});
    return Value::none();
}
M(wrapper_get) {
    nargs(in, "__get__", a, 1, 2);
    WrapperDescr* w = self.as<WrapperDescr>();
    if (self.type() == Types::staticmethod) return w->func;
    Value owner = a.size() > 1 && !a[1].is_none() ? a[1] : Value(a[0].type());
    return Value::steal(new BoundMethod(owner, w->func));
}
M(func_get) {
    nargs(in, "__get__", a, 1, 2);
    if (a[0].is_none()) return self;
    return Value::steal(new BoundMethod(a[0], self));
}

// ---- iterators / generators ----
M(iter_self) {
    (void)in;
    (void)a;
    return self;
}
M(iter_next) {
    (void)a;
    Value out;
    if (!in.next(self, out)) raise_stop_iteration(in, self);
    return out;
}
M(gen_send) {
    nargs(in, "send", a, 1, 1);
    Generator* g = static_cast<Generator*>(self.obj());
    if (g->state == Generator::State::Created && !a[0].is_none())
        in.raise("TypeError", "can't send non-None value to a just-started generator");
    Value out;
    if (!g->resume(in, a[0], out)) raise_stop_iteration(in, self);
    return out;
}
M(gen_close) {
    (void)in;
    (void)a;
    Generator* g = static_cast<Generator*>(self.obj());
    if (g->state == Generator::State::Suspended) {
        g->closing = true;
        Value out;
        g->resume(in, Value::none(), out);
    }
    g->state = Generator::State::Done;
    return Value::none();
}

// throw(exc): raises exc at the yield where the generator is suspended; returns the next
// value it yields, or raises StopIteration / whatever escapes it.
M(gen_throw) {
    nargs(in, "throw", a, 1, 3);
    Generator* g = static_cast<Generator*>(self.obj());
    Value exc = a[0];
    if (has_layout(exc, Layout::Type)) {
        std::vector<Value> args;
        if (a.size() > 1 && !a[1].is_none()) args.push_back(a[1]);
        exc = in.call(exc, std::move(args), {});
    }
    if (!in.isinstance(exc, builtin_type("BaseException")))
        in.raise("TypeError", "exceptions must derive from BaseException");
    if (g->state != Generator::State::Suspended) {
        g->state = Generator::State::Done;
        in.raise_value(exc);
    }
    g->thrown = exc;
    Value out;
    if (!g->resume(in, Value::none(), out)) raise_stop_iteration(in, self);
    return out;
}

// ---- range / slice ----
M(range_index) {
    nargs(in, "index", a, 1, 1);
    Range* r = self.as<Range>();
    if (in.contains(self, a[0])) return Value::integer((in.index_value(a[0]) - r->start) / r->step);
    in.raise("ValueError", in.repr(a[0]) + " is not in range");
}
M(range_count) {
    nargs(in, "count", a, 1, 1);
    return Value::integer(in.contains(self, a[0]) ? 1 : 0);
}

M(dictview_isdisjoint) {
    nargs(in, "isdisjoint", a, 1, 1);
    for (auto& x : in.to_vector(a[0]))
        if (in.contains(self, x)) return Value::boolean(false);
    return Value::boolean(true);
}

void native_prop(Type* t, const char* name, NativeGetter g) {
    Ref<NativeProperty> p(new NativeProperty());
    p->name = name;
    p->get = std::move(g);
    t->dict->set_str(intern(name), p);
}

} // namespace

void install_union_type(); // annotation_types.cpp

void install_methods() {
    install_union_type();
    Type* o = Types::object;
    def(o, "__init__", object_init);
    o->dict->get_str(intern("__init__")).as<NativeFunction>()->name = "object.__init__";
    def(o, "__repr__", object_repr);
    o->dict->get_str(intern("__repr__")).as<NativeFunction>()->name = "object.__repr__";
    def(o, "__str__", object_str);
    o->dict->get_str(intern("__str__")).as<NativeFunction>()->name = "object.__str__";
    def(o, "__eq__", object_eq);
    def(o, "__ne__", object_ne);
    def(o, "__hash__", object_hash);
    o->dict->get_str(intern("__hash__")).as<NativeFunction>()->name = "object.__hash__";
    def(o, "__format__", object_format);
    def(o, "__setattr__", object_setattr);
    def(o, "__getattribute__", object_getattribute);
    def(o, "__delattr__", object_delattr);
    def(o, "__dir__", object_dir);
    def(o, "__reduce_ex__", object_reduce);
    {
        Ref<WrapperDescr> cm(new WrapperDescr(Types::classmethod));
        cm->func = make_native_function("__init_subclass__", object_init_subclass, false);
        o->dict->set_str(intern("__init_subclass__"), cm);
        Ref<WrapperDescr> sm(new WrapperDescr(Types::staticmethod));
        sm->func = make_native_function("__new__", object_new, false);
        o->dict->set_str(intern("__new__"), sm);
    }
    def(Types::type, "mro", type_mro);
    def(Types::type, "__subclasses__", type_subclasses);

    Type* s = Types::str;
    struct {
        const char* n;
        NativeFn f;
    } str_methods[] = {
        {"join", str_join},
        {"split", str_split},
        {"rsplit", str_rsplit},
        {"splitlines", str_splitlines},
        {"strip", str_strip},
        {"lstrip", str_lstrip},
        {"rstrip", str_rstrip},
        {"upper", str_upper},
        {"lower", str_lower},
        {"title", str_title},
        {"capitalize", str_capitalize},
        {"swapcase", str_swapcase},
        {"casefold", str_casefold},
        {"replace", str_replace},
        {"find", str_find},
        {"rfind", str_rfind},
        {"index", str_index},
        {"rindex", str_rindex},
        {"count", str_count},
        {"startswith", str_startswith},
        {"endswith", str_endswith},
        {"format", str_format},
        {"format_map", str_format_map},
        {"center", str_center},
        {"ljust", str_ljust},
        {"rjust", str_rjust},
        {"zfill", str_zfill},
        {"expandtabs", str_expandtabs},
        {"partition", str_partition},
        {"rpartition", str_rpartition},
        {"removeprefix", str_removeprefix},
        {"removesuffix", str_removesuffix},
        {"isdigit", str_isdigit},
        {"isdecimal", str_isdecimal},
        {"isnumeric", str_isnumeric},
        {"isalpha", str_isalpha},
        {"isalnum", str_isalnum},
        {"isspace", str_isspace},
        {"isupper", str_isupper},
        {"islower", str_islower},
        {"istitle", str_istitle},
        {"isidentifier", str_isidentifier},
        {"isprintable", str_isprintable},
        {"isascii", str_isascii},
        {"encode", str_encode},
        {"__getnewargs__", str_getnewargs},
        {"__format__", num_format},
    };
    for (auto& m : str_methods)
        def(s, m.n, m.f);
    def(Types::bytes, "decode", bytes_decode);
    def(Types::bytes, "hex", bytes_hex);

    Type* l = Types::list;
    def(l, "append", list_append);
    def(l, "extend", list_extend);
    def(l, "insert", list_insert);
    def(l, "pop", list_pop);
    def(l, "remove", list_remove);
    def(l, "index", list_index);
    def(l, "count", list_count);
    def(l, "clear", list_clear);
    def(l, "copy", list_copy);
    def(l, "reverse", list_reverse);
    def(l, "sort", list_sort);
    def(l, "__init__", list_init);
    def(Types::tuple, "index", tuple_index);
    def(Types::tuple, "count", tuple_count);

    Type* d = Types::dict;
    def(d, "get", dict_get);
    def(d, "keys", dict_keys);
    def(d, "values", dict_values);
    def(d, "items", dict_items);
    def(d, "pop", dict_pop);
    def(d, "popitem", dict_popitem);
    def(d, "setdefault", dict_setdefault);
    def(d, "update", dict_update);
    def(d, "__init__", dict_init);
    def(d, "clear", dict_clear);
    def(d, "copy", dict_copy);
    {
        Ref<WrapperDescr> cm(new WrapperDescr(Types::classmethod));
        cm->func = make_native_function("fromkeys", dict_fromkeys, false);
        d->dict->set_str(intern("fromkeys"), cm);
    }
    for (Type* t : {Types::dict_keys, Types::dict_items})
        def(t, "isdisjoint", dictview_isdisjoint);

    for (Type* t : {Types::set, Types::frozenset}) {
        def(t, "copy", set_copy);
        def(t, "union", set_union);
        def(t, "intersection", set_intersection);
        def(t, "difference", set_difference);
        def(t, "symmetric_difference", set_symmetric_difference);
        def(t, "issubset", set_issubset);
        def(t, "issuperset", set_issuperset);
        def(t, "isdisjoint", set_isdisjoint);
    }
    Type* st = Types::set;
    def(st, "add", set_add);
    def(st, "discard", set_discard);
    def(st, "remove", set_remove);
    def(st, "pop", set_pop);
    def(st, "clear", set_clear);
    def(st, "update", set_update);
    def(st, "intersection_update", set_intersection_update);
    def(st, "difference_update", set_difference_update);

    Type* i = Types::int_;
    def(i, "bit_length", int_bit_length);
    def(i, "to_bytes", int_to_bytes);
    def(i, "conjugate", int_conjugate);
    def(i, "__index__", int_index);
    def(i, "__float__", num_float);
    def(i, "__int__", num_int);
    def(i, "__format__", num_format);
    def(i, "__round__", num_round);
    native_prop(i, "real", [](Interpreter& in, const Value& v) {
        Args a{};
        return num_real(in, v, a);
    });
    native_prop(i, "imag", [](Interpreter& in, const Value& v) {
        Args a{};
        return num_imag(in, v, a);
    });
    native_prop(i, "numerator", [](Interpreter& in, const Value& v) {
        Args a{};
        return num_real(in, v, a);
    });
    native_prop(i, "denominator", [](Interpreter&, const Value&) { return Value::integer(1); });
    Type* f = Types::float_;
    def(f, "is_integer", float_is_integer);
    def(f, "as_integer_ratio", float_as_integer_ratio);
    def(f, "hex", float_hex);
    def(f, "__float__", num_float);
    def(f, "__int__", num_int);
    def(f, "__format__", num_format);
    def(f, "__round__", num_round);
    def(f, "conjugate", num_real);
    native_prop(f, "real", [](Interpreter& in, const Value& v) {
        Args a{};
        return num_real(in, v, a);
    });
    native_prop(f, "imag", [](Interpreter& in, const Value& v) {
        Args a{};
        return num_imag(in, v, a);
    });

    Type* be = Types::base_exception;
    def(be, "__init__", exc_init);
    def(be, "__str__", exc_str);
    def(be, "__repr__", exc_repr);
    def(be, "with_traceback", exc_with_traceback);
    def(be, "add_note", exc_add_note);
    native_prop(be, "args", [](Interpreter&, const Value& v) {
        return Value(v.as<ExceptionObj>()->args.get());
    });
    {
        Ref<NativeProperty> p(new NativeProperty());
        p->name = "args";
        p->get = [](Interpreter&, const Value& v) {
            return Value(v.as<ExceptionObj>()->args.get());
        };
        p->set = [](Interpreter& in, const Value& v, const Value& nv) {
            v.as<ExceptionObj>()->args = Tuple::create(in.to_vector(nv));
        };
        be->dict->set_str(intern("args"), p);
        Ref<NativeProperty> c(new NativeProperty());
        c->name = "__cause__";
        c->get = [](Interpreter&, const Value& v) {
            auto& x = v.as<ExceptionObj>()->cause;
            return x.empty() ? Value::none() : x;
        };
        c->set = [](Interpreter&, const Value& v, const Value& nv) {
            v.as<ExceptionObj>()->cause = nv.is_none() ? Value() : nv;
        };
        be->dict->set_str(intern("__cause__"), c);
        Ref<NativeProperty> ctx(new NativeProperty());
        ctx->name = "__context__";
        ctx->get = [](Interpreter&, const Value& v) {
            auto& x = v.as<ExceptionObj>()->context;
            return x.empty() ? Value::none() : x;
        };
        ctx->set = [](Interpreter&, const Value& v, const Value& nv) {
            v.as<ExceptionObj>()->context = nv.is_none() ? Value() : nv;
        };
        be->dict->set_str(intern("__context__"), ctx);
        native_prop(be, "__traceback__", [](Interpreter&, const Value&) { return Value::none(); });
    }
    native_prop(builtin_type("StopIteration"), "value", [](Interpreter&, const Value& v) {
        auto& a = v.as<ExceptionObj>()->args->items;
        return a.empty() ? Value::none() : a[0];
    });
    for (const char* n : {"SystemExit"}) {
        native_prop(builtin_type(n), "code", [](Interpreter&, const Value& v) {
            auto& a = v.as<ExceptionObj>()->args->items;
            return a.empty()       ? Value::none()
                   : a.size() == 1 ? a[0]
                                   : Value(v.as<ExceptionObj>()->args.get());
        });
    }

    Type* p = Types::property;
    def(p, "getter", prop_getter);
    def(p, "setter", prop_setter);
    def(p, "deleter", prop_deleter);
    def(p, "__get__", prop_get);
    def(p, "__set__", prop_set);
    native_prop(p, "fget", [](Interpreter&, const Value& v) {
        auto& x = v.as<Property>()->fget;
        return x.empty() ? Value::none() : x;
    });
    native_prop(p, "fset", [](Interpreter&, const Value& v) {
        auto& x = v.as<Property>()->fset;
        return x.empty() ? Value::none() : x;
    });
    native_prop(p, "__doc__", [](Interpreter&, const Value& v) {
        auto& x = v.as<Property>()->doc;
        return x.empty() ? Value::none() : x;
    });
    for (Type* t : {Types::staticmethod, Types::classmethod}) {
        native_prop(t, "__func__",
                    [](Interpreter&, const Value& v) { return v.as<WrapperDescr>()->func; });
        def(t, "__get__", wrapper_get);
    }
    def(Types::function, "__get__", func_get);
    for (const char* n :
         {"iterator", "generator", "reversed", "enumerate", "zip", "map", "filter"}) {
        def(builtin_type(n), "__iter__", iter_self);
        def(builtin_type(n), "__next__", iter_next);
    }
    def(Types::generator, "send", gen_send);
    def(Types::generator, "close", gen_close);
    def(Types::generator, "throw", gen_throw);
    def(Types::range, "index", range_index);
    def(Types::range, "count", range_count);
    native_prop(Types::range, "start",
                [](Interpreter&, const Value& v) { return Value::integer(v.as<Range>()->start); });
    native_prop(Types::range, "stop",
                [](Interpreter&, const Value& v) { return Value::integer(v.as<Range>()->stop); });
    native_prop(Types::range, "step",
                [](Interpreter&, const Value& v) { return Value::integer(v.as<Range>()->step); });
    native_prop(Types::slice, "start",
                [](Interpreter&, const Value& v) { return v.as<Slice>()->start; });
    native_prop(Types::slice, "stop",
                [](Interpreter&, const Value& v) { return v.as<Slice>()->stop; });
    native_prop(Types::slice, "step",
                [](Interpreter&, const Value& v) { return v.as<Slice>()->step; });
    type_modified();
}

} // namespace ormsh::lang
