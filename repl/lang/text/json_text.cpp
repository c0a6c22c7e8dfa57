// JSON string and float text, matching the json module's C encoder (py_encode_basestring and
// py_encode_basestring_ascii) byte for byte.
#include "repl/lang/text/json_text.h"

#include "repl/lang/text/errors.h"
#include "repl/lang/text/float_repr.h"
#include "repl/lang/text/utf8.h"

#include <cmath>

namespace ormsh::lang::text {

namespace {

constexpr char kHex[] = "0123456789abcdef";

void append_u_escape(std::string& out, char32_t c) {
    char buf[6] = {
        '\\',         'u', kHex[(c >> 12) & 0xF], kHex[(c >> 8) & 0xF], kHex[(c >> 4) & 0xF],
        kHex[c & 0xF]};
    out.append(buf, sizeof buf);
}

// Escapes shared by both modes; returns false when `c` needs no short escape.
bool append_short_escape(std::string& out, char32_t c) {
    switch (c) {
    case '"':
        out.append("\\\"");
        return true;
    case '\\':
        out.append("\\\\");
        return true;
    case '\n':
        out.append("\\n");
        return true;
    case '\r':
        out.append("\\r");
        return true;
    case '\t':
        out.append("\\t");
        return true;
    case '\b':
        out.append("\\b");
        return true;
    case '\f':
        out.append("\\f");
        return true;
    default:
        return false;
    }
}

} // namespace

void append_json_quote(std::string& out, std::string_view s, bool ensure_ascii) {
    out.reserve(out.size() + s.size() + 2);
    out.push_back('"');
    size_t i = 0;
    while (i < s.size()) {
        // Copy the run of characters that need no escaping in one append.
        size_t run = i;
        while (run < s.size()) {
            auto b = static_cast<unsigned char>(s[run]);
            if (b < 0x20 || b == '"' || b == '\\' || (ensure_ascii && b >= 0x7F)) break;
            ++run;
        }
        out.append(s.data() + i, run - i);
        i = run;
        if (i >= s.size()) break;
        const char32_t c = utf8_decode(s, i);
        if (append_short_escape(out, c)) continue;
        if (c < 0x20 || (ensure_ascii && c < 0x10000)) {
            append_u_escape(out, c);
        } else if (ensure_ascii) {
            const char32_t v = c - 0x10000;
            append_u_escape(out, 0xD800 | (v >> 10));
            append_u_escape(out, 0xDC00 | (v & 0x3FF));
        } else {
            utf8_append(out, c);
        }
    }
    out.push_back('"');
}

std::string json_quote(std::string_view s, bool ensure_ascii) {
    std::string out;
    append_json_quote(out, s, ensure_ascii);
    return out;
}

std::string json_float(double v, bool allow_nan) {
    if (std::isfinite(v)) return float_repr(v);
    if (!allow_nan) throw_value_error("Out of range float values are not JSON compliant");
    if (std::isnan(v)) return "NaN";
    return v > 0 ? "Infinity" : "-Infinity";
}

} // namespace ormsh::lang::text
