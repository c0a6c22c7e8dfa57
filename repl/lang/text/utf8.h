// UTF-8 primitives for the interpreter's str type: decode/encode code points, validation with the
// byte offset of the first bad byte, code-point counting and code-point -> byte offset mapping.
// Every routine has an ASCII fast path because almost every string a seed script touches is ASCII.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ormsh::lang::text {

inline constexpr char32_t kMaxCodePoint = 0x10FFFF;
inline constexpr char32_t kReplacementChar = 0xFFFD;

// True when every byte is < 0x80; then code-point indices equal byte offsets.
bool is_ascii(std::string_view s) noexcept;

// Byte offset of the first invalid sequence (overlong, surrogate, > U+10FFFF, truncated),
// or std::string_view::npos when `s` is valid UTF-8.
size_t utf8_invalid_offset(std::string_view s) noexcept;
inline bool utf8_valid(std::string_view s) noexcept {
    return utf8_invalid_offset(s) == std::string_view::npos;
}

// Where and why bytes.decode('utf-8') fails, as CPython's decoder reports it.
struct Utf8DecodeError {
    size_t start = 0; // byte offsets [start, end) of the bad sequence
    size_t end = 0;
    const char* reason = ""; // "invalid start byte", "invalid continuation byte",
                             // "unexpected end of data"
};
// nullopt when `bytes` is valid UTF-8.
std::optional<Utf8DecodeError> utf8_decode_error(std::string_view bytes) noexcept;
// "'utf-8' codec can't decode byte 0xff in position 2: invalid start byte" (UnicodeDecodeError).
std::string utf8_decode_error_message(std::string_view bytes, const Utf8DecodeError& error);

// Number of code points in valid UTF-8 (counts non-continuation bytes).
size_t utf8_length(std::string_view s) noexcept;

// Decodes the code point starting at s[pos] and advances pos past it. Assumes valid UTF-8
// (the interpreter validates at its boundaries); at end of input returns 0 and leaves pos.
inline char32_t utf8_decode(std::string_view s, size_t& pos) noexcept {
    if (pos >= s.size()) return 0;
    const auto b0 = static_cast<unsigned char>(s[pos]);
    if (b0 < 0x80) {
        ++pos;
        return b0;
    }
    auto cont = [&](size_t i) -> char32_t {
        return i < s.size() ? static_cast<unsigned char>(s[i]) & 0x3F : 0;
    };
    if (b0 < 0xE0) {
        char32_t c = ((b0 & 0x1F) << 6) | cont(pos + 1);
        pos += 2;
        return c;
    }
    if (b0 < 0xF0) {
        char32_t c = ((b0 & 0x0F) << 12) | (cont(pos + 1) << 6) | cont(pos + 2);
        pos += 3;
        return c;
    }
    char32_t c = ((b0 & 0x07) << 18) | (cont(pos + 1) << 12) | (cont(pos + 2) << 6) | cont(pos + 3);
    pos += 4;
    return c;
}

// Decodes the code point that ends just before s[pos] and moves pos back to its first byte.
inline char32_t utf8_decode_before(std::string_view s, size_t& pos) noexcept {
    size_t start = pos - 1;
    while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80)
        --start;
    size_t p = start;
    char32_t c = utf8_decode(s, p);
    pos = start;
    return c;
}

// Number of bytes the encoding of `cp` takes.
inline size_t utf8_width(char32_t cp) noexcept {
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

// Appends the UTF-8 encoding of `cp` (surrogates are encoded as-is, like Python's
// "surrogatepass", so a lone "\ud800" literal still round-trips through the interpreter).
void utf8_append(std::string& out, char32_t cp);
inline std::string utf8_encode(char32_t cp) {
    std::string s;
    utf8_append(s, cp);
    return s;
}

// Byte offset of code point number `index` (0 <= index <= length; index == length gives
// s.size()). O(1) when `ascii` is true, a forward scan otherwise.
size_t utf8_offset(std::string_view s, size_t index, bool ascii) noexcept;
inline size_t utf8_offset(std::string_view s, size_t index) noexcept {
    return utf8_offset(s, index, is_ascii(s));
}

// Code-point index of byte offset `offset` (which must start a code point).
size_t utf8_index_of_offset(std::string_view s, size_t offset) noexcept;

} // namespace ormsh::lang::text
