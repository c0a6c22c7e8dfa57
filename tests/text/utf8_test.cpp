// UTF-8 primitives: validation offsets, counting, offsets and round trips.
#include "repl/lang/text/utf8.h"
#include "tests/text/text_cases.h"

#include <gtest/gtest.h>
#include <iterator>
#include <vector>

namespace {
#include "tests/text/cases_utf8.inc"
} // namespace

using namespace ormsh::lang::text;

TEST(Utf8, DecodeErrorsMatchCPython) {
    for (const auto& c : kUtf8Decode) {
        auto e = utf8_decode_error(c.bytes);
        EXPECT_EQ(e ? utf8_decode_error_message(c.bytes, *e) : "", c.message);
    }
}

TEST(Utf8, AsciiDetection) {
    EXPECT_TRUE(is_ascii(""));
    EXPECT_TRUE(is_ascii("hello world, this is long ascii text"));
    EXPECT_FALSE(is_ascii("hello world, this is long ascii t\xc3\xa9xt"));
    EXPECT_FALSE(is_ascii("\xc3\xa9"));
}

TEST(Utf8, Validation) {
    EXPECT_EQ(utf8_invalid_offset("abc"), std::string_view::npos);
    EXPECT_EQ(utf8_invalid_offset("h\xc3\xa9llo \xe6\x97\xa5 \xf0\x9f\x98\x80"),
              std::string_view::npos);
    EXPECT_EQ(utf8_invalid_offset("ab\xff"), 2u);
    EXPECT_EQ(utf8_invalid_offset("abcdefghij\xc3"), 10u);  // truncated
    EXPECT_EQ(utf8_invalid_offset("a\xc0\xaf"), 1u);        // overlong
    EXPECT_EQ(utf8_invalid_offset("ab\xed\xa0\x80"), 2u);   // surrogate
    EXPECT_EQ(utf8_invalid_offset("\xf4\x90\x80\x80"), 0u); // > U+10FFFF
    EXPECT_EQ(utf8_invalid_offset("abc\xe6\x97"), 3u);      // truncated 3-byte
    EXPECT_EQ(utf8_invalid_offset("\xe0\x80\x80"), 0u);     // overlong 3-byte
    EXPECT_TRUE(utf8_valid("\xf4\x8f\xbf\xbf"));
}

TEST(Utf8, LengthAndOffsets) {
    std::string_view s = "h\xc3\xa9llo \xe6\x97\xa5\xf0\x9f\x98\x80 and some more ascii";
    EXPECT_EQ(utf8_length(s), 28u);
    EXPECT_EQ(utf8_offset(s, 0), 0u);
    EXPECT_EQ(utf8_offset(s, 2), 3u);
    EXPECT_EQ(utf8_offset(s, 7), 10u);
    EXPECT_EQ(utf8_offset(s, 8), 14u);
    EXPECT_EQ(utf8_offset(s, 28), s.size());
    EXPECT_EQ(utf8_index_of_offset(s, 14), 8u);
    std::string ascii(100, 'x');
    EXPECT_EQ(utf8_offset(ascii, 57), 57u);
    EXPECT_EQ(utf8_offset(ascii, 57, false), 57u);
}

TEST(Utf8, RoundTrip) {
    for (char32_t cp : {0x0u, 0x41u, 0x7Fu, 0x80u, 0x7FFu, 0x800u, 0xFFFFu, 0x10000u, 0x10FFFFu}) {
        std::string enc = utf8_encode(cp);
        EXPECT_EQ(enc.size(), utf8_width(cp));
        size_t pos = 0;
        EXPECT_EQ(utf8_decode(enc, pos), cp);
        EXPECT_EQ(pos, enc.size());
        size_t back = enc.size();
        EXPECT_EQ(utf8_decode_before(enc, back), cp);
        EXPECT_EQ(back, 0u);
    }
}

TEST(Utf8, OffsetsMatchNaiveDecoding) {
    // Mixed-width strings of many lengths, checked against a plain decode loop.
    const char32_t alphabet[] = {U'a', U'Z', 0xE9, 0x3A3, 0x65E5, 0x1F600, U' ', 0x7FF, 0x800};
    uint32_t seed = 12345;
    for (int round = 0; round < 200; ++round) {
        std::string s;
        std::vector<size_t> starts;
        const int len = round % 50;
        for (int k = 0; k < len; ++k) {
            seed = seed * 1103515245 + 12345;
            starts.push_back(s.size());
            utf8_append(s, alphabet[(seed >> 16) % std::size(alphabet)]);
        }
        starts.push_back(s.size());
        ASSERT_EQ(utf8_length(s), size_t(len));
        ASSERT_TRUE(utf8_valid(s));
        for (int k = 0; k <= len; ++k) {
            EXPECT_EQ(utf8_offset(s, size_t(k)), starts[size_t(k)]) << "len " << len << " k " << k;
            EXPECT_EQ(utf8_index_of_offset(s, starts[size_t(k)]), size_t(k));
        }
    }
}
