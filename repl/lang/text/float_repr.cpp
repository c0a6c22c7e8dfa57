// Float text conversions. Digits come from std::to_chars (shortest or correctly rounded with a
// precision); the layout rules (when to switch to exponent form, trailing zeros, '.0') follow
// CPython's format_float_short so every mode prints as CPython 3.11 does.
#include "repl/lang/text/float_repr.h"

#include "repl/lang/text/str_methods.h"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>

namespace ormsh::lang::text {

namespace {

constexpr int kReprExpThreshold = 16; // repr switches to exponent form at 1e16
constexpr int kMinFixedDecpt = -4;    // ... and below 1e-4
// A double's exact decimal expansion has at most 767 significant digits: past this many
// requested digits only zeros follow, so they are appended instead of computed.
constexpr int kMaxExactDigits = 780;

// Significant digits and the decimal point position of a finite non-negative double:
// value = 0.DIGITS * 10**decpt.
struct Digits {
    char buf[1000];
    int len = 0;
    int decpt = 0;
};

// precision < 0: shortest round-trip digits; otherwise exactly precision+1 significant digits.
void scientific_digits(double v, int precision, Digits& d) {
    char tmp[1000];
    auto res =
        precision < 0
            ? std::to_chars(tmp, tmp + sizeof tmp, v, std::chars_format::scientific)
            : std::to_chars(tmp, tmp + sizeof tmp, v, std::chars_format::scientific, precision);
    const char* end = res.ptr;
    const char* e = static_cast<const char*>(std::memchr(tmp, 'e', end - tmp));
    d.len = 0;
    for (const char* p = tmp; p < e; ++p)
        if (*p != '.') d.buf[d.len++] = *p;
    const char* exp_text = e + 1;
    if (*exp_text == '+') ++exp_text; // from_chars accepts '-' but not '+'
    int exp = 0;
    std::from_chars(exp_text, end, exp);
    d.decpt = exp + 1;
}

void append_exponent(std::string& out, int exp, char e_char) {
    out.push_back(e_char);
    out.push_back(exp < 0 ? '-' : '+');
    int a = exp < 0 ? -exp : exp;
    if (a < 10) out.push_back('0');
    char tmp[8];
    auto r = std::to_chars(tmp, tmp + sizeof tmp, a);
    out.append(tmp, r.ptr);
}

// Lays out digits in fixed or exponent notation like CPython's format_float_short.
void layout(std::string& out, const Digits& d, bool use_exp, bool alternate, bool add_dot_0,
            char e_char) {
    const int n = d.len;
    if (use_exp) {
        out.push_back(d.buf[0]);
        if (n > 1 || alternate) out.push_back('.');
        out.append(d.buf + 1, n - 1);
        append_exponent(out, d.decpt - 1, e_char);
        return;
    }
    if (d.decpt <= 0) {
        out.append("0.");
        out.append(-d.decpt, '0');
        out.append(d.buf, n);
    } else if (d.decpt >= n) {
        out.append(d.buf, n);
        out.append(d.decpt - n, '0');
        if (add_dot_0)
            out.append(".0");
        else if (alternate)
            out.push_back('.');
    } else {
        out.append(d.buf, d.decpt);
        out.push_back('.');
        out.append(d.buf + d.decpt, n - d.decpt);
    }
}

bool is_space_cp(char32_t c) {
    return char_is_space(c);
}

} // namespace

std::string format_float_magnitude(double v, char type, int precision, bool alternate,
                                   bool add_dot_0) {
    const bool upper = type == 'E' || type == 'F' || type == 'G';
    v = std::fabs(v);
    if (std::isnan(v) || std::isinf(v)) {
        std::string special = std::isnan(v) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
        if (type == '%') special.push_back('%');
        return special;
    }
    std::string out;
    Digits d;
    switch (type) {
    case 'f':
    case 'F':
    case '%': {
        if (type == '%') v *= 100;
        char tmp[1500];
        auto r = std::to_chars(tmp, tmp + sizeof tmp, v, std::chars_format::fixed, precision);
        if (r.ec != std::errc()) {
            // Precision beyond the buffer: only zeros follow the exact expansion.
            std::string s = format_float_magnitude(v, 'f', 1100, false, false);
            s.append(precision - 1100, '0');
            out = std::move(s);
        } else {
            out.assign(tmp, r.ptr);
        }
        if (alternate && precision == 0) out.push_back('.');
        if (type == '%') out.push_back('%');
        return out;
    }
    case 'e':
    case 'E': {
        if (precision > kMaxExactDigits) {
            scientific_digits(v, kMaxExactDigits, d);
            std::string digits(d.buf, d.len);
            digits.append(precision - kMaxExactDigits, '0');
            out.push_back(digits[0]);
            out.push_back('.');
            out.append(digits, 1);
            append_exponent(out, d.decpt - 1, upper ? 'E' : 'e');
            return out;
        }
        scientific_digits(v, precision, d);
        layout(out, d, true, alternate, false, upper ? 'E' : 'e');
        return out;
    }
    case 'g':
    case 'G': {
        if (precision == 0) precision = 1;
        const int extra_zeros = precision > kMaxExactDigits ? precision - kMaxExactDigits : 0;
        precision -= extra_zeros;
        scientific_digits(v, precision - 1, d);
        if (v == 0) d.decpt = 1;
        const int limit = add_dot_0 ? precision - 1 : precision;
        const bool use_exp = d.decpt <= kMinFixedDecpt || d.decpt > limit;
        if (!alternate) {
            while (d.len > 1 && d.buf[d.len - 1] == '0')
                --d.len;
        }
        layout(out, d, use_exp, alternate, add_dot_0, upper ? 'E' : 'e');
        if (alternate && extra_zeros > 0) {
            // '#' keeps trailing zeros up to the requested precision.
            const size_t at = use_exp ? out.find(upper ? 'E' : 'e') : out.size();
            out.insert(at, size_t(extra_zeros), '0');
        }
        return out;
    }
    default: { // 'r'
        scientific_digits(v, -1, d);
        if (v == 0) d.decpt = 1;
        const bool use_exp = d.decpt <= kMinFixedDecpt || d.decpt > kReprExpThreshold;
        layout(out, d, use_exp, alternate, true, 'e');
        return out;
    }
    }
}

void append_float_repr(std::string& out, double v) {
    if (std::isnan(v)) {
        out.append("nan");
        return;
    }
    if (std::signbit(v)) out.push_back('-');
    v = std::fabs(v);
    if (std::isinf(v)) {
        out.append("inf");
        return;
    }
    // Same as format_float_magnitude(v, 'r', ...) but straight into `out`: repr is hot.
    Digits d;
    scientific_digits(v, -1, d);
    if (v == 0) d.decpt = 1;
    const bool use_exp = d.decpt <= kMinFixedDecpt || d.decpt > kReprExpThreshold;
    layout(out, d, use_exp, false, true, 'e');
}

std::string float_repr(double v) {
    std::string out;
    out.reserve(24);
    append_float_repr(out, v);
    return out;
}

std::optional<double> parse_float(std::string_view text) {
    std::string transformed;
    if (!is_ascii(text)) {
        transformed = transform_decimal_and_space(text);
        text = transformed;
    }
    // Strip Python whitespace (ASCII and Unicode spaces).
    size_t b = 0, e = text.size();
    while (b < e) {
        size_t p = b;
        char32_t c = utf8_decode(text, p);
        if (!is_space_cp(c)) break;
        b = p;
    }
    while (e > b) {
        size_t p = e;
        char32_t c = utf8_decode_before(text, p);
        if (!is_space_cp(c)) break;
        e = p;
    }
    std::string_view s = text.substr(b, e - b);
    bool neg = false;
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
        neg = s[0] == '-';
        s.remove_prefix(1);
    }
    auto iequals = [](std::string_view a, std::string_view lower) {
        if (a.size() != lower.size()) return false;
        for (size_t i = 0; i < a.size(); ++i)
            if ((a[i] | 0x20) != lower[i]) return false;
        return true;
    };
    if (iequals(s, "inf") || iequals(s, "infinity")) return neg ? -HUGE_VAL : HUGE_VAL;
    if (iequals(s, "nan")) return neg ? -std::nan("") : std::nan("");

