// The text pieces of json.dumps as CPython's json module writes them: string quoting (with and
// without ensure_ascii) and float literals (repr, NaN, Infinity). Containers, separators and
// indentation stay with the module that walks the objects.
#pragma once

#include <string>
#include <string_view>

namespace ormsh::lang::text {

// json.dumps(str): '"a\"b"'. ensure_ascii escapes everything outside ' '..'~' as \uXXXX
// (surrogate pairs above U+FFFF); otherwise only '"', '\\' and control characters are escaped.
std::string json_quote(std::string_view s, bool ensure_ascii = true);
void append_json_quote(std::string& out, std::string_view s, bool ensure_ascii = true);

// json.dumps(float): repr, or 'NaN' / 'Infinity' / '-Infinity'. With allow_nan false those
// throw FormatError(ValueError, "Out of range float values are not JSON compliant").
std::string json_float(double v, bool allow_nan = true);

} // namespace ormsh::lang::text
