// BigInt arithmetic: schoolbook add/sub/mul, Knuth's algorithm D for division, and
// two's-complement emulation for the bitwise operators. Sizes in seed scripts stay small
// (2**10000 is 313 limbs), so quadratic algorithms are the simple, fast-enough choice.
#include "repl/lang/text/bigint.h"

#include "repl/lang/text/errors.h"

#include <algorithm>
#include <cmath>

namespace ormsh::lang::text {

namespace {

using Mag = std::vector<uint32_t>;
constexpr uint64_t kLimbBase = 1ULL << 32;
constexpr uint64_t kHashModulus = (1ULL << 61) - 1; // CPython's _PyHASH_MODULUS
constexpr int kHashBits = 61;
constexpr int64_t kHashInf = 314159;

void trim_mag(Mag& m) {
    while (!m.empty() && m.back() == 0)
        m.pop_back();
}

int cmp_mag(const Mag& a, const Mag& b) {
    if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
    for (size_t i = a.size(); i-- > 0;)
        if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
    return 0;
}

Mag add_mag(const Mag& a, const Mag& b) {
    const Mag& x = a.size() >= b.size() ? a : b;
    const Mag& y = a.size() >= b.size() ? b : a;
    Mag r(x.size() + 1);
    uint64_t carry = 0;
    for (size_t i = 0; i < x.size(); ++i) {
        uint64_t s = uint64_t(x[i]) + (i < y.size() ? y[i] : 0) + carry;
        r[i] = uint32_t(s);
        carry = s >> 32;
    }
    r[x.size()] = uint32_t(carry);
    trim_mag(r);
    return r;
}

// a - b with |a| >= |b|.
Mag sub_mag(const Mag& a, const Mag& b) {
    Mag r(a.size());
    int64_t borrow = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        int64_t d = int64_t(a[i]) - (i < b.size() ? int64_t(b[i]) : 0) - borrow;
        borrow = d < 0;
        r[i] = uint32_t(d + (borrow ? int64_t(kLimbBase) : 0));
    }
    trim_mag(r);
    return r;
}

Mag mul_mag(const Mag& a, const Mag& b) {
    if (a.empty() || b.empty()) return {};
    Mag r(a.size() + b.size(), 0);
    for (size_t i = 0; i < a.size(); ++i) {
        uint64_t carry = 0;
        const uint64_t ai = a[i];
        if (ai == 0) continue;
        for (size_t j = 0; j < b.size(); ++j) {
            uint64_t t = ai * b[j] + r[i + j] + carry;
            r[i + j] = uint32_t(t);
            carry = t >> 32;
        }
        size_t k = i + b.size();
        while (carry) {
            uint64_t t = uint64_t(r[k]) + carry;
            r[k++] = uint32_t(t);
            carry = t >> 32;
        }
    }
    trim_mag(r);
    return r;
}

// Divides m in place by a single limb and returns the remainder.
uint32_t divmod_small(Mag& m, uint32_t d) {
    uint64_t rem = 0;
    for (size_t i = m.size(); i-- > 0;) {
        uint64_t cur = (rem << 32) | m[i];
        m[i] = uint32_t(cur / d);
        rem = cur % d;
    }
    trim_mag(m);
    return uint32_t(rem);
}

// Truncating division of magnitudes (Knuth, TAOCP vol. 2, 4.3.1, algorithm D).
void divmod_mag(const Mag& a, const Mag& b, Mag& q, Mag& r) {
    if (cmp_mag(a, b) < 0) {
        q.clear();
        r = a;
        return;
    }
    if (b.size() == 1) {
        q = a;
        uint32_t rem = divmod_small(q, b[0]);
        r.clear();
        if (rem) r.push_back(rem);
        return;
    }
    const int shift = __builtin_clz(b.back());
    // Normalise so the divisor's top limb has its high bit set.
    Mag v(b.size()), u(a.size() + 1);
    for (size_t i = b.size(); i-- > 0;) {
        uint64_t hi = uint64_t(b[i]) << shift;
        uint64_t lo = (shift && i > 0) ? (uint64_t(b[i - 1]) >> (32 - shift)) : 0;
        v[i] = uint32_t(hi | lo);
    }
    u[a.size()] = shift ? uint32_t(uint64_t(a.back()) >> (32 - shift)) : 0;
    for (size_t i = a.size(); i-- > 0;) {
        uint64_t hi = uint64_t(a[i]) << shift;
        uint64_t lo = (shift && i > 0) ? (uint64_t(a[i - 1]) >> (32 - shift)) : 0;
        u[i] = uint32_t(hi | lo);
    }
    const size_t n = v.size();
    const size_t m = a.size() - n;
    q.assign(m + 1, 0);
    const uint64_t vtop = v[n - 1], vnext = v[n - 2];
    for (size_t j = m + 1; j-- > 0;) {
        uint64_t num = (uint64_t(u[j + n]) << 32) | u[j + n - 1];
        uint64_t qhat = num / vtop;
        uint64_t rhat = num % vtop;
        while (qhat >= kLimbBase || qhat * vnext > ((rhat << 32) | u[j + n - 2])) {
            --qhat;
            rhat += vtop;
            if (rhat >= kLimbBase) break;
        }
        // Multiply and subtract.
        int64_t borrow = 0;
        uint64_t carry = 0;
        for (size_t i = 0; i < n; ++i) {
            uint64_t p = qhat * v[i] + carry;
            carry = p >> 32;
            int64_t t = int64_t(u[i + j]) - borrow - int64_t(uint32_t(p));
            u[i + j] = uint32_t(t);
            borrow = t < 0 ? 1 : 0;
        }
        int64_t t = int64_t(u[j + n]) - borrow - int64_t(carry);
        u[j + n] = uint32_t(t);
        if (t < 0) {
            // qhat was one too large: add the divisor back.
            --qhat;
            uint64_t c = 0;
            for (size_t i = 0; i < n; ++i) {
                uint64_t s = uint64_t(u[i + j]) + v[i] + c;
                u[i + j] = uint32_t(s);
                c = s >> 32;
            }
            u[j + n] = uint32_t(uint64_t(u[j + n]) + c);
        }
        q[j] = uint32_t(qhat);
    }
    trim_mag(q);
    // Unnormalise the remainder.
    r.assign(n, 0);
    for (size_t i = 0; i < n; ++i) {
        uint64_t lo = uint64_t(u[i]) >> shift;
        uint64_t hi = shift ? (uint64_t(u[i + 1]) << (32 - shift)) & 0xFFFFFFFFULL : 0;
        r[i] = uint32_t(lo | hi);
    }
    trim_mag(r);
}

// Two's complement limbs of the value, sign-extended to `n` limbs.
Mag to_twos(const Mag& mag, bool neg, size_t n) {
    Mag r(n, 0);
    std::copy(mag.begin(), mag.end(), r.begin());
    if (neg) {
        uint64_t carry = 1;
        for (auto& limb : r) {
            uint64_t t = uint64_t(uint32_t(~limb)) + carry;
            limb = uint32_t(t);
            carry = t >> 32;
        }
    }
    return r;
}

int digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

} // namespace

