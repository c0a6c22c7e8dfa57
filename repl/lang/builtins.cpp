// The builtins module: print, len, range, sorted, isinstance, getattr, open and the rest of
// Python's builtin functions.
#include "repl/lang/generator.h"
#include "repl/lang/interpreter.h"
#include "repl/lang/iterators.h"
#include "repl/lang/numbers.h"
#include "repl/lang/text/int_text.h"
#include "repl/lang/text/str_repr.h"
#include "repl/lang/text/utf8.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace ormsh::lang {

std::string str_format(Interpreter& in, std::string_view fmt, Args& args, int depth);
void install_file_type(Interpreter& in, Module& b); // files.cpp

void sort_values(Interpreter& in, std::vector<Value>& items, const Value& key,
                 bool reverse); // sorting.cpp

namespace {

#define B(fn) Value fn(Interpreter& in, const Value& self, Args& a)

void nargs(Interpreter& in, const char* name, Args& a, size_t lo, size_t hi) {
    if (!a.kw.empty()) in.raise("TypeError", std::string(name) + "() takes no keyword arguments");
    if (a.size() < lo || a.size() > hi) {
        if (lo == hi && lo == 1)
            in.raise("TypeError", std::string(name) + "() takes exactly one argument (" +
                                      std::to_string(a.size()) + " given)");
        if (a.size() < lo)
            in.raise("TypeError", std::string(name) + " expected " + (lo == hi ? "" : "at least ") +
                                      std::to_string(lo) + " argument" + (lo == 1 ? "" : "s") +
                                      ", got " + std::to_string(a.size()));
        in.raise("TypeError", std::string(name) + " expected at most " + std::to_string(hi) +
                                  " argument" + (hi == 1 ? "" : "s") + ", got " +
                                  std::to_string(a.size()));
    }
}

B(b_print) {
    (void)self;
    Value p[4];
    Args none{{}, a.kw};
    parse_args(in, "print", none, {"sep", "end", "file", "flush"}, 0, p);
    std::string sep = " ", end = "\n";
    if (!p[0].empty() && !p[0].is_none()) {
        if (!is_str(p[0]))
            in.raise("TypeError", "sep must be None or a string, not " + in.type_name(p[0]));
        sep = as_str(p[0])->s;
    }
    if (!p[1].empty() && !p[1].is_none()) {
        if (!is_str(p[1]))
            in.raise("TypeError", "end must be None or a string, not " + in.type_name(p[1]));
        end = as_str(p[1])->s;
    }
    std::string out;
    for (size_t i = 0; i < a.size(); ++i) {
        if (i) out += sep;
        const Value& v = a[i];
        if (is_str(v) && !v.obj()->type->heap)
            out += as_str(v)->s;
        else if (v.is_int())
            text::append_int(out, v.as_int());
        else
            out += in.str(v);
    }
    out += end;
    bool flush = !p[3].empty() && in.truthy(p[3]);
    if (!p[2].empty() && !p[2].is_none()) {
        in.call_method(p[2], "write", {new_str(out)});
        if (flush) in.call_method(p[2], "flush", {});
        return Value::none();
    }
    in.write_out(out);
    if (flush) in.output().flush();
    return Value::none();
}

B(b_len) {
    (void)self;
    nargs(in, "len", a, 1, 1);
    return Value::integer(in.len(a[0]));
}
B(b_repr) {
    (void)self;
    nargs(in, "repr", a, 1, 1);
    return new_str(in.repr(a[0]));
}
B(b_ascii) {
    (void)self;
    nargs(in, "ascii", a, 1, 1);
    return new_str(text::ascii_escape(in.repr(a[0])));
}
B(b_abs) {
    (void)self;
    nargs(in, "abs", a, 1, 1);
    const Value& v = a[0];
    if (v.is_int()) return v.as_int() < 0 ? in.unary_op(UnaryKind::Neg, v) : v;
    if (v.is_bool()) return Value::integer(v.as_bool());
    if (v.is_float()) return Value::flt(std::fabs(v.as_float()));
    if (has_layout(v, Layout::BigInt)) return make_int(v.as<BigIntObj>()->v.abs());
    if (!v.type()->lookup("__abs__").empty()) return in.call_method(v, "__abs__", {});
    in.raise("TypeError", "bad operand type for abs(): '" + in.type_name(v) + "'");
}
B(b_round) {
    (void)self;
    Value p[2];
    parse_args(in, "round", a, {"number", "ndigits"}, 1, p);
    const Value& v = p[0];
    bool has_nd = !p[1].empty() && !p[1].is_none();
    if (is_int_like(v)) {
        if (!has_nd) return v.is_bool() ? Value::integer(v.as_bool()) : v;
        int64_t nd = in.index_value(p[1]);
        if (nd >= 0) return v;
        text::BigInt pow10 = text::BigInt::pow(text::BigInt(10), static_cast<uint64_t>(-nd));
        text::BigInt x = to_bigint(v);
        auto [q, r] = text::BigInt::divmod(x, pow10);
        text::BigInt twice = r + r;
        auto c = twice <=> pow10;
        if (c > 0 || (c == 0 && (q.limbs().empty() ? false : (q.limbs()[0] & 1))))
            q += text::BigInt(1);
        return make_int(q * pow10);
    }
    if (v.is_float()) {
        double x = v.as_float();
        if (!has_nd) {
            if (std::isnan(x)) in.raise("ValueError", "cannot convert float NaN to integer");
            if (std::isinf(x))
                in.raise("OverflowError", "cannot convert float infinity to integer");
            double r = std::nearbyint(x); // default rounding mode: half to even
            return int_from_double(in, r);
        }
        int64_t nd = in.index_value(p[1]);
        if (!std::isfinite(x) || x == 0) return v;
        if (nd > 300) return v;
        if (nd < -308) return Value::flt(0.0 * x);
        // Correctly rounded via decimal string conversion, like CPython's dtoa-based round.
        char buf[512];
        std::snprintf(buf, sizeof buf, "%.*e", 17, x);
        // Use exact arithmetic: format with enough digits then round half-even at nd.
        std::snprintf(buf, sizeof buf, "%.*f", static_cast<int>(std::max<int64_t>(nd, 0)), x);
        if (nd >= 0) {
            // printf rounds the exact binary value correctly (half-even on exact ties).
            return Value::flt(std::strtod(buf, nullptr));
        }
        double pow10 = std::pow(10.0, static_cast<double>(-nd));
        double y = std::nearbyint(x / pow10) * pow10;
        return Value::flt(y);
    }
    if (!v.type()->lookup("__round__").empty())
        return has_nd ? in.call_method(v, "__round__", {p[1]}) : in.call_method(v, "__round__", {});
    in.raise("TypeError", "type " + in.type_name(v) + " doesn't define __round__ method");
}
B(b_divmod) {
    (void)self;
    nargs(in, "divmod", a, 2, 2);
    return new_tuple(
        {in.binary_op(BinOpKind::FloorDiv, a[0], a[1]), in.binary_op(BinOpKind::Mod, a[0], a[1])});
}
B(b_pow) {
    (void)self;
    nargs(in, "pow", a, 2, 3);
    if (a.size() == 3) {
        text::BigInt base = to_bigint(a[0]), e = to_bigint(a[1]), m = to_bigint(a[2]);
        if (m.is_zero()) in.raise("ValueError", "pow() 3rd argument cannot be 0");
        text::BigInt result(1);
        base = text::BigInt::mod(base, m);
        while (!e.is_zero()) {
            if (e.limbs()[0] & 1) result = text::BigInt::mod(result * base, m);
            e = e >> 1;
            base = text::BigInt::mod(base * base, m);
        }
        return make_int(result);
    }
    return in.binary_op(BinOpKind::Pow, a[0], a[1]);
}

Value min_max(Interpreter& in, Args& a, bool is_max) {
    const char* name = is_max ? "max" : "min";
    Value key, def;
    for (auto& kw : a.kw) {
        if (kw.name->s == "key")
            key = kw.value;
        else if (kw.name->s == "default")
            def = kw.value;
        else
            in.raise("TypeError", std::string(name) + "() got an unexpected keyword argument '" +
                                      kw.name->s + "'");
    }
    std::vector<Value> items;
    if (a.size() == 0)
        in.raise("TypeError", std::string(name) + " expected at least 1 argument, got 0");
    if (a.size() == 1)
        items = in.to_vector(a[0]);
    else {
        if (!def.empty())
            in.raise("TypeError", std::string("Cannot specify a default for ") + name +
                                      "() with multiple positional arguments");
        items.assign(a.pos.begin(), a.pos.end());
    }
    if (items.empty()) {
        if (!def.empty()) return def;
        in.raise("ValueError", std::string(name) + "() arg is an empty sequence");
    }
    bool has_key = !key.empty() && !key.is_none();
    Value best = items[0];
    Value best_k = has_key ? in.call(key, {best}) : best;
    for (size_t i = 1; i < items.size(); ++i) {
        Value k = has_key ? in.call(key, {items[i]}) : items[i];
        bool better = is_max ? in.lt(best_k, k) : in.lt(k, best_k);
        if (better) {
            best = items[i];
            best_k = k;
        }
    }
    return best;
}
B(b_min) {
    (void)self;
    return min_max(in, a, false);
}
B(b_max) {
    (void)self;
    return min_max(in, a, true);
}
B(b_sum) {
    (void)self;
    Value p[2];
    parse_args(in, "sum", a, {"iterable", "start"}, 1, p);
    Value acc = p[1].empty() ? Value::integer(0) : p[1];
    if (is_str(acc)) in.raise("TypeError", "sum() can't sum strings [use ''.join(seq) instead]");
    Value it = in.iter(p[0]);
    Value x;
    while (in.next(it, x)) {
        if (acc.is_int() && x.is_int()) {
            int64_t r;
            if (!__builtin_add_overflow(acc.as_int(), x.as_int(), &r)) {
                acc = Value::integer(r);
                continue;
            }
        }
        if (acc.is_float() && x.is_float()) {
            acc = Value::flt(acc.as_float() + x.as_float());
            continue;
        }
        acc = in.binary_op(BinOpKind::Add, acc, x);
    }
    return acc;
}
B(b_sorted) {
    (void)self;
    if (a.size() != 1)
        in.raise("TypeError", a.size() == 0
                                  ? "sorted expected 1 argument, got 0"
                                  : "sorted expected 1 argument, got " + std::to_string(a.size()));
    Value key, rev;
    for (auto& kw : a.kw) {
        if (kw.name->s == "key")
            key = kw.value;
        else if (kw.name->s == "reverse")
            rev = kw.value;
        else
            in.raise("TypeError", "sort() got an unexpected keyword argument '" + kw.name->s + "'");
    }
    std::vector<Value> items = in.to_vector(a[0]);
    sort_values(in, items, key, !rev.empty() && in.truthy(rev));
    return new_list(std::move(items));
}
B(b_reversed) {
    (void)self;
    nargs(in, "reversed", a, 1, 1);
    const Value& v = a[0];
    if (has_layout(v, Layout::List) || has_layout(v, Layout::Tuple))
        return Value::steal(new SeqIter(v, true));
    if (!v.type()->lookup("__reversed__").empty()) return in.call_method(v, "__reversed__", {});
    if (has_layout(v, Layout::Range)) {
        Range* r = v.as<Range>();
        int64_t n = r->length();
        return Value::steal(new RangeIter(r->start + (n - 1) * r->step, -r->step, n));
    }
    if (is_str(v) || has_layout(v, Layout::Dict) || !v.type()->lookup("__getitem__").empty()) {
        std::vector<Value> items =
            in.to_vector(has_layout(v, Layout::Dict) ? in.call_method(v, "keys", {}) : v);
        return Value::steal(new SeqIter(new_list(std::move(items)), true));
    }
    in.raise("TypeError", "'" + in.type_name(v) + "' object is not reversible");
}
B(b_enumerate) {
    (void)self;
    Value p[2];
    parse_args(in, "enumerate", a, {"iterable", "start"}, 1, p);
    Value it = in.iter(p[0]);
    Value start = p[1].empty() ? Value::integer(0) : p[1];
    return make_func_iter(
        builtin_type("enumerate"), {it, start}, [](Interpreter& in, FuncIter& f, Value& out) {
            Value x;
            if (!in.next(f.refs[0], x)) return false;
            Value i = f.refs[1];
            f.refs[1] = i.is_int() ? Value::integer(i.as_int() + 1)
                                   : in.binary_op(BinOpKind::Add, i, Value::integer(1));
            out = new_tuple({i, x});
            return true;
        });
}
B(b_zip) {
    (void)self;
    bool strict = false;
    for (auto& kw : a.kw) {
        if (kw.name->s == "strict")
            strict = in.truthy(kw.value);
        else
            in.raise("TypeError", "zip() got an unexpected keyword argument '" + kw.name->s + "'");
    }
    std::vector<Value> its;
    for (auto& v : a.pos)
        its.push_back(in.iter(v));
    (void)strict;
    return make_func_iter(builtin_type("zip"), std::move(its),
                          [](Interpreter& in, FuncIter& f, Value& out) {
                              if (f.refs.empty()) return false;
                              std::vector<Value> items;
                              for (auto& it : f.refs) {
                                  Value x;
                                  if (!in.next(it, x)) return false;
                                  items.push_back(std::move(x));
                              }
                              out = new_tuple(std::move(items));
                              return true;
                          });
}
B(b_map) {
    (void)self;
    if (a.size() < 2) in.raise("TypeError", "map() must have at least two arguments.");
    std::vector<Value> refs{a[0]};
    for (size_t i = 1; i < a.size(); ++i)
        refs.push_back(in.iter(a[i]));
    return make_func_iter(builtin_type("map"), std::move(refs),
                          [](Interpreter& in, FuncIter& f, Value& out) {
                              std::vector<Value> args;
                              for (size_t i = 1; i < f.refs.size(); ++i) {
                                  Value x;
                                  if (!in.next(f.refs[i], x)) return false;
                                  args.push_back(std::move(x));
                              }
                              Args ca{std::span<const Value>(args), {}};
                              out = in.call(f.refs[0], ca);
                              return true;
                          });
}
B(b_filter) {
    (void)self;
    nargs(in, "filter", a, 2, 2);
    return make_func_iter(builtin_type("filter"), {a[0], in.iter(a[1])},
                          [](Interpreter& in, FuncIter& f, Value& out) {
                              Value x;
                              while (in.next(f.refs[1], x)) {
                                  bool keep = f.refs[0].is_none()
                                                  ? in.truthy(x)
                                                  : in.truthy(in.call(f.refs[0], {x}));
                                  if (keep) {
                                      out = std::move(x);
                                      return true;
                                  }
                              }
                              return false;
                          });
}
B(b_any) {
    (void)self;
    nargs(in, "any", a, 1, 1);
    Value it = in.iter(a[0]);
    Value x;
    while (in.next(it, x))
        if (in.truthy(x)) return Value::boolean(true);
    return Value::boolean(false);
}
B(b_all) {
    (void)self;
    nargs(in, "all", a, 1, 1);
    Value it = in.iter(a[0]);
    Value x;
    while (in.next(it, x))
        if (!in.truthy(x)) return Value::boolean(false);
    return Value::boolean(true);
}

bool isinstance_of(Interpreter& in, const Value& v, const Value& spec, bool sub, int depth = 0) {
    if (depth > 50)
        in.raise("RecursionError", "maximum recursion depth exceeded in __instancecheck__");
    if (has_layout(spec, Layout::Tuple)) {
        for (auto& s : spec.as<Tuple>()->items)
            if (isinstance_of(in, v, s, sub, depth + 1)) return true;
        return false;
    }
    if (!has_layout(spec, Layout::Type)) {
        if (sub)
            in.raise("TypeError",
                     "issubclass() arg 2 must be a class, a tuple of classes, or a union");
        in.raise("TypeError", "isinstance() arg 2 must be a type, a tuple of types, or a union");
    }
    Type* t = spec.as<Type>();
    if (sub) {
        if (!has_layout(v, Layout::Type))
            in.raise("TypeError", "issubclass() arg 1 must be a class");
        return v.as<Type>()->is_subtype(t);
    }
    if (v.type()->is_subtype(t)) return true;
    if (t == Types::int_ && v.is_bool()) return true;
    Value ic = t->lookup("__instancecheck__");
    if (!ic.empty() && !has_layout(ic, Layout::NativeFunction))
        return in.truthy(in.call(ic, {spec, v}));
    return false;
}
B(b_isinstance) {
    (void)self;
    nargs(in, "isinstance", a, 2, 2);
    return Value::boolean(isinstance_of(in, a[0], a[1], false));
}
B(b_issubclass) {
    (void)self;
    nargs(in, "issubclass", a, 2, 2);
    return Value::boolean(isinstance_of(in, a[0], a[1], true));
}
Str* attr_name(Interpreter& in, const Value& v, const char* fn) {
    if (!is_str(v))
        in.raise("TypeError", std::string(fn) + "(): attribute name must be string, not '" +
                                  in.type_name(v) + "'");
    return intern(as_str(v)->s);
}
B(b_getattr) {
    (void)self;
    nargs(in, "getattr", a, 2, 3);
    Str* n = attr_name(in, a[1], "getattr");
    if (a.size() == 3) {
        Value v = in.getattr_opt(a[0], n);
        return v.empty() ? a[2] : v;
    }
    return in.getattr(a[0], n);
}
B(b_setattr) {
    (void)self;
    nargs(in, "setattr", a, 3, 3);
    in.setattr(a[0], attr_name(in, a[1], "setattr"), a[2]);
    return Value::none();
}
B(b_delattr) {
    (void)self;
    nargs(in, "delattr", a, 2, 2);
    in.delattr(a[0], attr_name(in, a[1], "delattr"));
    return Value::none();
}
B(b_hasattr) {
    (void)self;
    nargs(in, "hasattr", a, 2, 2);
    return Value::boolean(in.hasattr(a[0], attr_name(in, a[1], "hasattr")));
}
B(b_callable) {
    (void)self;
    nargs(in, "callable", a, 1, 1);
    const Value& v = a[0];
    if (!v.is_obj()) return Value::boolean(false);
    Layout l = v.obj()->type->layout;
    if (l == Layout::Function || l == Layout::NativeFunction || l == Layout::BoundMethod ||
        l == Layout::Type)
        return Value::boolean(true);
    return Value::boolean(!v.type()->lookup("__call__").empty());
}
B(b_iter) {
    (void)self;
    nargs(in, "iter", a, 1, 2);
    if (a.size() == 2) {
        return make_func_iter(Types::iterator, {a[0], a[1]},
                              [](Interpreter& in, FuncIter& f, Value& out) {
                                  out = in.call(f.refs[0], {});
                                  return !in.eq(out, f.refs[1]);
                              });
    }
    return in.iter(a[0]);
}
B(b_next) {
    (void)self;
    nargs(in, "next", a, 1, 2);
    if (!has_layout(a[0], Layout::Iterator) && a[0].type()->lookup("__next__").empty())
        in.raise("TypeError", "'" + in.type_name(a[0]) + "' object is not an iterator");
    Value out;
    if (in.next(a[0], out)) return out;
    if (a.size() == 2) return a[1];
    raise_stop_iteration(in, a[0]);
}
B(b_chr) {
    (void)self;
    nargs(in, "chr", a, 1, 1);
    int64_t c = in.index_value(a[0]);
    if (c < 0 || c > 0x10FFFF) in.raise("ValueError", "chr() arg not in range(0x110000)");
    return new_str(text::utf8_encode(static_cast<char32_t>(c)));
}
B(b_ord) {
    (void)self;
    nargs(in, "ord", a, 1, 1);
    if (has_layout(a[0], Layout::Bytes)) {
        auto& s = a[0].as<Bytes>()->s;
        if (s.size() != 1)
            in.raise("TypeError", "ord() expected a character, but string of length " +
                                      std::to_string(s.size()) + " found");
        return Value::integer(static_cast<unsigned char>(s[0]));
    }
    if (!is_str(a[0]))
        in.raise("TypeError",
                 "ord() expected string of length 1, but " + in.type_name(a[0]) + " found");
    Str* s = as_str(a[0]);
    if (s->length() != 1)
        in.raise("TypeError", "ord() expected a character, but string of length " +
                                  std::to_string(s->length()) + " found");
    size_t pos = 0;
    return Value::integer(static_cast<int64_t>(text::utf8_decode(s->s, pos)));
}
Value int_base(Interpreter& in, Args& a, int base, const char* name) {
    nargs(in, name, a, 1, 1);
    const Value& v = a[0];
    if (!is_int_like(v)) {
        if (!v.type()->lookup("__index__").empty())
            return new_str(text::int_to_string(in.index_value(v), base));
        in.raise("TypeError",
                 "'" + in.type_name(v) + "' object cannot be interpreted as an integer");
    }
    if (has_layout(v, Layout::BigInt))
        return new_str(text::int_to_string(v.as<BigIntObj>()->v, base));
    return new_str(text::int_to_string(v.is_bool() ? v.as_bool() : v.as_int(), base));
}
B(b_hex) {
    (void)self;
    return int_base(in, a, 16, "hex");
}
B(b_oct) {
    (void)self;
    return int_base(in, a, 8, "oct");
}
B(b_bin) {
    (void)self;
    return int_base(in, a, 2, "bin");
}
B(b_hash) {
    (void)self;
    nargs(in, "hash", a, 1, 1);
    return Value::integer(in.hash(a[0]));
}
B(b_id) {
    (void)self;
    nargs(in, "id", a, 1, 1);
    return Value::integer(static_cast<int64_t>(a[0].identity() & 0x7fffffffffffffffULL));
}
B(b_vars) {
    (void)self;
    nargs(in, "vars", a, 0, 1);
    if (a.size() == 0)
        return in.frame && in.frame->ns ? Value(in.frame->ns) : Value(in.frame->module->dict.get());
    Value d = in.getattr_opt(a[0], intern("__dict__"));
    if (d.empty()) in.raise("TypeError", "vars() argument must have __dict__ attribute");
    return d;
}
B(b_dir) {
    (void)self;
    nargs(in, "dir", a, 0, 1);
    std::vector<std::string> names;
    if (a.size() == 0) {
        for (auto& e : in.frame->module->dict->entries)
            if (is_str(e.key)) names.push_back(as_str(e.key)->s);
    } else {
        const Value& v = a[0];
        auto add_dict = [&](Dict* d) {
            for (auto& e : d->entries)
                if (is_str(e.key)) names.push_back(as_str(e.key)->s);
        };
        if (has_layout(v, Layout::Module)) {
            define_deferred_names(in, *v.as<Module>());
            add_dict(v.as<Module>()->dict.get());
        } else if (has_layout(v, Layout::Type)) {
            for (Type* t : v.as<Type>()->mro)
                add_dict(t->dict.get());
        } else {
            if (v.obj_or_null() && v.obj()->attrs) add_dict(static_cast<Dict*>(v.obj()->attrs));
            for (Type* t : v.type()->mro)
                add_dict(t->dict.get());
        }
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    std::vector<Value> out;
    for (auto& n : names)
        out.push_back(new_str(n));
    return new_list(std::move(out));
}
B(b_globals) {
    (void)self;
    (void)a;
    return Value(in.frame->module->dict.get());
}
// The caller's locals: a class body's namespace, the module's globals, or a snapshot of a
// function's variables.
Value frame_locals(Frame* f) {
    if (f->ns) return Value(f->ns);
    if (!f->func) return Value(f->module->dict.get());
    Ref<Dict> d = make<Dict>();
    for (size_t i = 0; i < f->code->slot_names.size(); ++i) {
        Value v = f->slots[i];
        if (has_layout(v, Layout::Cell)) v = v.as<Cell>()->value;
        if (!v.empty() && f->code->slot_names[i]->s[0] != '.')
            d->set_str(f->code->slot_names[i], v);
    }
    return d;
}
B(b_locals) {
    (void)self;
    (void)a;
    return frame_locals(in.frame);
}
B(b_input) {
    (void)self;
    nargs(in, "input", a, 0, 1);
    if (a.size()) in.write_out(in.str(a[0]));
    in.output().flush();
    std::string line;
    if (!in.output().read_line(line)) in.raise("EOFError", "EOF when reading a line");
    return new_str(line);
}
B(b_format) {
    (void)self;
    nargs(in, "format", a, 1, 2);
    std::string spec = a.size() > 1 ? std::string(as_str(a[1])->s) : "";
    return new_str(in.format(a[0], spec));
}
// exec()/eval(source, globals=None, locals=None): the dicts the source runs in, the caller's
// globals and locals by default.
Value run_source(Interpreter& in, const char* fn, Interpreter::SourceKind kind, Args& a) {
    nargs(in, fn, a, 1, 3);
    if (!is_str(a[0]))
        in.raise("TypeError", std::string(fn) + "() arg 1 must be a string, bytes or code object");
    Value globals = a.size() > 1 ? a[1] : Value::none();
    Value locals = a.size() > 2 ? a[2] : Value::none();
    bool is_exec = kind == Interpreter::SourceKind::Program;
    if (!globals.is_none() && !has_layout(globals, Layout::Dict))
        in.raise("TypeError", is_exec
                                  ? "exec() globals must be a dict, not " + in.type_name(globals)
                                  : std::string("globals must be a dict"));
    if (!locals.is_none() && !has_layout(locals, Layout::Dict))
        in.raise("TypeError", is_exec
                                  ? "locals must be a mapping or None, not " + in.type_name(locals)
                                  : std::string("locals must be a mapping"));
    if (globals.is_none()) {
        globals = Value(in.frame->module->dict.get());
        if (locals.is_none()) locals = frame_locals(in.frame);
    } else if (locals.is_none()) {
        locals = globals;
    }
    return in.run_string(as_str(a[0])->s, kind, *globals.as<Dict>(), *locals.as<Dict>());
}
B(b_eval) {
    (void)self;
    return run_source(in, "eval", Interpreter::SourceKind::Expression, a);
}
B(b_exec) {
    (void)self;
    run_source(in, "exec", Interpreter::SourceKind::Program, a);
    return Value::none();
}
B(b_import) {
    (void)self;
    if (a.size() < 1 || !is_str(a[0])) in.raise("TypeError", "__import__() argument 1 must be str");
    std::string name = as_str(a[0])->s;
    Module* m = in.import_module(name);
    bool fromlist = false;
    for (auto& kw : a.kw)
        if (kw.name->s == "fromlist" && in.truthy(kw.value)) fromlist = true;
    if (a.size() >= 4 && in.truthy(a[3])) fromlist = true;
    if (fromlist || name.find('.') == std::string::npos) return Value(m);
    return Value(in.import_module(name.substr(0, name.find('.'))));
}

} // namespace

void install_builtins(Interpreter& in, Module& b) {
    struct {
        const char* n;
        NativeFn f;
    } fns[] = {
        {"print", b_print},
        {"len", b_len},
        {"repr", b_repr},
        {"ascii", b_ascii},
        {"abs", b_abs},
        {"round", b_round},
        {"divmod", b_divmod},
        {"pow", b_pow},
        {"min", b_min},
        {"max", b_max},
        {"sum", b_sum},
        {"sorted", b_sorted},
        {"reversed", b_reversed},
        {"enumerate", b_enumerate},
        {"zip", b_zip},
        {"map", b_map},
        {"filter", b_filter},
        {"any", b_any},
        {"all", b_all},
        {"isinstance", b_isinstance},
        {"issubclass", b_issubclass},
        {"getattr", b_getattr},
        {"setattr", b_setattr},
        {"delattr", b_delattr},
        {"hasattr", b_hasattr},
        {"callable", b_callable},
        {"iter", b_iter},
        {"next", b_next},
        {"chr", b_chr},
        {"ord", b_ord},
        {"hex", b_hex},
        {"oct", b_oct},
        {"bin", b_bin},
        {"hash", b_hash},
        {"id", b_id},
        {"vars", b_vars},
        {"dir", b_dir},
        {"globals", b_globals},
        {"locals", b_locals},
        {"input", b_input},
        {"format", b_format},
        {"eval", b_eval},
        {"exec", b_exec},
        {"__import__", b_import},
    };
    Dict& d = *b.dict;
    for (auto& f : fns)
        d.set_str(intern(f.n), make_native_function(f.n, f.f, false));
    struct {
        const char* n;
        Type* t;
    } types[] = {
        {"object", Types::object},
        {"type", Types::type},
        {"int", Types::int_},
        {"float", Types::float_},
        {"bool", Types::bool_},
        {"str", Types::str},
        {"bytes", Types::bytes},
        {"tuple", Types::tuple},
        {"list", Types::list},
        {"dict", Types::dict},
        {"set", Types::set},
        {"frozenset", Types::frozenset},
        {"range", Types::range},
        {"slice", Types::slice},
        {"property", Types::property},
        {"staticmethod", Types::staticmethod},
        {"classmethod", Types::classmethod},
        {"super", Types::super},
    };
    for (auto& t : types)
        d.set_str(intern(t.n), Value(t.t));
    for (const char* e : {"BaseException",
                          "SystemExit",
                          "KeyboardInterrupt",
                          "GeneratorExit",
                          "Exception",
                          "StopIteration",
                          "ArithmeticError",
                          "OverflowError",
                          "ZeroDivisionError",
                          "FloatingPointError",
                          "AssertionError",
                          "AttributeError",
                          "BufferError",
                          "EOFError",
                          "ImportError",
                          "ModuleNotFoundError",
                          "LookupError",
                          "IndexError",
                          "KeyError",
                          "MemoryError",
                          "NameError",
                          "UnboundLocalError",
                          "OSError",
                          "IOError",
                          "EnvironmentError",
                          "FileNotFoundError",
                          "FileExistsError",
                          "PermissionError",
                          "IsADirectoryError",
                          "NotADirectoryError",
                          "TimeoutError",
                          "ConnectionError",
                          "ReferenceError",
                          "RuntimeError",
                          "NotImplementedError",
                          "RecursionError",
                          "SyntaxError",
                          "IndentationError",
                          "TabError",
                          "SystemError",
                          "TypeError",
                          "ValueError",
                          "UnicodeError",
                          "UnicodeDecodeError",
                          "UnicodeEncodeError",
                          "Warning",
                          "UserWarning",
                          "DeprecationWarning",
                          "RuntimeWarning",
                          "FutureWarning",
                          "StopAsyncIteration"})
        d.set_str(intern(e), Value(builtin_type(e)));
    d.set_str(intern("None"), Value::none());
    d.set_str(intern("True"), Value::boolean(true));
    d.set_str(intern("False"), Value::boolean(false));
    d.set_str(intern("NotImplemented"), Value(Singletons::not_implemented));
    d.set_str(intern("Ellipsis"), Value(Singletons::ellipsis));
    d.set_str(intern("__name__"), new_str("builtins"));
    d.set_str(intern("__debug__"), Value::boolean(true));
    install_file_type(in, b);
}

} // namespace ormsh::lang
