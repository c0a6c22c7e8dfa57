// The operator and container protocols: binary and unary operators with reflected dunder
// dispatch and NotImplemented, rich comparisons, truth, hashing, subscripts, len, repr/str,
// format and iteration — fast paths for builtin types first, then the type's dunder methods.
#include "repl/lang/generator.h"
#include "repl/lang/interpreter.h"
#include "repl/lang/iterators.h"
#include "repl/lang/numbers.h"
#include "repl/lang/text/errors.h"
#include "repl/lang/text/float_repr.h"
#include "repl/lang/text/format_spec.h"
#include "repl/lang/text/int_text.h"
#include "repl/lang/text/slice.h"
#include "repl/lang/text/str_methods.h"
#include "repl/lang/text/str_repr.h"
#include "repl/lang/text/utf8.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <unordered_set>

namespace ormsh::lang {

Value make_generic_alias(Interpreter& in, const Value& origin,
                         const Value& key); // annotation_types.cpp

std::string percent_format_value(Interpreter& in, std::string_view fmt,
                                 const Value& args); // format.cpp

namespace {

// A dunder name, interned once per call site: these are looked up on every attribute access
// and operator, and interning hashes the text each time.
#define S(text)                                                                                    \
    ([]() -> Str* {                                                                                \
        static Str* const interned = intern(text);                                                 \
        return interned;                                                                           \
    }())
// Operations on a class object itself (iter(Color), len(Color), x in Color, repr(Color)) go
// through its metaclass in CPython. Classes opt in here by defining the classmethods
// __class_iter__, __class_len__, __class_contains__ or __class_repr__, as they define
// __class_getitem__ for Color[...]. Empty when the class does not define `name`.
Value class_hook(Interpreter& in, const Value& cls, Str* name, std::initializer_list<Value> args) {
    if (!has_layout(cls, Layout::Type) || cls.as<Type>()->lookup(name).empty()) return Value();
    return in.call(in.getattr(cls, name), args);
}

// True when `f` is the slot `name` of a builtin type: the evaluator implements those directly
// by layout, so only other definitions (Python or native subclasses) need a call.
bool is_builtin_slot(const Value& f, Str* name) {
    for (Type* t :
         {Types::object, Types::int_, Types::float_, Types::str, Types::bool_, Types::tuple,
          Types::list, Types::dict, Types::set, Types::frozenset, Types::bytes})
        if (f.is(t->lookup(name))) return true;
    return false;
}

// A heap subclass of a builtin container or scalar (class P(tuple)) that does not redefine
// `name` in Python behaves like its base for that operation.
bool python_defines(Type* t, Str* name) {
    Value f = t->lookup(name);
    return !f.empty() && !has_layout(f, Layout::NativeFunction);
}

const char* op_symbol(BinOpKind op) {
    switch (op) {
    case BinOpKind::Add:
        return "+";
    case BinOpKind::Sub:
        return "-";
    case BinOpKind::Mul:
        return "*";
    case BinOpKind::Div:
        return "/";
    case BinOpKind::FloorDiv:
        return "//";
    case BinOpKind::Mod:
        return "%";
    case BinOpKind::Pow:
        return "**";
    case BinOpKind::MatMul:
        return "@";
    case BinOpKind::LShift:
        return "<<";
    case BinOpKind::RShift:
        return ">>";
    case BinOpKind::BitAnd:
        return "&";
    case BinOpKind::BitOr:
        return "|";
    case BinOpKind::BitXor:
        return "^";
    }
    return "?";
}

const char* const kDunder[][3] = {
    {"__add__", "__radd__", "__iadd__"},
    {"__sub__", "__rsub__", "__isub__"},
    {"__mul__", "__rmul__", "__imul__"},
    {"__truediv__", "__rtruediv__", "__itruediv__"},
    {"__floordiv__", "__rfloordiv__", "__ifloordiv__"},
    {"__mod__", "__rmod__", "__imod__"},
    {"__pow__", "__rpow__", "__ipow__"},
    {"__matmul__", "__rmatmul__", "__imatmul__"},
    {"__lshift__", "__rlshift__", "__ilshift__"},
    {"__rshift__", "__rrshift__", "__irshift__"},
    {"__and__", "__rand__", "__iand__"},
    {"__or__", "__ror__", "__ior__"},
    {"__xor__", "__rxor__", "__ixor__"},
};

bool is_not_implemented(const Value& v) {
    return v.is_obj() && v.obj() == Singletons::not_implemented;
}

bool is_seq(const Value& v) {
    return has_layout(v, Layout::List) || has_layout(v, Layout::Tuple);
}
std::span<const Value> seq_items(const Value& v) {
    if (has_layout(v, Layout::List)) return v.as<List>()->items;
    return v.as<Tuple>()->items;
}

// Calls a dunder found on the type (not the instance), or returns empty when absent.
Value call_dunder(Interpreter& in, const Value& obj, Str* name, std::initializer_list<Value> args,
                  bool* found = nullptr) {
    Value m = obj.type()->lookup(name);
    if (found) *found = !m.empty();
    if (m.empty() || m.is_none()) {
        if (found) *found = false;
        return Value();
    }
    std::vector<Value> pos{obj};
    pos.insert(pos.end(), args.begin(), args.end());
    if (has_layout(m, Layout::Function)) {
        Args a{std::span<const Value>(pos.data() + 1, pos.size() - 1), {}};
        return in.call_function(m.as<Function>(), &obj, a);
    }
    if (has_layout(m, Layout::NativeFunction)) {
        Args a{std::span<const Value>(pos.data() + 1, pos.size() - 1), {}};
        NativeFunction* nf = m.as<NativeFunction>();
        return nf->fn ? nf->fn(in, obj, a) : nf->closure(in, obj, a);
    }
    if (has_layout(m, Layout::StaticMethod)) {
        Args a{std::span<const Value>(pos.data() + 1, pos.size() - 1), {}};
        return in.call(m.as<WrapperDescr>()->func, a);
    }
    Args a{std::span<const Value>(pos), {}};
    return in.call(m, a);
}

// A repetition whose result could never fit in memory ('ab' * 2**61) is MemoryError before
// anything is allocated; Interpreter::max_sequence_bytes bounds it.
void check_repeat_size(Interpreter& in, const Value& seq, int64_t n) {
    if (n <= 0) return;
    Layout l = seq.obj()->type->layout;
    size_t item = l == Layout::Str     ? as_str(seq)->s.size()
                  : l == Layout::Bytes ? seq.as<Bytes>()->s.size()
                  : l == Layout::List  ? seq.as<List>()->items.size() * sizeof(Value)
                                       : seq.as<Tuple>()->items.size() * sizeof(Value);
    if (item != 0 && static_cast<uint64_t>(n) > in.max_sequence_bytes / item)
        in.raise("MemoryError", "");
}

std::vector<Value> repeat(std::span<const Value> v, int64_t n) {
    std::vector<Value> out;
    if (n <= 0) return out;
    out.reserve(v.size() * static_cast<size_t>(n));
    for (int64_t i = 0; i < n; ++i)
        out.insert(out.end(), v.begin(), v.end());
    return out;
}

thread_local std::vector<Object*> g_repr_stack;

struct ReprGuard {
    bool recursive = false;
    Object* o;
    explicit ReprGuard(Object* obj) : o(obj) {
        for (Object* x : g_repr_stack)
            if (x == o) recursive = true;
        if (!recursive) g_repr_stack.push_back(o);
    }
    ~ReprGuard() {
        if (!recursive) g_repr_stack.pop_back();
    }
};

std::string hex_addr(const void* p) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "0x%012lx",
                  static_cast<unsigned long>(reinterpret_cast<uintptr_t>(p)));
    return buf;
}

} // namespace

// ---- binary operators ----

