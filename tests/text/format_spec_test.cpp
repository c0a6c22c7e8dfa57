// format(value, spec) for int, big int, float and str against CPython.
#include "repl/lang/text/errors.h"
#include "repl/lang/text/format_spec.h"
#include "repl/lang/text/int_text.h"
#include "tests/text/text_cases.h"

#include <gtest/gtest.h>

namespace {
#include "tests/text/cases_format_spec.inc"
} // namespace

using namespace ormsh::lang::text;

namespace {

std::string run(const FormatSpecCase& c) {
    // format(x, '') is str(x): that is the caller's job, so mirror it here.
    switch (c.kind) {
    case 'i': {
        IntValue v = *parse_int(c.value, 10);
        if (c.spec.empty()) return int_to_string(v);
        if (auto* small = std::get_if<int64_t>(&v)) return format_int(*small, c.spec);
        return format_int(std::get<BigInt>(v), c.spec);
    }
    case 'f':
        return format_float(parse_case_double(c.value), c.spec);
    default:
        return format_str(c.value, c.spec);
    }
}

} // namespace

TEST(FormatSpec, MatchesCPython) {
    for (const auto& c : kFormatSpec) {
        SCOPED_TRACE(std::string(1, c.kind) + " " + std::string(c.value) + " spec '" +
                     std::string(c.spec) + "'");
        std::string got;
        try {
            got = run(c);
        } catch (const FormatError& e) {
            got = std::string(e.kind_name()) + ": " + e.what();
        }
        EXPECT_EQ(got, c.expected);
    }
}

TEST(FormatSpec, TypeNameInMessages) {
    try {
        format_int(1, parse_format_spec("d", FormatTarget::Int, "bool"), "bool");
        format_float(1.0, parse_format_spec("d", FormatTarget::Float, "float"), "MyFloat");
        FAIL();
    } catch (const FormatError& e) {
        EXPECT_EQ(std::string(e.what()), "Unknown format code 'd' for object of type 'MyFloat'");
    }
    try {
        parse_format_spec("abc", FormatTarget::Int, "bool");
        FAIL();
    } catch (const FormatError& e) {
        EXPECT_EQ(std::string(e.what()),
                  "Invalid format specifier 'abc' for object of type 'bool'");
    }
}
