// Python's float <-> text conversions: repr/str of a float (shortest round-trip digits),
// float('...') parsing, and the PyOS_double_to_string core that format() and %-formatting share.
// Built on std::to_chars / std::from_chars, which are exact, so the output matches CPython's.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ormsh::lang::text {

// repr(x) == str(x) for a float: '0.1', '100.0', '1e+16', '1.5e-05', 'inf', '-inf', 'nan', '-0.0'.
std::string float_repr(double v);
// Appends float_repr(v) to out (avoids a temporary when building containers' reprs).
void append_float_repr(std::string& out, double v);

// float(text) rules: surrounding whitespace, sign, digits with single underscores between them,
// optional fraction and exponent, 'inf'/'infinity'/'nan' in any case. nullopt when invalid.
std::optional<double> parse_float(std::string_view text);
// "could not convert string to float: 'abc'" (ValueError), with the text's repr.
std::string float_parse_error_message(std::string_view text);

// The number part of a formatted float, for |v| (no sign: callers place it). `type` is one of
// 'e' 'E' 'f' 'F' 'g' 'G' '%' or 'r' (repr, precision ignored). `alternate` is the '#' flag and
// `add_dot_0` forces a '.0' on integral fixed output (format()'s empty type). inf/nan give
// 'inf'/'nan' ('INF'/'NAN' for upper-case types).
std::string format_float_magnitude(double v, char type, int precision, bool alternate,
                                   bool add_dot_0);

} // namespace ormsh::lang::text