Value Interpreter::binary_op(BinOpKind op, const Value& a, const Value& b, bool inplace) {
    // Numbers.
    if (Value r; fast_binary(op, a, b, r)) return r;
    bool ai = is_int_like(a), bi = is_int_like(b);
    if (ai && bi) {
        Value r = int_binary(*this, op, a, b);
        if (!r.empty()) return r;
    } else if ((ai || a.is_float()) && (bi || b.is_float())) {
        Value r = float_binary(*this, op, *to_double(a), *to_double(b));
        if (!r.empty()) return r;
    }
    Layout la = a.is_obj() ? a.obj()->type->layout : Layout::Object;
    Layout lb = b.is_obj() ? b.obj()->type->layout : Layout::Object;
    // Builtin types (not subclasses, Python or native like Counter) take the fast paths.
    auto builtin = [](const Value& v) {
        if (!v.is_obj()) return true;
        Type* t = v.obj()->type;
        return !t->heap && (t->bases.empty() || t->bases[0].get() == Types::object);
    };
    bool a_builtin = builtin(a);
    bool b_builtin = builtin(b);
    if (a_builtin && b_builtin) {
        switch (op) {
        case BinOpKind::Add:
            if (la == Layout::Str && lb == Layout::Str) {
                const Str* x = as_str(a);
                const Str* y = as_str(b);
                if (x->s.size() + y->s.size() <= 1) return new_str(std::string(x->s) + y->s);
                Str* r = Str::alloc(x->s.size() + y->s.size());
                if (!x->s.empty()) std::memcpy(r->chars(), x->s.data(), x->s.size());
                if (!y->s.empty()) std::memcpy(r->chars() + x->s.size(), y->s.data(), y->s.size());
                if (x->ascii && y->ascii)
                    r->finish_ascii();
                else
                    r->finish();
                return Value::steal(r);
            }
            if (la == Layout::Str)
                raise("TypeError",
                      "can only concatenate str (not \"" + type_name(b) + "\") to str");
            if (la == Layout::List && lb == Layout::List) {
                if (inplace) {
                    auto& items = a.as<List>()->items;
                    auto copy = b.as<List>()->items;
                    items.insert(items.end(), copy.begin(), copy.end());
                    return a;
                }
                std::vector<Value> r = a.as<List>()->items;
                r.insert(r.end(), b.as<List>()->items.begin(), b.as<List>()->items.end());
                return new_list(std::move(r));
            }
            if (la == Layout::List && inplace) {
                auto items = to_vector(b);
                auto& dst = a.as<List>()->items;
                dst.insert(dst.end(), items.begin(), items.end());
                return a;
            }
            if (la == Layout::List)
                raise("TypeError",
                      "can only concatenate list (not \"" + type_name(b) + "\") to list");
            if (la == Layout::Tuple && lb == Layout::Tuple) {
                const TupleItems& x = a.as<Tuple>()->items;
                const TupleItems& y = b.as<Tuple>()->items;
                Tuple* r = Tuple::alloc(x.size() + y.size());
                std::copy(x.begin(), x.end(), r->items.begin());
                std::copy(y.begin(), y.end(), r->items.begin() + x.size());
                return Value::steal(r);
            }
            if (la == Layout::Tuple)
                raise("TypeError",
                      "can only concatenate tuple (not \"" + type_name(b) + "\") to tuple");
            if (la == Layout::Bytes && lb == Layout::Bytes)
                return Value::steal(new Bytes(a.as<Bytes>()->s + b.as<Bytes>()->s));
            break;
        case BinOpKind::Mul: {
            const Value* seq = nullptr;
            const Value* n = nullptr;
            if (is_int_like(b) && a.is_obj()) {
                seq = &a;
                n = &b;
            } else if (is_int_like(a) && b.is_obj()) {
                seq = &b;
                n = &a;
            }
            if (seq) {
                Layout l = seq->obj()->type->layout;
                if (l == Layout::Str || l == Layout::List || l == Layout::Tuple ||
                    l == Layout::Bytes) {
                    int64_t k = index_value(*n);
                    check_repeat_size(*this, *seq, k);
                    if (l == Layout::Str) return new_str(text::str_repeat(as_str(*seq)->s, k));
                    if (l == Layout::Bytes)
                        return Value::steal(new Bytes(text::str_repeat(seq->as<Bytes>()->s, k)));
                    if (l == Layout::List) {
                        if (inplace && seq == &a) {
                            auto r = repeat(a.as<List>()->items, k);
                            a.as<List>()->items = std::move(r);
                            return a;
                        }
                        return new_list(repeat(seq->as<List>()->items, k));
                    }
                    return new_tuple(repeat(seq->as<Tuple>()->items, k));
                }
            }
            if ((la == Layout::Str || la == Layout::List || la == Layout::Tuple) &&
                (b.is_float() || b.is_obj()))
                raise("TypeError",
                      "can't multiply sequence by non-int of type '" + type_name(b) + "'");
            if ((lb == Layout::Str || lb == Layout::List || lb == Layout::Tuple) && (a.is_float()))
                raise("TypeError",
                      "can't multiply sequence by non-int of type '" + type_name(a) + "'");
            break;
        }
        case BinOpKind::Mod:
            if (la == Layout::Str) return new_str(percent_format_value(*this, as_str(a)->s, b));
            break;
        case BinOpKind::BitOr:
        case BinOpKind::BitAnd:
        case BinOpKind::Sub:
        case BinOpKind::BitXor:
            if (la == Layout::Set && lb == Layout::Set) {
                Set* x = a.as<Set>();
                Set* y = b.as<Set>();
                Ref<Set> r = make<Set>(x->frozen);
                if (op == BinOpKind::BitOr) {
                    for (auto& s : x->table)
                        if (!s.key.empty() && !s.dummy) r->add(*this, s.key);
                    for (auto& s : y->table)
                        if (!s.key.empty() && !s.dummy) r->add(*this, s.key);
                } else if (op == BinOpKind::BitAnd) {
                    // CPython iterates the smaller set.
                    Set* small = x->size() > y->size() ? y : x;
                    Set* large = small == x ? y : x;
                    for (auto& s : small->table)
                        if (!s.key.empty() && !s.dummy && large->contains(*this, s.key))
                            r->add(*this, s.key);
                } else if (op == BinOpKind::Sub) {
                    for (auto& s : x->table)
                        if (!s.key.empty() && !s.dummy && !y->contains(*this, s.key))
                            r->add(*this, s.key);
                } else {
                    // CPython starts from a copy of the right operand and toggles.
                    for (auto& s : y->table)
                        if (!s.key.empty() && !s.dummy) r->add(*this, s.key);
                    for (auto& s : x->table) {
                        if (s.key.empty() || s.dummy) continue;
                        if (!r->discard(*this, s.key)) r->add(*this, s.key);
                    }
                }
                if (inplace && !x->frozen) {
                    x->clear();
                    for (auto& s : r->table)
                        if (!s.key.empty() && !s.dummy) x->add(*this, s.key);
                    return a;
                }
                return r;
            }
            if (op == BinOpKind::BitOr && la == Layout::Dict && lb == Layout::Dict) {
                Ref<Dict> r = inplace ? Ref<Dict>(a.as<Dict>()) : make<Dict>();
                if (!inplace)
                    for (auto& e : a.as<Dict>()->entries)
                        if (!e.key.empty()) r->set(*this, e.key, e.value);
                for (auto& e : b.as<Dict>()->entries)
                    if (!e.key.empty()) r->set(*this, e.key, e.value);
                return r;
            }
            break;
        default:
            break;
        }
    }
    // Set algebra on dict views (d.keys() & other).
    if ((la == Layout::DictView || lb == Layout::DictView) &&
        (op == BinOpKind::BitAnd || op == BinOpKind::BitOr || op == BinOpKind::Sub ||
         op == BinOpKind::BitXor) &&
        (la == Layout::DictView || la == Layout::Set) &&
        (lb == Layout::DictView || lb == Layout::Set)) {
        Value sa = la == Layout::Set ? a : call(Value(Types::set), {a});
        Value sb = lb == Layout::Set ? b : call(Value(Types::set), {b});
        return binary_op(op, sa, sb);
    }
    // Dunder dispatch.
    int oi = static_cast<int>(op);
    Str* name = intern(kDunder[oi][0]);
    Str* rname = intern(kDunder[oi][1]);
    if (inplace) {
        bool found = false;
        Value r = call_dunder(*this, a, intern(kDunder[oi][2]), {b}, &found);
        if (found && !is_not_implemented(r)) return r;
    }
    Type* ta = a.type();
    Type* tb = b.type();
    bool b_first = ta != tb && tb->is_subtype(ta) && !tb->lookup(rname).empty() &&
                   !(tb->lookup(rname).is(ta->lookup(rname)));
    if (b_first) {
        Value r = call_dunder(*this, b, rname, {a});
        if (!r.empty() && !is_not_implemented(r)) return r;
    }
    {
        bool found = false;
        Value r = call_dunder(*this, a, name, {b}, &found);
        if (found && !is_not_implemented(r)) return r;
    }
    if (ta != tb && !b_first) {
        bool found = false;
        Value r = call_dunder(*this, b, rname, {a}, &found);
        if (found && !is_not_implemented(r)) return r;
    }
    // str % obj formats any right operand that did not take the operation itself.
    if (op == BinOpKind::Mod && la == Layout::Str)
        return new_str(percent_format_value(*this, as_str(a)->s, b));
    std::string sym = op_symbol(op);
    if (inplace) sym += "=";
    if (op == BinOpKind::Pow && !inplace)
        raise("TypeError", "unsupported operand type(s) for ** or pow(): '" + ta->name + "' and '" +
                               tb->name + "'");
    raise("TypeError",
          "unsupported operand type(s) for " + sym + ": '" + ta->name + "' and '" + tb->name + "'");
}

