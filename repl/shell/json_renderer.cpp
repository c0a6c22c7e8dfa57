// `.mode json`: an array with one object per row, one row per line so the output diffs and
// greps well. Dates, decimals and other values without a JSON form become their str().
#include "repl/shell/result_renderer.h"

#include <fmt/core.h>

namespace ormsh::shell {
namespace {

std::string json_string(std::string_view s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20)
                out += fmt::format("\\u{:04x}", c);
            else
                out += static_cast<char>(c);
        }
    }
    return out + "\"";
}

std::string json_value(lang::Interpreter& in, const lang::Value& v) {
    if (v.is_none()) return "null";
    if (v.is_bool()) return v.as_bool() ? "true" : "false";
    if (v.is_int() || v.is_float() || lang::has_layout(v, lang::Layout::BigInt)) return in.repr(v);
    if (lang::is_str(v)) return json_string(lang::as_str(v)->s);
    if (lang::has_layout(v, lang::Layout::List) || lang::has_layout(v, lang::Layout::Tuple)) {
        std::string out = "[";
        bool first = true;
        for (const lang::Value& item : in.to_vector(v)) {
            out += (first ? "" : ", ") + json_value(in, item);
            first = false;
        }
        return out + "]";
    }
    if (lang::has_layout(v, lang::Layout::Dict)) {
        std::string out = "{";
        bool first = true;
        for (const lang::Value& key : in.to_vector(v)) {
            out += (first ? "" : ", ") + json_string(in.str(key)) + ": " +
                   json_value(in, in.getitem(v, key));
            first = false;
        }
        return out + "}";
    }
    return json_string(in.str(v));
}

} // namespace

std::string render_json(lang::Interpreter& in, const Tabular& data) {
    if (data.rows.empty()) return "[]\n";
    std::string out = "[\n";
    for (std::size_t r = 0; r < data.rows.size(); ++r) {
        out += "  {";
        for (std::size_t c = 0; c < data.columns.size() && c < data.rows[r].size(); ++c)
            out += (c ? ", " : "") + json_string(data.columns[c]) + ": " +
                   json_value(in, data.rows[r][c]);
        out += r + 1 < data.rows.size() ? "},\n" : "}\n";
    }
    return out + "]\n";
}

} // namespace ormsh::shell
