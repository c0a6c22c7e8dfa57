// The `decimal` module: decimal.Decimal over the arithmetic in decimal_number.cpp, the
// thread's Context (getcontext / setcontext / localcontext), the rounding constants and the
// signal exception classes, raised the way CPython's _decimal raises them.
#include "repl/api/datetime/decimal_number.h"
#include "repl/api/datetime_objects.h"
#include "repl/lang/numbers.h"
#include "repl/lang/text/errors.h"

#include <cmath>

namespace ormsh::api {

namespace {

using dec::Number;
using lang::Args;
using lang::Interpreter;
using lang::Ref;
using lang::Type;
using lang::Value;

struct ContextObj : lang::Object {
    explicit ContextObj(Type* t) : Object(t) {}
    dec::Context ctx;
    Value saved; // the context localcontext() replaced, restored by __exit__
    void traverse(lang::Visitor& v) override {
        if (saved.is_obj()) v.visit(saved.obj());
    }
    void clear_refs() override { saved = Value(); }
};

struct DecimalState {
    Type* context = nullptr;
    Type* decimal_tuple = nullptr;
    Type* exc_base = nullptr;
    Type* invalid_operation = nullptr;
    Type* conversion_syntax = nullptr;
    Type* division_by_zero = nullptr;
    Type* division_undefined = nullptr;
    Type* division_impossible = nullptr;
    Type* inexact = nullptr;
    Type* rounded = nullptr;
    Type* overflow = nullptr;
    Type* underflow = nullptr;
    Type* float_operation = nullptr;
    Value current; // the current Context object
};

DecimalState& S() {
    static DecimalState s;
    return s;
}

const dec::Context& ctx() {
    return S().current.as<ContextObj>()->ctx;
}

Value not_implemented() {
    return Value(lang::Singletons::not_implemented);
}

bool is_decimal(const Value& v) {
    return datetime_types().decimal && v.is_obj() && v.type()->is_subtype(datetime_types().decimal);
}

[[noreturn]] void raise_signal(Interpreter& in, dec::Signal s) {
    DecimalState& st = S();
    Type* raised = st.invalid_operation;
    Type* cond = st.invalid_operation;
    switch (s) {
    case dec::Signal::InvalidOperation:
        break;
    case dec::Signal::ConversionSyntax:
        cond = st.conversion_syntax;
        break;
    case dec::Signal::DivisionUndefined:
        cond = st.division_undefined;
        break;
    case dec::Signal::DivisionImpossible:
        cond = st.division_impossible;
        break;
    case dec::Signal::DivisionByZero:
        raised = cond = st.division_by_zero;
        break;
    case dec::Signal::Overflow:
        raised = cond = st.overflow;
        break;
    }
    in.raise_value(in.new_exception(raised, {lang::new_list({Value(cond)})}));
}

// Runs decimal arithmetic, turning signals into Python exceptions.
template <class F> auto guarded(Interpreter& in, F&& f) -> decltype(f()) {
    try {
        return f();
    } catch (dec::SignalError& e) {
        raise_signal(in, e.signal);
    }
}

Number number_of(const Value& v) {
    auto n = dec::parse(v.as<DecimalObj>()->text);
    return n ? *n : Number{};
}

Value new_decimal(Type* cls, const Number& n) {
    auto* o = new DecimalObj(cls ? cls : datetime_types().decimal);
    o->text = dec::to_sci_string(n);
    return Value::steal(o);
}
Value result(const Number& n) {
    return new_decimal(nullptr, n);
}

// The other operand of arithmetic: Decimal or int (floats are refused, as in CPython).
std::optional<Number> operand(const Value& v) {
    if (is_decimal(v)) return number_of(v);
    if (lang::is_int_like(v)) return dec::from_int(lang::to_bigint(v));
    return std::nullopt;
}

Number from_tuple(Interpreter& in, const Value& t) {
    auto items = in.to_vector(t);
    if (items.size() != 3) in.raise("ValueError", "argument must be a sequence of length 3");
    if (!items[0].is_int() || (items[0].as_int() != 0 && items[0].as_int() != 1))
        in.raise("ValueError", "sign must be an integer with the value 0 or 1");
    Number n;
    n.neg = items[0].as_int() == 1;
    std::string digits;
    for (auto& d : in.to_vector(items[1])) {
        if (!d.is_int() || d.as_int() < 0 || d.as_int() > 9)
            in.raise("ValueError", "coefficient must be a tuple of digits");
        digits += static_cast<char>('0' + d.as_int());
    }
    if (lang::is_str(items[2])) {
        const lang::StrText& e = lang::as_str(items[2])->s;
        n.kind = e == "F"   ? dec::Kind::Infinity
                 : e == "n" ? dec::Kind::NaN
                 : e == "N" ? dec::Kind::SNaN
                            : dec::Kind::Finite;
        if (n.kind == dec::Kind::Finite)
            in.raise("ValueError", "string argument in the third position must be 'F', 'n' or 'N'");
        return n;
    }
    if (!items[2].is_int()) in.raise("ValueError", "exponent must be an integer");
    n.exp = items[2].as_int();
    size_t nz = digits.find_first_not_of('0');
    n.coeff =
        nz == std::string::npos ? dec::BigInt(0) : *dec::BigInt::from_digits(digits.substr(nz), 10);
    return n;
}

Number convert(Interpreter& in, const Value& v) {
    if (is_decimal(v)) return number_of(v);
    if (lang::is_int_like(v)) return dec::from_int(lang::to_bigint(v));
    if (v.is_float()) return dec::from_double(v.as_float());
    if (lang::is_str(v)) {
        auto n = dec::parse(lang::as_str(v)->s);
        if (!n) raise_signal(in, dec::Signal::ConversionSyntax);
        return *n;
    }
    if (lang::has_layout(v, lang::Layout::Tuple) || lang::has_layout(v, lang::Layout::List))
        return from_tuple(in, v);
    in.raise("TypeError", "conversion from " + in.type_name(v) + " to Decimal is not supported");
}

Value decimal_ctor(Interpreter& in, Type* cls, Args& a) {
    Value p[2];
    lang::parse_args(in, "Decimal", a, {"value", "context"}, 0, p);
    if (p[0].empty()) return new_decimal(cls, Number{});
    return new_decimal(cls, convert(in, p[0]));
}

Value dec_repr(Interpreter&, const Value& self, Args&) {
    return lang::new_str("Decimal('" + self.as<DecimalObj>()->text + "')");
}
Value dec_str(Interpreter&, const Value& self, Args&) {
    return lang::new_str(self.as<DecimalObj>()->text);
}

Value dec_format(Interpreter& in, const Value& self, Args& a) {
    if (a.size() != 1 || !lang::is_str(a[0]))
        in.raise("TypeError", "format() argument must be str");
    try {
        return lang::new_str(dec::format(number_of(self), lang::as_str(a[0])->s, ctx()));
    } catch (lang::text::FormatError& e) {
        in.raise(e.kind_name(), e.what());
    }
}

enum class Op { Add, Sub, Mul, Div, FloorDiv, Mod, Pow };

Number apply(Interpreter& in, Op op, const Number& x, const Number& y) {
    return guarded(in, [&] {
        switch (op) {
        case Op::Add:
            return dec::add(x, y, ctx());
        case Op::Sub:
            return dec::add(x, y, ctx(), true);
        case Op::Mul:
            return dec::mul(x, y, ctx());
        case Op::Div:
            return dec::div(x, y, ctx());
        case Op::FloorDiv:
            return dec::divint(x, y, ctx());
        case Op::Mod:
            return dec::rem(x, y, ctx());
        case Op::Pow: {
            bool integral =
                !y.is_special() &&
                (y.exp >= 0 ||
                 dec::BigInt::mod(y.coeff,
                                  dec::BigInt::pow(dec::BigInt(10), static_cast<uint64_t>(-y.exp)))
                     .is_zero());
            if (!integral)
                in.raise("ValueError", "ormsh: Decimal powers need an integral exponent");
            return dec::power(x, dec::to_integer(y), ctx());
        }
        }
        return x;
    });
}

template <Op O, bool Reflected> Value dec_binary(Interpreter& in, const Value& self, Args& a) {
    auto other = operand(a[0]);
    if (!other) return not_implemented();
    Number me = number_of(self);
    return result(Reflected ? apply(in, O, *other, me) : apply(in, O, me, *other));
}

Value dec_neg(Interpreter& in, const Value& self, Args&) {
    return result(guarded(in, [&] { return dec::negate(number_of(self), ctx()); }));
}
Value dec_pos(Interpreter& in, const Value& self, Args&) {
    return result(guarded(in, [&] { return dec::plus(number_of(self), ctx()); }));
}
Value dec_abs(Interpreter& in, const Value& self, Args&) {
    return result(guarded(in, [&] { return dec::abs(number_of(self), ctx()); }));
}
Value dec_bool(Interpreter&, const Value& self, Args&) {
    Number n = number_of(self);
    return Value::boolean(n.is_special() || !n.coeff.is_zero());
}

dec::BigInt integral(Interpreter& in, const Number& n) {
    if (n.is_nan()) in.raise("ValueError", "cannot convert NaN to integer");
    if (n.kind == dec::Kind::Infinity)
        in.raise("OverflowError", "cannot convert Infinity to integer");
    return dec::to_integer(n);
}
Value dec_int(Interpreter& in, const Value& self, Args&) {
    return lang::make_int(integral(in, number_of(self)));
}
Value dec_float(Interpreter& in, const Value& self, Args&) {
    Number n = number_of(self);
    if (n.kind == dec::Kind::SNaN) in.raise("ValueError", "cannot convert signaling NaN to float");
    if (n.kind == dec::Kind::NaN) return Value::flt(n.neg ? -NAN : NAN);
    return Value::flt(std::strtod(self.as<DecimalObj>()->text.c_str(), nullptr));
}
Value dec_floor_ceil(Interpreter& in, const Value& self, dec::Rounding r) {
    Number n = number_of(self);
    integral(in, n);
    return lang::make_int(dec::to_integer(dec::rescale(n, 0, r)));
}
Value dec_floor(Interpreter& in, const Value& self, Args&) {
    return dec_floor_ceil(in, self, dec::Rounding::Floor);
}
Value dec_ceil(Interpreter& in, const Value& self, Args&) {
    return dec_floor_ceil(in, self, dec::Rounding::Ceiling);
}

Value dec_round(Interpreter& in, const Value& self, Args& a) {
    Number n = number_of(self);
    if (a.size() == 0 || a[0].is_none()) {
        if (n.is_nan()) in.raise("ValueError", "cannot convert NaN to integer");
        if (n.kind == dec::Kind::Infinity)
            in.raise("OverflowError", "cannot convert Infinity to integer");
        return lang::make_int(dec::to_integer(dec::rescale(n, 0, dec::Rounding::HalfEven)));
    }
    int64_t digits = in.index_value(a[0]);
    return result(guarded(in, [&] { return dec::quantize(n, -digits, ctx().rounding, ctx()); }));
}

dec::Rounding rounding_arg(Interpreter& in, const Value& v) {
    if (v.empty() || v.is_none()) return ctx().rounding;
    if (lang::is_str(v))
        if (auto r = dec::rounding_from_name(lang::as_str(v)->s)) return *r;
    in.raise("TypeError",
             "valid values for rounding are:\n  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, "
             "ROUND_DOWN,\n   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n   ROUND_05UP]");
}

Value dec_quantize(Interpreter& in, const Value& self, Args& a) {
    Value p[3];
    lang::parse_args(in, "quantize", a, {"exp", "rounding", "context"}, 1, p);
    auto e = operand(p[0]);
    if (!e)
        in.raise("TypeError",
                 "conversion from " + in.type_name(p[0]) + " to Decimal is not supported");
    dec::Rounding r = rounding_arg(in, p[1]);
    Number n = number_of(self);
    if (e->is_special()) {
        if (e->is_nan() || n.is_nan()) return result(n.is_nan() ? n : *e);
        if (n.kind == dec::Kind::Infinity) return result(n);
        raise_signal(in, dec::Signal::InvalidOperation);
    }
    return result(guarded(in, [&] { return dec::quantize(n, e->exp, r, ctx()); }));
}

Value dec_normalize(Interpreter& in, const Value& self, Args&) {
    return result(guarded(in, [&] { return dec::normalize(number_of(self), ctx()); }));
}
Value dec_to_integral(Interpreter& in, const Value& self, Args& a) {
    Value p[2];
    lang::parse_args(in, "to_integral_value", a, {"rounding", "context"}, 0, p);
    Number n = number_of(self);
    if (n.is_special() || n.exp >= 0) return result(n);
    return result(dec::rescale(n, 0, rounding_arg(in, p[0])));
}
Value dec_adjusted(Interpreter&, const Value& self, Args&) {
    Number n = number_of(self);
    return Value::integer(n.is_special() ? 0 : n.adjusted());
}
Value dec_copy_abs(Interpreter&, const Value& self, Args&) {
    Number n = number_of(self);
    n.neg = false;
    return result(n);
}
Value dec_copy_negate(Interpreter&, const Value& self, Args&) {
    Number n = number_of(self);
    n.neg = !n.neg;
    return result(n);
}

Value dec_as_tuple(Interpreter&, const Value& self, Args&) {
    Number n = number_of(self);
    std::vector<Value> digits;
    if (!(n.is_nan() && n.coeff.is_zero())) {
        std::string d =
            n.kind == dec::Kind::Infinity ? "0" : (n.coeff.is_zero() ? "0" : n.coeff.to_string());
        for (char c : d)
            digits.push_back(Value::integer(c - '0'));
    }
    Value exp = n.kind == dec::Kind::Infinity ? lang::new_str("F")
                : n.kind == dec::Kind::NaN    ? lang::new_str("n")
                : n.kind == dec::Kind::SNaN   ? lang::new_str("N")
                                              : Value::integer(n.exp);
    Ref<lang::Tuple> t = lang::Tuple::create(
        {Value::integer(n.neg ? 1 : 0), lang::new_tuple(std::move(digits)), exp});
    t->type = S().decimal_tuple;
    return Value(t.get());
}

Value tuple_repr(Interpreter& in, const Value& self, Args&) {
    auto& it = self.as<lang::Tuple>()->items;
    return lang::new_str("DecimalTuple(sign=" + in.repr(it[0]) + ", digits=" + in.repr(it[1]) +
                         ", exponent=" + in.repr(it[2]) + ")");
}

Value dec_as_integer_ratio(Interpreter& in, const Value& self, Args&) {
    Number n = number_of(self);
    if (n.is_nan()) in.raise("ValueError", "cannot convert NaN to integer ratio");
    if (n.kind == dec::Kind::Infinity)
        in.raise("OverflowError", "cannot convert Infinity to integer ratio");
    dec::BigInt num = n.coeff, den(1);
    if (n.exp >= 0)
        num = num * dec::BigInt::pow(dec::BigInt(10), static_cast<uint64_t>(n.exp));
    else
        den = dec::BigInt::pow(dec::BigInt(10), static_cast<uint64_t>(-n.exp));
    dec::BigInt a = num, b = den;
    while (!b.is_zero()) {
        dec::BigInt r = dec::BigInt::mod(a, b);
        a = b;
        b = r;
    }
    if (!a.is_zero()) {
        num = dec::BigInt::floordiv(num, a);
        den = dec::BigInt::floordiv(den, a);
    }
    if (n.neg) num = -num;
    return lang::new_tuple({lang::make_int(num), lang::make_int(den)});
}

template <int Which> Value dec_pred(Interpreter&, const Value& self, Args&) {
    Number n = number_of(self);
    switch (Which) {
    case 0:
        return Value::boolean(n.is_zero());
    case 1:
        return Value::boolean(n.is_nan());
    case 2:
        return Value::boolean(n.kind == dec::Kind::Infinity);
    case 3:
        return Value::boolean(!n.is_special());
    case 4:
        return Value::boolean(n.neg);
    case 5:
        return Value::boolean(n.kind == dec::Kind::SNaN);
    default:
        return Value::boolean(n.kind == dec::Kind::NaN);
    }
}

// Comparisons accept floats too (exactly), as CPython does.
template <int Op> Value dec_cmp(Interpreter& in, const Value& self, Args& a) {
    std::optional<Number> other = operand(a[0]);
    if (!other && a[0].is_float()) other = dec::from_double(a[0].as_float());
    if (!other) return not_implemented();
    Number me = number_of(self);
    if (me.is_nan() || other->is_nan()) {
        if (Op == 0) return Value::boolean(false);
        if (Op == 1) return Value::boolean(true);
        raise_signal(in, dec::Signal::InvalidOperation);
    }
    int c = dec::compare(me, *other);
    switch (Op) {
    case 0:
        return Value::boolean(c == 0);
    case 1:
        return Value::boolean(c != 0);
    case 2:
        return Value::boolean(c < 0);
    case 3:
        return Value::boolean(c <= 0);
    case 4:
        return Value::boolean(c > 0);
    default:
        return Value::boolean(c >= 0);
    }
}

Value dec_hash(Interpreter& in, const Value& self, Args&) {
    Number n = number_of(self);
    if (n.kind == dec::Kind::SNaN) in.raise("TypeError", "Cannot hash a signaling NaN value");
    if (n.kind == dec::Kind::NaN)
        return Value::integer(static_cast<int64_t>(reinterpret_cast<uintptr_t>(self.obj()) >> 4));
    return Value::integer(dec::hash(n));
}

Value dec_from_float(Interpreter& in, const Value& cls, Args& a) {
    if (a.size() != 1) in.raise("TypeError", "from_float() takes exactly one argument");
    if (!a[0].is_float() && !lang::is_int_like(a[0]))
        in.raise("TypeError", "argument must be int or float");
    return new_decimal(cls.as<Type>(), convert(in, a[0]));
}

Value dec_reduce(Interpreter&, const Value& self, Args&) {
    return lang::new_tuple(
        {Value(self.type()), lang::new_tuple({lang::new_str(self.as<DecimalObj>()->text)})});
}

// ---- Context ----
ContextObj* as_ctx(const Value& v) {
    return v.as<ContextObj>();
}

Value new_context(const dec::Context& c) {
    auto* o = new ContextObj(S().context);
    o->ctx = c;
    return Value::steal(o);
}

Value ctx_ctor(Interpreter& in, Type*, Args& a) {
    Value p[4];
    lang::parse_args(in, "Context", a, {"prec", "rounding", "Emin", "Emax"}, 0, p, true);
    dec::Context c = ctx();
    if (!p[0].empty() && !p[0].is_none()) c.prec = in.index_value(p[0]);
    if (!p[1].empty() && !p[1].is_none()) c.rounding = rounding_arg(in, p[1]);
    if (!p[2].empty() && !p[2].is_none()) c.emin = in.index_value(p[2]);
    if (!p[3].empty() && !p[3].is_none()) c.emax = in.index_value(p[3]);
    return new_context(c);
}

Value ctx_repr(Interpreter&, const Value& self, Args&) {
    const dec::Context& c = as_ctx(self)->ctx;
    return lang::new_str(
        "Context(prec=" + std::to_string(c.prec) + ", rounding=" + dec::rounding_name(c.rounding) +
        ", Emin=" + std::to_string(c.emin) + ", Emax=" + std::to_string(c.emax) +
        ", capitals=" + (c.capitals ? "1" : "0") +
        ", clamp=0, flags=[], traps=[InvalidOperation, DivisionByZero, Overflow])");
}

Value ctx_enter(Interpreter&, const Value& self, Args&) {
    as_ctx(self)->saved = S().current;
    S().current = self;
    return self;
}
Value ctx_exit(Interpreter&, const Value& self, Args&) {
    if (!as_ctx(self)->saved.empty()) S().current = as_ctx(self)->saved;
    as_ctx(self)->saved = Value();
    return Value::boolean(false);
}
Value ctx_copy(Interpreter&, const Value& self, Args&) {
    return new_context(as_ctx(self)->ctx);
}

Value ctx_create_decimal(Interpreter& in, const Value& self, Args& a) {
    Number n = a.size() ? convert(in, a[0]) : Number{};
    const dec::Context& c = as_ctx(self)->ctx;
    return result(guarded(in, [&] { return dec::fix(n, c); }));
}

Value m_getcontext(Interpreter&, const Value&, Args&) {
    return S().current;
}
Value m_setcontext(Interpreter& in, const Value&, Args& a) {
    if (a.size() != 1 || !a[0].is_obj() || !a[0].type()->is_subtype(S().context))
        in.raise("TypeError", "argument must be a context");
    S().current = a[0];
    return Value::none();
}
Value m_localcontext(Interpreter& in, const Value&, Args& a) {
    Value p[1];
    lang::parse_args(in, "localcontext", a, {"ctx"}, 0, p, true);
    const dec::Context& base = (!p[0].empty() && !p[0].is_none()) ? as_ctx(p[0])->ctx : ctx();
    Value c = new_context(base);
    for (auto& k : a.kw) {
        if (k.name->s == "prec")
            as_ctx(c)->ctx.prec = in.index_value(k.value);
        else if (k.name->s == "rounding")
            as_ctx(c)->ctx.rounding = rounding_arg(in, k.value);
    }
    return c;
}

Type* exc(Interpreter& in, const std::string& name, std::vector<Type*> bases) {
    Ref<lang::Dict> ns = lang::make<lang::Dict>();
    ns->set_str(lang::intern("__module__"), lang::new_str("decimal"));
    ns->set_str(lang::intern("__qualname__"), lang::new_str(name));
    std::vector<Ref<Type>> b;
    for (Type* t : bases)
        b.emplace_back(t);
    Ref<Type> t = in.create_class(name, std::move(b), ns);
    t->module = "decimal";
    t->make_immortal();
    return t.get();
}

void ensure_types(Interpreter& in) {
    DecimalState& st = S();
    if (st.context) return;
    lang::TypeBuilder tb("DecimalTuple", {lang::Types::tuple}, "decimal");
    tb.method("__repr__", tuple_repr)
        .property("sign",
                  [](Interpreter&, const Value& s) { return s.as<lang::Tuple>()->items[0]; })
        .property("digits",
                  [](Interpreter&, const Value& s) { return s.as<lang::Tuple>()->items[1]; })
        .property("exponent",
                  [](Interpreter&, const Value& s) { return s.as<lang::Tuple>()->items[2]; });
    st.decimal_tuple = tb.build();

    lang::TypeBuilder cb("decimal.Context");
    cb.ctor(ctx_ctor)
        .method("__repr__", ctx_repr)
        .method("__enter__", ctx_enter)
        .method("__exit__", ctx_exit)
        .method("copy", ctx_copy)
        .method("create_decimal", ctx_create_decimal)
        .property(
            "prec",
            [](Interpreter&, const Value& s) { return Value::integer(as_ctx(s)->ctx.prec); },
            [](Interpreter& in, const Value& s, const Value& v) {
                int64_t p = in.index_value(v);
                if (p < 1 || p > 999999999999999999LL)
                    in.raise("ValueError", "valid range for prec is [1, MAX_PREC]");
                as_ctx(s)->ctx.prec = p;
            })
        .property(
            "rounding",
            [](Interpreter&, const Value& s) {
                return lang::new_str(dec::rounding_name(as_ctx(s)->ctx.rounding));
            },
            [](Interpreter& in, const Value& s, const Value& v) {
                as_ctx(s)->ctx.rounding = rounding_arg(in, v);
            })
        .property(
            "Emax",
            [](Interpreter&, const Value& s) { return Value::integer(as_ctx(s)->ctx.emax); },
            [](Interpreter& in, const Value& s, const Value& v) {
                as_ctx(s)->ctx.emax = in.index_value(v);
            })
        .property(
            "Emin",
            [](Interpreter&, const Value& s) { return Value::integer(as_ctx(s)->ctx.emin); },
            [](Interpreter& in, const Value& s, const Value& v) {
                as_ctx(s)->ctx.emin = in.index_value(v);
            })
        .property(
            "capitals",
            [](Interpreter&, const Value& s) {
                return Value::integer(as_ctx(s)->ctx.capitals ? 1 : 0);
            },
            [](Interpreter& in, const Value& s, const Value& v) {
                as_ctx(s)->ctx.capitals = in.truthy(v);
            });
    st.context = cb.build();
    st.current = new_context(dec::Context{});

    lang::TypeBuilder b("decimal.Decimal");
    b.ctor(decimal_ctor)
        .class_method("from_float", dec_from_float)
        .method("__repr__", dec_repr)
        .method("__str__", dec_str)
        .method("__format__", dec_format)
        .method("__add__", dec_binary<Op::Add, false>)
        .method("__radd__", dec_binary<Op::Add, true>)
        .method("__sub__", dec_binary<Op::Sub, false>)
        .method("__rsub__", dec_binary<Op::Sub, true>)
        .method("__mul__", dec_binary<Op::Mul, false>)
        .method("__rmul__", dec_binary<Op::Mul, true>)
        .method("__truediv__", dec_binary<Op::Div, false>)
        .method("__rtruediv__", dec_binary<Op::Div, true>)
        .method("__floordiv__", dec_binary<Op::FloorDiv, false>)
        .method("__rfloordiv__", dec_binary<Op::FloorDiv, true>)
        .method("__mod__", dec_binary<Op::Mod, false>)
        .method("__rmod__", dec_binary<Op::Mod, true>)
        .method("__pow__", dec_binary<Op::Pow, false>)
        .method("__rpow__", dec_binary<Op::Pow, true>)
        .method("__neg__", dec_neg)
        .method("__pos__", dec_pos)
        .method("__abs__", dec_abs)
        .method("__bool__", dec_bool)
        .method("__int__", dec_int)
        .method("__trunc__", dec_int)
        .method("__float__", dec_float)
        .method("__floor__", dec_floor)
        .method("__ceil__", dec_ceil)
        .method("__round__", dec_round)
        .method("__hash__", dec_hash)
        .method("__reduce__", dec_reduce)
        .method("__eq__", dec_cmp<0>)
        .method("__ne__", dec_cmp<1>)
        .method("__lt__", dec_cmp<2>)
        .method("__le__", dec_cmp<3>)
        .method("__gt__", dec_cmp<4>)
        .method("__ge__", dec_cmp<5>)
        .method("quantize", dec_quantize)
        .method("normalize", dec_normalize)
        .method("to_integral_value", dec_to_integral)
        .method("to_integral", dec_to_integral)
        .method("adjusted", dec_adjusted)
        .method("copy_abs", dec_copy_abs)
        .method("copy_negate", dec_copy_negate)
        .method("as_tuple", dec_as_tuple)
        .method("as_integer_ratio", dec_as_integer_ratio)
        .method("is_zero", dec_pred<0>)
        .method("is_nan", dec_pred<1>)
        .method("is_infinite", dec_pred<2>)
        .method("is_finite", dec_pred<3>)
        .method("is_signed", dec_pred<4>)
        .method("is_snan", dec_pred<5>)
        .method("is_qnan", dec_pred<6>)
        .property("real", [](Interpreter&, const Value& s) { return s; })
        .property("imag", [](Interpreter&, const Value&) { return result(Number{}); });
    datetime_types().decimal = b.build();

    Type* arith = lang::builtin_type("ArithmeticError");
    st.exc_base = exc(in, "DecimalException", {arith});
    st.invalid_operation = exc(in, "InvalidOperation", {st.exc_base});
    st.conversion_syntax = exc(in, "ConversionSyntax", {st.invalid_operation});
    st.division_by_zero =
        exc(in, "DivisionByZero", {st.exc_base, lang::builtin_type("ZeroDivisionError")});
    st.division_undefined = exc(in, "DivisionUndefined",
                                {st.invalid_operation, lang::builtin_type("ZeroDivisionError")});
    st.division_impossible = exc(in, "DivisionImpossible", {st.invalid_operation});
    st.inexact = exc(in, "Inexact", {st.exc_base});
    st.rounded = exc(in, "Rounded", {st.exc_base});
    st.overflow = exc(in, "Overflow", {st.inexact, st.rounded});
    st.underflow = exc(in, "Underflow", {st.inexact, st.rounded});
    st.float_operation = exc(in, "FloatOperation", {st.exc_base, lang::builtin_type("TypeError")});
}

void make_decimal_module(Interpreter& in, lang::Module& m) {
    ensure_types(in);
    DecimalState& st = S();
    lang::Dict& d = *m.dict;
    d.set_str("Decimal", Value(datetime_types().decimal));
    d.set_str("Context", Value(st.context));
    d.set_str("DecimalTuple", Value(st.decimal_tuple));
    d.set_str("getcontext", lang::make_native_function("getcontext", m_getcontext));
    d.set_str("setcontext", lang::make_native_function("setcontext", m_setcontext));
    d.set_str("localcontext", lang::make_native_function("localcontext", m_localcontext));
    d.set_str("DefaultContext", new_context(dec::Context{}));
    for (int i = 0; i < 8; ++i) {
        const char* name = dec::rounding_name(static_cast<dec::Rounding>(i));
        d.set_str(name, lang::new_str(name));
    }
    d.set_str("DecimalException", Value(st.exc_base));
    d.set_str("InvalidOperation", Value(st.invalid_operation));
    d.set_str("ConversionSyntax", Value(st.conversion_syntax));
    d.set_str("DivisionByZero", Value(st.division_by_zero));
    d.set_str("DivisionUndefined", Value(st.division_undefined));
    d.set_str("DivisionImpossible", Value(st.division_impossible));
    d.set_str("Inexact", Value(st.inexact));
    d.set_str("Rounded", Value(st.rounded));
    d.set_str("Overflow", Value(st.overflow));
    d.set_str("Underflow", Value(st.underflow));
    d.set_str("FloatOperation", Value(st.float_operation));
    d.set_str("MAX_PREC", Value::integer(999999999999999999LL));
    d.set_str("MAX_EMAX", Value::integer(999999999999999999LL));
    d.set_str("MIN_EMIN", Value::integer(-999999999999999999LL));
}

} // namespace

void register_decimal_module(lang::Interpreter& in) {
    in.register_builtin_module("decimal", make_decimal_module);
}

lang::Value make_decimal(lang::Interpreter& in, std::string text) {
    ensure_types(in);
    auto n = dec::parse(text);
    auto* o = new DecimalObj(datetime_types().decimal);
    o->text = n ? dec::to_sci_string(*n) : std::move(text);
    return lang::Value::steal(o);
}

} // namespace ormsh::api
