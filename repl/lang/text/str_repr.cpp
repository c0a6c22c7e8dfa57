// String and bytes repr. Pure ASCII printable strings (the common case) are copied in one
// append after a single scan; everything else goes code point by code point.
#include "repl/lang/text/str_repr.h"

#include "repl/lang/text/unicode_db.h"
#include "repl/lang/text/utf8.h"

namespace ormsh::lang::text {

namespace {

constexpr char kHex[] = "0123456789abcdef";

void append_hex(std::string& out, char prefix, uint32_t v, int digits) {
    out.push_back('\\');
    out.push_back(prefix);
    for (int i = digits - 1; i >= 0; --i)
        out.push_back(kHex[(v >> (4 * i)) & 0xF]);
}

void append_escaped_cp(std::string& out, char32_t c) {
    if (c < 0x100)
        append_hex(out, 'x', c, 2);
    else if (c < 0x10000)
        append_hex(out, 'u', c, 4);
    else
        append_hex(out, 'U', c, 8);
}

char choose_quote(std::string_view s) {
    bool single = false, dbl = false;
    for (char c : s) {
        if (c == '\'')
            single = true;
        else if (c == '"')
            dbl = true;
    }
    return (single && !dbl) ? '"' : '\'';
}

void append_repr(std::string& out, std::string_view s, bool ascii_only) {
    const char quote = choose_quote(s);
    out.reserve(out.size() + s.size() + 2);
    out.push_back(quote);
    size_t i = 0;
    while (i < s.size()) {
        // Copy runs of plain printable ASCII in one go.
        size_t run = i;
        while (run < s.size()) {
            auto b = static_cast<unsigned char>(s[run]);
            if (b < 0x20 || b >= 0x7F || b == '\\' || b == static_cast<unsigned char>(quote)) break;
            ++run;
        }
        out.append(s.data() + i, run - i);
        i = run;
        if (i >= s.size()) break;
        char32_t c = utf8_decode(s, i);
        switch (c) {
        case '\\':
            out.append("\\\\");
            break;
        case '\t':
            out.append("\\t");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        default:
            if (c == static_cast<char32_t>(quote)) {
                out.push_back('\\');
                out.push_back(quote);
            } else if (c < 0x20 || c == 0x7F) {
                append_hex(out, 'x', c, 2);
            } else if (c >= 0x80 && (ascii_only || !char_is_printable(c))) {
                append_escaped_cp(out, c);
            } else {
                utf8_append(out, c);
            }
        }
    }
    out.push_back(quote);
}

} // namespace

void append_str_repr(std::string& out, std::string_view s) {
    append_repr(out, s, false);
}

std::string str_repr(std::string_view s) {
    std::string out;
    append_repr(out, s, false);
    return out;
}

std::string str_ascii(std::string_view s) {
    std::string out;
    append_repr(out, s, true);
    return out;
}

std::string ascii_escape(std::string_view repr_text) {
    if (is_ascii(repr_text)) return std::string(repr_text);
    std::string out;
    size_t i = 0;
    while (i < repr_text.size()) {
        char32_t c = utf8_decode(repr_text, i);
        if (c < 0x80)
            out.push_back(static_cast<char>(c));
        else
            append_escaped_cp(out, c);
    }
    return out;
}

std::string bytes_repr(std::string_view bytes) {
    const char quote = choose_quote(bytes);
    std::string out;
    out.reserve(bytes.size() + 3);
    out.push_back('b');
    out.push_back(quote);
    for (char ch : bytes) {
        auto b = static_cast<unsigned char>(ch);
        if (b == static_cast<unsigned char>(quote) || b == '\\') {
            out.push_back('\\');
            out.push_back(ch);
        } else if (b == '\t') {
            out.append("\\t");
        } else if (b == '\n') {
            out.append("\\n");
        } else if (b == '\r') {
            out.append("\\r");
        } else if (b < 0x20 || b >= 0x7F) {
            append_hex(out, 'x', b, 2);
        } else {
            out.push_back(ch);
        }
    }
    out.push_back(quote);
    return out;
}

} // namespace ormsh::lang::text
