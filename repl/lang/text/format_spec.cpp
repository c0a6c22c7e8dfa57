// The format-spec mini-language. Layout follows CPython's calc_number_widths/fill_number: a
// number is split into sign, prefix, digits, decimal point and remainder, digits are grouped
// (with zero padding folded into the grouping when fill is '0' and align is '='), and the rest
// is padded to the width in code points.
#include "repl/lang/text/format_spec.h"

#include "repl/lang/text/errors.h"
#include "repl/lang/text/float_repr.h"
#include "repl/lang/text/int_text.h"
#include "repl/lang/text/utf8.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace ormsh::lang::text {

namespace {

constexpr int64_t kMaxSpecInteger = INT64_MAX / 10;
constexpr int kDefaultFloatPrecision = 6;

bool is_align(char c) {
    return c == '<' || c == '>' || c == '=' || c == '^';
}

// "'d'" or "'\x1'" as CPython prints a type code in messages.
std::string code_text(char32_t c) {
    if (c > 32 && c < 128) return std::string("'") + char(c) + "'";
    char buf[12];
    auto r = std::to_chars(buf, buf + sizeof buf, uint32_t(c), 16);
    return "'\\x" + std::string(buf, r.ptr) + "'";
}
std::string code_text(char c) {
    return code_text(char32_t(static_cast<unsigned char>(c)));
}

[[noreturn]] void unknown_code(char type, std::string_view type_name) {
    throw_value_error("Unknown format code " + code_text(type) + " for object of type '" +
                      std::string(type_name) + "'");
}

// Reads a decimal integer at spec[pos]; returns the number of digits consumed.
size_t read_integer(std::string_view spec, size_t& pos, int64_t& value) {
    size_t start = pos;
    value = 0;
    while (pos < spec.size() && spec[pos] >= '0' && spec[pos] <= '9') {
        if (value > kMaxSpecInteger) throw_value_error("Too many decimal digits in format string");
        value = value * 10 + (spec[pos] - '0');
        ++pos;
    }
    return pos - start;
}

// The digits of a number with thousands grouping and zero padding to min_width, as CPython's
// _PyUnicode_InsertThousandsGrouping lays them out.
std::string group_digits(std::string_view digits, int64_t min_width, int group, char sep) {
    std::string rev; // built right to left
    int64_t remaining = int64_t(digits.size());
    size_t next_digit = digits.size(); // digits[0, next_digit) still to place
    auto place = [&](int64_t len, bool with_sep) {
        if (with_sep) rev.push_back(sep);
        int64_t chars = std::max<int64_t>(0, std::min(remaining, len));
        int64_t zeros = std::max<int64_t>(0, len - remaining);
        for (int64_t i = 0; i < chars; ++i)
            rev.push_back(digits[--next_digit]);
        rev.append(size_t(zeros), '0');
        remaining -= chars;
    };
    bool use_sep = false;
    if (group > 0) {
        while (true) {
            int64_t len = std::min<int64_t>(group, std::max<int64_t>({remaining, min_width, 1}));
            place(len, use_sep);
            use_sep = true;
            min_width -= len;
            if (remaining <= 0 && min_width <= 0) return {rev.rbegin(), rev.rend()};
            min_width -= 1; // the separator
        }
    }
    place(std::max<int64_t>({remaining, min_width, 1}), false);
    return {rev.rbegin(), rev.rend()};
}

// Pieces of a formatted number before padding.
struct NumberParts {
    std::string_view sign;   // "", "-", "+", " "
    std::string_view prefix; // "0x" ...
    std::string_view digits; // the integer digit run (grouped)
    size_t digit_cps = 0;    // code points in digits ('c' may be multi-byte)
    std::string_view rest;   // '.', fraction, exponent, '%', 'inf'
};

std::string fill_number(const NumberParts& p, const FormatSpec& spec, char group_sep,
                        int group_size) {
    const char align = spec.align ? spec.align : '>';
    const int64_t non_digit = int64_t(p.sign.size() + p.prefix.size() + utf8_length(p.rest));
    const int64_t min_width = (spec.fill == "0" && align == '=') ? spec.width - non_digit : 0;
    std::string body;
    if (p.digit_cps == 0) {
        // Only 'inf'/'nan' have no digits; CPython skips grouping for them.
    } else if (group_sep || min_width > 0) {
        body = group_digits(p.digits, min_width, group_sep ? group_size : 0, group_sep);
    } else {
        body.assign(p.digits);
    }
    const int64_t body_cps = int64_t(utf8_length(body));
    const int64_t padding = spec.width - (non_digit + body_cps);
    int64_t left = 0, right = 0, middle = 0;
    if (padding > 0) {
        switch (align) {
        case '<':
            right = padding;
            break;
        case '^':
            left = padding / 2;
            right = padding - left;
            break;
        case '=':
            middle = padding;
            break;
        default:
            left = padding;
            break;
        }
    }
    std::string out;
    out.reserve(size_t(spec.width > 0 ? spec.width : 0) * spec.fill.size() + body.size() + 8);
    for (int64_t i = 0; i < left; ++i)
        out += spec.fill;
    out += p.sign;
    out += p.prefix;
    for (int64_t i = 0; i < middle; ++i)
        out += spec.fill;
    out += body;
    out += p.rest;
    for (int64_t i = 0; i < right; ++i)
        out += spec.fill;
    return out;
}

std::string_view sign_text(bool negative, char sign) {
    if (negative) return "-";
    if (sign == '+') return "+";
    if (sign == ' ') return " ";
    return "";
}

void check_int_spec(const FormatSpec& spec) {
    if (spec.precision != -1)
        throw_value_error("Precision not allowed in integer format specifier");
    if (spec.no_neg_0)
        throw_value_error("Negative zero coercion (z) not allowed in integer format specifier");
    if (spec.type == 'c') {
        if (spec.sign) throw_value_error("Sign not allowed with integer format specifier 'c'");
        if (spec.alternate)
            throw_value_error("Alternate form (#) not allowed with integer format specifier 'c'");
    }
}

bool is_float_code(char t) {
    return t == 'e' || t == 'E' || t == 'f' || t == 'F' || t == 'g' || t == 'G' || t == '%';
}

// Integer formatting over already computed magnitude digits.
std::string format_int_digits(bool negative, std::string digits, const FormatSpec& spec) {
    const char type = spec.type ? spec.type : 'd';
    std::string_view prefix;
    int group_size = 3;
    switch (type) {
    case 'b':
        prefix = "0b", group_size = 4;
        break;
    case 'o':
        prefix = "0o", group_size = 4;
        break;
    case 'x':
        prefix = "0x", group_size = 4;
        break;
    case 'X':
        prefix = "0X", group_size = 4;
        for (auto& c : digits)
            c = char(c >= 'a' && c <= 'z' ? c - 32 : c);
        break;
    default:
        break;
    }
    NumberParts p;
    p.sign = sign_text(negative, spec.sign);
    if (spec.alternate) p.prefix = prefix;
    p.digits = digits;
    p.digit_cps = digits.size();
    return fill_number(p, spec, type == 'n' ? '\0' : spec.grouping, group_size);
}

int base_of(char type) {
    switch (type) {
    case 'b':
        return 2;
    case 'o':
        return 8;
    case 'x':
    case 'X':
        return 16;
    default:
        return 10;
    }
}

std::string format_char(int64_t code, const FormatSpec& spec) {
    if (code < 0 || code > int64_t(kMaxCodePoint))
        throw_overflow_error("%c arg not in range(0x110000)");
    std::string ch = utf8_encode(char32_t(code));
    NumberParts p;
    p.digits = ch;
    p.digit_cps = 1;
    return fill_number(p, spec, '\0', 3);
}

} // namespace

