// printf-style formatting, following CPython's unicode_format_arg_parse/format/output:
// parse one %-spec, fetch its argument, convert to text, then apply sign, zero or space padding.
#include "repl/lang/text/percent_format.h"

#include "repl/lang/text/errors.h"
#include "repl/lang/text/float_repr.h"
#include "repl/lang/text/str_repr.h"
#include "repl/lang/text/utf8.h"

#include <charconv>
#include <cmath>

namespace ormsh::lang::text {

namespace {

enum Flag : unsigned { kLeft = 1, kSign = 2, kBlank = 4, kAlt = 8, kZero = 16 };
constexpr int kDefaultFloatPrecision = 6;

struct Spec {
    unsigned flags = 0;
    int64_t width = -1;
    int64_t precision = -1;
    char32_t conversion = 0;
};

// Walks the argument list the way CPython's unicode_format_getnextarg does: a tuple hands out
// its items; a single value (or the value a %(key) looked up) can be taken exactly once.
class ArgCursor {
public:
    explicit ArgCursor(PercentArgs& args) : args_(args), len_(args.tuple_size()) {
        index_ = len_ < 0 ? -2 : 0;
    }
    ArgRef next() {
        if (index_ < len_) {
            const int64_t i = index_++;
            if (len_ >= 0) return args_.positional(i);
            return single_ ? *single_ : args_.positional(0);
        }
        throw_type_error("not enough arguments for format string");
    }
    bool all_used() const { return index_ >= len_; }
    // After %(key), the looked-up value replaces the operand for the rest of this conversion.
    void use_value(ArgRef value) {
        single_ = value;
        len_ = -1;
        index_ = -2;
    }

private:
    PercentArgs& args_;
    int64_t len_;
    int64_t index_;
    std::optional<ArgRef> single_;
};

std::string int_text(const IntValue& v, char type, bool alt, int64_t precision) {
    const int base = type == 'x' || type == 'X' ? 16 : type == 'o' ? 8 : 10;
    bool negative = false;
    std::string digits;
    if (const auto* small = std::get_if<int64_t>(&v)) {
        negative = *small < 0;
        const uint64_t mag = negative ? uint64_t(0) - uint64_t(*small) : uint64_t(*small);
        char buf[72];
        auto r = std::to_chars(buf, buf + sizeof buf, mag, base);
        digits.assign(buf, r.ptr);
    } else {
        const BigInt& big = std::get<BigInt>(v);
        negative = big.is_negative();
        digits = base == 10 ? int_to_string(big.abs(), 10) : big.abs().to_string_base(base);
    }
    if (type == 'X')
        for (auto& c : digits)
            c = char(c >= 'a' && c <= 'z' ? c - 32 : c);
    std::string out;
    if (negative) out.push_back('-');
    if (alt && base != 10) out.append(type == 'X' ? "0X" : type == 'x' ? "0x" : "0o");
    if (precision > int64_t(digits.size())) out.append(size_t(precision) - digits.size(), '0');
    out += digits;
    return out;
}

IntValue int_from_float(double d) {
    if (std::isnan(d)) throw_value_error("cannot convert float NaN to integer");
    if (std::isinf(d)) throw_overflow_error("cannot convert float infinity to integer");
    return normalize_int(*BigInt::from_double(d));
}

double float_of(PercentArgs& args, ArgRef ref) {
    if (auto i = args.as_int(ref)) {
        if (const auto* small = std::get_if<int64_t>(&*i)) return double(*small);
        auto d = std::get<BigInt>(*i).to_double();
        if (!d) throw_overflow_error("int too large to convert to float");
        return *d;
    }
    if (auto d = args.as_float(ref)) return *d;
    throw_type_error("must be real number, not " + args.type_name(ref));
}

// Pads converted text; `numeric` enables sign flags and zero padding.
void output(std::string& out, std::string_view text, const Spec& spec, bool numeric) {
    std::string_view sign;
    char sign_buf = 0;
    if (numeric) {
        if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
            sign = text.substr(0, 1);
            text.remove_prefix(1);
        } else if (spec.flags & kSign) {
            sign_buf = '+';
        } else if (spec.flags & kBlank) {
            sign_buf = ' ';
        }
        if (sign_buf) sign = std::string_view(&sign_buf, 1);
    }
    std::string_view prefix;
    const char conv = char(spec.conversion);
    if (numeric && (spec.flags & kAlt) && (conv == 'x' || conv == 'X' || conv == 'o') &&
        text.size() >= 2 && text[0] == '0') {
        prefix = text.substr(0, 2);
        text.remove_prefix(2);
    }
    // Without a width the text's length in code points is not needed.
    const int64_t len =
        spec.width > 0 ? int64_t(sign.size() + prefix.size() + utf8_length(text)) : 0;
    const int64_t pad = spec.width > len ? spec.width - len : 0;
    const bool zero = numeric && (spec.flags & kZero) && !(spec.flags & kLeft);
    if (!(spec.flags & kLeft) && !zero) out.append(size_t(pad), ' ');
    out += sign;
    out += prefix;
    if (zero) out.append(size_t(pad), '0');
    out += text;
    if (spec.flags & kLeft) out.append(size_t(pad), ' ');
}

int64_t star_value(PercentArgs& args, ArgCursor& cursor) {
    ArgRef ref = cursor.next();
    auto v = args.as_int(ref);
    if (!v || !std::holds_alternative<int64_t>(*v)) throw_type_error("* wants int");
    return std::get<int64_t>(*v);
}

} // namespace

