// BigInt arithmetic against CPython's int on random and edge-case operands.
#include "repl/lang/text/bigint.h"
#include "repl/lang/text/errors.h"
#include "repl/lang/text/float_repr.h"
#include "repl/lang/text/int_text.h"
#include "tests/text/text_cases.h"

#include <chrono>
#include <cmath>
#include <gtest/gtest.h>

namespace {
#include "tests/text/cases_bigint.inc"
} // namespace

using namespace ormsh::lang::text;

namespace {

BigInt big(std::string_view dec) {
    bool neg = !dec.empty() && dec[0] == '-';
    if (neg) dec.remove_prefix(1);
    BigInt v = *BigInt::from_digits(dec, 10);
    return neg ? -v : v;
}

} // namespace

TEST(BigInt, ArithmeticMatchesCPython) {
    for (const auto& c : kBigArith) {
        SCOPED_TRACE(std::string(c.a) + " , " + std::string(c.b));
        BigInt a = big(c.a), b = big(c.b);
        EXPECT_EQ(a.to_string(), c.a);
        EXPECT_EQ((a + b).to_string(), c.sum);
        EXPECT_EQ((a - b).to_string(), c.diff);
        EXPECT_EQ((a * b).to_string(), c.prod);
        auto [q, r] = BigInt::divmod(a, b);
        EXPECT_EQ(q.to_string(), c.quot);
        EXPECT_EQ(r.to_string(), c.mod);
        EXPECT_EQ((a & b).to_string(), c.band);
        EXPECT_EQ((a | b).to_string(), c.bor);
        EXPECT_EQ((a ^ b).to_string(), c.bxor);
        EXPECT_EQ((a << uint64_t(c.shift)).to_string(), c.shl);
        EXPECT_EQ((a >> uint64_t(c.shift)).to_string(), c.shr);
        EXPECT_EQ((~a).to_string(), c.inv);
        auto d = a.to_double();
        EXPECT_EQ(d ? float_repr(*d) : "overflow", c.to_float);
        std::string td;
        try {
            td = float_repr(BigInt::true_divide(a, b));
        } catch (const FormatError&) {
            td = "overflow";
        }
        EXPECT_EQ(td, c.true_div);
        EXPECT_EQ(a.hash(), c.hash);
        EXPECT_EQ(a.bit_length(), uint64_t(c.bit_length));
        if (auto small = a.to_int64()) {
            EXPECT_EQ(hash_int(*small), c.hash);
        }
        EXPECT_EQ(a<b, (b - a).sign()> 0);
    }
}

TEST(BigInt, Conversions) {
    EXPECT_EQ(BigInt(INT64_MIN).to_int64(), INT64_MIN);
    EXPECT_EQ((BigInt(INT64_MIN) - BigInt(1)).to_int64(), std::nullopt);
    EXPECT_EQ((BigInt(INT64_MAX) + BigInt(1)).to_string(), "9223372036854775808");
    EXPECT_EQ(BigInt::from_double(1e30)->to_string(), "1000000000000000019884624838656");
    EXPECT_EQ(BigInt::from_double(-3.9)->to_string(), "-3");
    EXPECT_EQ(BigInt::from_double(INFINITY), std::nullopt);
    EXPECT_THROW(BigInt::divmod(BigInt(1), BigInt(0)), FormatError);
    EXPECT_EQ(hash_float(1.5), 1152921504606846977);
    EXPECT_EQ(hash_float(-1.0), -2);
    EXPECT_EQ(hash_float(2.0), 2);
    EXPECT_EQ(hash_float(1e300), 1224995262755759164LL);
    EXPECT_EQ(hash_float(INFINITY), 314159);
    EXPECT_EQ(hash_int(-1), -2);
}

TEST(BigInt, LargeValuesAreFast) {
    auto start = std::chrono::steady_clock::now();
    BigInt p = BigInt::pow(BigInt(2), 10000);
    std::string s = int_to_string(p);
    EXPECT_EQ(s.size(), 3011u);
    EXPECT_EQ(s.substr(0, 10), "1995063116");
    BigInt f(1);
    for (int i = 2; i <= 1000; ++i)
        f *= BigInt(i);
    std::string fs = int_to_string(f);
    EXPECT_EQ(fs.size(), 2568u);
    EXPECT_EQ(fs.substr(0, 10), "4023872600");
    EXPECT_EQ(BigInt::floordiv(f, f), BigInt(1));
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                  std::chrono::steady_clock::now() - start)
                  .count();
    EXPECT_LT(ms, 500);
}