void BigInt::trim() {
    trim_mag(mag_);
    if (mag_.empty()) neg_ = false;
}

BigInt::BigInt(int64_t v) {
    uint64_t u = v < 0 ? uint64_t(0) - uint64_t(v) : uint64_t(v);
    neg_ = v < 0;
    if (u) mag_.push_back(uint32_t(u));
    if (u >> 32) mag_.push_back(uint32_t(u >> 32));
}

BigInt BigInt::from_uint64(uint64_t u) {
    BigInt r;
    if (u) r.mag_.push_back(uint32_t(u));
    if (u >> 32) r.mag_.push_back(uint32_t(u >> 32));
    return r;
}

std::optional<BigInt> BigInt::from_double(double v) {
    if (std::isnan(v) || std::isinf(v)) return std::nullopt;
    v = std::trunc(v);
    if (v == 0) return BigInt();
    int exp = 0;
    double m = std::frexp(std::fabs(v), &exp); // |v| = m * 2**exp, 0.5 <= m < 1
    auto mant = static_cast<uint64_t>(std::ldexp(m, 53));
    BigInt r = from_uint64(mant);
    r = exp >= 53 ? (r << uint64_t(exp - 53)) : (r >> uint64_t(53 - exp));
    if (v < 0) r = -r;
    return r;
}

