// Python's format-spec mini-language (format(), str.format, f-strings):
// [[fill]align][sign][z][#][0][width][grouping][.precision][type], parsed once and applied to
// int64, BigInt, float and str with CPython 3.11's layout rules and error messages.
#pragma once

#include "repl/lang/text/bigint.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace ormsh::lang::text {

struct FormatSpec {
    std::string fill = " "; // one code point, UTF-8
    char align = '\0';      // '<' '>' '^' '=' or '\0' (type default)
    char sign = '\0';       // '+' '-' ' ' or '\0'
    bool no_neg_0 = false;  // 'z'
    bool alternate = false; // '#'
    int64_t width = -1;
    char grouping = '\0'; // ',' '_' or '\0'
    int64_t precision = -1;
    char type = '\0';
    bool fill_specified = false;
    bool align_specified = false;
};

// What kind of object the spec is for: it picks the default type and alignment and the error
// messages. `type_name` is the Python class name used in messages ('int', 'bool', 'float',
// 'str', or a subclass name).
enum class FormatTarget { Int, Float, Str };

// Parses a spec; throws FormatError(ValueError) with CPython's message, e.g.
// "Invalid format specifier 'abc' for object of type 'int'", "Format specifier missing
// precision", "Cannot specify ',' with 's'.", "Too many decimal digits in format string".
FormatSpec parse_format_spec(std::string_view spec, FormatTarget target,
                             std::string_view type_name);

// Apply a parsed spec. Throw FormatError for type codes the value does not support
// ("Unknown format code 'd' for object of type 'float'") and the per-type restrictions.
// Callers handle the empty spec themselves when format(x, '') must be str(x) (bool, None...).
std::string format_int(int64_t v, const FormatSpec& spec, std::string_view type_name = "int");
std::string format_int(const BigInt& v, const FormatSpec& spec, std::string_view type_name = "int");
std::string format_float(double v, const FormatSpec& spec, std::string_view type_name = "float");
std::string format_str(std::string_view s, const FormatSpec& spec,
                       std::string_view type_name = "str");

// Parse-and-apply conveniences: format(v, spec).
std::string format_int(int64_t v, std::string_view spec);
std::string format_int(const BigInt& v, std::string_view spec);
std::string format_float(double v, std::string_view spec);
std::string format_str(std::string_view s, std::string_view spec);

} // namespace ormsh::lang::text
