// Parsing and expanding re.sub replacement templates (see re_template.h).
#include "repl/api/stdlib/re_template.h"

#include "repl/lang/text/utf8.h"

#include <algorithm>

namespace ormsh::api::stdlib {

using regex::Regex;

namespace {

bool is_octal(char c) {
    return c >= '0' && c <= '7';
}

} // namespace

std::vector<TemplatePiece> parse_template(Interpreter& in, const Value& tmpl, const Regex& re) {
    const std::string t(lang::as_str(tmpl)->s);
    std::vector<TemplatePiece> out(1);
    auto lit = [&](const std::string& s) {
        if (out.back().group >= 0) out.emplace_back();
        out.back().literal += s;
    };
    auto grp = [&](int g) { out.push_back(TemplatePiece{"", g}); };
    auto pos_of = [&](size_t byte) {
        return static_cast<int64_t>(lang::text::utf8_length(std::string_view(t).substr(0, byte)));
    };
    for (size_t i = 0; i < t.size(); ++i) {
        if (t[i] != '\\') {
            size_t run = t.find('\\', i);
            if (run == std::string::npos) run = t.size();
            lit(t.substr(i, run - i));
            i = run - 1;
            continue;
        }
        if (i + 1 >= t.size()) raise_re_error(in, "bad escape (end of pattern)", tmpl, pos_of(i));
        char c = t[i + 1];
        if (c == 'g') {
            size_t open = i + 2;
            if (open >= t.size() || t[open] != '<')
                raise_re_error(in, "missing <", tmpl, pos_of(open));
            size_t close = t.find('>', open + 1);
            if (close == std::string::npos)
                raise_re_error(in, "missing >, unterminated name", tmpl, pos_of(open + 1));
            std::string name = t.substr(open + 1, close - open - 1);
            if (name.empty()) raise_re_error(in, "missing group name", tmpl, pos_of(open + 1));
            int g = -1;
            if (std::all_of(name.begin(), name.end(),
                            [](char d) { return d >= '0' && d <= '9'; })) {
                g = name.size() > 6 ? re.groups() + 1 : std::stoi(name);
                if (g > re.groups())
                    raise_re_error(in, "invalid group reference " + name, tmpl, pos_of(open + 1));
            } else {
                for (auto& [n, num] : re.names())
                    if (n == name) g = num;
                if (g < 0) in.raise("IndexError", "unknown group name '" + name + "'");
            }
            grp(g);
            i = close;
            continue;
        }
        if (c == '0') {
            int v = 0;
            size_t j = i + 2;
            for (int k = 0; k < 2 && j < t.size() && is_octal(t[j]); ++k, ++j)
                v = v * 8 + (t[j] - '0');
            std::string ch;
            lang::text::utf8_append(ch, static_cast<char32_t>(v));
            lit(ch);
            i = j - 1;
            continue;
        }
        if (c >= '1' && c <= '9') {
            size_t j = i + 2;
            if (j < t.size() && t[j] >= '0' && t[j] <= '9') {
                if (j + 1 < t.size() && is_octal(c) && is_octal(t[j]) && is_octal(t[j + 1])) {
                    int v = (c - '0') * 64 + (t[j] - '0') * 8 + (t[j + 1] - '0');
                    if (v > 0377)
                        raise_re_error(in,
                                       "octal escape value \\" + t.substr(i + 1, 3) +
                                           " outside of range 0-0o377",
                                       tmpl, pos_of(i));
                    std::string ch;
                    lang::text::utf8_append(ch, static_cast<char32_t>(v));
                    lit(ch);
                    i = j + 1;
                    continue;
                }
                ++j;
            }
            int g = std::stoi(t.substr(i + 1, j - i - 1));
            if (g > re.groups())
                raise_re_error(in, "invalid group reference " + std::to_string(g), tmpl,
                               pos_of(i + 1));
            grp(g);
            i = j - 1;
            continue;
        }
        static const std::string_view escapes = "abfnrtv\\";
        static const char* values = "\a\b\f\n\r\t\v\\";
        if (size_t k = escapes.find(c); k != std::string_view::npos) {
            lit(std::string(1, values[k]));
        } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            raise_re_error(in, std::string("bad escape \\") + c, tmpl, pos_of(i));
        } else {
            lit(std::string(1, '\\'));
            continue; // the next character is copied as it is
        }
        ++i;
    }
    return out;
}

void expand_into(std::string& out, const std::vector<TemplatePiece>& pieces, const std::string& s,
                 const std::vector<int64_t>& spans) {
    for (auto& p : pieces) {
        if (p.group < 0) {
            out += p.literal;
        } else if (spans[2 * p.group] >= 0) {
            out.append(s, static_cast<size_t>(spans[2 * p.group]),
                       static_cast<size_t>(spans[2 * p.group + 1] - spans[2 * p.group]));
        }
    }
}

} // namespace ormsh::api::stdlib