Value Interpreter::unary_op(UnaryKind op, const Value& a) {
    if (op == UnaryKind::Not) return Value::boolean(!truthy(a));
    if (a.is_int() || a.is_bool()) {
        int64_t x = a.is_int() ? a.as_int() : a.as_bool();
        switch (op) {
        case UnaryKind::Neg:
            if (x == INT64_MIN) return make_int(-text::BigInt(x));
            return Value::integer(-x);
        case UnaryKind::Pos:
            return Value::integer(x);
        case UnaryKind::Invert:
            return Value::integer(~x);
        default:
            break;
        }
    }
    if (a.is_float()) {
        if (op == UnaryKind::Neg) return Value::flt(-a.as_float());
        if (op == UnaryKind::Pos) return a;
        raise("TypeError", "bad operand type for unary ~: 'float'");
    }
    if (has_layout(a, Layout::BigInt)) {
        const text::BigInt& x = a.as<BigIntObj>()->v;
        if (op == UnaryKind::Neg) return make_int(-x);
        if (op == UnaryKind::Pos) return a;
        return make_int(~x);
    }
    const char* name = op == UnaryKind::Neg   ? "__neg__"
                       : op == UnaryKind::Pos ? "__pos__"
                                              : "__invert__";
    bool found = false;
    Value r = call_dunder(*this, a, intern(name), {}, &found);
    if (found) return r;
    const char* sym = op == UnaryKind::Neg ? "-" : op == UnaryKind::Pos ? "+" : "~";
    raise("TypeError",
          std::string("bad operand type for unary ") + sym + ": '" + type_name(a) + "'");
}

// ---- comparisons ----

namespace {

// Three-way compare for builtin orderable values; returns false if not applicable. With
// `equality_only`, sequences that differ give 2 (unequal) without ordering their elements.
bool builtin_cmp(Interpreter& in, const Value& a, const Value& b, int& out,
                 bool equality_only = false) {
    if (is_int_like(a) && is_int_like(b)) {
        if (!has_layout(a, Layout::BigInt) && !has_layout(b, Layout::BigInt)) {
            int64_t x = a.is_int() ? a.as_int() : a.as_bool();
            int64_t y = b.is_int() ? b.as_int() : b.as_bool();
            out = x < y ? -1 : x > y ? 1 : 0;
            return true;
        }
        auto c = to_bigint(a) <=> to_bigint(b);
        out = c < 0 ? -1 : c > 0 ? 1 : 0;
        return true;
    }
    if ((is_int_like(a) || a.is_float()) && (is_int_like(b) || b.is_float())) {
        double x = *to_double(a), y = *to_double(b);
        if (std::isnan(x) || std::isnan(y)) {
            out = 2; // unordered
            return true;
        }
        out = x < y ? -1 : x > y ? 1 : 0;
        return true;
    }
    if (is_str(a) && is_str(b)) {
        int c = as_str(a)->s.compare(as_str(b)->s);
        out = c < 0 ? -1 : c > 0 ? 1 : 0;
        return true;
    }
    if (has_layout(a, Layout::Bytes) && has_layout(b, Layout::Bytes)) {
        int c = a.as<Bytes>()->s.compare(b.as<Bytes>()->s);
        out = c < 0 ? -1 : c > 0 ? 1 : 0;
        return true;
    }
    if (is_seq(a) && is_seq(b) && a.obj()->type->layout == b.obj()->type->layout) {
        const auto& x = seq_items(a);
        const auto& y = seq_items(b);
        size_t n = std::min(x.size(), y.size());
        for (size_t i = 0; i < n; ++i) {
            if (x[i].is_int() && y[i].is_int()) {
                if (x[i].as_int() == y[i].as_int()) continue;
                out = x[i].as_int() < y[i].as_int() ? -1 : 1;
                return true;
            }
            if (is_str(x[i]) && is_str(y[i])) {
                int c = as_str(x[i])->s.compare(as_str(y[i])->s);
                if (c == 0) continue;
                out = c < 0 ? -1 : 1;
                return true;
            }
            if (x[i].is(y[i]) || in.eq(x[i], y[i])) continue;
            int c;
            if (builtin_cmp(in, x[i], y[i], c, equality_only)) {
                out = c;
                return true;
            }
            // == needs no order: (int,) == (str,) is False, not a TypeError.
            if (equality_only) {
                out = 2;
                return true;
            }
            out = in.lt(x[i], y[i]) ? -1 : 1;
            return true;
        }
        out = x.size() < y.size() ? -1 : x.size() > y.size() ? 1 : 0;
        return true;
    }
    return false;
}

const char* cmp_symbol(CmpKind op) {
    switch (op) {
    case CmpKind::Lt:
        return "<";
    case CmpKind::Le:
        return "<=";
    case CmpKind::Gt:
        return ">";
    case CmpKind::Ge:
        return ">=";
    case CmpKind::Eq:
        return "==";
    case CmpKind::Ne:
        return "!=";
    default:
        return "?";
    }
}

const char* cmp_dunder(CmpKind op) {
    switch (op) {
    case CmpKind::Lt:
        return "__lt__";
    case CmpKind::Le:
        return "__le__";
    case CmpKind::Gt:
        return "__gt__";
    case CmpKind::Ge:
        return "__ge__";
    case CmpKind::Eq:
        return "__eq__";
    case CmpKind::Ne:
        return "__ne__";
    default:
        return "";
    }
}

CmpKind reflect(CmpKind op) {
    switch (op) {
    case CmpKind::Lt:
        return CmpKind::Gt;
    case CmpKind::Le:
        return CmpKind::Ge;
    case CmpKind::Gt:
        return CmpKind::Lt;
    case CmpKind::Ge:
        return CmpKind::Le;
    default:
        return op;
    }
}

bool set_subset(Interpreter& in, Set* a, Set* b) {
    for (auto& s : a->table)
        if (!s.key.empty() && !s.dummy && !b->contains(in, s.key)) return false;
    return true;
}

} // namespace

bool Interpreter::eq(const Value& a, const Value& b) {
    if (a.is(b) && !a.is_float()) return true;
    if (a.is_int() && b.is_int()) return a.as_int() == b.as_int();
    if (is_str(a) && is_str(b)) return as_str(a)->s == as_str(b)->s;
    return truthy(compare(CmpKind::Eq, a, b));
}

