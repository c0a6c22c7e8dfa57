// The `secrets` and `hmac` modules, small companions of hashlib on the same OpenSSL calls:
// secure tokens (token_bytes, token_hex, token_urlsafe, choice, randbelow) and keyed hashes
// (hmac.new, hmac.digest, compare_digest).
#include "repl/api/stdlib/digest.h"
#include "repl/api/stdlib/module_util.h"
#include "repl/api/stdlib/stdlib_modules.h"

namespace ormsh::api::stdlib {

namespace {

constexpr int64_t kDefaultTokenBytes = 32;

int64_t nbytes_arg(Interpreter& in, Args& args, const char* fname) {
    Value p[1];
    lang::parse_args(in, fname, args, {"nbytes"}, 0, p);
    return p[0].empty() || p[0].is_none() ? kDefaultTokenBytes : in.index_value(p[0]);
}

// A uniform integer in [0, n) from the OS generator, by rejection on whole bytes.
uint64_t secure_below(uint64_t n) {
    if (n <= 1) return 0;
    int bits = 64 - __builtin_clzll(n - 1);
    uint64_t mask = bits >= 64 ? ~0ull : ((1ull << bits) - 1);
    for (;;) {
        std::string raw = secure_random_bytes(8);
        uint64_t v = 0;
        for (unsigned char c : raw)
            v = (v << 8) | c;
        v &= mask;
        if (v < n) return v;
    }
}

std::string base64_urlsafe(const std::string& raw) {
    static const char* chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string out;
    size_t i = 0;
    for (; i + 2 < raw.size(); i += 3) {
        uint32_t v = (static_cast<unsigned char>(raw[i]) << 16) |
                     (static_cast<unsigned char>(raw[i + 1]) << 8) |
                     static_cast<unsigned char>(raw[i + 2]);
        for (int k = 3; k >= 0; --k)
            out += chars[(v >> (6 * k)) & 63];
    }
    size_t rest = raw.size() - i;
    if (rest) {
        uint32_t v = static_cast<unsigned char>(raw[i]) << 16;
        if (rest == 2) v |= static_cast<unsigned char>(raw[i + 1]) << 8;
        out += chars[(v >> 18) & 63];
        out += chars[(v >> 12) & 63];
        if (rest == 2) out += chars[(v >> 6) & 63];
    }
    return out; // secrets.token_urlsafe strips the '=' padding
}

Value s_token_bytes(Interpreter& in, const Value&, Args& args) {
    return new_bytes(secure_random_bytes(static_cast<size_t>(nbytes_arg(in, args, "token_bytes"))));
}
Value s_token_hex(Interpreter& in, const Value&, Args& args) {
    return lang::new_str(
        to_hex(secure_random_bytes(static_cast<size_t>(nbytes_arg(in, args, "token_hex")))));
}
Value s_token_urlsafe(Interpreter& in, const Value&, Args& args) {
    return lang::new_str(base64_urlsafe(
        secure_random_bytes(static_cast<size_t>(nbytes_arg(in, args, "token_urlsafe")))));
}
Value s_randbelow(Interpreter& in, const Value&, Args& args) {
    Value p[1];
    lang::parse_args(in, "randbelow", args, {"exclusive_upper_bound"}, 1, p);
    int64_t n = in.index_value(p[0]);
    if (n <= 0) in.raise("ValueError", "Upper bound must be positive.");
    return Value::integer(static_cast<int64_t>(secure_below(static_cast<uint64_t>(n))));
}
Value s_choice(Interpreter& in, const Value&, Args& args) {
    Value p[1];
    lang::parse_args(in, "choice", args, {"seq"}, 1, p);
    int64_t n = in.len(p[0]);
    if (n == 0) in.raise("IndexError", "Cannot choose from an empty sequence");
    return in.getitem(p[0],
                      Value::integer(static_cast<int64_t>(secure_below(static_cast<uint64_t>(n)))));
}

std::string buffer_arg(Interpreter& in, const Value& v) {
    std::string out;
    if (!bytes_like(v, out) || lang::is_str(v))
        in.raise("TypeError", "a bytes-like object is required, not '" + in.type_name(v) + "'");
    return out;
}

Value compare_digest(Interpreter& in, const Value&, Args& args) {
    Value p[2];
    lang::parse_args(in, "compare_digest", args, {"a", "b"}, 2, p);
    std::string a, b;
    if (lang::is_str(p[0]) && lang::is_str(p[1]))
        return Value::boolean(constant_time_equal(lang::as_str(p[0])->s, lang::as_str(p[1])->s));
    if (lang::is_str(p[0]) || lang::is_str(p[1]))
        in.raise("TypeError", "unsupported operand types(s) or combination of types: '" +
                                  in.type_name(p[0]) + "' and '" + in.type_name(p[1]) + "'");
    return Value::boolean(constant_time_equal(buffer_arg(in, p[0]), buffer_arg(in, p[1])));
}

// ---- hmac.HMAC: the message is kept and hashed when a digest is asked for ----

struct HmacObj : lang::Object {
    explicit HmacObj(Type* t) : Object(t) {}
    std::string key, message, digest_name;
};

Type* hmac_type();

std::string digestmod_name(Interpreter& in, const Value& v) {
    if (v.empty() || v.is_none()) in.raise("TypeError", "Missing required parameter 'digestmod'.");
    if (lang::is_str(v)) return lang::as_str(v)->s;
    // hashlib.sha256 and friends: their name.
    if (lang::has_layout(v, lang::Layout::NativeFunction))
        return v.as<lang::NativeFunction>()->name;
    Value name = in.getattr_opt(v, lang::intern("__name__"));
    if (lang::is_str(name)) return lang::as_str(name)->s;
    in.raise("TypeError", "digestmod must be a digest name or a hashlib constructor");
}

std::string hmac_value(Interpreter& in, HmacObj* h) {
    auto mac = hmac(h->digest_name, h->key, h->message);
    if (!mac) in.raise("ValueError", "unsupported hash type " + h->digest_name);
    return *mac;
}

Value hmac_new(Interpreter& in, const Value&, Args& args) {
    Value p[3];
    lang::parse_args(in, "new", args, {"key", "msg", "digestmod"}, 1, p);
    auto* h = new HmacObj(hmac_type());
    Value result = Value::steal(h);
    h->key = buffer_arg(in, p[0]);
    if (!p[1].empty() && !p[1].is_none()) h->message = buffer_arg(in, p[1]);
    h->digest_name = digestmod_name(in, p[2]);
    hmac_value(in, h); // validates the digest name now, as CPython does
    return result;
}

Value hmac_digest_fn(Interpreter& in, const Value&, Args& args) {
    Value p[3];
    lang::parse_args(in, "digest", args, {"key", "msg", "digest"}, 3, p);
    auto mac = hmac(digestmod_name(in, p[2]), buffer_arg(in, p[0]), buffer_arg(in, p[1]));
    if (!mac) in.raise("ValueError", "unsupported hash type");
    return new_bytes(std::move(*mac));
}

Type* hmac_type() {
    static Type* t = [] {
        lang::TypeBuilder b("HMAC", {}, "hmac");
        b.method(
             "update",
             +[](Interpreter& in, const Value& self, Args& args) {
                 Value p[1];
                 lang::parse_args(in, "update", args, {"msg"}, 1, p);
                 self.as<HmacObj>()->message += buffer_arg(in, p[0]);
                 return Value::none();
             })
            .method(
                "digest", +[](Interpreter& in, const Value& self,
                              Args&) { return new_bytes(hmac_value(in, self.as<HmacObj>())); })
            .method(
                "hexdigest",
                +[](Interpreter& in, const Value& self, Args&) {
                    return lang::new_str(to_hex(hmac_value(in, self.as<HmacObj>())));
                })
            .property("name", [](Interpreter&, const Value& self) {
                return lang::new_str("hmac-" + self.as<HmacObj>()->digest_name);
            });
        Type* type = b.build();
        type->basetype = false;
        return type;
    }();
    return t;
}

} // namespace

void register_secrets_and_hmac_modules(Interpreter& in) {
    in.register_builtin_module("secrets", [](Interpreter&, lang::Module& m) {
        def_fn(m, "token_bytes", s_token_bytes);
        def_fn(m, "token_hex", s_token_hex);
        def_fn(m, "token_urlsafe", s_token_urlsafe);
        def_fn(m, "randbelow", s_randbelow);
        def_fn(m, "choice", s_choice);
        def_fn(m, "compare_digest", compare_digest);
    });
    in.register_builtin_module("hmac", [](Interpreter&, lang::Module& m) {
        def_fn(m, "new", hmac_new);
        def_fn(m, "digest", hmac_digest_fn);
        def_fn(m, "compare_digest", compare_digest);
        def_value(m, "HMAC", Value(hmac_type()));
    });
}

} // namespace ormsh::api::stdlib
