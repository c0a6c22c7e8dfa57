// Lookup over the generated Unicode tables: properties by range, case mappings by code point.
// Multi-code-point mappings (special casing) are stored out of line and flagged by the top bit.
#include "repl/lang/text/unicode_db.h"

#include "repl/lang/text/utf8.h"

#include <algorithm>
#include <iterator>

namespace ormsh::lang::text {

namespace {

struct PropertyRange {
    uint32_t start;
    uint32_t mask;
};

struct CaseMapping {
    uint32_t cp;
    uint32_t upper;
    uint32_t lower;
    uint32_t title;
    uint32_t fold;
};

constexpr uint32_t kSpecialFlag = 0x80000000u;

#include "repl/lang/text/unicode_tables.inc"

const CaseMapping* find_mapping(char32_t c) {
    auto it = std::lower_bound(std::begin(kCaseMappings), std::end(kCaseMappings), uint32_t(c),
                               [](const CaseMapping& m, uint32_t v) { return m.cp < v; });
    if (it == std::end(kCaseMappings) || it->cp != c) return nullptr;
    return it;
}

void append_mapped(std::string& out, uint32_t value) {
    if (!(value & kSpecialFlag)) {
        utf8_append(out, value);
        return;
    }
    for (char32_t ch : kSpecialCasing[value & ~kSpecialFlag]) {
        if (ch == 0) break;
        utf8_append(out, ch);
    }
}

} // namespace

uint32_t char_properties(char32_t c) {
    auto it = std::upper_bound(std::begin(kPropertyRanges), std::end(kPropertyRanges), uint32_t(c),
                               [](uint32_t v, const PropertyRange& r) { return v < r.start; });
    if (it == std::begin(kPropertyRanges)) return 0;
    return std::prev(it)->mask;
}

int char_decimal_value(char32_t c) {
    if (c < 0x80) return (c >= '0' && c <= '9') ? int(c - '0') : -1;
    auto it = std::upper_bound(std::begin(kPropertyRanges), std::end(kPropertyRanges), uint32_t(c),
                               [](uint32_t v, const PropertyRange& r) { return v < r.start; });
    if (it == std::begin(kPropertyRanges)) return -1;
    --it;
    if (!(it->mask & kDecimal)) return -1;
    // Decimal digits come in runs of ten starting at zero, so a run's offset gives the value.
    return int((c - it->start) % 10);
}

std::string transform_decimal_and_space(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    size_t i = 0;
    while (i < s.size()) {
        char32_t c = utf8_decode(s, i);
        if (c < 0x80) {
            out.push_back(char(c));
        } else if (int d = char_decimal_value(c); d >= 0) {
            out.push_back(char('0' + d));
        } else if (char_is_space(c)) {
            out.push_back(' ');
        } else {
            out.push_back('?');
        }
    }
    return out;
}

void append_upper(std::string& out, char32_t c) {
    if (c < 0x80) {
        out.push_back(static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c));
        return;
    }
    const CaseMapping* m = find_mapping(c);
    m ? append_mapped(out, m->upper) : utf8_append(out, c);
}

void append_lower(std::string& out, char32_t c) {
    if (c < 0x80) {
        out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
        return;
    }
    const CaseMapping* m = find_mapping(c);
    m ? append_mapped(out, m->lower) : utf8_append(out, c);
}

void append_title(std::string& out, char32_t c) {
    if (c < 0x80) {
        out.push_back(static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c));
        return;
    }
    const CaseMapping* m = find_mapping(c);
    m ? append_mapped(out, m->title) : utf8_append(out, c);
}

void append_casefold(std::string& out, char32_t c) {
    if (c < 0x80) {
        out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
        return;
    }
    const CaseMapping* m = find_mapping(c);
    m ? append_mapped(out, m->fold) : utf8_append(out, c);
}

} // namespace ormsh::lang::text
