// The `hashlib` module on OpenSSL (digest.cpp): md5, sha1, the sha2 and sha3 families,
// blake2, new(name), pbkdf2_hmac and scrypt, with hash objects offering update, digest,
// hexdigest and copy as CPython's _hashlib.HASH does.
#include "repl/api/stdlib/digest.h"
#include "repl/api/stdlib/module_util.h"
#include "repl/api/stdlib/stdlib_modules.h"

#include <algorithm>
#include <cstdio>
#include <optional>

namespace ormsh::api::stdlib {

namespace {

struct HashObj : lang::Object {
    explicit HashObj(Type* t) : Object(t) {}
    std::optional<Digest> digest;
    std::string name;
};

Type* hash_type();

const char* const kAlgorithms[] = {"md5",      "sha1",     "sha224",   "sha256",
                                   "sha384",   "sha512",   "sha3_224", "sha3_256",
                                   "sha3_384", "sha3_512", "blake2b",  "blake2s"};

std::string data_arg(Interpreter& in, const Value& v) {
    if (lang::is_str(v)) in.raise("TypeError", "Strings must be encoded before hashing");
    std::string out;
    if (!bytes_like(v, out)) in.raise("TypeError", "object supporting the buffer API required");
    return out;
}

HashObj* self_hash(Interpreter& in, const Value& v) {
    if (!v.is_obj() || v.type() != hash_type())
        in.raise("TypeError", "descriptor requires a '_hashlib.HASH' object");
    return v.as<HashObj>();
}

Value new_hash(Interpreter& in, std::string name, const Value& data) {
    std::transform(name.begin(), name.end(), name.begin(), ::tolower);
    auto d = Digest::create(name);
    if (!d) in.raise("ValueError", "unsupported hash type " + name);
    auto* h = new HashObj(hash_type());
    Value result = Value::steal(h);
    h->digest.emplace(std::move(*d));
    h->name = name;
    if (!data.empty() && !data.is_none()) h->digest->update(data_arg(in, data));
    return result;
}

Value h_update(Interpreter& in, const Value& self, Args& args) {
    Value p[1];
    lang::parse_args(in, "update", args, {"obj"}, 1, p);
    self_hash(in, self)->digest->update(data_arg(in, p[0]));
    return Value::none();
}

Value h_digest(Interpreter& in, const Value& self, Args&) {
    return new_bytes(self_hash(in, self)->digest->finish());
}

Value h_hexdigest(Interpreter& in, const Value& self, Args&) {
    return lang::new_str(to_hex(self_hash(in, self)->digest->finish()));
}

Value h_copy(Interpreter& in, const Value& self, Args&) {
    HashObj* h = self_hash(in, self);
    auto* c = new HashObj(hash_type());
    Value result = Value::steal(c);
    c->digest.emplace(*h->digest);
    c->name = h->name;
    return result;
}

Value h_repr(Interpreter& in, const Value& self, Args&) {
    char addr[32];
    std::snprintf(addr, sizeof addr, "0x%llx", static_cast<unsigned long long>(self.identity()));
    return lang::new_str("<" + self_hash(in, self)->name + " _hashlib.HASH object @ " + addr + ">");
}

Type* hash_type() {
    static Type* t = [] {
        lang::TypeBuilder b("HASH", {}, "_hashlib");
        b.method("update", h_update)
            .method("digest", h_digest)
            .method("hexdigest", h_hexdigest)
            .method("copy", h_copy)
            .method("__repr__", h_repr)
            .property("name", [](Interpreter&,
                                 const Value& s) { return lang::new_str(s.as<HashObj>()->name); })
            .property("digest_size",
                      [](Interpreter&, const Value& s) {
                          return Value::integer(s.as<HashObj>()->digest->size());
                      })
            .property("block_size", [](Interpreter&, const Value& s) {
                return Value::integer(s.as<HashObj>()->digest->block_size());
            });
        Type* type = b.build();
        type->basetype = false;
        return type;
    }();
    return t;
}

Value hashlib_new(Interpreter& in, const Value&, Args& args) {
    Value p[3];
    lang::parse_args(in, "new", args, {"name", "data", "usedforsecurity"}, 1, p);
    return new_hash(in, str_arg(in, p[0], "new"), p[1]);
}

Value hashlib_pbkdf2_hmac(Interpreter& in, const Value&, Args& args) {
    Value p[5];
    lang::parse_args(in, "pbkdf2_hmac", args,
                     {"hash_name", "password", "salt", "iterations", "dklen"}, 4, p);
    std::string name = str_arg(in, p[0], "pbkdf2_hmac");
    int64_t iterations = in.index_value(p[3]);
    if (iterations < 1) in.raise("ValueError", "iteration value must be greater than 0.");
    auto d = Digest::create(name);
    if (!d) in.raise("ValueError", "unsupported hash type " + name);
    int64_t dklen = p[4].empty() || p[4].is_none() ? d->size() : in.index_value(p[4]);
    if (dklen < 1) in.raise("ValueError", "key length must be greater than 0.");
    auto out = pbkdf2_hmac(name, data_arg(in, p[1]), data_arg(in, p[2]),
                           static_cast<int>(iterations), static_cast<int>(dklen));
    if (!out) in.raise("ValueError", "unsupported hash type " + name);
    return new_bytes(std::move(*out));
}

Value hashlib_scrypt(Interpreter& in, const Value&, Args& args) {
    Value p[7];
    lang::parse_args(in, "scrypt", args, {"password", "salt", "n", "r", "p", "maxmem", "dklen"}, 5,
                     p);
    int64_t n = in.index_value(p[2]), r = in.index_value(p[3]), par = in.index_value(p[4]);
    int64_t maxmem = p[5].empty() ? 0 : in.index_value(p[5]);
    int64_t dklen = p[6].empty() ? 64 : in.index_value(p[6]);
    if (n < 2 || (n & (n - 1))) in.raise("ValueError", "n must be a power of 2.");
    auto out = scrypt(data_arg(in, p[0]), data_arg(in, p[1]), static_cast<uint64_t>(n),
                      static_cast<uint64_t>(r), static_cast<uint64_t>(par),
                      static_cast<uint64_t>(maxmem), static_cast<size_t>(dklen));
    if (!out) in.raise("ValueError", "Invalid parameter combination for n, r, p, maxmem.");
    return new_bytes(std::move(*out));
}

void make_hashlib_module(Interpreter& in, lang::Module& m) {
    def_fn(m, "new", hashlib_new);
    def_fn(m, "pbkdf2_hmac", hashlib_pbkdf2_hmac);
    def_fn(m, "scrypt", hashlib_scrypt);
    std::vector<Value> names;
    for (const char* name : kAlgorithms) {
        names.push_back(lang::new_str(name));
        std::string algo = name;
        def_closure(m, name, [algo](Interpreter& in, const Value&, Args& args) {
            Value p[3];
            lang::parse_args(in, algo.c_str(), args, {"string", "data", "usedforsecurity"}, 0, p,
                             false);
            return new_hash(in, algo, p[0].empty() ? p[1] : p[0]);
        });
    }
    Ref<lang::Set> available(new lang::Set());
    for (auto& n : names)
        available->add(in, n);
    def_value(m, "algorithms_guaranteed", Value(available.get()));
    def_value(m, "algorithms_available", Value(available.get()));
}

} // namespace

void register_hashlib_module(Interpreter& in) {
    in.register_builtin_module("hashlib", make_hashlib_module);
}

} // namespace ormsh::api::stdlib
