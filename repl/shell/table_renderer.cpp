// The aligned table of `.mode table`. None prints as `None` and an empty string as `''`, so
// the two never look alike; a table wider than the terminal is shown one record per block
// (as psql's expanded mode); long results stop after max_rows with a count of the rest.
#include "repl/shell/result_renderer.h"

#include <algorithm>

namespace ormsh::shell {
namespace {

// Display width in terminal columns: one per code point (combining marks and wide CJK are
// rare in database shells; counting bytes would misalign every accented name).
std::size_t display_width(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

// Cuts `s` to at most `width` columns, marking the cut with an ellipsis.
std::string cut(const std::string& s, std::size_t width) {
    if (display_width(s) <= width) return s;
    std::string out;
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if ((c & 0xC0) != 0x80) {
            if (n + 1 >= width) break;
            ++n;
        }
        out += s[i];
    }
    return out + "…";
}

std::string pad(const std::string& s, std::size_t width, bool right_align) {
    std::size_t w = display_width(s);
    std::string fill(w < width ? width - w : 0, ' ');
    return right_align ? fill + s : s + fill;
}

std::string cell_text(lang::Interpreter& in, const lang::Value& v) {
    if (v.is_none()) return "None";
    if (lang::is_str(v)) {
        const lang::StrText& s = lang::as_str(v)->s;
        if (s.empty()) return "''";
        std::string flat;
        for (char c : s)
            flat += (c == '\n' || c == '\t') ? ' ' : c;
        return flat;
    }
    return in.str(v);
}

bool is_number(const lang::Value& v) {
    return (v.is_int() || v.is_float() || lang::has_layout(v, lang::Layout::BigInt)) &&
           !v.is_bool();
}

std::string rule(const std::vector<std::size_t>& widths) {
    std::string out = "+";
    for (std::size_t w : widths)
        out += std::string(w + 2, '-') + "+";
    return out + "\n";
}

std::string more_rows_note(std::size_t shown, std::size_t total) {
    std::size_t rest = total - shown;
    return "... " + std::to_string(rest) + " more row" + (rest == 1 ? "" : "s") + " (" +
           std::to_string(total) + " in all)\n";
}

} // namespace

std::string render_table(lang::Interpreter& in, const Tabular& data, const RenderOptions& options) {
    std::size_t shown = std::min(data.rows.size(), options.max_rows);
    std::vector<std::vector<std::string>> cells(shown);
    std::vector<std::vector<bool>> numeric(shown);
    std::vector<std::size_t> widths;
    for (const std::string& c : data.columns)
        widths.push_back(display_width(c));
    for (std::size_t r = 0; r < shown; ++r) {
        for (std::size_t c = 0; c < data.columns.size(); ++c) {
            const lang::Value& v = c < data.rows[r].size() ? data.rows[r][c] : lang::Value();
            std::string text = v.empty() ? "" : cut(cell_text(in, v), options.max_cell_width);
            widths[c] = std::max(widths[c], display_width(text));
            cells[r].push_back(std::move(text));
            numeric[r].push_back(!v.empty() && is_number(v));
        }
    }
    std::size_t total_width = 1;
    for (std::size_t w : widths)
        total_width += w + 3;

    std::string out;
    if (options.vertical || (total_width > options.terminal_width && data.columns.size() > 1)) {
        // Expanded: one block per record, "column | value" lines.
        std::size_t name_width = 0;
        for (const std::string& c : data.columns)
            name_width = std::max(name_width, display_width(c));
        for (std::size_t r = 0; r < shown; ++r) {
            std::string head = "-[ RECORD " + std::to_string(r + 1) + " ]";
            std::size_t line = std::min(options.terminal_width, name_width + 24);
            out += head + std::string(line > head.size() ? line - head.size() : 1, '-') + "\n";
            for (std::size_t c = 0; c < data.columns.size(); ++c)
                out += pad(data.columns[c], name_width, false) + " | " + cells[r][c] + "\n";
        }
    } else {
        out += rule(widths);
        out += "|";
        for (std::size_t c = 0; c < data.columns.size(); ++c)
            out += " " + pad(data.columns[c], widths[c], false) + " |";
        out += "\n" + rule(widths);
        for (std::size_t r = 0; r < shown; ++r) {
            out += "|";
            for (std::size_t c = 0; c < data.columns.size(); ++c)
                out += " " + pad(cells[r][c], widths[c], numeric[r][c]) + " |";
            out += "\n";
        }
        out += rule(widths);
    }
    if (shown < data.rows.size())
        out += more_rows_note(shown, data.rows.size());
    else
        out += "(" + std::to_string(data.rows.size()) + " row" +
               (data.rows.size() == 1 ? "" : "s") + ")\n";
    return out;
}

} // namespace ormsh::shell
