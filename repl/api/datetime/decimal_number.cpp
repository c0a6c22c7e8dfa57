// Decimal arithmetic (see decimal_number.h), following the algorithms of CPython's
// _pydecimal so that results, exponents and signs of zero come out identical.
#include "repl/api/datetime/decimal_number.h"

#include "repl/lang/text/errors.h"
#include "repl/lang/text/format_spec.h"

#include <algorithm>
#include <cmath>
#include <tuple>
#include <vector>

namespace ormsh::api::dec {

namespace {

BigInt pow10(int64_t n) {
    return BigInt::pow(BigInt(10), static_cast<uint64_t>(n));
}

bool is_odd(const BigInt& b) {
    return !b.limbs().empty() && (b.limbs()[0] & 1);
}

std::string digits_of(const BigInt& b) {
    return b.is_zero() ? "0" : b.to_string();
}

Number finite(bool neg, BigInt coeff, int64_t exp) {
    Number n;
    n.neg = neg;
    n.coeff = std::move(coeff);
    n.exp = exp;
    return n;
}

Number special(bool neg, Kind k) {
    Number n;
    n.neg = neg;
    n.kind = k;
    return n;
}

[[noreturn]] void signal(Signal s) {
    throw SignalError{s};
}

// Drops the last k digits of |coeff| with the rounding mode; returns the new coefficient.
BigInt round_digits(const BigInt& coeff, int64_t k, Rounding r, bool neg) {
    if (k <= 0) return coeff;
    BigInt p = pow10(k);
    auto [q, rest] = BigInt::divmod(coeff, p);
    if (rest.is_zero()) return q;
    BigInt twice = rest * BigInt(2);
    auto cmp_half = twice <=> p;
    bool up = false;
    switch (r) {
    case Rounding::HalfEven:
        up = cmp_half > 0 || (cmp_half == 0 && is_odd(q));
        break;
    case Rounding::HalfUp:
        up = cmp_half >= 0;
        break;
    case Rounding::HalfDown:
        up = cmp_half > 0;
        break;
    case Rounding::Down:
        up = false;
        break;
    case Rounding::Up:
        up = true;
        break;
    case Rounding::Ceiling:
        up = !neg;
        break;
    case Rounding::Floor:
        up = neg;
        break;
    case Rounding::ZeroFiveUp: {
        auto last = BigInt::mod(q, BigInt(10));
        up = last.is_zero() || last == BigInt(5);
        break;
    }
    }
    if (up) q += BigInt(1);
    return q;
}

Number nan_result(const Number& a, const Number& b) {
    // sNaN signals; otherwise the first NaN propagates.
    if (a.kind == Kind::SNaN || b.kind == Kind::SNaN) signal(Signal::InvalidOperation);
    Number r = a.is_nan() ? a : b;
    return r;
}

} // namespace

int64_t Number::digits() const {
    return static_cast<int64_t>(digits_of(coeff).size());
}
int64_t Number::adjusted() const {
    return exp + digits() - 1;
}

const char* rounding_name(Rounding r) {
    switch (r) {
    case Rounding::HalfEven:
        return "ROUND_HALF_EVEN";
    case Rounding::HalfUp:
        return "ROUND_HALF_UP";
    case Rounding::HalfDown:
        return "ROUND_HALF_DOWN";
    case Rounding::Down:
        return "ROUND_DOWN";
    case Rounding::Up:
        return "ROUND_UP";
    case Rounding::Ceiling:
        return "ROUND_CEILING";
    case Rounding::Floor:
        return "ROUND_FLOOR";
    case Rounding::ZeroFiveUp:
        return "ROUND_05UP";
    }
    return "ROUND_HALF_EVEN";
}

std::optional<Rounding> rounding_from_name(std::string_view name) {
    for (int i = 0; i < 8; ++i) {
        auto r = static_cast<Rounding>(i);
        if (name == rounding_name(r)) return r;
    }
    return std::nullopt;
}

std::optional<Number> parse(std::string_view text) {
    size_t b = 0, e = text.size();
    auto space = [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    };
    while (b < e && space(text[b]))
        ++b;
    while (e > b && space(text[e - 1]))
        --e;
    std::string s;
    // Underscores are allowed only between digits.
    for (size_t i = b; i < e; ++i) {
        if (text[i] == '_') {
            if (i == b || i + 1 == e || !std::isdigit(static_cast<unsigned char>(text[i - 1])) ||
                !std::isdigit(static_cast<unsigned char>(text[i + 1])))
                return std::nullopt;
            continue;
        }
        s += text[i];
    }
    if (s.empty()) return std::nullopt;
    bool neg = false;
    size_t i = 0;
    if (s[0] == '+' || s[0] == '-') {
        neg = s[0] == '-';
        ++i;
    }
    std::string rest = s.substr(i);
    std::string low;
    for (char c : rest)
        low += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (low == "inf" || low == "infinity") return special(neg, Kind::Infinity);
    if (low.rfind("nan", 0) == 0 || low.rfind("snan", 0) == 0) {
        bool sig = low[0] == 's';
        std::string payload = low.substr(sig ? 4 : 3);
        for (char c : payload)
            if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
        Number n = special(neg, sig ? Kind::SNaN : Kind::NaN);
        if (!payload.empty()) n.coeff = *BigInt::from_digits(payload, 10);
        return n;
    }
    std::string digits;
    int64_t frac_len = 0;
    bool dot = false, any = false;
    size_t k = 0;
    for (; k < rest.size(); ++k) {
        char c = rest[k];
        if (std::isdigit(static_cast<unsigned char>(c))) {
            digits += c;
            any = true;
            if (dot) ++frac_len;
        } else if (c == '.' && !dot) {
            dot = true;
        } else {
            break;
        }
    }
    if (!any) return std::nullopt;
    int64_t exp = 0;
    if (k < rest.size()) {
        if (rest[k] != 'e' && rest[k] != 'E') return std::nullopt;
        ++k;
        bool eneg = false;
        if (k < rest.size() && (rest[k] == '+' || rest[k] == '-')) {
            eneg = rest[k] == '-';
            ++k;
        }
        if (k >= rest.size()) return std::nullopt;
        std::string ed = rest.substr(k);
        for (char c : ed)
            if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
        if (ed.size() > 17) return std::nullopt;
        exp = std::stoll(ed);
        if (eneg) exp = -exp;
    }
    size_t nz = digits.find_first_not_of('0');
    digits = nz == std::string::npos ? "0" : digits.substr(nz);
    return finite(neg, *BigInt::from_digits(digits, 10), exp - frac_len);
}

Number from_int(const BigInt& v) {
    return finite(v.is_negative(), v.abs(), 0);
}

Number from_double(double v) {
    if (std::isnan(v)) return special(std::signbit(v), Kind::NaN);
    if (std::isinf(v)) return special(v < 0, Kind::Infinity);
    bool neg = std::signbit(v);
    double a = std::fabs(v);
    if (a == 0) return finite(neg, BigInt(0), 0);
    int e = 0;
    double m = std::frexp(a, &e);
    uint64_t mant = static_cast<uint64_t>(std::ldexp(m, 53));
    e -= 53;
    while ((mant & 1) == 0) {
        mant >>= 1;
        ++e;
    }
    BigInt c = BigInt::from_uint64(mant);
    if (e >= 0) return finite(neg, c << static_cast<uint64_t>(e), 0);
    // m / 2**k == m * 5**k / 10**k
    return finite(neg, c * BigInt::pow(BigInt(5), static_cast<uint64_t>(-e)), e);
}

std::string to_sci_string(const Number& n, bool capitals) {
    std::string sign = n.neg ? "-" : "";
    if (n.kind == Kind::Infinity) return sign + "Infinity";
    if (n.kind == Kind::NaN) return sign + "NaN" + (n.coeff.is_zero() ? "" : n.coeff.to_string());
    if (n.kind == Kind::SNaN) return sign + "sNaN" + (n.coeff.is_zero() ? "" : n.coeff.to_string());
    std::string d = digits_of(n.coeff);
    int64_t leftdigits = n.exp + static_cast<int64_t>(d.size());
    int64_t dotplace = (n.exp <= 0 && leftdigits > -6) ? leftdigits : 1;
    std::string intpart, fracpart;
    if (dotplace <= 0) {
        intpart = "0";
        fracpart = "." + std::string(static_cast<size_t>(-dotplace), '0') + d;
    } else if (dotplace >= static_cast<int64_t>(d.size())) {
        intpart =
            d + std::string(static_cast<size_t>(dotplace - static_cast<int64_t>(d.size())), '0');
    } else {
        intpart = d.substr(0, static_cast<size_t>(dotplace));
        fracpart = "." + d.substr(static_cast<size_t>(dotplace));
    }
    std::string exp;
    if (leftdigits != dotplace) {
        int64_t x = leftdigits - dotplace;
        exp = std::string(capitals ? "E" : "e") + (x >= 0 ? "+" : "-") +
              std::to_string(x >= 0 ? x : -x);
    }
    return sign + intpart + fracpart + exp;
}

Number fix(Number a, const Context& ctx) {
    if (a.is_special()) return a;
    if (a.coeff.is_zero()) {
        if (a.exp > ctx.emax) a.exp = ctx.emax;
        return a;
    }
    int64_t n = a.digits();
    if (n > ctx.prec) {
        int64_t k = n - ctx.prec;
        a.coeff = round_digits(a.coeff, k, ctx.rounding, a.neg);
        a.exp += k;
        if (a.digits() > ctx.prec) {
            a.coeff = BigInt::floordiv(a.coeff, BigInt(10));
            a.exp += 1;
        }
    }
    if (a.adjusted() > ctx.emax) signal(Signal::Overflow);
    return a;
}

Number plus(const Number& a, const Context& ctx) {
    if (a.kind == Kind::SNaN) signal(Signal::InvalidOperation);
    Number r = a;
    if (r.is_zero() && ctx.rounding != Rounding::Floor) r.neg = false;
    return fix(r, ctx);
}

Number rescale(const Number& a, int64_t exp, Rounding r) {
    if (a.is_special()) return a;
    if (a.coeff.is_zero()) return finite(a.neg, BigInt(0), exp);
    if (a.exp >= exp) return finite(a.neg, a.coeff * pow10(a.exp - exp), exp);
    return finite(a.neg, round_digits(a.coeff, exp - a.exp, r, a.neg), exp);
}

Number add(const Number& a0, const Number& b0, const Context& ctx, bool subtract) {
    Number b = b0;
    if (subtract) b.neg = !b.neg;
    const Number& a = a0;
    if (a.is_nan() || b.is_nan()) return nan_result(a, b0);
    if (a.kind == Kind::Infinity) {
        if (b.kind == Kind::Infinity && a.neg != b.neg) signal(Signal::InvalidOperation);
        return a;
    }
    if (b.kind == Kind::Infinity) return b;
    int64_t exp = std::min(a.exp, b.exp);
    bool floor = ctx.rounding == Rounding::Floor;
    if (a.is_zero() && b.is_zero()) {
        bool neg = floor ? (a.neg || b.neg) : (a.neg && b.neg);
        return fix(finite(neg, BigInt(0), exp), ctx);
    }
    if (a.is_zero()) return fix(rescale(b, std::max(exp, b.exp - ctx.prec - 1), ctx.rounding), ctx);
    if (b.is_zero()) return fix(rescale(a, std::max(exp, a.exp - ctx.prec - 1), ctx.rounding), ctx);
    BigInt x = a.coeff * pow10(a.exp - exp);
    BigInt y = b.coeff * pow10(b.exp - exp);
    if (a.neg) x = -x;
    if (b.neg) y = -y;
    BigInt s = x + y;
    if (s.is_zero()) return fix(finite(floor, BigInt(0), exp), ctx);
    return fix(finite(s.is_negative(), s.abs(), exp), ctx);
}

Number mul(const Number& a, const Number& b, const Context& ctx) {
    bool neg = a.neg != b.neg;
    if (a.is_nan() || b.is_nan()) return nan_result(a, b);
    if (a.kind == Kind::Infinity || b.kind == Kind::Infinity) {
        if (a.is_zero() || b.is_zero()) signal(Signal::InvalidOperation);
        return special(neg, Kind::Infinity);
    }
    return fix(finite(neg, a.coeff * b.coeff, a.exp + b.exp), ctx);
}

Number div(const Number& a, const Number& b, const Context& ctx) {
    bool neg = a.neg != b.neg;
    if (a.is_nan() || b.is_nan()) return nan_result(a, b);
    if (a.kind == Kind::Infinity) {
        if (b.kind == Kind::Infinity) signal(Signal::InvalidOperation);
        return special(neg, Kind::Infinity);
    }
    if (b.kind == Kind::Infinity)
        return finite(neg, BigInt(0),
                      -ctx.prec + ctx.emin - ctx.prec + 1 < 0 ? ctx.emin - ctx.prec + 1 : 0);
    if (b.is_zero()) signal(a.is_zero() ? Signal::DivisionUndefined : Signal::DivisionByZero);
    BigInt coeff;
    int64_t exp;
    if (a.is_zero()) {
        exp = a.exp - b.exp;
        coeff = BigInt(0);
    } else {
        int64_t shift = b.digits() - a.digits() + ctx.prec + 1;
        exp = a.exp - b.exp - shift;
        BigInt rest;
        if (shift >= 0)
            std::tie(coeff, rest) = BigInt::divmod(a.coeff * pow10(shift), b.coeff);
        else
            std::tie(coeff, rest) = BigInt::divmod(a.coeff, b.coeff * pow10(-shift));
        if (!rest.is_zero()) {
            if (BigInt::mod(coeff, BigInt(5)).is_zero()) coeff += BigInt(1);
        } else {
            int64_t ideal = a.exp - b.exp;
            while (exp < ideal && BigInt::mod(coeff, BigInt(10)).is_zero()) {
                coeff = BigInt::floordiv(coeff, BigInt(10));
                exp += 1;
            }
        }
    }
    return fix(finite(neg, coeff, exp), ctx);
}

namespace {

// CPython's _divide: the integer quotient (exponent 0) and the remainder.
std::pair<Number, Number> divide_int(const Number& a, const Number& b, const Context& ctx) {
    bool neg = a.neg != b.neg;
    int64_t ideal = std::min(a.exp, b.exp);
    int64_t expdiff = a.is_zero() ? 0 : a.adjusted() - b.adjusted();
    if (a.is_zero() || b.kind == Kind::Infinity || expdiff <= -2)
        return {finite(neg, BigInt(0), 0), rescale(a, ideal, ctx.rounding)};
    if (expdiff <= ctx.prec) {
        BigInt x = a.coeff, y = b.coeff;
        if (a.exp >= b.exp)
            x = x * pow10(a.exp - b.exp);
        else
            y = y * pow10(b.exp - a.exp);
        auto [q, r] = BigInt::divmod(x, y);
        if (q < pow10(ctx.prec)) return {finite(neg, q, 0), finite(a.neg, r, ideal)};
    }
    signal(Signal::DivisionImpossible);
}

} // namespace

Number divint(const Number& a, const Number& b, const Context& ctx) {
    if (a.is_nan() || b.is_nan()) return nan_result(a, b);
    if (a.kind == Kind::Infinity) {
        if (b.kind == Kind::Infinity) signal(Signal::InvalidOperation);
        return special(a.neg != b.neg, Kind::Infinity);
    }
    if (b.is_zero()) signal(a.is_zero() ? Signal::DivisionUndefined : Signal::DivisionByZero);
    return fix(divide_int(a, b, ctx).first, ctx);
}

Number rem(const Number& a, const Number& b, const Context& ctx) {
    if (a.is_nan() || b.is_nan()) return nan_result(a, b);
    if (a.kind == Kind::Infinity) signal(Signal::InvalidOperation);
    if (b.is_zero()) signal(a.is_zero() ? Signal::DivisionUndefined : Signal::InvalidOperation);
    return fix(divide_int(a, b, ctx).second, ctx);
}

Number power(const Number& a, const BigInt& e, const Context& ctx) {
    if (a.is_nan()) return nan_result(a, a);
    bool neg_exp = e.is_negative();
    BigInt n = e.abs();
    bool odd = is_odd(n);
    if (a.kind == Kind::Infinity) {
        if (e.is_zero()) return finite(false, BigInt(1), 0);
        if (neg_exp) return finite(a.neg && odd, BigInt(0), 0);
        return special(a.neg && odd, Kind::Infinity);
    }
    if (e.is_zero()) {
        if (a.is_zero()) signal(Signal::InvalidOperation);
        return finite(false, BigInt(1), 0);
    }
    if (a.is_zero()) {
        if (neg_exp) signal(Signal::DivisionByZero);
        return finite(a.neg && odd, BigInt(0), 0);
    }
    auto k = n.to_int64();
    if (!k || *k > 100000) signal(Signal::Overflow);
    // Exact power with guard digits, rounded once.
    Context work = ctx;
    work.prec = ctx.prec + 10;
    work.emax = INT64_MAX / 4;
    Number r = finite(a.neg && odd, BigInt::pow(a.coeff, static_cast<uint64_t>(*k)), a.exp * *k);
    if (neg_exp) r = div(finite(false, BigInt(1), 0), r, work);
    return fix(r, ctx);
}

Number negate(const Number& a, const Context& ctx) {
    if (a.kind == Kind::SNaN) signal(Signal::InvalidOperation);
    Number r = a;
    if (a.is_nan()) return r;
    r.neg = !a.neg;
    if (r.is_zero() && ctx.rounding != Rounding::Floor) r.neg = false;
    return fix(r, ctx);
}

Number abs(const Number& a, const Context& ctx) {
    if (a.kind == Kind::SNaN) signal(Signal::InvalidOperation);
    Number r = a;
    if (a.is_nan()) return r;
    r.neg = false;
    return fix(r, ctx);
}

Number quantize(const Number& a, int64_t exp, Rounding r, const Context& ctx) {
    if (a.is_special()) {
        if (a.is_nan()) return nan_result(a, a);
        signal(Signal::InvalidOperation);
    }
    if (exp > ctx.emax || exp < ctx.emin - ctx.prec + 1) signal(Signal::InvalidOperation);
    Number out = rescale(a, exp, r);
    if (out.adjusted() > ctx.emax || out.digits() > ctx.prec) signal(Signal::InvalidOperation);
    return out;
}

Number normalize(const Number& a, const Context& ctx) {
    if (a.is_nan()) return nan_result(a, a);
    Number r = fix(a, ctx);
    if (r.is_special()) return r;
    if (r.coeff.is_zero()) return finite(r.neg, BigInt(0), 0);
    while (BigInt::mod(r.coeff, BigInt(10)).is_zero() && r.exp < ctx.emax) {
        r.coeff = BigInt::floordiv(r.coeff, BigInt(10));
        r.exp += 1;
    }
    return r;
}

int compare(const Number& a, const Number& b) {
    auto sgn = [](const Number& n) { return n.is_zero() ? 0 : (n.neg ? -1 : 1); };
    int sa = sgn(a), sb = sgn(b);
    if (a.kind == Kind::Infinity || b.kind == Kind::Infinity) {
        int va = a.kind == Kind::Infinity ? (a.neg ? -2 : 2) : sa;
        int vb = b.kind == Kind::Infinity ? (b.neg ? -2 : 2) : sb;
        return va < vb ? -1 : va > vb ? 1 : 0;
    }
    if (sa != sb) return sa < sb ? -1 : 1;
    if (sa == 0) return 0;
    int64_t aa = a.adjusted(), ab = b.adjusted();
    int mag;
    if (aa != ab) {
        mag = aa < ab ? -1 : 1;
    } else {
        int64_t exp = std::min(a.exp, b.exp);
        auto c = (a.coeff * pow10(a.exp - exp)) <=> (b.coeff * pow10(b.exp - exp));
        mag = c < 0 ? -1 : c > 0 ? 1 : 0;
    }
    return sa < 0 ? -mag : mag;
}

BigInt to_integer(const Number& a) {
    BigInt v = a.exp >= 0 ? a.coeff * pow10(a.exp) : BigInt::floordiv(a.coeff, pow10(-a.exp));
    return a.neg ? -v : v;
}

int64_t hash(const Number& a) {
    constexpr uint64_t kModulus = (1ULL << 61) - 1;
    constexpr int64_t kInf = 314159;
    if (a.kind == Kind::Infinity) return a.neg ? -kInf : kInf;
    if (a.is_nan()) return 0;
    auto mulmod = [](uint64_t x, uint64_t y) {
        return static_cast<uint64_t>((static_cast<unsigned __int128>(x) * y) % kModulus);
    };
    auto powmod = [&](uint64_t base, uint64_t e) {
        uint64_t r = 1;
        while (e) {
            if (e & 1) r = mulmod(r, base);
            base = mulmod(base, base);
            e >>= 1;
        }
        return r;
    };
    uint64_t exp_hash = a.exp >= 0
                            ? powmod(10, static_cast<uint64_t>(a.exp))
                            : powmod(powmod(10, kModulus - 2), static_cast<uint64_t>(-a.exp));
    uint64_t c = static_cast<uint64_t>(
        BigInt::mod(a.coeff, BigInt(static_cast<int64_t>(kModulus))).to_int64().value_or(0));
    int64_t h = static_cast<int64_t>(mulmod(c, exp_hash));
    if (a.neg) h = -h;
    return h == -1 ? -2 : h;
}

// ---- format() ----

namespace {

// Groups of three digits with `sep`; zero padding up to min_width counts the separators,
// as CPython's _insert_thousands_sep does.
std::string insert_groups(std::string digits, char sep, int64_t min_width) {
    std::vector<std::string> groups;
    auto take = [&](int64_t l) {
        int64_t have = static_cast<int64_t>(digits.size());
        std::string g = std::string(static_cast<size_t>(std::max<int64_t>(0, l - have)), '0') +
                        digits.substr(static_cast<size_t>(std::max<int64_t>(0, have - l)));
        digits.erase(static_cast<size_t>(std::max<int64_t>(0, have - l)));
        groups.push_back(g);
    };
    bool done = false;
    if (sep) {
        while (true) {
            int64_t l = std::min<int64_t>(
                std::max<int64_t>({static_cast<int64_t>(digits.size()), min_width, 1}), 3);
            take(l);
            min_width -= l;
            if (digits.empty() && min_width <= 0) {
                done = true;
                break;
            }
            min_width -= 1;
        }
    }
    if (!done) take(std::max<int64_t>({static_cast<int64_t>(digits.size()), min_width, 1}));
    std::string out;
    for (size_t k = groups.size(); k-- > 0;) {
        out += groups[k];
        if (k && sep) out += sep;
    }
    return out;
}

// Exactly `places` significant digits (padding with zeros), CPython's Decimal._round.
Number round_to_places(const Number& n, int64_t places, Rounding r) {
    if (n.is_special() || n.is_zero()) return n;
    Number out = rescale(n, n.adjusted() + 1 - places, r);
    if (out.adjusted() != n.adjusted()) out = rescale(out, out.adjusted() + 1 - places, r);
    return out;
}

} // namespace

std::string format(const Number& n0, std::string_view spec_text, const Context& ctx) {
    using lang::text::FormatSpec;
    FormatSpec spec = lang::text::parse_format_spec(spec_text, lang::text::FormatTarget::Float,
                                                    "decimal.Decimal");
    char type = spec.type;
    if ((type && std::string("eEfFgGn%").find(type) == std::string::npos) || spec.grouping == '_' ||
        spec.alternate)
        throw lang::text::FormatError(lang::text::ErrorKind::ValueError, "invalid format string");
    Number n = n0;
    std::string sign = n.neg ? "-" : (spec.sign == '+' ? "+" : spec.sign == ' ' ? " " : "");
    std::string body;
    if (n.is_special()) {
        body = n.kind == Kind::Infinity ? "Infinity" : to_sci_string(special(false, n.kind));
        if (type == '%') body += "%";
        if (spec.fill == "0" && !spec.fill_specified) spec.fill = " "; // zero padding never applies
    } else {
        if (!type) type = ctx.capitals ? 'G' : 'g';
        if (type == 'n') type = 'g';
        if (type == '%') n.exp += 2;
        int64_t prec = spec.precision;
        if (prec >= 0) {
            if (type == 'e' || type == 'E') {
                n = round_to_places(n, prec + 1, ctx.rounding);
            } else if (type == 'f' || type == 'F' || type == '%') {
                n = rescale(n, -prec, ctx.rounding);
            } else if ((type == 'g' || type == 'G') && n.digits() > prec) {
                n = round_to_places(n, std::max<int64_t>(prec, 1), ctx.rounding);
            }
        }
        if (n.is_zero() && n.exp > 0 && (type == 'f' || type == 'F' || type == '%'))
            n = rescale(n, 0, ctx.rounding);
        if (n.is_zero() && spec.no_neg_0 && n.neg)
            sign = spec.sign == '+' ? "+" : spec.sign == ' ' ? " " : "";
        std::string d = digits_of(n.coeff);
        int64_t len = static_cast<int64_t>(d.size());
        int64_t leftdigits = n.exp + len;
        int64_t dotplace;
        if (type == 'e' || type == 'E')
            dotplace = (n.is_zero() && prec >= 0) ? 1 - prec : 1;
        else if (type == 'f' || type == 'F' || type == '%')
            dotplace = leftdigits;
        else
            dotplace = (n.exp <= 0 && leftdigits > -6) ? leftdigits : 1;
        std::string intpart, fracpart;
        if (dotplace < 0) {
            intpart = "0";
            fracpart = std::string(static_cast<size_t>(-dotplace), '0') + d;
        } else if (dotplace > len) {
            intpart = d + std::string(static_cast<size_t>(dotplace - len), '0');
        } else {
            intpart = dotplace == 0 ? "0" : d.substr(0, static_cast<size_t>(dotplace));
            fracpart = d.substr(static_cast<size_t>(dotplace));
        }
        int64_t exp = leftdigits - dotplace;
        if (!fracpart.empty() || spec.alternate) fracpart = "." + fracpart;
        if (exp != 0 || type == 'e' || type == 'E') {
            char echar = (type == 'E' || type == 'G') ? 'E' : 'e';
            fracpart += echar;
            fracpart += exp >= 0 ? "+" + std::to_string(exp) : std::to_string(exp);
        }
        if (type == '%') fracpart += "%";
        bool zeropad = spec.fill == "0" && spec.align == '=' && !spec.fill_specified;
        int64_t min_width = zeropad ? spec.width - static_cast<int64_t>(fracpart.size()) -
                                          static_cast<int64_t>(sign.size())
                                    : 0;
        body = insert_groups(intpart, spec.grouping, min_width) + fracpart;
    }
    // Alignment: numbers default to the right; '=' pads after the sign.
    char align = spec.align ? spec.align : '>';
    std::string fill = spec.fill;
    int64_t total = static_cast<int64_t>(sign.size() + body.size());
    int64_t padn = spec.width > total ? spec.width - total : 0;
    auto rep = [&](int64_t k) {
        std::string s;
        for (int64_t i = 0; i < k; ++i)
            s += fill;
        return s;
    };
    switch (align) {
    case '<':
        return sign + body + rep(padn);
    case '^':
        return rep(padn / 2) + sign + body + rep(padn - padn / 2);
    case '=':
        return sign + rep(padn) + body;
    default:
        return rep(padn) + sign + body;
    }
}

} // namespace ormsh::api::dec
