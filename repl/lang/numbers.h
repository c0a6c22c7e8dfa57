// int and float helpers: ints live inline in Value while they fit in int64 and become a
// BigIntObj (type int, layout BigInt) beyond; every arithmetic result is normalised back.
#pragma once

#include "repl/lang/interpreter.h"
#include "repl/lang/text/bigint.h"

#include <optional>

namespace ormsh::lang {

struct BigIntObj : Object {
    text::BigInt v;
    explicit BigIntObj(text::BigInt b);
};

// Small when it fits, BigIntObj otherwise.
Value make_int(const text::BigInt& b);
inline bool is_int_like(const Value& v) {
    return v.is_int() || v.is_bool() || has_layout(v, Layout::BigInt);
}
// int/bool/BigInt -> BigInt.
text::BigInt to_bigint(const Value& v);
std::optional<double> to_double(const Value& v); // int, bool, float, BigInt
Value int_from_double(Interpreter& in, double d);
std::string int_repr(const Value& v);
Value make_big_int_literal(const std::string& text);
Value int_binary(Interpreter& in, BinOpKind op, const Value& a, const Value& b); // both int-like
Value float_binary(Interpreter& in, BinOpKind op, double x, double y);

// The everyday cases of a binary operator on small ints and floats, computed inline by the
// evaluator. False (out untouched) whenever binary_op must decide: other types, bools,
// overflow, a zero or negative divisor, shifts, powers.
[[gnu::always_inline]] inline bool fast_binary(BinOpKind op, const Value& a, const Value& b,
                                               Value& out) {
    if (a.is_int() && b.is_int()) {
        int64_t x = a.as_int(), y = b.as_int(), r;
        switch (op) {
        case BinOpKind::Add:
            if (__builtin_add_overflow(x, y, &r)) return false;
            break;
        case BinOpKind::Sub:
            if (__builtin_sub_overflow(x, y, &r)) return false;
            break;
        case BinOpKind::Mul:
            if (__builtin_mul_overflow(x, y, &r)) return false;
            break;
        case BinOpKind::Mod:
            if (y <= 0) return false;
            r = x % y;
            if (r < 0) r += y;
            break;
        case BinOpKind::FloorDiv:
            if (y <= 0) return false;
            r = x / y;
            if (x % y < 0) --r;
            break;
        case BinOpKind::Div: {
            constexpr int64_t kExact = int64_t{1} << 53; // ints a double holds exactly
            if (y == 0 || x <= -kExact || x >= kExact || y <= -kExact || y >= kExact) return false;
            out = Value::flt(static_cast<double>(x) / static_cast<double>(y));
            return true;
        }
        case BinOpKind::BitAnd:
            r = x & y;
            break;
        case BinOpKind::BitOr:
            r = x | y;
            break;
        case BinOpKind::BitXor:
            r = x ^ y;
            break;
        case BinOpKind::RShift:
            if (y < 0 || y >= 64) return false;
            r = x >> y;
            break;
        default:
            return false;
        }
        out = Value::integer(r);
        return true;
    }
    double x, y;
    if (a.is_float())
        x = a.as_float();
    else if (a.is_int())
        x = static_cast<double>(a.as_int());
    else
        return false;
    if (b.is_float())
        y = b.as_float();
    else if (b.is_int() && a.is_float())
        y = static_cast<double>(b.as_int());
    else
        return false;
    switch (op) {
    case BinOpKind::Add:
        out = Value::flt(x + y);
        return true;
    case BinOpKind::Sub:
        out = Value::flt(x - y);
        return true;
    case BinOpKind::Mul:
        out = Value::flt(x * y);
        return true;
    case BinOpKind::Div:
        if (y == 0) return false;
        out = Value::flt(x / y);
        return true;
    default:
        return false;
    }
}

} // namespace ormsh::lang