    // Validate the decimal grammar and drop the underscores (allowed only between digits).
    char stack_buf[128];
    std::string heap;
    char* clean = stack_buf;
    if (s.size() + 1 > sizeof stack_buf) {
        heap.resize(s.size() + 1);
        clean = heap.data();
    }
    size_t n = 0;
    size_t i = 0;
    auto digits = [&](bool& any) {
        bool prev_digit = false;
        while (i < s.size()) {
            char c = s[i];
            if (c >= '0' && c <= '9') {
                clean[n++] = c;
                prev_digit = true;
                any = true;
                ++i;
            } else if (c == '_') {
                if (!prev_digit || i + 1 >= s.size() || s[i + 1] < '0' || s[i + 1] > '9')
                    return false;
                prev_digit = false;
                ++i;
            } else {
                break;
            }
        }
        return true;
    };
    bool int_digits = false, frac_digits = false;
    if (!digits(int_digits)) return std::nullopt;
    if (i < s.size() && s[i] == '.') {
        clean[n++] = '.';
        ++i;
        if (!digits(frac_digits)) return std::nullopt;
    }
    if (!int_digits && !frac_digits) return std::nullopt;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        clean[n++] = 'e';
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) clean[n++] = s[i++];
        bool exp_digits = false;
        if (!digits(exp_digits) || !exp_digits) return std::nullopt;
    }
    if (i != s.size()) return std::nullopt;
    double value = 0;
    auto r = std::from_chars(clean, clean + n, value, std::chars_format::general);
    if (r.ec == std::errc::result_out_of_range || r.ptr != clean + n) {
        // from_chars reports overflow/underflow without a value; strtod gives inf or 0.
        clean[n] = '\0';
        value = std::strtod(clean, nullptr);
    }
    return neg ? -value : value;
}

std::string float_parse_error_message(std::string_view text) {
    return "could not convert string to float: " + str_repr(text);
}

} // namespace ormsh::lang::text