FormatSpec parse_format_spec(std::string_view spec, FormatTarget target,
                             std::string_view type_name) {
    FormatSpec f;
    const char default_align = target == FormatTarget::Str ? '<' : '>';
    size_t pos = 0;
    const size_t end = spec.size();
    // A fill may be any code point, so look at the character after the first code point.
    size_t first_end = 0;
    if (end > 0) utf8_decode(spec, first_end);
    if (end > first_end && is_align(spec[first_end])) {
        f.fill = std::string(spec.substr(0, first_end));
        f.align = spec[first_end];
        f.fill_specified = f.align_specified = true;
        pos = first_end + 1;
    } else if (end > 0 && is_align(spec[0])) {
        f.align = spec[0];
        f.align_specified = true;
        pos = 1;
    }
    if (pos < end && (spec[pos] == '+' || spec[pos] == '-' || spec[pos] == ' '))
        f.sign = spec[pos++];
    if (pos < end && spec[pos] == 'z') f.no_neg_0 = true, ++pos;
    if (pos < end && spec[pos] == '#') f.alternate = true, ++pos;
    if (!f.fill_specified && pos < end && spec[pos] == '0') {
        f.fill = "0";
        if (!f.align_specified && default_align == '>') f.align = '=';
        ++pos;
    }
    int64_t value = 0;
    if (read_integer(spec, pos, value) > 0) f.width = value;
    if (pos < end && spec[pos] == ',') f.grouping = ',', ++pos;
    if (pos < end && spec[pos] == '_') {
        if (f.grouping) throw_value_error("Cannot specify both ',' and '_'.");
        f.grouping = '_';
        ++pos;
    }
    if (pos < end && spec[pos] == ',' && f.grouping == '_')
        throw_value_error("Cannot specify both ',' and '_'.");
    if (pos < end && spec[pos] == '.') {
        ++pos;
        if (read_integer(spec, pos, value) == 0)
            throw_value_error("Format specifier missing precision");
        f.precision = value;
    }
    if (end - pos > 1 && static_cast<unsigned char>(spec[pos]) >= 0x80) {
        // A single non-ASCII type character: no type accepts it, so report it as CPython does.
        size_t p = pos;
        const char32_t cp = utf8_decode(spec, p);
        if (p == end) {
            if (f.grouping)
                throw_value_error(std::string("Cannot specify '") + f.grouping + "' with " +
                                  code_text(cp) + ".");
            throw_value_error("Unknown format code " + code_text(cp) + " for object of type '" +
                              std::string(type_name) + "'");
        }
    }
    if (end - pos > 1) {
        throw_value_error("Invalid format specifier '" + std::string(spec) +
                          "' for object of type '" + std::string(type_name) + "'");
    }
    if (end - pos == 1)
        f.type = spec[pos];
    else if (target == FormatTarget::Str)
        f.type = 's';
    else if (target == FormatTarget::Int)
        f.type = 'd';
    if (f.grouping) {
        switch (f.type) {
        case 'd':
        case 'e':
        case 'f':
        case 'g':
        case 'E':
        case 'G':
        case '%':
        case 'F':
        case '\0':
            break;
        case 'b':
        case 'o':
        case 'x':
        case 'X':
            if (f.grouping == '_') break;
            [[fallthrough]];
        default:
            throw_value_error(std::string("Cannot specify '") + f.grouping + "' with " +
                              code_text(f.type) + ".");
        }
    }
    return f;
}

