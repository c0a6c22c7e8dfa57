// Arbitrary-precision integer for the interpreter's int once a value leaves int64 range.
// Sign-magnitude with 32-bit limbs; division, modulo and shifts follow Python's floor semantics
// and the bitwise operators behave as on infinite two's complement, exactly like CPython's int.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ormsh::lang::text {

class BigInt {
public:
    BigInt() = default;
    BigInt(int64_t v); // NOLINT: implicit so mixed arithmetic with small ints reads naturally
    static BigInt from_uint64(uint64_t v);
    // Truncates toward zero like int(x); nullopt for inf or nan (the caller raises
    // OverflowError "cannot convert float infinity to integer" / ValueError "... NaN ...").
    static std::optional<BigInt> from_double(double v);
    // Parses plain digits (no sign, prefix, underscores or spaces) in base 2..36;
    // nullopt when a character is not a digit of the base or the text is empty.
    static std::optional<BigInt> from_digits(std::string_view digits, int base);
    // From a magnitude in 32-bit limbs, least significant first.
    static BigInt from_limbs(std::vector<uint32_t> limbs, bool negative);

    bool is_zero() const { return mag_.empty(); }
    bool is_negative() const { return neg_; }
    int sign() const { return neg_ ? -1 : (mag_.empty() ? 0 : 1); }
    // Number of bits in abs(value), like int.bit_length().
    uint64_t bit_length() const;

    bool fits_int64() const;
    std::optional<int64_t> to_int64() const;
    // Correctly rounded (half-even) like float(int); nullopt when it overflows a double
    // (the caller raises OverflowError "int too large to convert to float").
    std::optional<double> to_double() const;

    // Decimal text with a leading '-' when negative; no digit limit (see int_text.h for
    // CPython's 4300-digit guard).
    std::string to_string() const;
    // Digits in base 2..36, lowercase, '-' when negative, no prefix.
    std::string to_string_base(int base) const;

    // CPython-compatible hash (value mod 2**61-1, -1 mapped to -2), so dict and set iteration
    // orders match CPython for int keys.
    int64_t hash() const;

    BigInt operator-() const;
    BigInt abs() const;
    BigInt operator~() const;

    friend BigInt operator+(const BigInt& a, const BigInt& b);
    friend BigInt operator-(const BigInt& a, const BigInt& b);
    friend BigInt operator*(const BigInt& a, const BigInt& b);
    friend BigInt operator&(const BigInt& a, const BigInt& b);
    friend BigInt operator|(const BigInt& a, const BigInt& b);
    friend BigInt operator^(const BigInt& a, const BigInt& b);
    // Shifts by a non-negative count (the caller raises ValueError "negative shift count").
    // Right shift floors, like Python: -1 >> 5 == -1.
    friend BigInt operator<<(const BigInt& a, uint64_t n);
    friend BigInt operator>>(const BigInt& a, uint64_t n);
    BigInt& operator+=(const BigInt& b) { return *this = *this + b; }
    BigInt& operator-=(const BigInt& b) { return *this = *this - b; }
    BigInt& operator*=(const BigInt& b) { return *this = *this * b; }

    friend bool operator==(const BigInt& a, const BigInt& b) {
        return a.neg_ == b.neg_ && a.mag_ == b.mag_;
    }
    friend std::strong_ordering operator<=>(const BigInt& a, const BigInt& b);

    // Python's floor division and modulo: the remainder has the sign of the divisor.
    // Throw FormatError(ZeroDivisionError, "integer division or modulo by zero").
    static std::pair<BigInt, BigInt> divmod(const BigInt& a, const BigInt& b);
    static BigInt floordiv(const BigInt& a, const BigInt& b) { return divmod(a, b).first; }
    static BigInt mod(const BigInt& a, const BigInt& b) { return divmod(a, b).second; }
    // a ** e for e >= 0.
    static BigInt pow(const BigInt& a, uint64_t e);
    // a / b as a correctly rounded double (Python's int true division). Throws
    // ZeroDivisionError "division by zero" and OverflowError
    // "integer division result too large for a float".
    static double true_divide(const BigInt& a, const BigInt& b);

    // Limbs, least significant first (for hashing and serialisation by other layers).
    const std::vector<uint32_t>& limbs() const { return mag_; }

private:
    void trim();
    std::vector<uint32_t> mag_; // little-endian magnitude, no leading zero limbs
    bool neg_ = false;          // never true for zero
};

// CPython's hash of an int that fits int64 (equal to BigInt(v).hash()).
int64_t hash_int(int64_t v);
// CPython's hash of a finite or infinite float (nan has an identity hash in CPython: the
// caller decides; this returns 0 for it). Equal floats and ints hash equal.
int64_t hash_float(double v);

} // namespace ormsh::lang::text
