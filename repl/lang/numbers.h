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

} // namespace ormsh::lang