std::string format_int(int64_t v, const FormatSpec& spec, std::string_view type_name) {
    const char type = spec.type ? spec.type : 'd';
    if (is_float_code(type)) return format_float(double(v), spec, type_name);
    if (type != 'b' && type != 'c' && type != 'd' && type != 'o' && type != 'x' && type != 'X' &&
        type != 'n')
        unknown_code(type, type_name);
    check_int_spec(spec);
    if (type == 'c') return format_char(v, spec);
    const uint64_t mag = v < 0 ? uint64_t(0) - uint64_t(v) : uint64_t(v);
    char buf[72];
    auto r = std::to_chars(buf, buf + sizeof buf, mag, base_of(type));
    return format_int_digits(v < 0, std::string(buf, r.ptr), spec);
}

std::string format_int(const BigInt& v, const FormatSpec& spec, std::string_view type_name) {
    if (auto small = v.to_int64()) return format_int(*small, spec, type_name);
    const char type = spec.type ? spec.type : 'd';
    if (is_float_code(type)) {
        auto d = v.to_double();
        if (!d) throw_overflow_error("int too large to convert to float");
        return format_float(*d, spec, type_name);
    }
    if (type != 'b' && type != 'c' && type != 'd' && type != 'o' && type != 'x' && type != 'X' &&
        type != 'n')
        unknown_code(type, type_name);
    check_int_spec(spec);
    if (type == 'c') throw_overflow_error("Python int too large to convert to C long");
    std::string digits =
        base_of(type) == 10 ? int_to_string(v.abs(), 10) : v.abs().to_string_base(base_of(type));
    return format_int_digits(v.is_negative(), std::move(digits), spec);
}