bool Interpreter::lt(const Value& a, const Value& b) {
    int c;
    if (builtin_cmp(*this, a, b, c)) return c == -1;
    return truthy(compare(CmpKind::Lt, a, b));
}

Value Interpreter::compare(CmpKind op, const Value& a, const Value& b) {
    switch (op) {
    case CmpKind::Is:
        return Value::boolean(a.is(b));
    case CmpKind::IsNot:
        return Value::boolean(!a.is(b));
    case CmpKind::In:
        return Value::boolean(contains(b, a));
    case CmpKind::NotIn:
        return Value::boolean(!contains(b, a));
    default:
        break;
    }
    auto user_cmp = [&](const Value& x) {
        if (!x.is_obj() || !x.obj()->type->heap) return false;
        Type* t = x.obj()->type;
        if (t->layout == Layout::Object || t->layout == Layout::Exception) return true;
        return python_defines(t, intern(cmp_dunder(op))) ||
               python_defines(t, intern(cmp_dunder(reflect(op)))) ||
               (op == CmpKind::Ne && python_defines(t, S("__eq__")));
    };
    bool user = user_cmp(a) || user_cmp(b);
    if (!user) {
        int c;
        if (builtin_cmp(*this, a, b, c, op == CmpKind::Eq || op == CmpKind::Ne)) {
            if (c == 2) return Value::boolean(op == CmpKind::Ne);
            switch (op) {
            case CmpKind::Lt:
                return Value::boolean(c < 0);
            case CmpKind::Le:
                return Value::boolean(c <= 0);
            case CmpKind::Gt:
                return Value::boolean(c > 0);
            case CmpKind::Ge:
                return Value::boolean(c >= 0);
            case CmpKind::Eq:
                return Value::boolean(c == 0);
            case CmpKind::Ne:
                return Value::boolean(c != 0);
            default:
                break;
            }
        }
        if (op == CmpKind::Eq || op == CmpKind::Ne) {
            bool ne = op == CmpKind::Ne;
            Layout la = a.is_obj() ? a.obj()->type->layout : Layout::Singleton;
            Layout lb = b.is_obj() ? b.obj()->type->layout : Layout::Singleton;
            if (la == Layout::Dict && lb == Layout::Dict) {
                Dict* x = a.as<Dict>();
                Dict* y = b.as<Dict>();
                if (x->size() != y->size()) return Value::boolean(ne);
                for (auto& e : x->entries) {
                    if (e.key.empty()) continue;
                    Value v = y->get(*this, e.key);
                    if (v.empty() || !(v.is(e.value) || eq(v, e.value))) return Value::boolean(ne);
                }
                return Value::boolean(!ne);
            }
            if (la == Layout::Set && lb == Layout::Set) {
                bool r = a.as<Set>()->size() == b.as<Set>()->size() &&
                         set_subset(*this, a.as<Set>(), b.as<Set>());
                return Value::boolean(r != ne);
            }
            if ((la == Layout::DictView && lb == Layout::DictView) ||
                (la == Layout::DictView && lb == Layout::Set) ||
                (la == Layout::Set && lb == Layout::DictView)) {
                Value sa = call(Value(Types::set), {a});
                Value sb = call(Value(Types::set), {b});
                return compare(op, sa, sb);
            }
            if (la == Layout::Range && lb == Layout::Range) {
                Range* x = a.as<Range>();
                Range* y = b.as<Range>();
                bool r = x->length() == y->length() &&
                         (x->length() == 0 ||
                          (x->start == y->start && (x->length() == 1 || x->step == y->step)));
                return Value::boolean(r != ne);
            }
        }
        if ((op != CmpKind::Eq && op != CmpKind::Ne) && has_layout(a, Layout::Set) &&
            has_layout(b, Layout::Set)) {
            Set* x = a.as<Set>();
            Set* y = b.as<Set>();
            switch (op) {
            case CmpKind::Le:
                return Value::boolean(set_subset(*this, x, y));
            case CmpKind::Lt:
                return Value::boolean(x->size() < y->size() && set_subset(*this, x, y));
            case CmpKind::Ge:
                return Value::boolean(set_subset(*this, y, x));
            case CmpKind::Gt:
                return Value::boolean(x->size() > y->size() && set_subset(*this, y, x));
            default:
                break;
            }
        }
    }
    Str* name = intern(cmp_dunder(op));
    Str* rname = intern(cmp_dunder(reflect(op)));
    Type* ta = a.type();
    Type* tb = b.type();
    bool b_first = ta != tb && tb->is_subtype(ta) && tb->heap;
    if (b_first) {
        bool found = false;
        Value r = call_dunder(*this, b, rname, {a}, &found);
        if (found && !is_not_implemented(r)) return r;
    }
    if (a.is_obj() && (ta->heap || !ta->lookup(name).empty())) {
        bool found = false;
        Value r = call_dunder(*this, a, name, {b}, &found);
        if (found && !is_not_implemented(r)) return r;
    }
    if (!b_first && b.is_obj() && (tb->heap || !tb->lookup(rname).empty())) {
        bool found = false;
        Value r = call_dunder(*this, b, rname, {a}, &found);
        if (found && !is_not_implemented(r)) return r;
    }
    if (op == CmpKind::Ne) {
        // Default __ne__ inverts __eq__.
        if (a.is_obj() && ta->heap && !ta->lookup(S("__eq__")).empty()) {
            Value r = call_dunder(*this, a, S("__eq__"), {b});
            if (!is_not_implemented(r)) return Value::boolean(!truthy(r));
        }
        return Value::boolean(!a.is(b));
    }
    if (op == CmpKind::Eq) return Value::boolean(a.is(b));
    raise("TypeError", std::string("'") + cmp_symbol(op) +
                           "' not supported between instances of '" + ta->name + "' and '" +
                           tb->name + "'");
}

// ---- truth, hash, containment ----

bool Interpreter::truthy(const Value& v) {
    switch (v.tag()) {
    case Value::Tag::Empty:
    case Value::Tag::None:
        return false;
    case Value::Tag::Bool:
        return v.as_bool();
    case Value::Tag::Int:
        return v.as_int() != 0;
    case Value::Tag::Float:
        return v.as_float() != 0.0;
    case Value::Tag::Obj:
        break;
    }
    Object* o = v.obj();
    Type* t = o->type;
    if (!t->heap) {
        switch (t->layout) {
        case Layout::Str:
            return !static_cast<Str*>(o)->s.empty();
        case Layout::List:
            return !static_cast<List*>(o)->items.empty();
        case Layout::Tuple:
            return !static_cast<Tuple*>(o)->items.empty();
        case Layout::Dict:
            return static_cast<Dict*>(o)->size() != 0;
        case Layout::Set:
            return static_cast<Set*>(o)->size() != 0;
        case Layout::Bytes:
            return !static_cast<Bytes*>(o)->s.empty();
        case Layout::BigInt:
            return true;
        case Layout::Range:
            return static_cast<Range*>(o)->length() != 0;
        case Layout::DictView:
            return static_cast<DictView*>(o)->dict->size() != 0;
        default:
            break;
        }
    }
    bool found = false;
    Value r = call_dunder(*this, v, S("__bool__"), {}, &found);
    if (found) {
        if (!r.is_bool())
            raise("TypeError", "__bool__ should return bool, returned " + type_name(r));
        return r.as_bool();
    }
    r = call_dunder(*this, v, S("__len__"), {}, &found);
    if (found) return index_value(r) != 0;
    if (t->heap) {
        switch (t->layout) {
        case Layout::List:
            return !static_cast<List*>(o)->items.empty();
        case Layout::Dict:
            return static_cast<Dict*>(o)->size() != 0;
        case Layout::Str:
            return !static_cast<Str*>(o)->s.empty();
        case Layout::Tuple:
            return !static_cast<Tuple*>(o)->items.empty();
        case Layout::Set:
            return static_cast<Set*>(o)->size() != 0;
        default:
            break;
        }
    }
    return true;
}

