// Case mapping methods of str: upper, lower, casefold, capitalize, title, swapcase. ASCII
// strings take a byte loop; others map code point by code point with CPython's full mappings,
// including the final-sigma rule of lower() (capital sigma at the end of a word becomes 'ς').
#include "repl/lang/text/str_methods.h"

#include <vector>

namespace ormsh::lang::text {

namespace {

constexpr char32_t kCapitalSigma = 0x03A3;
constexpr char32_t kFinalSigma = 0x03C2;
constexpr char32_t kSmallSigma = 0x03C3;

std::vector<char32_t> decode_all(std::string_view s) {
    std::vector<char32_t> cps;
    cps.reserve(s.size());
    size_t i = 0;
    while (i < s.size())
        cps.push_back(utf8_decode(s, i));
    return cps;
}

// CPython's handle_capital_sigma: final form when preceded by a cased letter and not followed
// by one (case-ignorable characters in between are skipped).
char32_t lower_sigma(const std::vector<char32_t>& cps, size_t i) {
    size_t j = i;
    bool before = false;
    while (j > 0) {
        uint32_t p = char_properties(cps[--j]);
        if (p & kCaseIgnorable) continue;
        before = (p & kCased) != 0;
        break;
    }
    bool after = false;
    for (j = i + 1; j < cps.size(); ++j) {
        uint32_t p = char_properties(cps[j]);
        if (p & kCaseIgnorable) continue;
        after = (p & kCased) != 0;
        break;
    }
    return (before && !after) ? kFinalSigma : kSmallSigma;
}

void append_lower_at(std::string& out, const std::vector<char32_t>& cps, size_t i) {
    if (cps[i] == kCapitalSigma)
        utf8_append(out, lower_sigma(cps, i));
    else
        append_lower(out, cps[i]);
}

inline bool ascii_lower(char c) {
    return c >= 'a' && c <= 'z';
}
inline bool ascii_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
inline char to_upper(char c) {
    return ascii_lower(c) ? char(c - 32) : c;
}
inline char to_lower(char c) {
    return ascii_upper(c) ? char(c + 32) : c;
}

} // namespace

std::string str_upper(std::string_view s) {
    if (is_ascii(s)) {
        std::string out(s);
        for (char& c : out)
            c = to_upper(c);
        return out;
    }
    std::string out;
    out.reserve(s.size());
    size_t i = 0;
    while (i < s.size())
        append_upper(out, utf8_decode(s, i));
    return out;
}

std::string str_lower(std::string_view s) {
    if (is_ascii(s)) {
        std::string out(s);
        for (char& c : out)
            c = to_lower(c);
        return out;
    }
    std::string out;
    out.reserve(s.size());
    auto cps = decode_all(s);
    for (size_t i = 0; i < cps.size(); ++i)
        append_lower_at(out, cps, i);
    return out;
}

std::string str_casefold(std::string_view s) {
    if (is_ascii(s)) return str_lower(s);
    std::string out;
    out.reserve(s.size());
    size_t i = 0;
    while (i < s.size())
        append_casefold(out, utf8_decode(s, i));
    return out;
}

std::string str_capitalize(std::string_view s) {
    if (is_ascii(s)) {
        std::string out(s);
        for (size_t i = 0; i < out.size(); ++i)
            out[i] = i == 0 ? to_upper(out[i]) : to_lower(out[i]);
        return out;
    }
    std::string out;
    out.reserve(s.size());
    auto cps = decode_all(s);
    for (size_t i = 0; i < cps.size(); ++i) {
        if (i == 0)
            append_title(out, cps[0]);
        else
            append_lower_at(out, cps, i);
    }
    return out;
}

std::string str_title(std::string_view s) {
    if (is_ascii(s)) {
        std::string out(s);
        bool previous_is_cased = false;
        for (char& c : out) {
            const bool cased = ascii_lower(c) || ascii_upper(c);
            c = previous_is_cased ? to_lower(c) : to_upper(c);
            previous_is_cased = cased;
        }
        return out;
    }
    std::string out;
    out.reserve(s.size());
    auto cps = decode_all(s);
    bool previous_is_cased = false;
    for (size_t i = 0; i < cps.size(); ++i) {
        const char32_t c = cps[i];
        if (previous_is_cased)
            append_lower_at(out, cps, i);
        else
            append_title(out, c);
        previous_is_cased = (char_properties(c) & kCased) != 0;
    }
    return out;
}

std::string str_swapcase(std::string_view s) {
    if (is_ascii(s)) {
        std::string out(s);
        for (char& c : out)
            c = ascii_upper(c) ? to_lower(c) : to_upper(c);
        return out;
    }
    std::string out;
    out.reserve(s.size());
    auto cps = decode_all(s);
    for (size_t i = 0; i < cps.size(); ++i) {
        const char32_t c = cps[i];
        uint32_t p = char_properties(c);
        if (p & kUpper)
            append_lower_at(out, cps, i);
        else if (p & kLower)
            append_upper(out, c);
        else
            utf8_append(out, c);
    }
    return out;
}

} // namespace ormsh::lang::text