std::optional<BigInt> BigInt::from_digits(std::string_view digits, int base) {
    if (digits.empty() || base < 2 || base > 36) return std::nullopt;
    // Consume as many digits per step as fit in one limb multiplier.
    uint32_t chunk_mul = base;
    int chunk_len = 1;
    while (uint64_t(chunk_mul) * base < kLimbBase)
        chunk_mul *= base, ++chunk_len;
    BigInt r;
    size_t i = 0;
    while (i < digits.size()) {
        uint32_t mul = 1;
        uint32_t acc = 0;
        for (int k = 0; k < chunk_len && i < digits.size(); ++k, ++i) {
            int d = digit_value(digits[i]);
            if (d >= base) return std::nullopt;
            acc = acc * base + d;
            mul *= base;
        }
        uint64_t carry = acc;
        for (auto& limb : r.mag_) {
            uint64_t t = uint64_t(limb) * mul + carry;
            limb = uint32_t(t);
            carry = t >> 32;
        }
        if (carry) r.mag_.push_back(uint32_t(carry));
    }
    r.trim();
    return r;
}

BigInt BigInt::from_limbs(std::vector<uint32_t> limbs, bool negative) {
    BigInt r;
    r.mag_ = std::move(limbs);
    r.neg_ = negative;
    r.trim();
    return r;
}

uint64_t BigInt::bit_length() const {
    if (mag_.empty()) return 0;
    return uint64_t(mag_.size() - 1) * 32 + (32 - __builtin_clz(mag_.back()));
}

bool BigInt::fits_int64() const {
    return to_int64().has_value();
}

std::optional<int64_t> BigInt::to_int64() const {
    if (mag_.size() > 2) return std::nullopt;
    uint64_t u = 0;
    if (!mag_.empty()) u = mag_[0];
    if (mag_.size() == 2) u |= uint64_t(mag_[1]) << 32;
    if (neg_) {
        if (u > (uint64_t(1) << 63)) return std::nullopt;
        return int64_t(uint64_t(0) - u);
    }
    if (u > uint64_t(INT64_MAX)) return std::nullopt;
    return int64_t(u);
}

std::optional<double> BigInt::to_double() const {
    const uint64_t bits = bit_length();
    if (bits > 1024) return std::nullopt;
    double d;
    if (bits <= 64) {
        uint64_t u = mag_.empty() ? 0 : mag_[0];
        if (mag_.size() == 2) u |= uint64_t(mag_[1]) << 32;
        d = double(u); // hardware rounding is round-half-even
    } else {
        // Keep the top 64 bits and fold everything below into a sticky bit, so the single
        // conversion to double rounds exactly as the full value would.
        const uint64_t drop = bits - 64;
        BigInt top = abs() >> drop;
        uint64_t u = top.mag_[0] | (uint64_t(top.mag_[1]) << 32);
        bool sticky = false;
        const size_t full = drop / 32;
        for (size_t i = 0; i < full && !sticky; ++i)
            sticky = mag_[i] != 0;
        if (!sticky && drop % 32) sticky = (mag_[full] & ((1u << (drop % 32)) - 1)) != 0;
        if (sticky) u |= 1;
        d = std::ldexp(double(u), int(drop));
        if (std::isinf(d)) return std::nullopt;
    }
    return neg_ ? -d : d;
}

std::string BigInt::to_string() const {
    return to_string_base(10);
}

std::string BigInt::to_string_base(int base) const {
    if (mag_.empty()) return "0";
    static const char kDigits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    std::string out;
    if ((base & (base - 1)) == 0) {
        const int bits = __builtin_ctz(base);
        const uint64_t total = bit_length();
        for (uint64_t pos = 0; pos < total; pos += bits) {
            uint32_t v = 0;
            for (int b = 0; b < bits; ++b) {
                uint64_t bit = pos + b;
                if (bit < total && ((mag_[bit / 32] >> (bit % 32)) & 1)) v |= 1u << b;
            }
            out.push_back(kDigits[v]);
        }
    } else {
        // Peel off as many digits per division as fit in a limb.
        uint32_t chunk = base;
        int chunk_len = 1;
        while (uint64_t(chunk) * base < kLimbBase)
            chunk *= base, ++chunk_len;
        Mag m = mag_;
        while (!m.empty()) {
            uint32_t rem = divmod_small(m, chunk);
            for (int k = 0; k < chunk_len; ++k) {
                out.push_back(kDigits[rem % base]);
                rem /= base;
                if (m.empty() && rem == 0) break;
            }
        }
        while (out.size() > 1 && out.back() == '0')
            out.pop_back();
    }
    if (neg_) out.push_back('-');
    std::reverse(out.begin(), out.end());
    return out;
}

