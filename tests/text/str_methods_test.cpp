// str methods, str repr/ascii and bytes repr against CPython. Each row names a method, its
// arguments as text, and repr() of CPython's result.
#include "repl/lang/text/errors.h"
#include "repl/lang/text/str_methods.h"
#include "tests/text/text_cases.h"

#include <charconv>
#include <gtest/gtest.h>

namespace {
#include "tests/text/cases_str.inc"
} // namespace

using namespace ormsh::lang::text;

namespace {

constexpr std::string_view kNone = "\0NONE"sv;

std::optional<int64_t> opt_int(std::string_view a) {
    if (a == kNone) return std::nullopt;
    int64_t v = 0;
    std::from_chars(a.data(), a.data() + a.size(), v);
    return v;
}

std::optional<std::string_view> opt_str(std::string_view a) {
    if (a == kNone) return std::nullopt;
    return a;
}

std::string repr_of(bool b) {
    return b ? "True" : "False";
}
std::string repr_of(int64_t v) {
    return std::to_string(v);
}
std::string repr_of(std::string_view s) {
    return str_repr(s);
}
std::string repr_of(const std::vector<std::string_view>& v) {
    std::string out = "[";
    for (size_t i = 0; i < v.size(); ++i) {
        if (i) out += ", ";
        out += str_repr(v[i]);
    }
    return out + "]";
}
std::string repr_of(const std::array<std::string_view, 3>& v) {
    return "(" + str_repr(v[0]) + ", " + str_repr(v[1]) + ", " + str_repr(v[2]) + ")";
}

std::string run(const StrMethodCase& c) {
    const std::string_view m = c.method, s = c.s;
    const bool no_args = c.a1 == kNone && c.a2 == kNone;
    if (m == "upper") return repr_of(str_upper(s));
    if (m == "lower") return repr_of(str_lower(s));
    if (m == "casefold") return repr_of(str_casefold(s));
    if (m == "capitalize") return repr_of(str_capitalize(s));
    if (m == "title") return repr_of(str_title(s));
    if (m == "swapcase") return repr_of(str_swapcase(s));
    if (m == "isdigit") return repr_of(str_isdigit(s));
    if (m == "isdecimal") return repr_of(str_isdecimal(s));
    if (m == "isnumeric") return repr_of(str_isnumeric(s));
    if (m == "isalpha") return repr_of(str_isalpha(s));
    if (m == "isalnum") return repr_of(str_isalnum(s));
    if (m == "isspace") return repr_of(str_isspace(s));
    if (m == "isupper") return repr_of(str_isupper(s));
    if (m == "islower") return repr_of(str_islower(s));
    if (m == "istitle") return repr_of(str_istitle(s));
    if (m == "isidentifier") return repr_of(str_isidentifier(s));
    if (m == "isprintable") return repr_of(str_isprintable(s));
    if (m == "isascii") return repr_of(str_isascii(s));
    if (m == "len") return repr_of(int64_t(str_len(s)));
    if (m == "repr") return repr_of(str_repr(s));
    if (m == "ascii") return repr_of(str_ascii(s));
    if (m == "split")
        return repr_of(no_args ? str_split(s) : str_split(s, opt_str(c.a1), *opt_int(c.a2)));
    if (m == "rsplit")
        return repr_of(no_args ? str_rsplit(s) : str_rsplit(s, opt_str(c.a1), *opt_int(c.a2)));
    if (m == "splitlines") return repr_of(str_splitlines(s));
    if (m == "splitlines_keep") return repr_of(str_splitlines(s, true));
    if (m == "strip") return repr_of(str_strip(s, opt_str(c.a1)));
    if (m == "lstrip") return repr_of(str_lstrip(s, opt_str(c.a1)));
    if (m == "rstrip") return repr_of(str_rstrip(s, opt_str(c.a1)));
    if (m == "expandtabs")
        return repr_of(no_args ? str_expandtabs(s) : str_expandtabs(s, *opt_int(c.a1)));
    if (m == "partition") return repr_of(str_partition(s, c.a1));
    if (m == "rpartition") return repr_of(str_rpartition(s, c.a1));
    if (m == "find") return repr_of(str_find(s, c.a1, opt_int(c.a2), opt_int(c.a3)));
    if (m == "rfind") return repr_of(str_rfind(s, c.a1, opt_int(c.a2), opt_int(c.a3)));
    if (m == "index") return repr_of(str_index(s, c.a1, opt_int(c.a2), opt_int(c.a3)));
    if (m == "count") return repr_of(str_count(s, c.a1, opt_int(c.a2), opt_int(c.a3)));
    if (m == "startswith") return repr_of(str_startswith(s, c.a1, opt_int(c.a2), opt_int(c.a3)));
    if (m == "endswith") return repr_of(str_endswith(s, c.a1, opt_int(c.a2), opt_int(c.a3)));
    if (m == "replace") return repr_of(str_replace(s, c.a1, c.a2, *opt_int(c.a3)));
    if (m == "center")
        return repr_of(c.a2 == kNone ? str_center(s, *opt_int(c.a1))
                                     : str_center(s, *opt_int(c.a1), c.a2));
    if (m == "ljust") return repr_of(str_ljust(s, *opt_int(c.a1), c.a2));
    if (m == "rjust") return repr_of(str_rjust(s, *opt_int(c.a1)));
    if (m == "zfill") return repr_of(str_zfill(s, *opt_int(c.a1)));
    if (m == "slice") {
        SliceIndices sl =
            adjust_slice(int64_t(str_len(s)), opt_int(c.a1), opt_int(c.a2), opt_int(c.a3));
        return repr_of(str_slice(s, sl));
    }
    ADD_FAILURE() << "unknown method " << m;
    return {};
}

} // namespace