std::string format_float(double v, const FormatSpec& spec, std::string_view type_name) {
    char type = spec.type;
    bool add_dot_0 = false;
    int64_t precision = spec.precision;
    switch (type) {
    case '\0':
        add_dot_0 = true;
        type = precision < 0 ? 'r' : 'g';
        break;
    case 'n':
        type = 'g';
        break;
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case '%':
        break;
    default:
        unknown_code(type, type_name);
    }
    if (precision < 0) precision = kDefaultFloatPrecision;
    if (precision > INT32_MAX) throw_value_error("precision too big");
    std::string mag = format_float_magnitude(v, type, int(precision), spec.alternate, add_dot_0);
    bool negative = std::signbit(v) && !std::isnan(v);
    if (negative && spec.no_neg_0) {
        bool all_zero = true;
        for (char c : mag) {
            if (c == 'e' || c == 'E' || c == '%') break;
            if (c != '0' && c != '.') all_zero = false;
        }
        if (all_zero) negative = false;
    }
    NumberParts p;
    p.sign = sign_text(negative, spec.sign);
    size_t n = 0;
    while (n < mag.size() && mag[n] >= '0' && mag[n] <= '9')
        ++n;
    p.digits = std::string_view(mag).substr(0, n);
    p.digit_cps = n;
    p.rest = std::string_view(mag).substr(n);
    return fill_number(p, spec, spec.grouping, 3);
}

std::string format_str(std::string_view s, const FormatSpec& spec, std::string_view type_name) {
    if (spec.type != 's' && spec.type != '\0') unknown_code(spec.type, type_name);
    if (spec.sign) throw_value_error("Sign not allowed in string format specifier");
    if (spec.no_neg_0)
        throw_value_error("Negative zero coercion (z) not allowed in string format specifier");
    if (spec.alternate)
        throw_value_error("Alternate form (#) not allowed in string format specifier");
    if (spec.align == '=')
        throw_value_error("'=' alignment not allowed in string format specifier");
    const bool ascii = is_ascii(s);
    int64_t len = ascii ? int64_t(s.size()) : int64_t(utf8_length(s));
    if (spec.precision >= 0 && spec.precision < len) {
        s = s.substr(0, utf8_offset(s, size_t(spec.precision), ascii));
        len = spec.precision;
    }
    if (spec.width <= len) return std::string(s);
    const int64_t padding = spec.width - len;
    int64_t left = 0, right = 0;
    switch (spec.align) {
    case '>':
        left = padding;
        break;
    case '^':
        left = padding / 2;
        right = padding - left;
        break;
    default:
        right = padding;
        break;
    }
    std::string out;
    out.reserve(s.size() + size_t(padding) * spec.fill.size());
    for (int64_t i = 0; i < left; ++i)
        out += spec.fill;
    out += s;
    for (int64_t i = 0; i < right; ++i)
        out += spec.fill;
    return out;
}

std::string format_int(int64_t v, std::string_view spec) {
    return format_int(v, parse_format_spec(spec, FormatTarget::Int, "int"));
}

std::string format_int(const BigInt& v, std::string_view spec) {
    return format_int(v, parse_format_spec(spec, FormatTarget::Int, "int"));
}

std::string format_float(double v, std::string_view spec) {
    return format_float(v, parse_format_spec(spec, FormatTarget::Float, "float"));
}

std::string format_str(std::string_view s, std::string_view spec) {
    return format_str(s, parse_format_spec(spec, FormatTarget::Str, "str"));
}

} // namespace ormsh::lang::text