int64_t BigInt::hash() const {
    uint64_t h = 0;
    for (size_t i = mag_.size(); i-- > 0;) {
        unsigned __int128 t = (static_cast<unsigned __int128>(h) << 32) | mag_[i];
        h = uint64_t(t % kHashModulus);
    }
    int64_t r = neg_ ? -int64_t(h) : int64_t(h);
    return r == -1 ? -2 : r;
}

int64_t hash_int(int64_t v) {
    uint64_t u = v < 0 ? uint64_t(0) - uint64_t(v) : uint64_t(v);
    int64_t h = int64_t(u % kHashModulus);
    if (v < 0) h = -h;
    return h == -1 ? -2 : h;
}

int64_t hash_float(double v) {
    if (std::isinf(v)) return v > 0 ? kHashInf : -kHashInf;
    if (std::isnan(v)) return 0;
    int e = 0;
    double m = std::frexp(v, &e);
    int sign = 1;
    if (m < 0) sign = -1, m = -m;
    // Feed the mantissa 28 bits at a time, reducing modulo 2**61-1 as CPython does.
    uint64_t x = 0;
    while (m != 0) {
        x = ((x << 28) & kHashModulus) | x >> (kHashBits - 28);
        m *= 268435456.0; // 2**28
        e -= 28;
        auto y = static_cast<uint64_t>(m);
        m -= double(y);
        x += y;
        if (x >= kHashModulus) x -= kHashModulus;
    }
    e = e >= 0 ? e % kHashBits : kHashBits - 1 - ((-1 - e) % kHashBits);
    x = ((x << e) & kHashModulus) | x >> (kHashBits - e);
    int64_t r = int64_t(x) * sign;
    return r == -1 ? -2 : r;
}

BigInt BigInt::operator-() const {
    BigInt r = *this;
    if (!r.mag_.empty()) r.neg_ = !r.neg_;
    return r;
}

BigInt BigInt::abs() const {
    BigInt r = *this;
    r.neg_ = false;
    return r;
}

BigInt BigInt::operator~() const {
    return -*this - BigInt(1);
}

BigInt operator+(const BigInt& a, const BigInt& b) {
    BigInt r;
    if (a.neg_ == b.neg_) {
        r.mag_ = add_mag(a.mag_, b.mag_);
        r.neg_ = a.neg_;
    } else if (cmp_mag(a.mag_, b.mag_) >= 0) {
        r.mag_ = sub_mag(a.mag_, b.mag_);
        r.neg_ = a.neg_;
    } else {
        r.mag_ = sub_mag(b.mag_, a.mag_);
        r.neg_ = b.neg_;
    }
    r.trim();
    return r;
}

BigInt operator-(const BigInt& a, const BigInt& b) {
    return a + (-b);
}

BigInt operator*(const BigInt& a, const BigInt& b) {
    BigInt r;
    r.mag_ = mul_mag(a.mag_, b.mag_);
    r.neg_ = a.neg_ != b.neg_;
    r.trim();
    return r;
}

namespace {

enum class BitOp { And, Or, Xor };

} // namespace

static BigInt bitwise(const BigInt& a, const BigInt& b, BitOp op) {
    const size_t n = std::max(a.limbs().size(), b.limbs().size()) + 1;
    Mag x = to_twos(a.limbs(), a.is_negative(), n);
    Mag y = to_twos(b.limbs(), b.is_negative(), n);
    for (size_t i = 0; i < n; ++i) {
        x[i] = op == BitOp::And ? (x[i] & y[i]) : op == BitOp::Or ? (x[i] | y[i]) : (x[i] ^ y[i]);
    }
    const bool neg = (x.back() >> 31) != 0;
    if (neg) x = to_twos(x, true, n); // two's complement negation gives the magnitude
    return BigInt::from_limbs(std::move(x), neg);
}