TEST(StrMethods, MatchCPython) {
    int failures = 0;
    for (const auto& c : kStrMethods) {
        std::string got;
        try {
            got = run(c);
        } catch (const FormatError& e) {
            got = std::string(e.kind_name()) + ": " + e.what();
        }
        if (got != c.expected && ++failures <= 50) {
            ADD_FAILURE() << c.method << "(" << str_repr(c.s) << ", " << str_repr(c.a1) << ", "
                          << str_repr(c.a2) << ", " << str_repr(c.a3) << ")\n  got:      " << got
                          << "\n  expected: " << c.expected;
        }
    }
    EXPECT_EQ(failures, 0);
}

TEST(StrRepr, MatchesCPython) {
    for (const auto& c : kStrRepr) {
        EXPECT_EQ(str_repr(c.s), c.repr);
        EXPECT_EQ(str_ascii(c.s), c.ascii);
        EXPECT_EQ(ascii_escape(str_repr(c.s)), c.ascii);
    }
    for (const auto& c : kBytesRepr)
        EXPECT_EQ(bytes_repr(c.bytes), c.repr);
}

TEST(UnicodeDb, DecimalValues) {
    for (const auto& c : kDecimalDigits)
        EXPECT_EQ(char_decimal_value(c.cp), c.value) << uint32_t(c.cp);
    EXPECT_EQ(char_decimal_value(U'x'), -1);
    EXPECT_EQ(char_decimal_value(0x00BD), -1); // '½' is numeric, not decimal
}

TEST(StrMethods, Substr) {
    EXPECT_EQ(str_substr("h\xc3\xa9llo", 1, 3), "\xc3\xa9l");
    EXPECT_EQ(str_at("h\xc3\xa9llo", 1), "\xc3\xa9");
    EXPECT_EQ(str_repeat("ab", 3), "ababab");
    EXPECT_EQ(str_removeprefix("prefix-body", "prefix-"), "body");
    EXPECT_EQ(str_removesuffix("body.txt", ".txt"), "body");
}