int64_t Interpreter::hash(const Value& v) {
    switch (v.tag()) {
    case Value::Tag::Empty:
    case Value::Tag::None:
        return 0x5f3759df;
    case Value::Tag::Bool:
        return v.as_bool() ? 1 : 0;
    case Value::Tag::Int:
        return text::hash_int(v.as_int());
    case Value::Tag::Float:
        return text::hash_float(v.as_float());
    case Value::Tag::Obj:
        break;
    }
    Object* o = v.obj();
    Type* t = o->type;
    if (!t->heap || (t->layout != Layout::Object && !python_defines(t, S("__hash__")) &&
                     !t->lookup(S("__hash__")).is_none())) {
        switch (t->layout) {
        case Layout::Str:
            return hash_str(static_cast<Str*>(o));
        case Layout::BigInt:
            return static_cast<BigIntObj*>(o)->v.hash();
        case Layout::Tuple: {
            // CPython's xxHash-based tuple hash.
            const uint64_t P1 = 11400714785074694791ULL, P2 = 14029467366897019727ULL,
                           P5 = 2870177450012600261ULL;
            uint64_t acc = P5;
            auto& items = static_cast<Tuple*>(o)->items;
            for (auto& x : items) {
                uint64_t lane = static_cast<uint64_t>(hash(x));
                acc += lane * P2;
                acc = (acc << 31) | (acc >> 33);
                acc *= P1;
            }
            acc += items.size() ^ (P5 ^ 3527539UL);
            if (acc == static_cast<uint64_t>(-1)) return 1546275796;
            return static_cast<int64_t>(acc);
        }
        case Layout::Bytes: {
            uint64_t h = 1469598103934665603ULL;
            for (unsigned char c : static_cast<Bytes*>(o)->s)
                h = (h ^ c) * 1099511628211ULL;
            return static_cast<int64_t>(h >> 1);
        }
        case Layout::Set:
            if (static_cast<Set*>(o)->frozen) {
                uint64_t h = 0;
                for (auto& s : static_cast<Set*>(o)->table)
                    if (!s.key.empty() && !s.dummy)
                        h ^= static_cast<uint64_t>(s.hash) * 3644798167u;
                return static_cast<int64_t>(h >> 1);
            }
            [[fallthrough]];
        case Layout::List:
        case Layout::Dict:
            raise("TypeError", "unhashable type: '" + t->name + "'");
        default:
            break;
        }
    }
    Value h = t->lookup(S("__hash__"));
    if (!h.empty()) {
        if (h.is_none()) raise("TypeError", "unhashable type: '" + t->name + "'");
        if (!has_layout(h, Layout::NativeFunction) ||
            h.as<NativeFunction>()->name != "object.__hash__") {
            Value r = call_dunder(*this, v, S("__hash__"), {});
            if (has_layout(r, Layout::BigInt)) return r.as<BigIntObj>()->v.hash();
            if (!r.is_int()) raise("TypeError", "__hash__ method should return an integer");
            return r.as_int() == -1 ? -2 : r.as_int();
        }
    }
    if (t->heap && (t->layout == Layout::List || t->layout == Layout::Dict))
        raise("TypeError", "unhashable type: '" + t->name + "'");
    return static_cast<int64_t>(reinterpret_cast<uintptr_t>(o) >> 4);
}

bool Interpreter::contains(const Value& c, const Value& item, bool builtin_only) {
    if (Value r = class_hook(*this, c, S("__class_contains__"), {item}); !r.empty())
        return truthy(r);
    if (c.is_obj()) {
        Object* o = c.obj();
        Type* t = o->type;
        if (builtin_only || !t->heap || t->lookup(S("__contains__")).empty()) {
            switch (t->layout) {
            case Layout::Str:
                if (!is_str(item))
                    raise("TypeError",
                          "'in <string>' requires string as left operand, not " + type_name(item));
                return static_cast<Str*>(o)->s.find(as_str(item)->s) != std::string::npos;
            case Layout::List:
            case Layout::Tuple: {
                const auto& items = seq_items(c);
                for (size_t i = 0; i < items.size(); ++i)
                    if (items[i].is(item) || eq(items[i], item)) return true;
                return false;
            }
            case Layout::Dict:
                return !static_cast<Dict*>(o)->get(*this, item).empty();
            case Layout::Set:
                return static_cast<Set*>(o)->contains(*this, item);
            case Layout::Range: {
                if (!is_int_like(item)) break;
                Range* r = static_cast<Range*>(o);
                int64_t x = index_value(item);
                if (r->step > 0 ? (x < r->start || x >= r->stop) : (x > r->start || x <= r->stop))
                    return false;
                return (x - r->start) % r->step == 0;
            }
            case Layout::DictView: {
                DictView* dv = static_cast<DictView*>(o);
                if (dv->kind == DictView::Keys) return !dv->dict->get(*this, item).empty();
                if (dv->kind == DictView::Items) {
                    if (!has_layout(item, Layout::Tuple) || item.as<Tuple>()->items.size() != 2)
                        return false;
                    Value v = dv->dict->get(*this, item.as<Tuple>()->items[0]);
                    return !v.empty() && eq(v, item.as<Tuple>()->items[1]);
                }
                break;
            }
            case Layout::Bytes:
                if (has_layout(item, Layout::Bytes))
                    return static_cast<Bytes*>(o)->s.find(item.as<Bytes>()->s) != std::string::npos;
                if (item.is_int())
                    return static_cast<Bytes*>(o)->s.find(static_cast<char>(item.as_int())) !=
                           std::string::npos;
                break;
            default:
                break;
            }
        }
        bool found = false;
        Value r = call_dunder(*this, c, S("__contains__"), {item}, &found);
        if (found) return truthy(r);
        if (!t->lookup(S("__iter__")).empty() || !t->lookup(S("__getitem__")).empty() ||
            t->layout == Layout::Iterator) {
            Value it = iter(c);
            Value x;
            while (next(it, x))
                if (x.is(item) || eq(x, item)) return true;
            return false;
        }
    }
    raise("TypeError", "argument of type '" + type_name(c) + "' is not iterable");
}

// ---- subscripts ----

namespace {

std::optional<int64_t> opt_index(Interpreter& in, const Value& v) {
    if (v.is_none()) return std::nullopt;
    if (!is_int_like(v) && !(v.is_obj() && !v.type()->lookup(S("__index__")).empty()))
        in.raise("TypeError", "slice indices must be integers or None or have an __index__ method");
    if (has_layout(v, Layout::BigInt))
        return v.as<BigIntObj>()->v.is_negative() ? INT64_MIN + 1 : INT64_MAX;
    return in.index_value(v);
}

text::SliceIndices slice_indices(Interpreter& in, Slice* s, int64_t len) {
    return text::adjust_slice(len, opt_index(in, s->start), opt_index(in, s->stop),
                              opt_index(in, s->step));
}

std::vector<Value> slice_vec(std::span<const Value> v, const text::SliceIndices& si) {
    std::vector<Value> out;
    out.reserve(static_cast<size_t>(si.length));
    for (int64_t i = 0, k = si.start; i < si.length; ++i, k += si.step)
        out.push_back(v[static_cast<size_t>(k)]);
    return out;
}

} // namespace

int64_t Interpreter::index_value(const Value& v, const char* what) {
    if (v.is_int()) return v.as_int();
    if (v.is_bool()) return v.as_bool();
    if (has_layout(v, Layout::BigInt))
        raise("IndexError", "cannot fit 'int' into an index-sized integer");
    if (v.is_obj()) {
        bool found = false;
        Value r = call_dunder(*this, v, S("__index__"), {}, &found);
        if (found && r.is_int()) return r.as_int();
    }
    if (what) raise("TypeError", what);
    raise("TypeError", "'" + type_name(v) + "' object cannot be interpreted as an integer");
}