BigInt operator&(const BigInt& a, const BigInt& b) {
    return bitwise(a, b, BitOp::And);
}
BigInt operator|(const BigInt& a, const BigInt& b) {
    return bitwise(a, b, BitOp::Or);
}
BigInt operator^(const BigInt& a, const BigInt& b) {
    return bitwise(a, b, BitOp::Xor);
}

BigInt operator<<(const BigInt& a, uint64_t n) {
    if (a.mag_.empty()) return a;
    const size_t limbs = n / 32;
    const int bits = int(n % 32);
    BigInt r;
    r.mag_.assign(limbs, 0);
    uint32_t carry = 0;
    for (uint32_t limb : a.mag_) {
        r.mag_.push_back(bits ? (limb << bits) | carry : limb);
        carry = bits ? limb >> (32 - bits) : 0;
    }
    if (carry) r.mag_.push_back(carry);
    r.neg_ = a.neg_;
    r.trim();
    return r;
}

BigInt operator>>(const BigInt& a, uint64_t n) {
    if (a.neg_) return -(((-a) - BigInt(1)) >> n) - BigInt(1);
    const size_t limbs = n / 32;
    if (limbs >= a.mag_.size()) return BigInt();
    const int bits = int(n % 32);
    BigInt r;
    r.mag_.resize(a.mag_.size() - limbs);
    for (size_t i = 0; i < r.mag_.size(); ++i) {
        uint64_t lo = a.mag_[i + limbs] >> bits;
        uint64_t hi = (bits && i + limbs + 1 < a.mag_.size())
                          ? (uint64_t(a.mag_[i + limbs + 1]) << (32 - bits))
                          : 0;
        r.mag_[i] = uint32_t(lo | hi);
    }
    r.trim();
    return r;
}

std::strong_ordering operator<=>(const BigInt& a, const BigInt& b) {
    if (a.neg_ != b.neg_)
        return a.neg_ ? std::strong_ordering::less : std::strong_ordering::greater;
    int c = cmp_mag(a.mag_, b.mag_);
    if (a.neg_) c = -c;
    return c < 0   ? std::strong_ordering::less
           : c > 0 ? std::strong_ordering::greater
                   : std::strong_ordering::equal;
}

std::pair<BigInt, BigInt> BigInt::divmod(const BigInt& a, const BigInt& b) {
    if (b.is_zero())
        throw FormatError(ErrorKind::ZeroDivisionError, "integer division or modulo by zero");
    BigInt q, r;
    divmod_mag(a.mag_, b.mag_, q.mag_, r.mag_);
    q.neg_ = a.neg_ != b.neg_;
    r.neg_ = a.neg_;
    q.trim();
    r.trim();
    if (!r.is_zero() && r.neg_ != b.neg_) {
        q = q - BigInt(1);
        r = r + b;
    }
    return {std::move(q), std::move(r)};
}

BigInt BigInt::pow(const BigInt& a, uint64_t e) {
    BigInt result(1), base = a;
    while (e) {
        if (e & 1) result = result * base;
        e >>= 1;
        if (e) base = base * base;
    }
    return result;
}

double BigInt::true_divide(const BigInt& a, const BigInt& b) {
    if (b.is_zero()) throw FormatError(ErrorKind::ZeroDivisionError, "division by zero");
    if (a.is_zero()) return (a.neg_ != b.neg_) ? -0.0 : 0.0;
    constexpr int kExtraBits = 55; // DBL_MANT_DIG + 2: room for a round bit and a sticky bit
    const int64_t shift = int64_t(b.bit_length()) - int64_t(a.bit_length()) + kExtraBits;
    BigInt x = a.abs(), y = b.abs();
    if (shift > 0)
        x = x << uint64_t(shift);
    else
        y = y << uint64_t(-shift);
    auto [q, r] = divmod(x, y);
    uint64_t u = q.mag_[0] | (q.mag_.size() > 1 ? uint64_t(q.mag_[1]) << 32 : 0);
    if (!r.is_zero()) u |= 1;
    if (-shift > 1100) throw_overflow_error("integer division result too large for a float");
    double d = std::ldexp(double(u), int(-shift));
    if (std::isinf(d)) throw_overflow_error("integer division result too large for a float");
    return (a.neg_ != b.neg_) ? -d : d;
}

} // namespace ormsh::lang::text
