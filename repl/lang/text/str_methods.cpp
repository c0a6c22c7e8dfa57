// str methods other than case mapping: slicing, splitting, stripping, searching, padding.
// Searches run on bytes (UTF-8 substring matches always fall on code-point boundaries) and
// only translate between code-point indices and byte offsets at the edges.
#include "repl/lang/text/str_methods.h"

#include "repl/lang/text/errors.h"

#include <algorithm>

namespace ormsh::lang::text {

namespace {

// A string with its code-point length, computed once.
struct Text {
    std::string_view s;
    bool ascii;
    int64_t len;
    explicit Text(std::string_view v)
        : s(v), ascii(is_ascii(v)), len(ascii ? int64_t(v.size()) : int64_t(utf8_length(v))) {}
    size_t offset(int64_t index) const { return utf8_offset(s, size_t(index), ascii); }
    int64_t index_of(size_t offset) const {
        return ascii ? int64_t(offset) : int64_t(utf8_index_of_offset(s, offset));
    }
};

// CPython's ADJUST_INDICES for find/count/startswith.
void adjust_bounds(int64_t len, OptIndex start, OptIndex end, int64_t& b, int64_t& e) {
    b = start.value_or(0);
    e = end.value_or(len);
    if (e > len)
        e = len;
    else if (e < 0) {
        e += len;
        if (e < 0) e = 0;
    }
    if (b < 0) {
        b += len;
        if (b < 0) b = 0;
    }
}

bool is_space_at(std::string_view s, size_t i, size_t& next) {
    auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
        next = i + 1;
        return char_is_space(b);
    }
    next = i;
    return char_is_space(utf8_decode(s, next));
}

// Whitespace code point ending just before byte i?
bool is_space_before(std::string_view s, size_t i, size_t& prev) {
    auto b = static_cast<unsigned char>(s[i - 1]);
    if (b < 0x80) {
        prev = i - 1;
        return char_is_space(b);
    }
    prev = i;
    return char_is_space(utf8_decode_before(s, prev));
}

bool in_chars(char32_t c, std::string_view chars) {
    if (c < 0x80) return chars.find(static_cast<char>(c)) != std::string_view::npos;
    size_t i = 0;
    while (i < chars.size())
        if (utf8_decode(chars, i) == c) return true;
    return false;
}

std::string pad(std::string_view s, int64_t left, int64_t right, std::string_view fill) {
    std::string out;
    out.reserve(s.size() + size_t(left + right) * fill.size());
    for (int64_t i = 0; i < left; ++i)
        out.append(fill);
    out.append(s);
    for (int64_t i = 0; i < right; ++i)
        out.append(fill);
    return out;
}

} // namespace

std::string_view str_at(std::string_view s, size_t index) {
    size_t b = utf8_offset(s, index);
    size_t e = b;
    utf8_decode(s, e);
    return s.substr(b, e - b);
}

std::string_view str_substr(std::string_view s, size_t start, size_t stop) {
    if (is_ascii(s)) return s.substr(start, stop - start);
    size_t b = utf8_offset(s, start, false);
    size_t e = b + utf8_offset(s.substr(b), stop - start, false);
    return s.substr(b, e - b);
}

std::string str_slice(std::string_view s, const SliceIndices& sl) {
    if (sl.length <= 0) return {};
    if (sl.step == 1)
        return std::string(str_substr(s, size_t(sl.start), size_t(sl.start + sl.length)));
    std::string out;
    if (is_ascii(s)) {
        out.reserve(size_t(sl.length));
        for (int64_t i = 0, k = sl.start; i < sl.length; ++i, k += sl.step)
            out.push_back(s[k]);
        return out;
    }
    // Byte offsets of every code point, then pick.
    std::vector<uint32_t> starts;
    starts.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i)
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) starts.push_back(uint32_t(i));
    starts.push_back(uint32_t(s.size()));
    for (int64_t i = 0, k = sl.start; i < sl.length; ++i, k += sl.step)
        out.append(s.substr(starts[k], starts[k + 1] - starts[k]));
    return out;
}

