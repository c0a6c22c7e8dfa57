// Row types for the generated expected-value tables (cases_*.inc, written by gen_cases.py from
// CPython 3.11). Strings are string_views so embedded NULs survive.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

using namespace std::literals;

#define NAN_ std::numeric_limits<double>::quiet_NaN()
#define INF_ std::numeric_limits<double>::infinity()

struct FloatReprCase {
    double value;
    std::string_view repr;
    int64_t hash; // 0 for nan (CPython hashes nan by identity)
};
struct FloatRoundCase {
    double value;
    int64_t ndigits;
    std::string_view expected; // repr of round(value, ndigits), or "Kind: message"
};
struct ParseFloatCase {
    std::string_view text;
    bool ok;
    std::string_view repr;
};
struct IntToStringCase {
    int64_t value;
    int base;
    std::string_view expected;
};
struct BigToStringCase {
    std::string_view decimal;
    int base;
    std::string_view expected;
};
struct ParseIntCase {
    std::string_view text;
    int base;
    bool ok;
    std::string_view expected; // decimal value, or the ValueError message
};
struct BigArithCase {
    std::string_view a, b, sum, diff, prod, quot, mod, band, bor, bxor;
    int shift;
    std::string_view shl, shr, inv, to_float, true_div;
    int64_t hash;
    int bit_length;
};
struct FormatSpecCase {
    char kind; // 'i' int (decimal text), 'f' float (hex text), 's' str
    std::string_view value;
    std::string_view spec;
    bool ok;
    std::string_view expected; // result, or "Kind: message"
};
struct PercentCase {
    std::string_view fmt;
    char mode; // 't' tuple, 'v' single value, 'm' mapping
    const std::string_view* args;
    bool ok;
    std::string_view expected;
};
struct SliceCase {
    int64_t length;
    std::optional<int64_t> start, stop, step;
    int64_t r_start, r_stop, r_step, r_length;
};
struct StrMethodCase {
    std::string_view method, s, a1, a2, a3; // "\0NONE" marks an absent argument
    bool ok;
    std::string_view expected; // repr() of the result, or "Kind: message"
};
struct DecimalDigitCase {
    char32_t cp;
    int value;
};
struct Utf8DecodeCase {
    std::string_view bytes;
    std::string_view message; // "" when the bytes are valid UTF-8
};
struct JsonQuoteCase {
    std::string_view s, ascii, unicode; // json.dumps(s) and json.dumps(s, ensure_ascii=False)
};
struct JsonFloatCase {
    double value;
    std::string_view text, strict; // json.dumps(x), and allow_nan=False (or its error)
};
struct BytesReprCase {
    std::string_view bytes;
    std::string_view repr;
};
struct StrReprCase {
    std::string_view s, repr, ascii;
};

// Hex float text as gen_cases.py writes it ("0x1.8p+0", "NAN", "-INF", "NAN_").
double parse_case_double(std::string_view text);
