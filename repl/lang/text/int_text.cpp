// int text conversions. Small values never touch BigInt: int64 parsing accumulates with
// overflow checks and only falls back to BigInt::from_digits past 18 decimal digits.
#include "repl/lang/text/int_text.h"

#include "repl/lang/text/errors.h"
#include "repl/lang/text/str_methods.h"

#include <charconv>

namespace ormsh::lang::text {

namespace {

const char* prefix_for(int base) {
    switch (base) {
    case 2:
        return "0b";
    case 8:
        return "0o";
    case 16:
        return "0x";
    default:
        return "";
    }
}

int digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

[[noreturn]] void throw_digit_limit_output() {
    throw_value_error("Exceeds the limit (4300 digits) for integer string conversion; use "
                      "sys.set_int_max_str_digits() to increase the limit");
}

} // namespace

IntValue normalize_int(BigInt v) {
    if (auto small = v.to_int64()) return *small;
    return v;
}

void append_int(std::string& out, int64_t v) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
}

std::string int_to_string(int64_t v, int base) {
    if (base == 10) {
        std::string out;
        append_int(out, v);
        return out;
    }
    char buf[72];
    const uint64_t mag = v < 0 ? uint64_t(0) - uint64_t(v) : uint64_t(v);
    auto r = std::to_chars(buf, buf + sizeof buf, mag, base);
    std::string out;
    if (v < 0) out.push_back('-');
    out.append(prefix_for(base));
    out.append(buf, r.ptr);
    return out;
}

std::string int_to_string(const BigInt& v, int base) {
    if (base == 10) {
        // CPython refuses before converting when the value certainly has > 4300 digits; the
        // bit-length estimate (log10(2) ~ 0.30103) is exact enough at this scale.
        if (v.bit_length() > 14300) throw_digit_limit_output();
        std::string s = v.to_string();
        if (s.size() - (v.is_negative() ? 1 : 0) > size_t(kIntMaxStrDigits))
            throw_digit_limit_output();
        return s;
    }
    std::string digits = v.to_string_base(base);
    if (v.is_negative()) return "-" + std::string(prefix_for(base)) + digits.substr(1);
    return prefix_for(base) + digits;
}

std::string int_to_string(const IntValue& v, int base) {
    return std::visit([base](const auto& x) { return int_to_string(x, base); }, v);
}

std::optional<IntValue> parse_int(std::string_view text, int base) {
    if (base != 0 && (base < 2 || base > 36))
        throw_value_error("int() base must be >= 2 and <= 36, or 0");
    std::string transformed;
    if (!is_ascii(text)) {
        transformed = transform_decimal_and_space(text);
        text = transformed;
    }
    std::string_view s = str_strip(text);
    bool neg = false;
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
        neg = s[0] == '-';
        s.remove_prefix(1);
    }
    if (s.empty()) return std::nullopt;
    bool after_prefix = false;
    if (s.size() >= 2 && s[0] == '0') {
        const char p = char(s[1] | 0x20);
        const int prefix_base = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
        if (prefix_base && (base == 0 || base == prefix_base)) {
            base = prefix_base;
            s.remove_prefix(2);
            after_prefix = true;
        }
    }
    bool leading_zero_literal = false;
    if (base == 0) {
        base = 10;
        // Base 0 forbids leading zeros in a non-zero decimal literal ("010").
        leading_zero_literal = s[0] == '0';
    }
    // Validate underscores and digits, collecting the digits.
    std::string digits;
    digits.reserve(s.size());
    bool prev_digit = after_prefix; // an underscore may follow the prefix directly
    bool nonzero = false;
    for (size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '_') {
            if (!prev_digit) return std::nullopt;
            prev_digit = false;
            continue;
        }
        if (digit_value(c) >= base) return std::nullopt;
        nonzero |= c != '0';
        digits.push_back(c);
        prev_digit = true;
    }
    if (digits.empty() || !prev_digit) return std::nullopt;
    if (leading_zero_literal && nonzero) return std::nullopt;
    if (base == 10 && digits.size() > size_t(kIntMaxStrDigits)) {
        throw_value_error("Exceeds the limit (4300 digits) for integer string conversion: value "
                          "has " +
                          std::to_string(digits.size()) +
                          " digits; use sys.set_int_max_str_digits() to increase the limit");
    }
    uint64_t acc = 0;
    bool overflow = false;
    for (char c : digits) {
        if (__builtin_mul_overflow(acc, uint64_t(base), &acc) ||
            __builtin_add_overflow(acc, uint64_t(digit_value(c)), &acc)) {
            overflow = true;
            break;
        }
    }
    if (!overflow) {
        if (!neg && acc <= uint64_t(INT64_MAX)) return IntValue(int64_t(acc));
        if (neg && acc <= (uint64_t(1) << 63)) return IntValue(int64_t(uint64_t(0) - acc));
    }
    BigInt big = *BigInt::from_digits(digits, base);
    if (neg) big = -big;
    return normalize_int(std::move(big));
}

std::string int_parse_error_message(std::string_view text, int base) {
    // CPython formats the literal with %.200R: its repr cut to 200 code points.
    constexpr size_t kMaxReprChars = 200;
    std::string repr = str_repr(text);
    const size_t cut = utf8_offset(repr, kMaxReprChars);
    repr.resize(cut);
    return "invalid literal for int() with base " + std::to_string(base) + ": " + repr;
}

} // namespace ormsh::lang::text
