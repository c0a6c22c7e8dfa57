// round(x, ndigits) for floats, exactly as CPython: the decimal rounding (half-even on exact
// ties) is done on the exact binary value with BigInt arithmetic, then converted back to the
// nearest double. round(2.675, 2) == 2.67 and round(0.125, 2) == 0.12 fall out of that.
#pragma once

#include <cstdint>

namespace ormsh::lang::text {

// round(x, ndigits). inf/nan/0 and ndigits > 323 return x; ndigits < -308 gives a signed zero.
// Throws FormatError(OverflowError, "rounded value too large to represent").
double float_round(double x, int64_t ndigits);

} // namespace ormsh::lang::text
