// UTF-8 primitives: validation, counting and offset mapping, with word-at-a-time ASCII scans.
// The interpreter calls these on every len(), index and slice of a str, so they must be cheap.
#include "repl/lang/text/utf8.h"

#include <cstdio>
#include <cstring>

namespace ormsh::lang::text {

namespace {

constexpr uint64_t kHighBits = 0x8080808080808080ULL;

inline uint64_t load8(const char* p) noexcept {
    uint64_t w;
    std::memcpy(&w, p, sizeof w);
    return w;
}

} // namespace

bool is_ascii(std::string_view s) noexcept {
    const char* p = s.data();
    size_t n = s.size();
    if (n >= 8) {
        // Whole words, the last one overlapping the previous: no byte-by-byte tail.
        uint64_t acc = load8(p + n - 8);
        for (size_t i = 0; i + 8 <= n; i += 8)
            acc |= load8(p + i);
        return (acc & kHighBits) == 0;
    }
    unsigned acc = 0;
    for (size_t i = 0; i < n; ++i)
        acc |= static_cast<unsigned char>(p[i]);
    return acc < 0x80;
}

size_t utf8_invalid_offset(std::string_view s) noexcept {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const size_t n = s.size();
    size_t i = 0;
    while (i < n) {
        if (i + 8 <= n && (load8(s.data() + i) & kHighBits) == 0) {
            i += 8;
            continue;
        }
        const unsigned char b0 = p[i];
        if (b0 < 0x80) {
            ++i;
            continue;
        }
        size_t need;
        char32_t cp;
        char32_t min;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            need = 1, cp = b0 & 0x1F, min = 0x80;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            need = 2, cp = b0 & 0x0F, min = 0x800;
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            need = 3, cp = b0 & 0x07, min = 0x10000;
        } else {
            return i;
        }
        for (size_t k = 1; k <= need; ++k) {
            if (i + k >= n || (p[i + k] & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if (cp < min || cp > kMaxCodePoint || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
        i += need + 1;
    }
    return std::string_view::npos;
}

std::optional<Utf8DecodeError> utf8_decode_error(std::string_view bytes) noexcept {
    const size_t bad = utf8_invalid_offset(bytes);
    if (bad == std::string_view::npos) return std::nullopt;
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const size_t n = bytes.size();
    const unsigned char b0 = p[bad];
    Utf8DecodeError e;
    e.start = bad;
    e.end = bad + 1;
    if (b0 < 0xC2 || b0 > 0xF4) {
        e.reason = "invalid start byte";
        return e;
    }
    const size_t need = b0 < 0xE0 ? 1 : b0 < 0xF0 ? 2 : 3;
    // The second byte's range excludes overlongs, surrogates and code points past U+10FFFF.
    unsigned char lo = 0x80, hi = 0xBF;
    if (b0 == 0xE0)
        lo = 0xA0;
    else if (b0 == 0xED)
        hi = 0x9F;
    else if (b0 == 0xF0)
        lo = 0x90;
    else if (b0 == 0xF4)
        hi = 0x8F;
    for (size_t k = 1; k <= need; ++k) {
        if (bad + k >= n) {
            e.end = n;
            e.reason = "unexpected end of data";
            return e;
        }
        const unsigned char b = p[bad + k];
        if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) {
            e.end = bad + k;
            e.reason = "invalid continuation byte";
            return e;
        }
    }
    e.reason = "invalid continuation byte"; // not reached for input utf8_invalid_offset rejects
    return e;
}

std::string utf8_decode_error_message(std::string_view bytes, const Utf8DecodeError& error) {
    char buf[96];
    if (error.end - error.start == 1) {
        std::snprintf(buf, sizeof buf, "'utf-8' codec can't decode byte 0x%02x in position %zu: ",
                      static_cast<unsigned char>(bytes[error.start]), error.start);
    } else {
        std::snprintf(buf, sizeof buf,
                      "'utf-8' codec can't decode bytes in position %zu-%zu: ", error.start,
                      error.end - 1);
    }
    return std::string(buf) + error.reason;
}

size_t utf8_length(std::string_view s) noexcept {
    const char* p = s.data();
    const size_t n = s.size();
    size_t count = 0;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w = load8(p + i);
        // A continuation byte is 10xxxxxx: bit 7 set and bit 6 clear.
        uint64_t cont = w & ~(w << 1) & kHighBits;
        count += 8 - static_cast<size_t>(__builtin_popcountll(cont));
    }
    for (; i < n; ++i)
        count += (static_cast<unsigned char>(p[i]) & 0xC0) != 0x80;
    return count;
}

void utf8_append(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        char b[2] = {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
        out.append(b, 2);
    } else if (cp < 0x10000) {
        char b[3] = {static_cast<char>(0xE0 | (cp >> 12)),
                     static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
                     static_cast<char>(0x80 | (cp & 0x3F))};
        out.append(b, 3);
    } else {
        char b[4] = {
            static_cast<char>(0xF0 | (cp >> 18)), static_cast<char>(0x80 | ((cp >> 12) & 0x3F)),
            static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), static_cast<char>(0x80 | (cp & 0x3F))};
        out.append(b, 4);
    }
}

size_t utf8_offset(std::string_view s, size_t index, bool ascii) noexcept {
    if (ascii) return index < s.size() ? index : s.size();
    const char* p = s.data();
    const size_t n = s.size();
    size_t i = 0;
    size_t seen = 0; // code points starting before byte i
    // Skip whole words while the wanted code point starts beyond them.
    while (i + 8 <= n) {
        uint64_t w = load8(p + i);
        uint64_t cont = w & ~(w << 1) & kHighBits;
        size_t starts = 8 - static_cast<size_t>(__builtin_popcountll(cont));
        if (seen + starts > index) break;
        seen += starts;
        i += 8;
    }
    for (; i < n; ++i) {
        if ((static_cast<unsigned char>(p[i]) & 0xC0) != 0x80) {
            if (seen == index) return i;
            ++seen;
        }
    }
    return n;
}

size_t utf8_index_of_offset(std::string_view s, size_t offset) noexcept {
    return utf8_length(s.substr(0, offset < s.size() ? offset : s.size()));
}

} // namespace ormsh::lang::text