Value Interpreter::getitem(const Value& obj, const Value& key, bool builtin_only) {
    if (obj.is_obj()) {
        Object* o = obj.obj();
        Type* t = o->type;
        bool native = builtin_only || !t->heap || t->lookup(S("__getitem__")).empty() ||
                      has_layout(t->lookup(S("__getitem__")), Layout::NativeFunction);
        if (native) {
            switch (t->layout) {
            case Layout::List:
            case Layout::Tuple: {
                std::span<const Value> items = seq_items(obj);
                const char* tn = t->layout == Layout::List ? "list" : "tuple";
                if (has_layout(key, Layout::Slice)) {
                    auto si =
                        slice_indices(*this, key.as<Slice>(), static_cast<int64_t>(items.size()));
                    auto r = slice_vec(items, si);
                    return t->layout == Layout::List ? new_list(std::move(r))
                                                     : new_tuple(std::move(r));
                }
                if (!is_int_like(key) &&
                    !(key.is_obj() && !key.type()->lookup(S("__index__")).empty()))
                    raise("TypeError", std::string(tn) +
                                           " indices must be integers or slices, not " +
                                           type_name(key));
                int64_t i = index_value(key);
                auto idx = text::adjust_index(static_cast<int64_t>(items.size()), i);
                if (!idx) raise("IndexError", std::string(tn) + " index out of range");
                return items[static_cast<size_t>(*idx)];
            }
            case Layout::Str: {
                Str* s = static_cast<Str*>(o);
                if (has_layout(key, Layout::Slice)) {
                    auto si = slice_indices(*this, key.as<Slice>(), s->length());
                    if (s->ascii && si.step == 1)
                        return new_substr(s, s->s.substr(static_cast<size_t>(si.start),
                                                         static_cast<size_t>(si.length)));
                    return new_str(text::str_slice(s->s, si));
                }
                if (!is_int_like(key))
                    raise("TypeError",
                          "string indices must be integers, not '" + type_name(key) + "'");
                auto idx = text::adjust_index(s->length(), index_value(key));
                if (!idx) raise("IndexError", "string index out of range");
                if (s->ascii)
                    return Value(intern(std::string_view(&s->s[static_cast<size_t>(*idx)], 1)));
                return new_str(std::string(text::str_at(s->s, static_cast<size_t>(*idx))));
            }
            case Layout::Bytes: {
                Bytes* b = static_cast<Bytes*>(o);
                if (has_layout(key, Layout::Slice)) {
                    auto si =
                        slice_indices(*this, key.as<Slice>(), static_cast<int64_t>(b->s.size()));
                    std::string r;
                    for (int64_t i = 0, k = si.start; i < si.length; ++i, k += si.step)
                        r += b->s[static_cast<size_t>(k)];
                    return Value::steal(new Bytes(std::move(r)));
                }
                auto idx = text::adjust_index(static_cast<int64_t>(b->s.size()), index_value(key));
                if (!idx) raise("IndexError", "index out of range");
                return Value::integer(static_cast<unsigned char>(b->s[static_cast<size_t>(*idx)]));
            }
            case Layout::Dict: {
                Value v = static_cast<Dict*>(o)->get(*this, key);
                if (!v.empty()) return v;
                if (t != Types::dict) { // subclasses (defaultdict, Counter) may define __missing__
                    bool found = false;
                    Value r = call_dunder(*this, obj, S("__missing__"), {key}, &found);
                    if (found) return r;
                }
                raise_value(new_exception(builtin_type("KeyError"), {key}));
            }
            case Layout::Range: {
                Range* r = static_cast<Range*>(o);
                if (has_layout(key, Layout::Slice)) {
                    auto si = slice_indices(*this, key.as<Slice>(), r->length());
                    return Value::steal(new Range(r->start + si.start * r->step,
                                                  r->start + si.stop * r->step, r->step * si.step));
                }
                auto idx = text::adjust_index(r->length(), index_value(key));
                if (!idx) raise("IndexError", "range object index out of range");
                return Value::integer(r->start + *idx * r->step);
            }
            case Layout::Type: {
                Type* cls = static_cast<Type*>(o);
                Value cg = cls->lookup(S("__class_getitem__"));
                if (!cg.empty()) return call(getattr(obj, S("__class_getitem__")), {key});
                // list[int]: a types.GenericAlias for the builtin containers (annotations read
                // __origin__ and __args__); other native classes stand for themselves.
                for (Type* generic : {Types::list, Types::dict, Types::set, Types::frozenset,
                                      Types::tuple, Types::type})
                    if (cls == generic) return make_generic_alias(*this, obj, key);
                if (!cls->heap) return obj;
                raise("TypeError", "type '" + cls->name + "' is not subscriptable");
            }
            default:
                break;
            }
        }
        bool found = false;
        Value r = call_dunder(*this, obj, S("__getitem__"), {key}, &found);
        if (found) return r;
    }
    raise("TypeError", "'" + type_name(obj) + "' object is not subscriptable");
}

void Interpreter::setitem(const Value& obj, const Value& key, Value v, bool builtin_only) {
    if (obj.is_obj()) {
        Object* o = obj.obj();
        Type* t = o->type;
        bool native = builtin_only || !t->heap || t->lookup(S("__setitem__")).empty();
        if (native) {
            switch (t->layout) {
            case Layout::List: {
                auto& items = static_cast<List*>(o)->items;
                if (has_layout(key, Layout::Slice)) {
                    auto si =
                        slice_indices(*this, key.as<Slice>(), static_cast<int64_t>(items.size()));
                    auto repl = to_vector(v);
                    if (si.step == 1) {
                        int64_t stop = std::max(si.start, si.stop);
                        items.erase(items.begin() + si.start, items.begin() + stop);
                        items.insert(items.begin() + si.start, repl.begin(), repl.end());
                        return;
                    }
                    if (static_cast<int64_t>(repl.size()) != si.length)
                        raise("ValueError",
                              "attempt to assign sequence of size " + std::to_string(repl.size()) +
                                  " to extended slice of size " + std::to_string(si.length));
                    for (int64_t i = 0, k = si.start; i < si.length; ++i, k += si.step)
                        items[static_cast<size_t>(k)] = repl[static_cast<size_t>(i)];
                    return;
                }
                if (!is_int_like(key))
                    raise("TypeError",
                          "list indices must be integers or slices, not " + type_name(key));
                auto idx = text::adjust_index(static_cast<int64_t>(items.size()), index_value(key));
                if (!idx) raise("IndexError", "list assignment index out of range");
                items[static_cast<size_t>(*idx)] = std::move(v);
                return;
            }
            case Layout::Dict:
                static_cast<Dict*>(o)->set(*this, key, std::move(v));
                return;
            default:
                break;
            }
        }
        bool found = false;
        call_dunder(*this, obj, S("__setitem__"), {key, v}, &found);
        if (found) return;
    }
    raise("TypeError", "'" + type_name(obj) + "' object does not support item assignment");
}

void Interpreter::delitem(const Value& obj, const Value& key, bool builtin_only) {
    if (obj.is_obj()) {
        Object* o = obj.obj();
        Type* t = o->type;
        bool native = builtin_only || !t->heap || t->lookup(S("__delitem__")).empty();
        if (native) {
            switch (t->layout) {
            case Layout::List: {
                auto& items = static_cast<List*>(o)->items;
                if (has_layout(key, Layout::Slice)) {
                    auto si =
                        slice_indices(*this, key.as<Slice>(), static_cast<int64_t>(items.size()));
                    std::vector<bool> drop(items.size());
                    for (int64_t i = 0, k = si.start; i < si.length; ++i, k += si.step)
                        drop[static_cast<size_t>(k)] = true;
                    std::vector<Value> keep;
                    for (size_t i = 0; i < items.size(); ++i)
                        if (!drop[i]) keep.push_back(items[i]);
                    items = std::move(keep);
                    return;
                }
                auto idx = text::adjust_index(static_cast<int64_t>(items.size()), index_value(key));
                if (!idx) raise("IndexError", "list assignment index out of range");
                items.erase(items.begin() + *idx);
                return;
            }
            case Layout::Dict:
                if (!static_cast<Dict*>(o)->remove(*this, key))
                    raise_value(new_exception(builtin_type("KeyError"), {key}));
                return;
            default:
                break;
            }
        }
        bool found = false;
        call_dunder(*this, obj, S("__delitem__"), {key}, &found);
        if (found) return;
    }
    raise("TypeError", "'" + type_name(obj) + "' object doesn't support item deletion");
}

