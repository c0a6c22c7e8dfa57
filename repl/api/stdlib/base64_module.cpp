// The `base64` module (and binascii.Error): standard and URL-safe Base64 with CPython's lenient
// decoding (characters outside the alphabet are skipped, decoding stops at complete padding,
// "Incorrect padding" otherwise), plus Base16.
#include "repl/api/stdlib/module_util.h"
#include "repl/api/stdlib/stdlib_modules.h"

#include <algorithm>

namespace ormsh::api::stdlib {

namespace {

constexpr const char* kAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

Type* binascii_error() {
    static Type* t = [] {
        Type* e = Interpreter::current().new_exception_type(
            "Error", lang::builtin_type("ValueError"), "binascii");
        e->make_immortal();
        return e;
    }();
    return t;
}

std::string bytes_arg(Interpreter& in, const Value& v, bool allow_str) {
    std::string out;
    if (!bytes_like(v, out) || (!allow_str && lang::is_str(v)))
        in.raise("TypeError", "a bytes-like object is required, not '" + in.type_name(v) + "'");
    if (lang::is_str(v))
        for (unsigned char c : out)
            if (c >= 0x80)
                in.raise("ValueError", "string argument should contain only ASCII characters");
    return out;
}

// Replaces the two characters `altchars` stands for ("+/" <-> altchars).
std::string translate(std::string s, const std::string& from, const std::string& to) {
    for (auto& c : s) {
        if (c == from[0])
            c = to[0];
        else if (c == from[1])
            c = to[1];
    }
    return s;
}

std::string encode(const std::string& raw) {
    std::string out;
    size_t i = 0;
    for (; i + 2 < raw.size(); i += 3) {
        uint32_t v = (static_cast<unsigned char>(raw[i]) << 16) |
                     (static_cast<unsigned char>(raw[i + 1]) << 8) |
                     static_cast<unsigned char>(raw[i + 2]);
        for (int k = 3; k >= 0; --k)
            out += kAlphabet[(v >> (6 * k)) & 63];
    }
    size_t rest = raw.size() - i;
    if (rest) {
        uint32_t v = static_cast<unsigned char>(raw[i]) << 16;
        if (rest == 2) v |= static_cast<unsigned char>(raw[i + 1]) << 8;
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
        out += rest == 2 ? kAlphabet[(v >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

// Bytes of a group of 2 or 3 characters completed by padding.
void flush_partial(std::string& out, uint32_t acc, int quad) {
    if (quad == 2) out += static_cast<char>((acc >> 4) & 0xff);
    if (quad == 3) {
        out += static_cast<char>((acc >> 10) & 0xff);
        out += static_cast<char>((acc >> 2) & 0xff);
    }
}

std::string decode(Interpreter& in, const std::string& text, bool validate) {
    int table[256];
    std::fill(std::begin(table), std::end(table), -1);
    for (int i = 0; i < 64; ++i)
        table[static_cast<unsigned char>(kAlphabet[i])] = i;
    std::string out;
    uint32_t acc = 0;
    int quad = 0, pads = 0;
    size_t data_chars = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '=') {
            if (quad >= 2 && quad + ++pads >= 4) { // padding completes the group: stop here
                if (validate && i + 1 < text.size())
                    in.raise(binascii_error(), "Excess data after padding");
                flush_partial(out, acc, quad);
                return out;
            }
            continue;
        }
        int v = table[c];
        if (v < 0) {
            if (validate) in.raise(binascii_error(), "Only base64 data is allowed");
            continue;
        }
        if (validate && pads) in.raise(binascii_error(), "Discontinuous padding not allowed");
        pads = 0;
        ++data_chars;
        acc = (acc << 6) | static_cast<uint32_t>(v);
        if (++quad == 4) {
            out += static_cast<char>((acc >> 16) & 0xff);
            out += static_cast<char>((acc >> 8) & 0xff);
            out += static_cast<char>(acc & 0xff);
            acc = 0;
            quad = 0;
        }
    }
    if (quad == 1)
        in.raise(binascii_error(), "Invalid base64-encoded string: number of data characters (" +
                                       std::to_string(data_chars) +
                                       ") cannot be 1 more than a multiple of 4");
    if (quad != 0) in.raise(binascii_error(), "Incorrect padding");
    return out;
}

Value b64encode_impl(Interpreter& in, Args& args, const char* fname, const std::string& alt) {
    Value p[2];
    lang::parse_args(in, fname, args, {"s", "altchars"}, 1, p);
    std::string out = encode(bytes_arg(in, p[0], false));
    std::string altchars = alt;
    if (!p[1].empty() && !p[1].is_none()) altchars = bytes_arg(in, p[1], false);
    if (!altchars.empty()) out = translate(out, "+/", altchars);
    return new_bytes(std::move(out));
}

Value b64decode_impl(Interpreter& in, Args& args, const char* fname, const std::string& alt) {
    Value p[3];
    lang::parse_args(in, fname, args, {"s", "altchars", "validate"}, 1, p);
    std::string text = bytes_arg(in, p[0], true);
    std::string altchars = alt;
    if (!p[1].empty() && !p[1].is_none()) altchars = bytes_arg(in, p[1], true);
    if (!altchars.empty()) text = translate(text, altchars, "+/");
    return new_bytes(decode(in, text, !p[2].empty() && in.truthy(p[2])));
}

Value b16encode(Interpreter& in, const Value&, Args& args) {
    Value p[1];
    lang::parse_args(in, "b16encode", args, {"s"}, 1, p);
    static const char* digits = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : bytes_arg(in, p[0], false)) {
        out += digits[c >> 4];
        out += digits[c & 15];
    }
    return new_bytes(std::move(out));
}

Value b16decode(Interpreter& in, const Value&, Args& args) {
    Value p[2];
    lang::parse_args(in, "b16decode", args, {"s", "casefold"}, 1, p);
    std::string text = bytes_arg(in, p[0], true);
    bool casefold = !p[1].empty() && in.truthy(p[1]);
    if (text.size() % 2) in.raise(binascii_error(), "Odd-length string");
    auto hex = [&](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        if (casefold && c >= 'a' && c <= 'f') return c - 'a' + 10;
        in.raise(binascii_error(), "Non-base16 digit found");
    };
    std::string out;
    for (size_t i = 0; i < text.size(); i += 2)
        out += static_cast<char>(hex(text[i]) * 16 + hex(text[i + 1]));
    return new_bytes(std::move(out));
}

} // namespace

void register_base64_module(Interpreter& in) {
    in.register_builtin_module("binascii", [](Interpreter&, lang::Module& m) {
        def_value(m, "Error", Value(binascii_error()));
    });
    in.register_builtin_module("base64", [](Interpreter&, lang::Module& m) {
        def_fn(
            m, "b64encode", +[](Interpreter& in, const Value&, Args& a) {
                return b64encode_impl(in, a, "b64encode", "");
            });
        def_fn(
            m, "b64decode", +[](Interpreter& in, const Value&, Args& a) {
                return b64decode_impl(in, a, "b64decode", "");
            });
        def_fn(
            m, "standard_b64encode", +[](Interpreter& in, const Value&, Args& a) {
                return b64encode_impl(in, a, "standard_b64encode", "");
            });
        def_fn(
            m, "standard_b64decode", +[](Interpreter& in, const Value&, Args& a) {
                return b64decode_impl(in, a, "standard_b64decode", "");
            });
        def_fn(
            m, "urlsafe_b64encode", +[](Interpreter& in, const Value&, Args& a) {
                return b64encode_impl(in, a, "urlsafe_b64encode", "-_");
            });
        def_fn(
            m, "urlsafe_b64decode", +[](Interpreter& in, const Value&, Args& a) {
                return b64decode_impl(in, a, "urlsafe_b64decode", "-_");
            });
        def_fn(m, "b16encode", b16encode);
        def_fn(m, "b16decode", b16decode);
    });
}

} // namespace ormsh::api::stdlib
