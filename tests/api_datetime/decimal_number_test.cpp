// Unit tests of the decimal arithmetic core: parsing and text, exact float conversion,
// rounding to the context precision, division exponents and hashing, against CPython values.
#include "repl/api/datetime/decimal_number.h"

#include <gtest/gtest.h>

namespace dec = ormsh::api::dec;

namespace {
dec::Number N(const char* s) {
    return *dec::parse(s);
}
std::string S(const dec::Number& n) {
    return dec::to_sci_string(n);
}
} // namespace

TEST(DecimalNumber, ParseAndPrint) {
    struct Case {
        const char* in;
        const char* out;
    } cases[] = {{"12.50", "12.50"},  {"-0.001", "-0.001"},  {"1E+3", "1E+3"},
                 {"1000", "1000"},    {"0.0000001", "1E-7"}, {"  7 ", "7"},
                 {"1_000", "1000"},   {"-inf", "-Infinity"}, {"nan", "NaN"},
                 {"1.5e-2", "0.015"}, {"0E-5", "0.00000"},   {"00012", "12"},
                 {".5", "0.5"},       {"5.", "5"},           {"123E+2", "1.23E+4"}};
    for (auto& c : cases)
        EXPECT_EQ(S(N(c.in)), c.out) << c.in;
    for (const char* bad : {"abc", "", "1e", "1..2", "_1", "1_", "--1", "1 2"})
        EXPECT_FALSE(dec::parse(bad)) << bad;
}

TEST(DecimalNumber, FromDoubleIsExact) {
    EXPECT_EQ(S(dec::from_double(0.1)),
              "0.1000000000000000055511151231257827021181583404541015625");
    EXPECT_EQ(S(dec::from_double(2.0)), "2");
    EXPECT_EQ(S(dec::from_double(-0.5)), "-0.5");
    EXPECT_EQ(S(dec::from_double(1e20)), "100000000000000000000");
}

TEST(DecimalNumber, ArithmeticUnderDefaultContext) {
    dec::Context c;
    EXPECT_EQ(S(dec::add(N("1.1"), N("2.20"), c)), "3.30");
    EXPECT_EQ(S(dec::add(N("1.1"), N("1.1"), c, true)), "0.0");
    EXPECT_EQ(S(dec::mul(N("1.25"), N("4"), c)), "5.00");
    EXPECT_EQ(S(dec::div(N("1"), N("3"), c)), "0.3333333333333333333333333333");
    EXPECT_EQ(S(dec::div(N("2"), N("3"), c)), "0.6666666666666666666666666667");
    EXPECT_EQ(S(dec::div(N("10"), N("4"), c)), "2.5");
    EXPECT_EQ(S(dec::div(N("100"), N("10"), c)), "10");
    EXPECT_EQ(S(dec::div(N("1.00"), N("2"), c)), "0.50");
    EXPECT_EQ(S(dec::divint(N("-7"), N("2"), c)), "-3");
    EXPECT_EQ(S(dec::rem(N("-7"), N("2"), c)), "-1");
    EXPECT_EQ(S(dec::quantize(N("2.675"), -2, dec::Rounding::HalfEven, c)), "2.68");
    EXPECT_EQ(S(dec::quantize(N("2.665"), -2, dec::Rounding::HalfEven, c)), "2.66");
    EXPECT_EQ(S(dec::quantize(N("2.665"), -2, dec::Rounding::HalfUp, c)), "2.67");
    EXPECT_EQ(S(dec::normalize(N("1.500"), c)), "1.5");
    EXPECT_EQ(S(dec::normalize(N("100"), c)), "1E+2");
    EXPECT_THROW(dec::div(N("1"), N("0"), c), dec::SignalError);
}

TEST(DecimalNumber, HashMatchesIntAndFloat) {
    EXPECT_EQ(dec::hash(N("2")), 2);
    EXPECT_EQ(dec::hash(N("2.000")), 2);
    EXPECT_EQ(dec::hash(N("-1")), -2);
    EXPECT_EQ(dec::hash(N("0.5")), 1152921504606846976);  // hash(0.5)
    EXPECT_EQ(dec::hash(N("1E+30")), 465258685558744706); // hash(10**30)
}
