// repr() and ascii() of str, and repr() of bytes, exactly as CPython writes them: the quote
// character is chosen by content, control characters become \t \n \r \xNN, non-printable code
// points \xNN \uNNNN \UNNNNNNNN, and printable non-ASCII text is kept (repr) or escaped (ascii).
#pragma once

#include <string>
#include <string_view>

namespace ormsh::lang::text {

// repr(s) for a str held as UTF-8: "'abc'", "\"it's\"", "'a\\nb'".
std::string str_repr(std::string_view s);
void append_str_repr(std::string& out, std::string_view s);
// ascii(s): like repr but every non-ASCII code point escaped.
std::string str_ascii(std::string_view s);
// Escapes non-ASCII code points of an already built repr (for ascii(obj) of any object).
std::string ascii_escape(std::string_view repr_text);
// repr(b) for bytes: "b'abc'", "b'\\x00\\xff'".
std::string bytes_repr(std::string_view bytes);

} // namespace ormsh::lang::text
