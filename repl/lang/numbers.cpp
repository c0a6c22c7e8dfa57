// Arithmetic on Python ints (int64 fast path with overflow to BigInt) and floats with
// Python's floor division, modulo and power rules and CPython's error messages.
#include "repl/lang/numbers.h"

#include "repl/lang/text/int_text.h"

#include <cmath>

namespace ormsh::lang {

BigIntObj::BigIntObj(text::BigInt b) : Object(Types::int_), v(std::move(b)) {}

Value make_int(const text::BigInt& b) {
    if (auto small = b.to_int64()) return Value::integer(*small);
    return Value::steal(new BigIntObj(b));
}

text::BigInt to_bigint(const Value& v) {
    if (v.is_int()) return text::BigInt(v.as_int());
    if (v.is_bool()) return text::BigInt(v.as_bool() ? 1 : 0);
    return v.as<BigIntObj>()->v;
}

std::optional<double> to_double(const Value& v) {
    if (v.is_float()) return v.as_float();
    if (v.is_int()) return static_cast<double>(v.as_int());
    if (v.is_bool()) return v.as_bool() ? 1.0 : 0.0;
    if (has_layout(v, Layout::BigInt)) {
        auto d = v.as<BigIntObj>()->v.to_double();
        if (!d) Interpreter::current().raise("OverflowError", "int too large to convert to float");
        return d;
    }
    return std::nullopt;
}

Value int_from_double(Interpreter& in, double d) {
    if (std::isnan(d)) in.raise("ValueError", "cannot convert float NaN to integer");
    if (std::isinf(d)) in.raise("OverflowError", "cannot convert float infinity to integer");
    if (d > -9.2e18 && d < 9.2e18) return Value::integer(static_cast<int64_t>(d));
    return make_int(*text::BigInt::from_double(d));
}

std::string int_repr(const Value& v) {
    if (v.is_int()) return std::to_string(v.as_int());
    if (v.is_bool()) return v.as_bool() ? "1" : "0";
    return text::int_to_string(v.as<BigIntObj>()->v);
}

Value make_big_int_literal(const std::string& t) {
    int base = 10;
    std::string digits = t;
    if (t.size() > 2 && t[0] == '0') {
        char p = static_cast<char>(std::tolower(t[1]));
        base = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 10;
        if (base != 10) digits = t.substr(2);
    }
    auto b = text::BigInt::from_digits(digits, base);
    return make_int(*b);
}

namespace {

int64_t floor_div(int64_t a, int64_t b) {
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}
int64_t floor_mod(int64_t a, int64_t b) {
    int64_t m = a % b;
    if (m != 0 && ((m < 0) != (b < 0))) m += b;
    return m;
}

} // namespace

Value float_binary(Interpreter& in, BinOpKind op, double x, double y) {
    switch (op) {
    case BinOpKind::Add:
        return Value::flt(x + y);
    case BinOpKind::Sub:
        return Value::flt(x - y);
    case BinOpKind::Mul:
        return Value::flt(x * y);
    case BinOpKind::Div:
        if (y == 0) in.raise("ZeroDivisionError", "float division by zero");
        return Value::flt(x / y);
    case BinOpKind::FloorDiv:
    case BinOpKind::Mod: {
        if (y == 0)
            in.raise("ZeroDivisionError",
                     op == BinOpKind::Mod ? "float modulo" : "float floor division by zero");
        double mod = std::fmod(x, y);
        double div = (x - mod) / y;
        if (mod != 0) {
            if ((y < 0) != (mod < 0)) {
                mod += y;
                div -= 1.0;
            }
        } else {
            mod = std::copysign(0.0, y);
        }
        double floordiv;
        if (div != 0) {
            floordiv = std::floor(div);
            if (div - floordiv > 0.5) floordiv += 1.0;
        } else {
            floordiv = std::copysign(0.0, x / y);
        }
        return Value::flt(op == BinOpKind::Mod ? mod : floordiv);
    }
    case BinOpKind::Pow: {
        if (x == 0 && y < 0)
            in.raise("ZeroDivisionError", "0.0 cannot be raised to a negative power");
        if (x < 0 && y != std::floor(y))
            in.raise("ValueError", "complex results are not supported");
        double r = std::pow(x, y);
        if (std::isinf(r) && std::isfinite(x) && std::isfinite(y))
            in.raise("OverflowError", "(34, 'Numerical result out of range')");
        return Value::flt(r);
    }
    default:
        return Value();
    }
}

Value int_binary(Interpreter& in, BinOpKind op, const Value& a, const Value& b) {
    if ((a.is_int() || a.is_bool()) && (b.is_int() || b.is_bool())) {
        int64_t x = a.is_int() ? a.as_int() : a.as_bool();
        int64_t y = b.is_int() ? b.as_int() : b.as_bool();
        int64_t r;
        switch (op) {
        case BinOpKind::Add:
            if (!__builtin_add_overflow(x, y, &r)) return Value::integer(r);
            break;
        case BinOpKind::Sub:
            if (!__builtin_sub_overflow(x, y, &r)) return Value::integer(r);
            break;
        case BinOpKind::Mul:
            if (!__builtin_mul_overflow(x, y, &r)) return Value::integer(r);
            break;
        case BinOpKind::Div: {
            if (y == 0) in.raise("ZeroDivisionError", "division by zero");
            if (x > -(1LL << 53) && x < (1LL << 53) && y > -(1LL << 53) && y < (1LL << 53))
                return Value::flt(static_cast<double>(x) / static_cast<double>(y));
            return Value::flt(text::BigInt::true_divide(x, y));
        }
        case BinOpKind::FloorDiv:
            if (y == 0) in.raise("ZeroDivisionError", "integer division or modulo by zero");
            if (x == INT64_MIN && y == -1) break;
            return Value::integer(floor_div(x, y));
        case BinOpKind::Mod:
            if (y == 0) in.raise("ZeroDivisionError", "integer division or modulo by zero");
            if (y == -1) return Value::integer(0);
            return Value::integer(floor_mod(x, y));
        case BinOpKind::Pow: {
            if (y < 0) {
                if (x == 0)
                    in.raise("ZeroDivisionError", "0.0 cannot be raised to a negative power");
                return Value::flt(std::pow(static_cast<double>(x), static_cast<double>(y)));
            }
            int64_t result = 1, base = x;
            int64_t e = y;
            bool overflow = false;
            while (e > 0) {
                if (e & 1) {
                    if (__builtin_mul_overflow(result, base, &result)) {
                        overflow = true;
                        break;
                    }
                }
                e >>= 1;
                if (e > 0 && __builtin_mul_overflow(base, base, &base)) {
                    overflow = true;
                    break;
                }
            }
            if (!overflow) return Value::integer(result);
            return make_int(text::BigInt::pow(text::BigInt(x), static_cast<uint64_t>(y)));
        }
        case BinOpKind::LShift:
            if (y < 0) in.raise("ValueError", "negative shift count");
            if (y < 63 && x == ((x << y) >> y) && (x << y) >> y == x) {
                int64_t s = static_cast<int64_t>(static_cast<uint64_t>(x) << y);
                if ((s >> y) == x) return Value::integer(s);
            }
            return make_int(text::BigInt(x) << static_cast<uint64_t>(y));
        case BinOpKind::RShift:
            if (y < 0) in.raise("ValueError", "negative shift count");
            return Value::integer(y >= 64 ? (x < 0 ? -1 : 0) : x >> y);
        case BinOpKind::BitAnd:
            if (a.is_bool() && b.is_bool()) return Value::boolean(x & y);
            return Value::integer(x & y);
        case BinOpKind::BitOr:
            if (a.is_bool() && b.is_bool()) return Value::boolean(x | y);
            return Value::integer(x | y);
        case BinOpKind::BitXor:
            if (a.is_bool() && b.is_bool()) return Value::boolean(x ^ y);
            return Value::integer(x ^ y);
        default:
            return Value();
        }
    }
    text::BigInt x = to_bigint(a), y = to_bigint(b);
    switch (op) {
    case BinOpKind::Add:
        return make_int(x + y);
    case BinOpKind::Sub:
        return make_int(x - y);
    case BinOpKind::Mul:
        return make_int(x * y);
    case BinOpKind::Div:
        if (y.is_zero()) in.raise("ZeroDivisionError", "division by zero");
        return Value::flt(text::BigInt::true_divide(x, y));
    case BinOpKind::FloorDiv:
        if (y.is_zero()) in.raise("ZeroDivisionError", "integer division or modulo by zero");
        return make_int(text::BigInt::floordiv(x, y));
    case BinOpKind::Mod:
        if (y.is_zero()) in.raise("ZeroDivisionError", "integer division or modulo by zero");
        return make_int(text::BigInt::mod(x, y));
    case BinOpKind::Pow: {
        if (y.is_negative()) {
            auto dx = to_double(a), dy = to_double(b);
            return Value::flt(std::pow(*dx, *dy));
        }
        auto e = y.to_int64();
        if (!e) in.raise("OverflowError", "exponent too large");
        return make_int(text::BigInt::pow(x, static_cast<uint64_t>(*e)));
    }
    case BinOpKind::LShift: {
        if (y.is_negative()) in.raise("ValueError", "negative shift count");
        auto e = y.to_int64();
        if (!e) in.raise("OverflowError", "too many digits in integer");
        return make_int(x << static_cast<uint64_t>(*e));
    }
    case BinOpKind::RShift: {
        if (y.is_negative()) in.raise("ValueError", "negative shift count");
        auto e = y.to_int64();
        if (!e) return Value::integer(x.is_negative() ? -1 : 0);
        return make_int(x >> static_cast<uint64_t>(*e));
    }
    case BinOpKind::BitAnd:
        return make_int(x & y);
    case BinOpKind::BitOr:
        return make_int(x | y);
    case BinOpKind::BitXor:
        return make_int(x ^ y);
    default:
        return Value();
    }
}

} // namespace ormsh::lang
