// Arbitrary-precision decimal floating point as the General Decimal Arithmetic specification
// (and CPython's decimal module) defines it: sign, integer coefficient, exponent, and the
// special values. Pure C++ on BigInt; decimal_module.cpp binds it to decimal.Decimal.
#pragma once

#include "repl/lang/text/bigint.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ormsh::api::dec {

using lang::text::BigInt;

enum class Kind : uint8_t { Finite, Infinity, NaN, SNaN };

enum class Rounding : uint8_t { HalfEven, HalfUp, HalfDown, Down, Up, Ceiling, Floor, ZeroFiveUp };

// The signals CPython traps by default, raised as C++ exceptions; the module turns them into
// decimal.InvalidOperation / DivisionByZero / Overflow with CPython's condition class names.
enum class Signal : uint8_t {
    InvalidOperation,
    ConversionSyntax,
    DivisionByZero,
    DivisionUndefined,
    DivisionImpossible,
    Overflow
};
struct SignalError {
    Signal signal;
};

struct Context {
    int64_t prec = 28;
    Rounding rounding = Rounding::HalfEven;
    int64_t emax = 999999;
    int64_t emin = -999999;
    bool capitals = true;
};

struct Number {
    bool neg = false;
    Kind kind = Kind::Finite;
    BigInt coeff; // non-negative; a NaN's payload
    int64_t exp = 0;

    bool is_special() const { return kind != Kind::Finite; }
    bool is_nan() const { return kind == Kind::NaN || kind == Kind::SNaN; }
    bool is_zero() const { return kind == Kind::Finite && coeff.is_zero(); }
    int64_t digits() const;   // number of digits in the coefficient (1 for zero)
    int64_t adjusted() const; // exponent of the most significant digit
};

const char* rounding_name(Rounding r);
std::optional<Rounding> rounding_from_name(std::string_view name);

// Parsing and text.
std::optional<Number> parse(std::string_view text);
Number from_int(const BigInt& v);
Number from_double(double v);
std::string to_sci_string(const Number& n, bool capitals = true);
// format(Decimal, spec); throws lang::text::FormatError for bad specs.
std::string format(const Number& n, std::string_view spec, const Context& ctx);

// Arithmetic under a context (rounded to ctx.prec digits).
Number plus(const Number& a, const Context& ctx);
Number add(const Number& a, const Number& b, const Context& ctx, bool subtract = false);
Number mul(const Number& a, const Number& b, const Context& ctx);
Number div(const Number& a, const Number& b, const Context& ctx);
Number divint(const Number& a, const Number& b, const Context& ctx);
Number rem(const Number& a, const Number& b, const Context& ctx);
Number power(const Number& a, const BigInt& e, const Context& ctx);
Number negate(const Number& a, const Context& ctx);
Number abs(const Number& a, const Context& ctx);
// Exact rescale to exponent `exp` (rounding as needed), no context limits.
Number rescale(const Number& a, int64_t exp, Rounding r);
Number quantize(const Number& a, int64_t exp, Rounding r, const Context& ctx);
Number normalize(const Number& a, const Context& ctx);
// Rounds to ctx.prec digits (CPython's _fix, without subnormal handling).
Number fix(Number a, const Context& ctx);

// -1, 0, 1; NaNs must be handled by the caller.
int compare(const Number& a, const Number& b);
// Truncated toward zero; the caller rejects specials.
BigInt to_integer(const Number& a);
// CPython's hash: equal to hash(int) / hash(float) for equal values.
int64_t hash(const Number& a);

} // namespace ormsh::api::dec
