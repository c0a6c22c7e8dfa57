// float repr and float() parsing against CPython.
#include "repl/lang/text/bigint.h"
#include "repl/lang/text/errors.h"
#include "repl/lang/text/float_repr.h"
#include "repl/lang/text/float_round.h"
#include "tests/text/text_cases.h"

#include <gtest/gtest.h>

namespace {
#include "tests/text/cases_float.inc"
} // namespace

using namespace ormsh::lang::text;

TEST(FloatRepr, MatchesCPython) {
    for (const auto& c : kFloatRepr) {
        EXPECT_EQ(float_repr(c.value), c.repr);
        EXPECT_EQ(hash_float(c.value), c.hash) << c.repr;
    }
}

TEST(FloatRepr, ParseMatchesCPython) {
    for (const auto& c : kParseFloat) {
        auto v = parse_float(c.text);
        SCOPED_TRACE(std::string(c.text));
        ASSERT_EQ(v.has_value(), c.ok);
        if (v) {
            EXPECT_EQ(float_repr(*v), c.repr);
        }
    }
}

TEST(FloatRepr, ErrorMessage) {
    EXPECT_EQ(float_parse_error_message("abc"), "could not convert string to float: 'abc'");
}

TEST(FloatRound, MatchesCPython) {
    for (const auto& c : kFloatRound) {
        std::string got;
        try {
            got = float_repr(float_round(c.value, c.ndigits));
        } catch (const FormatError& e) {
            got = std::string(e.kind_name()) + ": " + e.what();
        }
        EXPECT_EQ(got, c.expected) << float_repr(c.value) << " " << c.ndigits;
    }
}
