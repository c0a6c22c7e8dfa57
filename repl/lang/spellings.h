// Keywords and operators, numbered once: the lexer stamps each keyword and operator token with
// its number, so the parser asks "is this `else`?" with one byte compare instead of a string
// compare. `Spelling("else")` is computed at compile time; a typo there does not compile.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace ormsh::lang {

// Keywords first (sorted, so the lexer finds those sharing a first letter together), then
// operators. A token's id is its index here plus one; 0 for every other token.
inline constexpr std::string_view kSpellings[] = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
    // Operators.
    "**=", "//=", ">>=", "<<=", "...", "**", "//", "<<", ">>", "<=", ">=", "==", "!=", "->",
    "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", ":=", "+", "-", "*", "/", "%", "@", "&",
    "|", "^", "~", "<", ">", "(", ")", "[", "]", "{", "}", ",", ":", ";", ".", "="};

inline constexpr int kSpellingCount = static_cast<int>(std::size(kSpellings));
inline constexpr int kKeywordCount = 35; // kSpellings[0 .. kKeywordCount) are the keywords
static_assert(kSpellings[kKeywordCount - 1] == "yield" && kSpellings[kKeywordCount] == "**=");

consteval uint8_t spelling_id(std::string_view text) {
    for (int i = 0; i < kSpellingCount; ++i)
        if (kSpellings[i] == text) return static_cast<uint8_t>(i + 1);
    throw "not a keyword or operator"; // reached only at compile time: a compile error
}

// A keyword or operator named in the parser's source, e.g. `accept_op(":")`.
struct Spelling {
    uint8_t id;
    const char* text;
    consteval Spelling(const char* s) : id(spelling_id(s)), text(s) {}
};

inline constexpr bool is_keyword_id(uint8_t id) {
    return id != 0 && id <= kKeywordCount;
}

// The keyword id of an identifier, or 0.
inline uint8_t keyword_id(std::string_view word) {
    // [first, last) keyword indexes per first letter.
    static constexpr auto ranges = [] {
        std::array<std::array<uint8_t, 2>, 128> r{};
        for (int i = 0; i < kKeywordCount; ++i) {
            auto c = static_cast<unsigned char>(kSpellings[i][0]);
            if (r[c][1] == 0) r[c][0] = static_cast<uint8_t>(i);
            r[c][1] = static_cast<uint8_t>(i + 1);
        }
        return r;
    }();
    if (word.size() < 2 || word.size() > 8) return 0;
    auto c = static_cast<unsigned char>(word[0]);
    if (c >= 128) return 0;
    for (int i = ranges[c][0]; i < ranges[c][1]; ++i) {
        // The first letters are equal; most candidates differ in length.
        std::string_view k = kSpellings[i];
        if (k.size() == word.size() &&
            std::memcmp(k.data() + 1, word.data() + 1, k.size() - 1) == 0)
            return static_cast<uint8_t>(i + 1);
    }
    return 0;
}

// The longest operator at the start of `text` (its id), or 0; `length` receives its length.
inline uint8_t operator_id(std::string_view text, size_t& length) {
    // Per first character, the operators starting with it, longest first.
    static constexpr auto candidates = [] {
        std::array<std::array<uint8_t, 5>, 128> r{};
        for (size_t len = 3; len >= 1; --len)
            for (int i = kKeywordCount; i < kSpellingCount; ++i) {
                if (kSpellings[i].size() != len) continue;
                auto& slot = r[static_cast<unsigned char>(kSpellings[i][0])];
                size_t n = 0;
                while (slot[n] != 0)
                    ++n;
                slot[n] = static_cast<uint8_t>(i + 1);
            }
        return r;
    }();
    if (text.empty() || static_cast<unsigned char>(text[0]) >= 128) return 0;
    for (uint8_t id : candidates[static_cast<unsigned char>(text[0])]) {
        if (id == 0) break;
        // Operators are one to three characters long and the first is equal.
        std::string_view op = kSpellings[id - 1];
        if (op.size() <= text.size() && (op.size() < 2 || op[1] == text[1]) &&
            (op.size() < 3 || op[2] == text[2])) {
            length = op.size();
            return id;
        }
    }
    return 0;
}

} // namespace ormsh::lang
