// json.dumps string quoting and float literals against CPython's json module.
#include "repl/lang/text/errors.h"
#include "repl/lang/text/json_text.h"
#include "tests/text/text_cases.h"

#include <gtest/gtest.h>

namespace {
#include "tests/text/cases_json.inc"
} // namespace

using namespace ormsh::lang::text;

TEST(JsonText, QuoteMatchesCPython) {
    for (const auto& c : kJsonQuote) {
        EXPECT_EQ(json_quote(c.s), c.ascii);
        EXPECT_EQ(json_quote(c.s, false), c.unicode);
    }
}

TEST(JsonText, FloatMatchesCPython) {
    for (const auto& c : kJsonFloat) {
        EXPECT_EQ(json_float(c.value), c.text);
        std::string strict;
        try {
            strict = json_float(c.value, false);
        } catch (const FormatError& e) {
            strict = e.what();
        }
        EXPECT_EQ(strict, c.strict);
    }
}
