// werkzeug.security as Werkzeug 2.2 (Debian 12's) defines it: generate_password_hash with the
// "pbkdf2:sha256" default at 260000 iterations and a 16-character salt, and
// check_password_hash for the formats Werkzeug writes ("method$salt$hash": pbkdf2, scrypt as
// Werkzeug 3 writes it, salted HMAC, plain), so hashes made by the real library verify here.
#include "repl/api/stdlib/digest.h"
#include "repl/api/stdlib/module_util.h"
#include "repl/api/stdlib/stdlib_modules.h"

#include <charconv>

namespace ormsh::api::stdlib {

namespace {

constexpr const char* kSaltChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
constexpr int64_t kDefaultPbkdf2Iterations = 260000;
constexpr int64_t kScryptN = 1 << 15, kScryptR = 8, kScryptP = 1; // Werkzeug 3's defaults
constexpr int64_t kScryptMemFactor = 132; // Werkzeug's maxmem = 132 * n * r * p

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out(1);
    for (char c : s) {
        if (c == sep)
            out.emplace_back();
        else
            out.back() += c;
    }
    return out;
}

int64_t parse_int(Interpreter& in, const std::string& s) {
    int64_t v = 0;
    std::string t = s;
    while (!t.empty() && t.back() == ' ')
        t.pop_back();
    while (!t.empty() && t.front() == ' ')
        t.erase(0, 1);
    auto r = std::from_chars(t.data(), t.data() + t.size(), v);
    if (t.empty() || r.ec != std::errc() || r.ptr != t.data() + t.size())
        in.raise("ValueError", "invalid literal for int() with base 10: '" + s + "'");
    return v;
}

std::string gen_salt(Interpreter& in, int64_t length) {
    if (length <= 0) in.raise("ValueError", "Salt length must be positive");
    constexpr unsigned kChars = 62, kLimit = 248; // largest multiple of 62 below 256
    std::string out;
    while (static_cast<int64_t>(out.size()) < length) {
        for (unsigned char b : secure_random_bytes(static_cast<size_t>(length) * 2)) {
            if (b >= kLimit) continue;
            out += kSaltChars[b % kChars];
            if (static_cast<int64_t>(out.size()) == length) break;
        }
    }
    return out;
}

// (hash text, method as written into the result), as Werkzeug's _hash_internal.
std::pair<std::string, std::string> hash_internal(Interpreter& in, const std::string& method,
                                                  const std::string& salt,
                                                  const std::string& password) {
    if (method == "plain") return {password, method};
    if (method.starts_with("pbkdf2:")) {
        if (salt.empty()) in.raise("ValueError", "Salt is required for PBKDF2");
        auto args = split(method.substr(7), ':');
        if (args.size() != 1 && args.size() != 2)
            in.raise("ValueError", "Invalid number of arguments for PBKDF2");
        std::string name = args[0];
        int64_t iterations = kDefaultPbkdf2Iterations;
        if (args.size() == 2) iterations = args[1].empty() ? 0 : parse_int(in, args[1]);
        if (iterations < 1) in.raise("ValueError", "iteration value must be greater than 0.");
        auto d = Digest::create(name);
        if (!d) in.raise("ValueError", "unsupported hash type " + name);
        auto raw = pbkdf2_hmac(name, password, salt, static_cast<int>(iterations), d->size());
        if (!raw) in.raise("ValueError", "unsupported hash type " + name);
        return {to_hex(*raw), "pbkdf2:" + name + ":" + std::to_string(iterations)};
    }
    if (method == "scrypt" || method.starts_with("scrypt:")) {
        int64_t n = kScryptN, r = kScryptR, p = kScryptP;
        if (method != "scrypt") {
            auto args = split(method.substr(7), ':');
            if (args.size() != 3) in.raise("ValueError", "'scrypt' takes 3 arguments.");
            n = parse_int(in, args[0]);
            r = parse_int(in, args[1]);
            p = parse_int(in, args[2]);
        }
        auto raw = scrypt(password, salt, static_cast<uint64_t>(n), static_cast<uint64_t>(r),
                          static_cast<uint64_t>(p),
                          static_cast<uint64_t>(kScryptMemFactor * n * r * p), 64);
        if (!raw) in.raise("ValueError", "Invalid parameter combination for n, r, p, maxmem.");
        return {to_hex(*raw),
                "scrypt:" + std::to_string(n) + ":" + std::to_string(r) + ":" + std::to_string(p)};
    }
    if (!salt.empty()) {
        auto mac = hmac(method, salt, password);
        if (!mac) in.raise("ValueError", "unsupported hash type " + method);
        return {to_hex(*mac), method};
    }
    auto d = Digest::create(method);
    if (!d) in.raise("ValueError", "unsupported hash type " + method);
    d->update(password);
    return {to_hex(d->finish()), method};
}

Value w_generate_password_hash(Interpreter& in, const Value&, Args& args) {
    Value p[3];
    lang::parse_args(in, "generate_password_hash", args, {"password", "method", "salt_length"}, 1,
                     p);
    std::string password = str_arg(in, p[0], "generate_password_hash");
    std::string method = p[1].empty()
                             ? "pbkdf2:sha256"
                             : std::string(str_arg(in, p[1], "generate_password_hash", "2"));
    int64_t salt_length = p[2].empty() ? 16 : in.index_value(p[2]);
    std::string salt = method != "plain" ? gen_salt(in, salt_length) : "";
    auto [hash, actual] = hash_internal(in, method, salt, password);
    return lang::new_str(actual + "$" + salt + "$" + hash);
}

Value w_check_password_hash(Interpreter& in, const Value&, Args& args) {
    Value p[2];
    lang::parse_args(in, "check_password_hash", args, {"pwhash", "password"}, 2, p);
    const std::string& pwhash = str_arg(in, p[0], "check_password_hash");
    const std::string& password = str_arg(in, p[1], "check_password_hash", "2");
    size_t first = pwhash.find('$');
    size_t second = first == std::string::npos ? first : pwhash.find('$', first + 1);
    if (second == std::string::npos) return Value::boolean(false);
    std::string method = pwhash.substr(0, first);
    std::string salt = pwhash.substr(first + 1, second - first - 1);
    std::string expected = pwhash.substr(second + 1);
    auto [hash, actual] = hash_internal(in, method, salt, password);
    (void)actual;
    return Value::boolean(constant_time_equal(hash, expected));
}

Value w_gen_salt(Interpreter& in, const Value&, Args& args) {
    Value p[1];
    lang::parse_args(in, "gen_salt", args, {"length"}, 1, p);
    return lang::new_str(gen_salt(in, in.index_value(p[0])));
}

void make_security_module(Interpreter&, lang::Module& m) {
    def_fn(m, "generate_password_hash", w_generate_password_hash);
    def_fn(m, "check_password_hash", w_check_password_hash);
    def_fn(m, "gen_salt", w_gen_salt);
    def_value(m, "SALT_CHARS", lang::new_str(kSaltChars));
    def_value(m, "DEFAULT_PBKDF2_ITERATIONS", Value::integer(kDefaultPbkdf2Iterations));
}

} // namespace

void register_werkzeug_security_module(Interpreter& in) {
    in.register_builtin_module("werkzeug", [](Interpreter&, lang::Module&) {});
    in.register_builtin_module("werkzeug.security", make_security_module);
}

} // namespace ormsh::api::stdlib
