// json.loads: a recursive-descent parser that follows CPython's scanner step by step, so
// malformed input raises JSONDecodeError with the same message and the same line, column and
// character position (positions count code points, the text is held as UTF-8).
#include "repl/api/stdlib/json_codec.h"
#include "repl/lang/text/float_repr.h"
#include "repl/lang/text/utf8.h"

#include <cmath>

namespace ormsh::api::stdlib::json {

namespace {

bool is_ws(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Raised inside the parser when no value starts at `pos` (CPython's StopIteration).
struct NoValue {
    size_t pos;
};

class Parser {
public:
    Parser(Interpreter& in, const std::string& s, const DecodeOptions& o) : in_(in), s_(s), o_(o) {}

    [[noreturn]] void fail(const std::string& msg, size_t byte_pos) {
        int64_t pos =
            static_cast<int64_t>(lang::text::utf8_length(std::string_view(s_).substr(0, byte_pos)));
        in_.raise_value(in_.call(Value(decode_error_type()),
                                 {lang::new_str(msg), lang::new_str(s_), Value::integer(pos)}));
    }

    size_t skip_ws(size_t i) const {
        while (i < s_.size() && is_ws(s_[i]))
            ++i;
        return i;
    }

    char at(size_t i) const { return i < s_.size() ? s_[i] : '\0'; }

    Value value(size_t i, size_t& end) {
        char c = at(i);
        if (i >= s_.size()) throw NoValue{i};
        switch (c) {
        case '"':
            return string(i + 1, end);
        case '{':
            return object(i + 1, end);
        case '[':
            return array(i + 1, end);
        case 'n':
            if (s_.compare(i, 4, "null") == 0) {
                end = i + 4;
                return Value::none();
            }
            break;
        case 't':
            if (s_.compare(i, 4, "true") == 0) {
                end = i + 4;
                return Value::boolean(true);
            }
            break;
        case 'f':
            if (s_.compare(i, 5, "false") == 0) {
                end = i + 5;
                return Value::boolean(false);
            }
            break;
        case 'N':
            if (s_.compare(i, 3, "NaN") == 0) return constant("NaN", i, end);
            break;
        case 'I':
            if (s_.compare(i, 8, "Infinity") == 0) return constant("Infinity", i, end);
            break;
        case '-':
            if (s_.compare(i, 9, "-Infinity") == 0) return constant("-Infinity", i, end);
            break;
        default:
            break;
        }
        return number(i, end);
    }

private:
    Value constant(const std::string& name, size_t i, size_t& end) {
        end = i + name.size();
        if (!o_.parse_constant.empty()) return in_.call(o_.parse_constant, {lang::new_str(name)});
        return Value::flt(name == "NaN" ? NAN : name == "Infinity" ? INFINITY : -INFINITY);
    }

    Value number(size_t i, size_t& end) {
        size_t p = i;
        if (at(p) == '-') ++p;
        if (at(p) == '0') {
            ++p;
        } else if (at(p) >= '1' && at(p) <= '9') {
            while (is_digit(at(p)))
                ++p;
        } else {
            throw NoValue{i};
        }
        bool is_float = false;
        if (at(p) == '.' && is_digit(at(p + 1))) {
            p += 2;
            while (is_digit(at(p)))
                ++p;
            is_float = true;
        }
        if (at(p) == 'e' || at(p) == 'E') {
            size_t q = p + 1;
            if (at(q) == '+' || at(q) == '-') ++q;
            if (is_digit(at(q))) {
                while (is_digit(at(q)))
                    ++q;
                p = q;
                is_float = true;
            }
        }
        end = p;
        std::string text = s_.substr(i, p - i);
        if (is_float) {
            if (!o_.parse_float.empty()) return in_.call(o_.parse_float, {lang::new_str(text)});
            return Value::flt(*lang::text::parse_float(text));
        }
        if (!o_.parse_int.empty()) return in_.call(o_.parse_int, {lang::new_str(text)});
        // The literal parser takes digits only; the sign is applied after.
        bool negative = text[0] == '-';
        Value magnitude = lang::make_big_int_literal(negative ? text.substr(1) : text);
        return negative ? in_.unary_op(lang::UnaryKind::Neg, magnitude) : magnitude;
    }

    // `i` is just after the opening quote.
    Value string(size_t i, size_t& end) {
        size_t begin = i - 1;
        std::string out;
        for (;;) {
            size_t run = i;
            while (i < s_.size() && s_[i] != '"' && s_[i] != '\\' &&
                   !(o_.strict && static_cast<unsigned char>(s_[i]) < 0x20))
                ++i;
            out.append(s_, run, i - run);
            if (i >= s_.size()) fail("Unterminated string starting at", begin);
            char c = s_[i];
            if (c == '"') break;
            if (c != '\\') fail("Invalid control character at", i);
            if (i + 1 >= s_.size()) fail("Unterminated string starting at", begin);
            char e = s_[i + 1];
            switch (e) {
            case '"':
            case '\\':
            case '/':
                out += e;
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'u': {
                char32_t cp = hex4(i + 2, i + 1);
                i += 6;
                if (cp >= 0xd800 && cp <= 0xdbff && at(i) == '\\' && at(i + 1) == 'u') {
                    char32_t low = hex4(i + 2, i + 1);
                    if (low >= 0xdc00 && low <= 0xdfff) {
                        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
                        i += 6;
                    }
                }
                lang::text::utf8_append(out, cp);
                continue;
            }
            default:
                fail("Invalid \\escape", i);
            }
            i += 2;
        }
        end = i + 1;
        return lang::new_str(std::move(out));
    }

    char32_t hex4(size_t i, size_t err_pos) {
        char32_t v = 0;
        for (size_t k = 0; k < 4; ++k) {
            int h = hex_value(at(i + k));
            if (i + k >= s_.size() || h < 0) fail("Invalid \\uXXXX escape", err_pos);
            v = v * 16 + static_cast<char32_t>(h);
        }
        return v;
    }

    Value element(size_t i, size_t& end) {
        try {
            return value(i, end);
        } catch (NoValue& nv) {
            fail("Expecting value", nv.pos);
        }
    }

    Value object(size_t i, size_t& end) {
        std::vector<Value> pairs;
        Ref<lang::Dict> dict = lang::make<lang::Dict>();
        bool use_pairs = !o_.object_pairs_hook.empty() && !o_.object_pairs_hook.is_none();
        i = skip_ws(i);
        if (at(i) == '}' && i < s_.size()) {
            end = i + 1;
            return finish_object(dict, pairs, use_pairs);
        }
        if (at(i) != '"' || i >= s_.size())
            fail("Expecting property name enclosed in double quotes", i);
        ++i;
        for (;;) {
            Value key = string(i, i);
            i = skip_ws(i);
            if (at(i) != ':' || i >= s_.size()) fail("Expecting ':' delimiter", i);
            i = skip_ws(i + 1);
            Value v = element(i, i);
            if (use_pairs)
                pairs.push_back(lang::new_tuple({key, v}));
            else
                dict->set(in_, key, v);
            i = skip_ws(i);
            char c = at(i);
            bool at_end = i >= s_.size();
            ++i;
            if (c == '}' && !at_end) break;
            if (c != ',' || at_end) fail("Expecting ',' delimiter", i - 1);
            i = skip_ws(i);
            if (at(i) != '"' || i >= s_.size())
                fail("Expecting property name enclosed in double quotes", i);
            ++i;
        }
        end = i;
        return finish_object(dict, pairs, use_pairs);
    }

    Value finish_object(Ref<lang::Dict>& dict, std::vector<Value>& pairs, bool use_pairs) {
        if (use_pairs) return in_.call(o_.object_pairs_hook, {lang::new_list(std::move(pairs))});
        if (!o_.object_hook.empty() && !o_.object_hook.is_none())
            return in_.call(o_.object_hook, {Value(dict.get())});
        return Value(dict.get());
    }

    Value array(size_t i, size_t& end) {
        std::vector<Value> items;
        i = skip_ws(i);
        if (at(i) == ']' && i < s_.size()) {
            end = i + 1;
            return lang::new_list({});
        }
        for (;;) {
            items.push_back(element(i, i));
            i = skip_ws(i);
            char c = at(i);
            bool at_end = i >= s_.size();
            ++i;
            if (c == ']' && !at_end) break;
            if (c != ',' || at_end) fail("Expecting ',' delimiter", i - 1);
            i = skip_ws(i);
        }
        end = i;
        return lang::new_list(std::move(items));
    }

    Interpreter& in_;
    const std::string& s_;
    const DecodeOptions& o_;
};

} // namespace

Value raw_decode(Interpreter& in, const std::string& text, int64_t idx, const DecodeOptions& opts,
                 int64_t& end) {
    Parser p(in, text, opts);
    size_t start = lang::text::utf8_offset(text, static_cast<size_t>(idx));
    size_t stop = 0;
    Value v;
    try {
        v = p.value(start, stop);
    } catch (NoValue& nv) {
        p.fail("Expecting value", nv.pos);
    }
    end = static_cast<int64_t>(lang::text::utf8_length(std::string_view(text).substr(0, stop)));
    return v;
}

Value decode(Interpreter& in, const std::string& text, const DecodeOptions& opts) {
    Parser p(in, text, opts);
    size_t start = p.skip_ws(0);
    size_t stop = 0;
    Value v;
    try {
        v = p.value(start, stop);
    } catch (NoValue& nv) {
        p.fail("Expecting value", nv.pos);
    }
    stop = p.skip_ws(stop);
    if (stop != text.size()) p.fail("Extra data", stop);
    return v;
}

} // namespace ormsh::api::stdlib::json