std::vector<std::string_view> str_split(std::string_view s, std::optional<std::string_view> sep,
                                        int64_t maxsplit) {
    std::vector<std::string_view> out;
    if (maxsplit < 0) maxsplit = INT64_MAX;
    if (sep) {
        if (sep->empty()) throw_value_error("empty separator");
        size_t pos = 0;
        while (maxsplit-- > 0) {
            size_t hit = s.find(*sep, pos);
            if (hit == std::string_view::npos) break;
            out.push_back(s.substr(pos, hit - pos));
            pos = hit + sep->size();
        }
        out.push_back(s.substr(pos));
        return out;
    }
    size_t i = 0, next = 0;
    const size_t n = s.size();
    while (true) {
        while (i < n && is_space_at(s, i, next))
            i = next;
        if (i >= n) break;
        if (maxsplit-- <= 0) {
            out.push_back(s.substr(i));
            break;
        }
        size_t j = i;
        while (j < n && !is_space_at(s, j, next))
            j = next;
        out.push_back(s.substr(i, j - i));
        i = j;
    }
    return out;
}

std::vector<std::string_view> str_rsplit(std::string_view s, std::optional<std::string_view> sep,
                                         int64_t maxsplit) {
    std::vector<std::string_view> out;
    if (maxsplit < 0) maxsplit = INT64_MAX;
    if (sep) {
        if (sep->empty()) throw_value_error("empty separator");
        size_t end = s.size();
        while (maxsplit-- > 0 && end >= sep->size()) {
            size_t hit = s.rfind(*sep, end - sep->size());
            if (hit == std::string_view::npos) break;
            out.push_back(s.substr(hit + sep->size(), end - hit - sep->size()));
            end = hit;
        }
        out.push_back(s.substr(0, end));
    } else {
        size_t e = s.size(), prev = 0;
        while (true) {
            while (e > 0 && is_space_before(s, e, prev))
                e = prev;
            if (e == 0) break;
            if (maxsplit-- <= 0) {
                out.push_back(s.substr(0, e));
                break;
            }
            size_t b = e;
            while (b > 0 && !is_space_before(s, b, prev))
                b = prev;
            out.push_back(s.substr(b, e - b));
            e = b;
        }
    }
    std::reverse(out.begin(), out.end());
    return out;
}

std::vector<std::string_view> str_splitlines(std::string_view s, bool keepends) {
    std::vector<std::string_view> out;
    size_t i = 0, line_start = 0;
    const size_t n = s.size();
    while (i < n) {
        size_t cp_start = i;
        auto b = static_cast<unsigned char>(s[i]);
        char32_t c = b < 0x80 ? (++i, b) : utf8_decode(s, i);
        bool brk = c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x1C || c == 0x1D ||
                   c == 0x1E || c == 0x85 || c == 0x2028 || c == 0x2029;
        if (!brk) continue;
        if (c == '\r' && i < n && s[i] == '\n') ++i;
        out.push_back(s.substr(line_start, (keepends ? i : cp_start) - line_start));
        line_start = i;
    }
    if (line_start < n) out.push_back(s.substr(line_start));
    return out;
}

std::array<std::string_view, 3> str_partition(std::string_view s, std::string_view sep) {
    if (sep.empty()) throw_value_error("empty separator");
    size_t hit = s.find(sep);
    if (hit == std::string_view::npos) return {s, s.substr(s.size()), s.substr(s.size())};
    return {s.substr(0, hit), s.substr(hit, sep.size()), s.substr(hit + sep.size())};
}

std::array<std::string_view, 3> str_rpartition(std::string_view s, std::string_view sep) {
    if (sep.empty()) throw_value_error("empty separator");
    size_t hit = s.rfind(sep);
    if (hit == std::string_view::npos) return {s.substr(0, 0), s.substr(0, 0), s};
    return {s.substr(0, hit), s.substr(hit, sep.size()), s.substr(hit + sep.size())};
}

std::string_view str_lstrip(std::string_view s, std::optional<std::string_view> chars) {
    size_t i = 0, next = 0;
    while (i < s.size()) {
        if (chars) {
            next = i;
            if (!in_chars(utf8_decode(s, next), *chars)) break;
        } else if (!is_space_at(s, i, next)) {
            break;
        }
        i = next;
    }
    return s.substr(i);
}

std::string_view str_rstrip(std::string_view s, std::optional<std::string_view> chars) {
    size_t e = s.size(), prev = 0;
    while (e > 0) {
        if (chars) {
            prev = e;
            if (!in_chars(utf8_decode_before(s, prev), *chars)) break;
        } else if (!is_space_before(s, e, prev)) {
            break;
        }
        e = prev;
    }
    return s.substr(0, e);
}

std::string_view str_strip(std::string_view s, std::optional<std::string_view> chars) {
    return str_rstrip(str_lstrip(s, chars), chars);
}

std::string_view str_removeprefix(std::string_view s, std::string_view prefix) {
    return s.starts_with(prefix) ? s.substr(prefix.size()) : s;
}

