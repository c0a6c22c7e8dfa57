// Exact float rounding: x = M * 2**E is scaled by 10**ndigits as a ratio of BigInts, rounded
// half-even, and divided back with BigInt::true_divide's correct rounding.
#include "repl/lang/text/float_round.h"

#include "repl/lang/text/bigint.h"
#include "repl/lang/text/errors.h"

#include <cmath>

namespace ormsh::lang::text {

namespace {

constexpr int64_t kMaxRoundDigits = 323;  // CPython's NDIGITS_MAX for IEEE doubles
constexpr int64_t kMinRoundDigits = -308; // NDIGITS_MIN
constexpr int kMantissaBits = 53;

// num / den rounded half to even (num, den > 0).
BigInt div_round_half_even(const BigInt& num, const BigInt& den) {
    auto [q, r] = BigInt::divmod(num, den);
    auto cmp = (r + r) <=> den;
    if (cmp > 0 || (cmp == 0 && !q.is_zero() && (q.limbs()[0] & 1))) q += BigInt(1);
    return q;
}

} // namespace

double float_round(double x, int64_t ndigits) {
    if (!std::isfinite(x) || x == 0) return x;
    if (ndigits > kMaxRoundDigits) return x;
    if (ndigits < kMinRoundDigits) return 0.0 * x;
    int exp = 0;
    const double m = std::frexp(std::fabs(x), &exp);
    const BigInt mant = BigInt::from_uint64(static_cast<uint64_t>(std::ldexp(m, kMantissaBits)));
    const int64_t e = int64_t(exp) - kMantissaBits; // |x| == mant * 2**e
    double result;
    if (ndigits >= 0) {
        if (e >= 0) return x; // already an integer
        const BigInt pow10 = BigInt::pow(BigInt(10), uint64_t(ndigits));
        const BigInt q = div_round_half_even(mant * pow10, BigInt(1) << uint64_t(-e));
        result = BigInt::true_divide(q, pow10);
    } else {
        const BigInt pow10 = BigInt::pow(BigInt(10), uint64_t(-ndigits));
        const BigInt num = e >= 0 ? mant << uint64_t(e) : mant;
        const BigInt den = e >= 0 ? pow10 : pow10 << uint64_t(-e);
        const auto d = (div_round_half_even(num, den) * pow10).to_double();
        if (!d) throw_overflow_error("rounded value too large to represent");
        result = *d;
    }
    return std::copysign(result, x);
}

} // namespace ormsh::lang::text