std::string PercentArgs::ascii(ArgRef arg) {
    return ascii_escape(repr(arg));
}

std::string percent_format(std::string_view fmt, PercentArgs& args) {
    std::string out;
    out.reserve(fmt.size() + 16);
    ArgCursor cursor(args);
    const bool mapping = args.is_mapping();
    size_t i = 0;
    const size_t n = fmt.size();
    while (i < n) {
        size_t pct = fmt.find('%', i);
        if (pct == std::string_view::npos) {
            out.append(fmt.substr(i));
            break;
        }
        out.append(fmt.substr(i, pct - i));
        i = pct + 1;
        if (i >= n) throw_value_error("incomplete format");
        if (fmt[i] == '%') {
            out.push_back('%');
            ++i;
            continue;
        }
        if (fmt[i] == '(') {
            if (!mapping) throw_type_error("format requires a mapping");
            size_t key_start = ++i;
            int depth = 1;
            while (i < n && depth > 0) {
                if (fmt[i] == '(')
                    ++depth;
                else if (fmt[i] == ')')
                    --depth;
                ++i;
            }
            if (depth > 0) throw_value_error("incomplete format key");
            std::string_view key = fmt.substr(key_start, i - 1 - key_start);
            const std::optional<ArgRef> value = args.lookup(key);
            if (!value) throw FormatError(ErrorKind::KeyError, std::string(key));
            cursor.use_value(*value);
        }
        Spec spec;
        for (; i < n; ++i) {
            const char c = fmt[i];
            if (c == '-')
                spec.flags |= kLeft;
            else if (c == '+')
                spec.flags |= kSign;
            else if (c == ' ')
                spec.flags |= kBlank;
            else if (c == '#')
                spec.flags |= kAlt;
            else if (c == '0')
                spec.flags |= kZero;
            else
                break;
        }
        if (i < n && fmt[i] == '*') {
            spec.width = star_value(args, cursor);
            if (spec.width < 0) {
                spec.flags |= kLeft;
                spec.width = -spec.width;
            }
            ++i;
        } else {
            while (i < n && fmt[i] >= '0' && fmt[i] <= '9') {
                if (spec.width < 0) spec.width = 0;
                spec.width = spec.width * 10 + (fmt[i++] - '0');
                if (spec.width > INT32_MAX) throw_value_error("width too big");
            }
        }
        if (i < n && fmt[i] == '.') {
            ++i;
            spec.precision = 0;
            if (i < n && fmt[i] == '*') {
                spec.precision = star_value(args, cursor);
                if (spec.precision < 0) spec.precision = 0;
                ++i;
            } else {
                while (i < n && fmt[i] >= '0' && fmt[i] <= '9') {
                    spec.precision = spec.precision * 10 + (fmt[i++] - '0');
                    if (spec.precision > INT32_MAX) throw_value_error("precision too big");
                }
            }
        }
        // CPython ignores one C length modifier: "%ld", "%hi", "%Lf".
        if (i < n && (fmt[i] == 'h' || fmt[i] == 'l' || fmt[i] == 'L')) ++i;
        if (i >= n) throw_value_error("incomplete format");
        const size_t conv_pos = i;
        spec.conversion = utf8_decode(fmt, i);
        // Only an immediate "%%" is a literal: "%5%" takes an argument and is then rejected.
        const ArgRef ref = cursor.next();
        switch (spec.conversion) {
        case 's':
        case 'r':
        case 'a': {
            std::string text = spec.conversion == 's'   ? args.str(ref)
                               : spec.conversion == 'r' ? args.repr(ref)
                                                        : args.ascii(ref);
            std::string_view view = text;
            if (spec.precision >= 0)
                view = view.substr(0, utf8_offset(view, size_t(spec.precision)));
            output(out, view, spec, false);
            break;
        }
        case 'd':
        case 'i':
        case 'u':
        case 'x':
        case 'X':
        case 'o': {
            const char conv = char(spec.conversion);
            std::optional<IntValue> v = args.as_int(ref);
            if (!v) {
                auto d = args.as_float(ref);
                if (d && (conv == 'd' || conv == 'i' || conv == 'u')) {
                    v = int_from_float(*d);
                } else if (conv == 'd' || conv == 'i' || conv == 'u') {
                    throw_type_error(std::string("%") + conv +
                                     " format: a real number is required, not " +
                                     args.type_name(ref));
                } else {
                    throw_type_error(std::string("%") + conv +
                                     " format: an integer is required, not " + args.type_name(ref));
                }
            }
            const char type = conv == 'i' || conv == 'u' ? 'd' : conv;
            const auto* small = std::get_if<int64_t>(&*v);
            if (small && type == 'd' && spec.precision < 0) { // the common %d: no allocation
                char digits[24];
                auto r = std::to_chars(digits, digits + sizeof digits, *small);
                output(out, std::string_view(digits, size_t(r.ptr - digits)), spec, true);
                break;
            }
            output(out, int_text(*v, type, spec.flags & kAlt, spec.precision), spec, true);
            break;
        }
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G': {
            const double d = float_of(args, ref);
            const int64_t precision = spec.precision < 0 ? kDefaultFloatPrecision : spec.precision;
            std::string text = format_float_magnitude(d, char(spec.conversion), int(precision),
                                                      spec.flags & kAlt, false);
            if (std::signbit(d) && !std::isnan(d)) text.insert(text.begin(), '-');
            output(out, text, spec, true);
            break;
        }
        case 'c': {
            std::string ch;
            if (auto v = args.as_int(ref)) {
                const auto* small = std::get_if<int64_t>(&*v);
                if (!small || *small < 0 || *small > int64_t(kMaxCodePoint))
                    throw_overflow_error("%c arg not in range(0x110000)");
                ch = utf8_encode(char32_t(*small));
            } else if (auto s = args.as_str(ref); s && utf8_length(*s) == 1) {
                ch = std::move(*s);
            } else {
                throw_type_error("%c requires int or char");
            }
            output(out, ch, spec, false);
            break;
        }
        default: {
            char hex[16];
            auto r = std::to_chars(hex, hex + sizeof hex, uint32_t(spec.conversion), 16);
            // CPython prints the character only when it is printable ASCII.
            std::string msg = "unsupported format character '";
            const char32_t cc = spec.conversion;
            msg.push_back(cc >= 32 && cc <= 126 ? char(cc) : '?');
            msg += "' (0x" + std::string(hex, r.ptr) + ") at index " +
                   std::to_string(utf8_length(fmt.substr(0, conv_pos)));
            throw_value_error(msg);
        }
        }
    }
    if (!cursor.all_used() && !mapping)
        throw_type_error("not all arguments converted during string formatting");
    return out;
}

} // namespace ormsh::lang::text