int64_t Interpreter::len(const Value& v, bool builtin_only) {
    if (Value n = class_hook(*this, v, S("__class_len__"), {}); !n.empty()) return index_value(n);
    if (v.is_obj()) {
        Object* o = v.obj();
        Type* t = o->type;
        if (builtin_only || !t->heap || t->lookup(S("__len__")).empty()) {
            switch (t->layout) {
            case Layout::Str:
                return static_cast<Str*>(o)->length();
            case Layout::List:
                return static_cast<int64_t>(static_cast<List*>(o)->items.size());
            case Layout::Tuple:
                return static_cast<int64_t>(static_cast<Tuple*>(o)->items.size());
            case Layout::Dict:
                return static_cast<int64_t>(static_cast<Dict*>(o)->size());
            case Layout::Set:
                return static_cast<int64_t>(static_cast<Set*>(o)->size());
            case Layout::Bytes:
                return static_cast<int64_t>(static_cast<Bytes*>(o)->s.size());
            case Layout::Range:
                return static_cast<Range*>(o)->length();
            case Layout::DictView:
                return static_cast<int64_t>(static_cast<DictView*>(o)->dict->size());
            default:
                break;
            }
        }
        bool found = false;
        Value r = call_dunder(*this, v, S("__len__"), {}, &found);
        if (found) {
            if (!is_int_like(r))
                raise("TypeError",
                      "'" + type_name(r) + "' object cannot be interpreted as an integer");
            int64_t n = index_value(r);
            if (n < 0) raise("ValueError", "__len__() should return >= 0");
            return n;
        }
    }
    raise("TypeError", "object of type '" + type_name(v) + "' has no len()");
}

// ---- repr / str / format ----

std::string Interpreter::repr(const Value& v) {
    switch (v.tag()) {
    case Value::Tag::Empty:
        return "<NULL>";
    case Value::Tag::None:
        return "None";
    case Value::Tag::Bool:
        return v.as_bool() ? "True" : "False";
    case Value::Tag::Int:
        return std::to_string(v.as_int());
    case Value::Tag::Float:
        return text::float_repr(v.as_float());
    case Value::Tag::Obj:
        break;
    }
    Object* o = v.obj();
    Type* t = o->type;
    bool container = t->layout != Layout::Object && t->layout != Layout::Exception &&
                     t->layout != Layout::Iterator;
    if (t->heap || container) {
        Value r = t->lookup(S("__repr__"));
        if (!r.empty() &&
            (!has_layout(r, Layout::NativeFunction) || !is_builtin_slot(r, S("__repr__")))) {
            Value s = call_dunder(*this, v, S("__repr__"), {});
            if (!is_str(s))
                raise("TypeError", "__repr__ returned non-string (type " + type_name(s) + ")");
            return as_str(s)->s;
        }
    } else if (t->layout == Layout::Object || t->layout == Layout::Iterator) {
        Value r = t->lookup(S("__repr__"));
        if (!r.empty() && has_layout(r, Layout::NativeFunction) &&
            r.as<NativeFunction>()->name != "object.__repr__") {
            Value s = call_dunder(*this, v, S("__repr__"), {});
            if (is_str(s)) return as_str(s)->s;
        }
    }
    switch (t->layout) {
    case Layout::Str:
        return text::str_repr(static_cast<Str*>(o)->s);
    case Layout::Bytes:
        return text::bytes_repr(static_cast<Bytes*>(o)->s);
    case Layout::BigInt:
        return int_repr(v);
    case Layout::List:
    case Layout::Tuple: {
        ReprGuard g(o);
        bool list = t->layout == Layout::List;
        if (g.recursive) return list ? "[...]" : "(...)";
        const auto& items = seq_items(v);
        std::string s = list ? "[" : "(";
        for (size_t i = 0; i < items.size(); ++i) {
            if (i) s += ", ";
            s += repr(items[i]);
        }
        if (!list && items.size() == 1) s += ",";
        s += list ? "]" : ")";
        return s;
    }
    case Layout::Dict: {
        ReprGuard g(o);
        if (g.recursive) return "{...}";
        std::string s = "{";
        bool first = true;
        Dict* d = static_cast<Dict*>(o);
        for (size_t i = 0; i < d->entries.size(); ++i) {
            if (d->entries[i].key.empty()) continue;
            Value k = d->entries[i].key;
            Value val = d->entries[i].value;
            if (!first) s += ", ";
            first = false;
            s += repr(k);
            s += ": ";
            s += repr(val);
        }
        return s + "}";
    }
    case Layout::Set: {
        Set* st = static_cast<Set*>(o);
        const char* tn = st->frozen ? "frozenset" : "set";
        if (st->size() == 0) return std::string(tn) + "()";
        ReprGuard g(o);
        if (g.recursive) return std::string(tn) + "(...)";
        std::string s = st->frozen ? "frozenset({" : "{";
        bool first = true;
        for (auto& sl : st->table) {
            if (sl.key.empty() || sl.dummy) continue;
            if (!first) s += ", ";
            first = false;
            s += repr(sl.key);
        }
        return s + (st->frozen ? "})" : "}");
    }
    case Layout::Type: {
        Type* c = static_cast<Type*>(o);
        if (Value r = class_hook(*this, v, S("__class_repr__"), {}); is_str(r)) return as_str(r)->s;
        bool dotted_native = !c->heap && c->name.find('.') != std::string::npos;
        if (c->module == "builtins" || dotted_native) return "<class '" + c->name + "'>";
        Value q = c->dict->get_str(S("__qualname__"));
        return "<class '" + c->module + "." + (is_str(q) ? as_str(q)->s : c->name) + "'>";
    }
    case Layout::Function: {
        Function* f = static_cast<Function*>(o);
        return "<function " + f->qualname + " at " + hex_addr(o) + ">";
    }
    case Layout::NativeFunction: {
        NativeFunction* f = static_cast<NativeFunction*>(o);
        if (!f->self.empty())
            return "<built-in method " + f->name + " of " + type_name(f->self) + " object at " +
                   hex_addr(f->self.obj_or_null()) + ">";
        return "<built-in function " + f->name + ">";
    }
    case Layout::BoundMethod: {
        BoundMethod* m = static_cast<BoundMethod*>(o);
        std::string fname;
        if (has_layout(m->func, Layout::Function))
            fname = m->func.as<Function>()->qualname;
        else if (has_layout(m->func, Layout::NativeFunction)) {
            return "<built-in method " + m->func.as<NativeFunction>()->name + " of " +
                   type_name(m->self) + " object at " + hex_addr(m->self.obj_or_null()) + ">";
        }
        return "<bound method " + fname + " of " + repr(m->self) + ">";
    }
    case Layout::Module: {
        Module* m = static_cast<Module*>(o);
        if (m->file.empty()) return "<module '" + m->name + "' (built-in)>";
        return "<module '" + m->name + "' from '" + m->file + "'>";
    }
    case Layout::Range: {
        Range* r = static_cast<Range*>(o);
        std::string s = "range(" + std::to_string(r->start) + ", " + std::to_string(r->stop);
        if (r->step != 1) s += ", " + std::to_string(r->step);
        return s + ")";
    }
    case Layout::Slice: {
        Slice* s = static_cast<Slice*>(o);
        return "slice(" + repr(s->start) + ", " + repr(s->stop) + ", " + repr(s->step) + ")";
    }
    case Layout::Exception: {
        ExceptionObj* e = static_cast<ExceptionObj*>(o);
        std::string s = t->name + "(";
        for (size_t i = 0; i < e->args->items.size(); ++i) {
            if (i) s += ", ";
            s += repr(e->args->items[i]);
        }
        return s + ")";
    }
    case Layout::DictView: {
        DictView* dv = static_cast<DictView*>(o);
        std::string s = t->name + "([";
        bool first = true;
        for (auto& e : dv->dict->entries) {
            if (e.key.empty()) continue;
            if (!first) s += ", ";
            first = false;
            if (dv->kind == DictView::Keys)
                s += repr(e.key);
            else if (dv->kind == DictView::Values)
                s += repr(e.value);
            else
                s += "(" + repr(e.key) + ", " + repr(e.value) + ")";
        }
        return s + "])";
    }
    case Layout::Singleton:
        if (o == Singletons::not_implemented) return "NotImplemented";
        if (o == Singletons::ellipsis) return "Ellipsis";
        break;
    case Layout::Cell:
        return "<cell at " + hex_addr(o) + ">";
    default:
        break;
    }
    if (t == Types::generator)
        return "<generator object " + static_cast<Generator*>(o)->func->qualname + " at " +
               hex_addr(o) + ">";
    std::string mod = t->module == "builtins" ? "" : t->module + ".";
    Value q = t->heap ? t->dict->get_str(S("__qualname__")) : Value();
    return "<" + mod + (is_str(q) ? as_str(q)->s : t->name) + " object at " + hex_addr(o) + ">";
}