std::string_view str_removesuffix(std::string_view s, std::string_view suffix) {
    return (!suffix.empty() && s.ends_with(suffix)) ? s.substr(0, s.size() - suffix.size()) : s;
}

int64_t str_find(std::string_view s, std::string_view sub, OptIndex start, OptIndex end) {
    if (!start && !end) {
        // Fast path: whole string.
        size_t hit = s.find(sub);
        if (hit == std::string_view::npos) return -1;
        return is_ascii(s.substr(0, hit)) ? int64_t(hit) : int64_t(utf8_length(s.substr(0, hit)));
    }
    Text t(s);
    int64_t b, e;
    adjust_bounds(t.len, start, end, b, e);
    const int64_t sub_len = int64_t(utf8_length(sub));
    if (e - b < sub_len) return -1;
    if (sub.empty()) return b;
    size_t bo = t.offset(b), eo = t.offset(e);
    size_t hit = s.substr(bo, eo - bo).find(sub);
    if (hit == std::string_view::npos) return -1;
    return t.index_of(bo + hit);
}

int64_t str_rfind(std::string_view s, std::string_view sub, OptIndex start, OptIndex end) {
    Text t(s);
    int64_t b, e;
    adjust_bounds(t.len, start, end, b, e);
    const int64_t sub_len = int64_t(utf8_length(sub));
    if (e - b < sub_len) return -1;
    if (sub.empty()) return e;
    size_t bo = t.offset(b), eo = t.offset(e);
    size_t hit = s.substr(bo, eo - bo).rfind(sub);
    if (hit == std::string_view::npos) return -1;
    return t.index_of(bo + hit);
}

int64_t str_index(std::string_view s, std::string_view sub, OptIndex start, OptIndex end) {
    int64_t r = str_find(s, sub, start, end);
    if (r < 0) throw_value_error("substring not found");
    return r;
}

int64_t str_rindex(std::string_view s, std::string_view sub, OptIndex start, OptIndex end) {
    int64_t r = str_rfind(s, sub, start, end);
    if (r < 0) throw_value_error("substring not found");
    return r;
}

int64_t str_count(std::string_view s, std::string_view sub, OptIndex start, OptIndex end) {
    Text t(s);
    int64_t b, e;
    adjust_bounds(t.len, start, end, b, e);
    const int64_t sub_len = int64_t(utf8_length(sub));
    if (e - b < sub_len) return 0;
    if (sub.empty()) return e - b + 1;
    std::string_view region = s.substr(t.offset(b), t.offset(e) - t.offset(b));
    int64_t count = 0;
    size_t pos = 0;
    while ((pos = region.find(sub, pos)) != std::string_view::npos) {
        ++count;
        pos += sub.size();
    }
    return count;
}

bool str_startswith(std::string_view s, std::string_view prefix, OptIndex start, OptIndex end) {
    if (!start && !end) return s.starts_with(prefix);
    Text t(s);
    int64_t b, e;
    adjust_bounds(t.len, start, end, b, e);
    if (b > t.len || e - b < int64_t(utf8_length(prefix))) return false;
    std::string_view region = s.substr(t.offset(b), t.offset(e) - t.offset(b));
    return region.starts_with(prefix);
}

bool str_endswith(std::string_view s, std::string_view suffix, OptIndex start, OptIndex end) {
    if (!start && !end) return s.ends_with(suffix);
    Text t(s);
    int64_t b, e;
    adjust_bounds(t.len, start, end, b, e);
    if (b > t.len) return false;
    if (e - b < int64_t(utf8_length(suffix))) return false;
    std::string_view region = s.substr(t.offset(b), t.offset(e) - t.offset(b));
    return region.ends_with(suffix);
}

std::string str_replace(std::string_view s, std::string_view old, std::string_view repl,
                        int64_t count) {
    if (count < 0) count = INT64_MAX;
    std::string out;
    if (old.empty()) {
        // Insert repl before every code point and at the end, up to count times.
        size_t i = 0;
        while (i < s.size() && count > 0) {
            out.append(repl);
            --count;
            size_t next = i;
            utf8_decode(s, next);
            out.append(s.substr(i, next - i));
            i = next;
        }
        if (i >= s.size() && count > 0) {
            out.append(repl);
        } else {
            out.append(s.substr(i));
        }
        return out;
    }
    size_t pos = 0;
    out.reserve(s.size());
    while (count > 0) {
        size_t hit = s.find(old, pos);
        if (hit == std::string_view::npos) break;
        out.append(s.substr(pos, hit - pos));
        out.append(repl);
        pos = hit + old.size();
        --count;
    }
    out.append(s.substr(pos));
    return out;
}

