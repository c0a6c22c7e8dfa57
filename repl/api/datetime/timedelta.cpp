// datetime.timedelta: a signed duration normalised to (days, seconds, microseconds) exactly as
// CPython does, with its arithmetic (ints, floats and other timedeltas, rounding half to even),
// comparisons, hashing, repr and str.
#include "repl/api/datetime/datetime_internal.h"
#include "repl/lang/numbers.h"

#include <cmath>

namespace ormsh::api::dt {

using lang::text::BigInt;

namespace {

constexpr int64_t kMaxDays = 999999999;

BigInt big(i128 v) {
    bool neg = v < 0;
    unsigned __int128 m =
        neg ? static_cast<unsigned __int128>(-v) : static_cast<unsigned __int128>(v);
    std::vector<uint32_t> limbs;
    while (m) {
        limbs.push_back(static_cast<uint32_t>(m & 0xffffffffu));
        m >>= 32;
    }
    return BigInt::from_limbs(std::move(limbs), neg);
}

// Fits when |v| < 2**120, far beyond any valid timedelta; larger values overflow later.
std::optional<i128> small(const BigInt& b) {
    if (b.bit_length() > 120) return std::nullopt;
    unsigned __int128 m = 0;
    const auto& l = b.limbs();
    for (size_t i = l.size(); i-- > 0;)
        m = (m << 32) | l[i];
    i128 v = static_cast<i128>(m);
    return b.is_negative() ? -v : v;
}

// n / d rounded half to even (d > 0).
BigInt div_round_even(const BigInt& n, const BigInt& d) {
    auto [q, r] = BigInt::divmod(n, d);
    BigInt r2 = r * BigInt(2);
    if (r2 > d || (r2 == d && !q.limbs().empty() && (q.limbs()[0] & 1))) q += BigInt(1);
    return q;
}

i128 checked(Interpreter& in, const BigInt& b) {
    auto v = small(b);
    if (!v) in.raise("OverflowError", "Python int too large to convert to C int");
    return *v;
}

// A finite double as an exact fraction num / 2**shift (shift >= 0) or num * 2**-shift.
void float_ratio(double f, BigInt& num, BigInt& den) {
    int exp = 0;
    double m = std::frexp(f, &exp); // f = m * 2**exp, 0.5 <= |m| < 1
    int64_t mant = static_cast<int64_t>(std::ldexp(m, 53));
    exp -= 53;
    while (mant != 0 && (mant & 1) == 0 && exp < 0) {
        mant >>= 1;
        ++exp;
    }
    num = BigInt(mant);
    den = BigInt(1);
    if (exp > 0)
        num = num << static_cast<uint64_t>(exp);
    else if (exp < 0)
        den = den << static_cast<uint64_t>(-exp);
}

double checked_float(Interpreter& in, const Value& v) {
    double f = v.as_float();
    if (std::isnan(f)) in.raise("ValueError", "cannot convert float NaN to integer");
    if (std::isinf(f)) in.raise("OverflowError", "cannot convert float infinity to integer");
    return f;
}

// One constructor component in microseconds, accumulated the way CPython's delta_new does:
// integers exactly, a float's integral part exactly and its fraction times the factor in
// double precision, the sub-microsecond leftovers summed and rounded once at the end.
void add_component(Interpreter& in, const Value& v, int64_t factor_us, const char* name,
                   i128& whole, double& leftover) {
    if (v.empty()) return;
    if (lang::is_int_like(v)) {
        whole += checked(in, lang::to_bigint(v) * BigInt(factor_us));
        return;
    }
    if (v.is_float()) {
        double f = checked_float(in, v);
        double ip = 0;
        double fp = std::modf(f, &ip);
        if (std::fabs(ip) > 1e30)
            in.raise("OverflowError", "days=1000000000; must have magnitude <= 999999999");
        whole += static_cast<i128>(ip) * factor_us;
        if (fp == 0) return;
        double scaled = static_cast<double>(factor_us) * fp;
        double ip2 = 0;
        double fp2 = std::modf(scaled, &ip2);
        whole += static_cast<i128>(ip2);
        leftover += fp2;
        return;
    }
    in.raise("TypeError", std::string("unsupported type for timedelta ") + name +
                              " component: " + in.type_name(v));
}

Value td_ctor(Interpreter& in, Type* cls, Args& args) {
    Value p[7];
    lang::parse_args(
        in, "timedelta", args,
        {"days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"}, 0, p);
    i128 whole = 0;
    double leftover = 0;
    add_component(in, p[2], 1, "microseconds", whole, leftover);
    add_component(in, p[3], 1000, "milliseconds", whole, leftover);
    add_component(in, p[1], cal::kUsPerSecond, "seconds", whole, leftover);
    add_component(in, p[4], 60 * cal::kUsPerSecond, "minutes", whole, leftover);
    add_component(in, p[5], 3600 * cal::kUsPerSecond, "hours", whole, leftover);
    add_component(in, p[0], cal::kUsPerDay, "days", whole, leftover);
    add_component(in, p[6], 7 * cal::kUsPerDay, "weeks", whole, leftover);
    if (leftover != 0) {
        double whole_us = std::round(leftover);
        if (std::fabs(whole_us - leftover) == 0.5) {
            double odd = (whole & 1) ? 1.0 : 0.0;
            whole_us = 2.0 * std::round((leftover + odd) * 0.5) - odd;
        }
        whole += static_cast<i128>(whole_us);
    }
    Value r = new_timedelta(in, whole);
    if (cls != T().timedelta) {
        auto* o = new TimeDeltaObj(cls);
        o->days = as_td(r)->days;
        o->seconds = as_td(r)->seconds;
        o->microseconds = as_td(r)->microseconds;
        return Value::steal(o);
    }
    return r;
}

Value td_repr(Interpreter&, const Value& self, Args&) {
    return str_value(timedelta_repr(*as_td(self)));
}
Value td_str(Interpreter&, const Value& self, Args&) {
    return str_value(timedelta_str(*as_td(self)));
}

Value td_total_seconds(Interpreter&, const Value& self, Args&) {
    i128 us = td_us(self);
    i128 lim = static_cast<i128>(1) << 53;
    if (us < lim && us > -lim)
        return Value::flt(static_cast<double>(static_cast<int64_t>(us)) / 1e6);
    return Value::flt(BigInt::true_divide(big(us), BigInt(cal::kUsPerSecond)));
}

Value td_add(Interpreter& in, const Value& self, Args& a) {
    if (!is_timedelta(a[0])) return not_implemented();
    return new_timedelta(in, td_us(self) + td_us(a[0]));
}
Value td_sub(Interpreter& in, const Value& self, Args& a) {
    if (!is_timedelta(a[0])) return not_implemented();
    return new_timedelta(in, td_us(self) - td_us(a[0]));
}
Value td_rsub(Interpreter& in, const Value& self, Args& a) {
    if (!is_timedelta(a[0])) return not_implemented();
    return new_timedelta(in, td_us(a[0]) - td_us(self));
}
Value td_mul(Interpreter& in, const Value& self, Args& a) {
    const Value& o = a[0];
    if (lang::is_int_like(o))
        return new_timedelta(in, checked(in, big(td_us(self)) * lang::to_bigint(o)));
    if (o.is_float()) {
        double f = o.as_float();
        if (std::isnan(f)) in.raise("ValueError", "cannot convert NaN to integer ratio");
        if (std::isinf(f)) in.raise("OverflowError", "cannot convert Infinity to integer ratio");
        BigInt num, den;
        float_ratio(f, num, den);
        return new_timedelta(in, checked(in, div_round_even(big(td_us(self)) * num, den)));
    }
    return not_implemented();
}
Value td_truediv(Interpreter& in, const Value& self, Args& a) {
    const Value& o = a[0];
    i128 us = td_us(self);
    if (is_timedelta(o)) {
        i128 d = td_us(o);
        if (d == 0) in.raise("ZeroDivisionError", "division by zero");
        return Value::flt(BigInt::true_divide(big(us), big(d)));
    }
    if (lang::is_int_like(o)) {
        BigInt d = lang::to_bigint(o);
        if (d.is_zero()) in.raise("ZeroDivisionError", "integer division or modulo by zero");
        BigInt n = big(us);
        if (d.is_negative()) {
            n = -n;
            d = -d;
        }
        return new_timedelta(in, checked(in, div_round_even(n, d)));
    }
    if (o.is_float()) {
        double f = o.as_float();
        if (f == 0) in.raise("ZeroDivisionError", "integer division or modulo by zero");
        if (std::isnan(f)) in.raise("ValueError", "cannot convert NaN to integer ratio");
        if (std::isinf(f)) in.raise("OverflowError", "cannot convert Infinity to integer ratio");
        BigInt num, den;
        float_ratio(f, num, den);
        BigInt n = big(us) * den;
        if (num.is_negative()) {
            n = -n;
            num = -num;
        }
        return new_timedelta(in, checked(in, div_round_even(n, num)));
    }
    return not_implemented();
}
Value td_floordiv(Interpreter& in, const Value& self, Args& a) {
    const Value& o = a[0];
    if (is_timedelta(o)) {
        i128 d = td_us(o);
        if (d == 0) in.raise("ZeroDivisionError", "integer division or modulo by zero");
        return lang::make_int(BigInt::floordiv(big(td_us(self)), big(d)));
    }
    if (lang::is_int_like(o)) {
        BigInt d = lang::to_bigint(o);
        if (d.is_zero()) in.raise("ZeroDivisionError", "integer division or modulo by zero");
        return new_timedelta(in, checked(in, BigInt::floordiv(big(td_us(self)), d)));
    }
    return not_implemented();
}
Value td_mod(Interpreter& in, const Value& self, Args& a) {
    if (!is_timedelta(a[0])) return not_implemented();
    i128 d = td_us(a[0]);
    if (d == 0) in.raise("ZeroDivisionError", "integer modulo by zero");
    return new_timedelta(in, checked(in, BigInt::mod(big(td_us(self)), big(d))));
}
Value td_neg(Interpreter& in, const Value& self, Args&) {
    return new_timedelta(in, -td_us(self));
}
Value td_pos(Interpreter& in, const Value& self, Args&) {
    return new_timedelta(in, td_us(self));
}
Value td_abs(Interpreter& in, const Value& self, Args&) {
    i128 us = td_us(self);
    return new_timedelta(in, us < 0 ? -us : us);
}
Value td_bool(Interpreter&, const Value& self, Args&) {
    return Value::boolean(td_us(self) != 0);
}
Value td_hash(Interpreter& in, const Value& self, Args&) {
    auto* t = as_td(self);
    return Value::integer(in.hash(lang::new_tuple(
        {Value::integer(t->days), Value::integer(t->seconds), Value::integer(t->microseconds)})));
}

template <int Op> Value td_cmp(Interpreter&, const Value& self, Args& a) {
    if (!is_timedelta(a[0])) return not_implemented();
    i128 x = td_us(self), y = td_us(a[0]);
    switch (Op) {
    case 0:
        return Value::boolean(x == y);
    case 1:
        return Value::boolean(x != y);
    case 2:
        return Value::boolean(x < y);
    case 3:
        return Value::boolean(x <= y);
    case 4:
        return Value::boolean(x > y);
    default:
        return Value::boolean(x >= y);
    }
}

Value td_reduce(Interpreter&, const Value& self, Args&) {
    auto* t = as_td(self);
    return lang::new_tuple(
        {Value(T().timedelta), lang::new_tuple({Value::integer(t->days), Value::integer(t->seconds),
                                                Value::integer(t->microseconds)})});
}

} // namespace

i128 td_us(const Value& td) {
    auto* t = as_td(td);
    return static_cast<i128>(t->days) * cal::kUsPerDay +
           static_cast<i128>(t->seconds) * cal::kUsPerSecond + t->microseconds;
}

Value new_timedelta(Interpreter& in, i128 us) {
    i128 days = us / cal::kUsPerDay;
    i128 rest = us % cal::kUsPerDay;
    if (rest < 0) {
        rest += cal::kUsPerDay;
        days -= 1;
    }
    if (days > kMaxDays || days < -kMaxDays) {
        std::string d = big(days).to_string();
        in.raise("OverflowError", "days=" + d + "; must have magnitude <= 999999999");
    }
    auto* o = new TimeDeltaObj(T().timedelta);
    o->days = static_cast<int64_t>(days);
    o->seconds = static_cast<int64_t>(rest / cal::kUsPerSecond);
    o->microseconds = static_cast<int64_t>(rest % cal::kUsPerSecond);
    return Value::steal(o);
}

std::string timedelta_repr(const TimeDeltaObj& td) {
    std::string parts;
    auto add = [&](const char* name, int64_t v) {
        if (v == 0) return;
        if (!parts.empty()) parts += ", ";
        parts += std::string(name) + "=" + std::to_string(v);
    };
    add("days", td.days);
    add("seconds", td.seconds);
    add("microseconds", td.microseconds);
    if (parts.empty()) parts = "0";
    return "datetime.timedelta(" + parts + ")";
}

std::string timedelta_str(const TimeDeltaObj& td) {
    std::string s;
    if (td.days)
        s = std::to_string(td.days) + (td.days == 1 || td.days == -1 ? " day, " : " days, ");
    s += std::to_string(td.seconds / 3600) + ":" + two(static_cast<int>(td.seconds / 60 % 60)) +
         ":" + two(static_cast<int>(td.seconds % 60));
    if (td.microseconds) {
        char buf[16];
        std::snprintf(buf, sizeof buf, ".%06d", static_cast<int>(td.microseconds));
        s += buf;
    }
    return s;
}

namespace {
Value make_td_value(Type* t, int64_t days, int64_t seconds, int64_t us) {
    auto* o = new TimeDeltaObj(t);
    o->days = days;
    o->seconds = seconds;
    o->microseconds = us;
    return Value::steal(o);
}
} // namespace

Type* build_timedelta_type() {
    lang::TypeBuilder b("datetime.timedelta");
    b.ctor(td_ctor)
        .method("__repr__", td_repr)
        .method("__str__", td_str)
        .method("total_seconds", td_total_seconds)
        .method("__add__", td_add)
        .method("__radd__", td_add)
        .method("__sub__", td_sub)
        .method("__rsub__", td_rsub)
        .method("__mul__", td_mul)
        .method("__rmul__", td_mul)
        .method("__truediv__", td_truediv)
        .method("__floordiv__", td_floordiv)
        .method("__mod__", td_mod)
        .method("__neg__", td_neg)
        .method("__pos__", td_pos)
        .method("__abs__", td_abs)
        .method("__bool__", td_bool)
        .method("__hash__", td_hash)
        .method("__reduce__", td_reduce)
        .method("__eq__", td_cmp<0>)
        .method("__ne__", td_cmp<1>)
        .method("__lt__", td_cmp<2>)
        .method("__le__", td_cmp<3>)
        .method("__gt__", td_cmp<4>)
        .method("__ge__", td_cmp<5>)
        .property("days",
                  [](Interpreter&, const Value& s) { return Value::integer(as_td(s)->days); })
        .property("seconds",
                  [](Interpreter&, const Value& s) { return Value::integer(as_td(s)->seconds); })
        .property("microseconds", [](Interpreter&, const Value& s) {
            return Value::integer(as_td(s)->microseconds);
        });
    Type* t = b.build();
    t->set_attr("min", make_td_value(t, -kMaxDays, 0, 0));
    t->set_attr("max", make_td_value(t, kMaxDays, 86399, 999999));
    t->set_attr("resolution", make_td_value(t, 0, 0, 1));
    return t;
}

} // namespace ormsh::api::dt