std::string Interpreter::str(const Value& v) {
    if (is_str(v) && !v.obj()->type->heap) return as_str(v)->s;
    if (v.is_obj()) {
        Type* t = v.obj()->type;
        Value s = t->lookup(S("__str__"));
        if (!s.empty() && (t->heap || !has_layout(s, Layout::NativeFunction) ||
                           s.as<NativeFunction>()->name != "object.__str__")) {
            if (!has_layout(s, Layout::NativeFunction) ||
                s.as<NativeFunction>()->name != "object.__str__") {
                Value r = call_dunder(*this, v, S("__str__"), {});
                if (!is_str(r))
                    raise("TypeError", "__str__ returned non-string (type " + type_name(r) + ")");
                return as_str(r)->s;
            }
        }
        if (t->layout == Layout::Str) return as_str(v)->s;
        if (t->layout == Layout::Exception) {
            ExceptionObj* e = v.as<ExceptionObj>();
            auto& a = e->args->items;
            if (a.empty()) return "";
            if (a.size() == 1) {
                if (t->is_subtype(builtin_type("KeyError"))) return repr(a[0]);
                return str(a[0]);
            }
            return repr(Value(e->args.get()));
        }
    }
    return repr(v);
}

Value Interpreter::to_str_value(const Value& v) {
    if (is_str(v) && !v.obj()->type->heap) return v;
    return new_str(str(v));
}

std::string Interpreter::format(const Value& v, std::string_view spec) {
    if (v.is_obj()) {
        Value f = v.type()->lookup(S("__format__"));
        if (!f.empty() && !is_builtin_slot(f, S("__format__"))) {
            Value r = call_dunder(*this, v, S("__format__"), {new_str(std::string(spec))});
            if (!is_str(r)) raise("TypeError", "__format__ must return a str, not " + type_name(r));
            return as_str(r)->s;
        }
    }
    try {
        if (v.is_bool()) {
            if (spec.empty()) return v.as_bool() ? "True" : "False";
            return text::format_int(v.as_bool() ? 1 : 0, spec);
        }
        if (v.is_int()) return text::format_int(v.as_int(), spec);
        if (has_layout(v, Layout::BigInt)) return text::format_int(v.as<BigIntObj>()->v, spec);
        if (v.is_float()) return text::format_float(v.as_float(), spec);
        if (is_str(v)) return text::format_str(as_str(v)->s, spec);
    } catch (text::FormatError& e) {
        raise(e.kind_name(), e.what());
    }
    if (spec.empty()) return str(v);
    raise("TypeError", "unsupported format string passed to " + type_name(v) + ".__format__");
}

// ---- iteration ----

Value Interpreter::iter(const Value& v) {
    if (Value it = class_hook(*this, v, S("__class_iter__"), {}); !it.empty()) return iter(it);
    if (v.is_obj()) {
        Object* o = v.obj();
        Type* t = o->type;
        if (!t->heap || t->lookup(S("__iter__")).empty()) {
            switch (t->layout) {
            case Layout::List:
            case Layout::Tuple:
                return Value::steal(new SeqIter(v));
            case Layout::Str:
                return Value::steal(new StrIter(v));
            case Layout::Range: {
                Range* r = static_cast<Range*>(o);
                return Value::steal(new RangeIter(r->start, r->step, r->length()));
            }
            case Layout::Dict:
                return Value::steal(new DictIter(static_cast<Dict*>(o), 0));
            case Layout::DictView: {
                DictView* dv = static_cast<DictView*>(o);
                return Value::steal(new DictIter(dv->dict.get(), dv->kind));
            }
            case Layout::Set:
                return Value::steal(new SetIter(static_cast<Set*>(o)));
            case Layout::Iterator:
                return v;
            case Layout::Bytes: {
                std::vector<Value> items;
                for (unsigned char c : static_cast<Bytes*>(o)->s)
                    items.push_back(Value::integer(c));
                return Value::steal(new SeqIter(new_list(std::move(items))));
            }
            default:
                break;
            }
        }
        bool found = false;
        Value r = call_dunder(*this, v, S("__iter__"), {}, &found);
        if (found) {
            if (r.type()->lookup(S("__next__")).empty() && !has_layout(r, Layout::Iterator))
                raise("TypeError", "iter() returned non-iterator of type '" + type_name(r) + "'");
            return r;
        }
        if (!t->lookup(S("__getitem__")).empty()) {
            // Old sequence protocol: index until IndexError.
            Value seq = v;
            return make_func_iter(
                Types::iterator, {seq}, [](Interpreter& in, FuncIter& fi, Value& out) {
                    try {
                        out = in.getitem(fi.refs[0], Value::integer(fi.counter++));
                        return true;
                    } catch (PyException& e) {
                        if (e.exc.type()->is_subtype(builtin_type("IndexError")) ||
                            e.exc.type()->is_subtype(builtin_type("StopIteration")))
                            return false;
                        throw;
                    }
                });
        }
    }
    raise("TypeError", "'" + type_name(v) + "' object is not iterable");
}

bool Interpreter::next(const Value& it, Value& out) {
    poll_interrupt_sometimes();
    if (has_layout(it, Layout::Iterator) &&
        (!it.obj()->type->heap || it.type()->lookup(S("__next__")).empty() ||
         has_layout(it.type()->lookup(S("__next__")), Layout::NativeFunction)))
        return static_cast<Iterator*>(it.obj())->next(*this, out);
    bool found = false;
    try {
        out = call_dunder(*this, it, S("__next__"), {}, &found);
    } catch (PyException& e) {
        if (e.exc.type()->is_subtype(builtin_type("StopIteration"))) return false;
        throw;
    }
    if (!found) raise("TypeError", "'" + type_name(it) + "' object is not an iterator");
    return true;
}

std::vector<Value> Interpreter::to_vector(const Value& iterable) {
    if (has_layout(iterable, Layout::List) && !iterable.obj()->type->heap)
        return iterable.as<List>()->items;
    if (has_layout(iterable, Layout::Tuple) && !iterable.obj()->type->heap)
        return iterable.as<Tuple>()->items.to_vector();
    std::vector<Value> out;
    if (has_layout(iterable, Layout::Range)) {
        Range* r = iterable.as<Range>();
        int64_t n = r->length();
        out.reserve(static_cast<size_t>(n));
        for (int64_t i = 0; i < n; ++i)
            out.push_back(Value::integer(r->start + i * r->step));
        return out;
    }
    Value it = iter(iterable);
    Value x;
    while (next(it, x))
        out.push_back(std::move(x));
    return out;
}

} // namespace ormsh::lang