std::string str_center(std::string_view s, int64_t width, std::string_view fill) {
    const int64_t len = int64_t(utf8_length(s));
    if (width <= len) return std::string(s);
    const int64_t marg = width - len;
    const int64_t left = marg / 2 + (marg & width & 1);
    return pad(s, left, marg - left, fill);
}

std::string str_ljust(std::string_view s, int64_t width, std::string_view fill) {
    const int64_t len = int64_t(utf8_length(s));
    if (width <= len) return std::string(s);
    return pad(s, 0, width - len, fill);
}

std::string str_rjust(std::string_view s, int64_t width, std::string_view fill) {
    const int64_t len = int64_t(utf8_length(s));
    if (width <= len) return std::string(s);
    return pad(s, width - len, 0, fill);
}

std::string str_zfill(std::string_view s, int64_t width) {
    const int64_t len = int64_t(utf8_length(s));
    if (width <= len) return std::string(s);
    std::string out;
    size_t body = 0;
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
        out.push_back(s[0]);
        body = 1;
    }
    out.append(size_t(width - len), '0');
    out.append(s.substr(body));
    return out;
}

std::string str_expandtabs(std::string_view s, int64_t tabsize) {
    std::string out;
    out.reserve(s.size());
    int64_t column = 0;
    size_t i = 0;
    while (i < s.size()) {
        size_t start = i;
        char32_t c = utf8_decode(s, i);
        if (c == '\t') {
            if (tabsize > 0) {
                int64_t spaces = tabsize - (column % tabsize);
                out.append(size_t(spaces), ' ');
                column += spaces;
            }
        } else {
            out.append(s.substr(start, i - start));
            column = (c == '\n' || c == '\r') ? 0 : column + 1;
        }
    }
    return out;
}

std::string str_repeat(std::string_view s, int64_t n) {
    std::string out;
    if (n <= 0 || s.empty()) return out;
    out.reserve(s.size() * size_t(n));
    for (int64_t i = 0; i < n; ++i)
        out.append(s);
    return out;
}

namespace {

template <typename Pred> bool all_chars(std::string_view s, Pred pred) {
    if (s.empty()) return false;
    size_t i = 0;
    while (i < s.size())
        if (!pred(utf8_decode(s, i))) return false;
    return true;
}

} // namespace

bool str_isdigit(std::string_view s) {
    return all_chars(s, char_is_digit);
}
bool str_isdecimal(std::string_view s) {
    return all_chars(s, char_is_decimal);
}
bool str_isnumeric(std::string_view s) {
    return all_chars(s, char_is_numeric);
}
bool str_isalpha(std::string_view s) {
    return all_chars(s, char_is_alpha);
}
bool str_isalnum(std::string_view s) {
    return all_chars(s, char_is_alnum);
}
bool str_isspace(std::string_view s) {
    return all_chars(s, char_is_space);
}
bool str_isprintable(std::string_view s) {
    return s.empty() || all_chars(s, char_is_printable);
}

bool str_isupper(std::string_view s) {
    bool cased = false;
    size_t i = 0;
    while (i < s.size()) {
        uint32_t p = char_properties(utf8_decode(s, i));
        if (p & (kLower | kTitle)) return false;
        if (p & kUpper) cased = true;
    }
    return cased;
}

bool str_islower(std::string_view s) {
    bool cased = false;
    size_t i = 0;
    while (i < s.size()) {
        uint32_t p = char_properties(utf8_decode(s, i));
        if (p & (kUpper | kTitle)) return false;
        if (p & kLower) cased = true;
    }
    return cased;
}

bool str_istitle(std::string_view s) {
    bool cased = false, previous_is_cased = false;
    size_t i = 0;
    while (i < s.size()) {
        uint32_t p = char_properties(utf8_decode(s, i));
        if (p & (kUpper | kTitle)) {
            if (previous_is_cased) return false;
            previous_is_cased = true;
            cased = true;
        } else if (p & kLower) {
            if (!previous_is_cased) return false;
            previous_is_cased = true;
            cased = true;
        } else {
            previous_is_cased = false;
        }
    }
    return cased;
}

bool str_isidentifier(std::string_view s) {
    if (s.empty()) return false;
    size_t i = 0;
    if (!(char_properties(utf8_decode(s, i)) & kXidStart)) return false;
    while (i < s.size())
        if (!(char_properties(utf8_decode(s, i)) & kXidContinue)) return false;
    return true;
}

} // namespace ormsh::lang::text
