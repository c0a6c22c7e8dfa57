// Python int <-> text: str()/hex()/oct()/bin() of ints and int('...', base) parsing with
// CPython's rules (sign, whitespace, 0x/0o/0b prefixes, single underscores between digits) and
// its 4300-digit guard on decimal conversions (sys.get_int_max_str_digits()).
#pragma once

#include "repl/lang/text/bigint.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace ormsh::lang::text {

// An int as the interpreter stores it: int64 while it fits, BigInt beyond.
using IntValue = std::variant<int64_t, BigInt>;

// Demotes to int64 when the value fits.
IntValue normalize_int(BigInt v);

// CPython's default sys.get_int_max_str_digits().
inline constexpr int64_t kIntMaxStrDigits = 4300;

// str(v) for base 10; for base 2/8/16 the hex()/oct()/bin() text with its prefix: '0xff',
// '-0b101', '0o17'. Base 10 of a BigInt throws ValueError "Exceeds the limit (4300 digits)
// for integer string conversion; use sys.set_int_max_str_digits() to increase the limit".
std::string int_to_string(int64_t v, int base = 10);
std::string int_to_string(const BigInt& v, int base = 10);
std::string int_to_string(const IntValue& v, int base = 10);
// Appends str(v) (base 10) to out.
void append_int(std::string& out, int64_t v);

// int(text, base): nullopt when the text is not a valid literal (the caller raises ValueError
// with int_parse_error_message). Throws ValueError "int() base must be >= 2 and <= 36, or 0"
// for a bad base, and the digit-limit error for more than 4300 decimal digits.
std::optional<IntValue> parse_int(std::string_view text, int base = 10);
// "invalid literal for int() with base 10: 'abc'".
std::string int_parse_error_message(std::string_view text, int base);

} // namespace ormsh::lang::text
