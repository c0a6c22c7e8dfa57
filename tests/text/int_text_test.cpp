// int <-> text against CPython: str/hex/oct/bin and int(text, base).
#include "repl/lang/text/errors.h"
#include "repl/lang/text/int_text.h"
#include "tests/text/text_cases.h"

#include <gtest/gtest.h>

namespace {
#include "tests/text/cases_int.inc"
} // namespace

using namespace ormsh::lang::text;

namespace {

BigInt big(std::string_view dec) {
    auto v = parse_int(dec, 10);
    return std::visit([](const auto& x) { return BigInt(x); }, *v);
}

} // namespace

TEST(IntText, Int64ToString) {
    for (const auto& c : kIntToString)
        EXPECT_EQ(int_to_string(c.value, c.base), c.expected);
}

TEST(IntText, BigToString) {
    for (const auto& c : kBigToString)
        EXPECT_EQ(int_to_string(big(c.decimal), c.base), c.expected);
}

TEST(IntText, ParseMatchesCPython) {
    for (const auto& c : kParseInt) {
        SCOPED_TRACE(std::string(c.text) + " base " + std::to_string(c.base));
        try {
            auto v = parse_int(c.text, c.base);
            if (!v) {
                ASSERT_FALSE(c.ok);
                EXPECT_EQ(int_parse_error_message(c.text, c.base), c.expected);
                continue;
            }
            ASSERT_TRUE(c.ok);
            EXPECT_EQ(int_to_string(*v), c.expected);
            // Values that fit int64 come back as int64.
            if (std::holds_alternative<BigInt>(*v)) {
                EXPECT_FALSE(std::get<BigInt>(*v).fits_int64());
            }
        } catch (const FormatError& e) {
            ASSERT_FALSE(c.ok);
            EXPECT_EQ(e.what(), c.expected);
        }
    }
}

TEST(IntText, DigitLimit) {
    std::string digits(4300, '7');
    EXPECT_TRUE(parse_int(digits, 10).has_value());
    digits.push_back('7');
    try {
        parse_int(digits, 10);
        FAIL();
    } catch (const FormatError& e) {
        EXPECT_EQ(std::string(e.what()),
                  "Exceeds the limit (4300 digits) for integer string conversion: value has 4301 "
                  "digits; use sys.set_int_max_str_digits() to increase the limit");
    }
    EXPECT_TRUE(parse_int(std::string(5000, '1'), 16).has_value());
    BigInt huge = BigInt::pow(BigInt(10), 4300);
    EXPECT_THROW(int_to_string(huge), FormatError);
    EXPECT_EQ(int_to_string(huge - BigInt(1)).size(), 4300u);
}
