// The `uuid` module: UUID objects (from hex text, bytes, int or fields) with str, hex, int,
// bytes, urn, version, comparison and hashing as CPython's, and uuid4 (OS randomness), uuid3
// and uuid5 (name-based, MD5 / SHA-1) with the standard namespaces.
#include "repl/api/stdlib/digest.h"
#include "repl/api/stdlib/module_util.h"
#include "repl/api/stdlib/stdlib_modules.h"

namespace ormsh::api::stdlib {

namespace {

using lang::text::BigInt;

constexpr size_t kUuidBytes = 16;

struct UuidObj : lang::Object {
    explicit UuidObj(Type* t) : Object(t) {}
    std::string bytes; // 16 bytes, big-endian
};

Type* uuid_type();

UuidObj* self_uuid(const Value& v) {
    return v.as<UuidObj>();
}

Value make_uuid(Type* cls, std::string bytes) {
    auto* u = new UuidObj(cls);
    u->bytes = std::move(bytes);
    return Value::steal(u);
}

std::string hex_of(const UuidObj* u) {
    return to_hex(u->bytes);
}

std::string text_of(const UuidObj* u) {
    std::string h = hex_of(u);
    return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) +
           "-" + h.substr(20);
}

BigInt int_of(const UuidObj* u) {
    std::vector<uint32_t> limbs(4, 0);
    for (size_t i = 0; i < kUuidBytes; ++i) {
        size_t from_end = kUuidBytes - 1 - i;
        limbs[from_end / 4] |= static_cast<uint32_t>(static_cast<unsigned char>(u->bytes[i]))
                               << (8 * (from_end % 4));
    }
    return BigInt::from_limbs(std::move(limbs), false);
}

void set_version(std::string& b, int version) {
    b[8] = static_cast<char>((static_cast<unsigned char>(b[8]) & 0x3f) | 0x80); // RFC 4122 variant
    b[6] = static_cast<char>((static_cast<unsigned char>(b[6]) & 0x0f) | (version << 4));
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string bytes_from_hex(Interpreter& in, std::string h) {
    for (const char* drop : {"urn:", "uuid:"})
        if (h.starts_with(drop)) h.erase(0, std::string(drop).size());
    std::string digits;
    for (char c : h)
        if (c != '{' && c != '}' && c != '-') digits += c;
    if (digits.size() != 2 * kUuidBytes)
        in.raise("ValueError", "badly formed hexadecimal UUID string");
    std::string out;
    for (size_t i = 0; i < digits.size(); i += 2) {
        int hi = hex_digit(digits[i]), lo = hex_digit(digits[i + 1]);
        if (hi < 0 || lo < 0) in.raise("ValueError", "badly formed hexadecimal UUID string");
        out += static_cast<char>(hi * 16 + lo);
    }
    return out;
}

std::string bytes_from_int(Interpreter& in, const Value& v) {
    BigInt n = lang::to_bigint(v);
    if (n.is_negative() || n.bit_length() > 128)
        in.raise("ValueError", "int is out of range (need a 128-bit value)");
    std::string out(kUuidBytes, '\0');
    const auto& limbs = n.limbs();
    for (size_t i = 0; i < kUuidBytes; ++i) {
        size_t from_end = kUuidBytes - 1 - i;
        size_t w = from_end / 4;
        out[i] =
            static_cast<char>(w < limbs.size() ? (limbs[w] >> (8 * (from_end % 4))) & 0xff : 0);
    }
    return out;
}

Value uuid_ctor(Interpreter& in, Type* cls, Args& args) {
    Value p[6];
    lang::parse_args(in, "UUID", args, {"hex", "bytes", "bytes_le", "fields", "int", "version"}, 0,
                     p, true);
    int given = 0;
    for (int i = 0; i < 5; ++i)
        given += !p[i].empty() && !p[i].is_none();
    if (given != 1)
        in.raise("TypeError",
                 "one of the hex, bytes, bytes_le, fields, or int arguments must be given");
    std::string b;
    if (!p[0].empty() && !p[0].is_none()) {
        b = bytes_from_hex(in, str_arg(in, p[0], "UUID"));
    } else if (!p[1].empty() && !p[1].is_none()) {
        if (!bytes_like(p[1], b) || b.size() != kUuidBytes)
            in.raise("ValueError", "bytes is not a 16-char string");
    } else if (!p[2].empty() && !p[2].is_none()) {
        std::string le;
        if (!bytes_like(p[2], le) || le.size() != kUuidBytes)
            in.raise("ValueError", "bytes_le is not a 16-char string");
        b = std::string{le[3], le[2], le[1], le[0], le[5], le[4], le[7], le[6]} + le.substr(8);
    } else if (!p[4].empty() && !p[4].is_none()) {
        b = bytes_from_int(in, p[4]);
    } else {
        std::vector<Value> f = in.to_vector(p[3]);
        if (f.size() != 6) in.raise("ValueError", "fields is not a 6-tuple");
        const int widths[] = {32, 16, 16, 8, 8, 48};
        BigInt n(0);
        for (int i = 0; i < 6; ++i)
            n = (n << static_cast<uint64_t>(widths[i])) +
                lang::to_bigint(f[static_cast<size_t>(i)]);
        b = bytes_from_int(in, lang::make_int(n));
    }
    if (!p[5].empty() && !p[5].is_none()) {
        int64_t version = in.index_value(p[5]);
        if (version < 1 || version > 5) in.raise("ValueError", "illegal version number");
        set_version(b, static_cast<int>(version));
    }
    return make_uuid(cls, std::move(b));
}

Value name_based(Interpreter& in, Args& args, const char* fname, const char* digest, int version) {
    Value p[2];
    lang::parse_args(in, fname, args, {"namespace", "name"}, 2, p);
    if (!p[0].is_obj() || !p[0].type()->is_subtype(uuid_type()))
        in.raise("AttributeError", "'" + in.type_name(p[0]) + "' object has no attribute 'bytes'");
    std::string name;
    if (!bytes_like(p[1], name))
        in.raise("TypeError", "a bytes-like object is required, not '" + in.type_name(p[1]) + "'");
    std::string h = digest_of(digest, self_uuid(p[0])->bytes + name).substr(0, kUuidBytes);
    set_version(h, version);
    return make_uuid(uuid_type(), std::move(h));
}

bool is_uuid(const Value& v) {
    return v.is_obj() && v.type()->is_subtype(uuid_type());
}

template <lang::CmpKind Op> Value uuid_compare(Interpreter&, const Value& self, Args& args) {
    if (!is_uuid(args[0])) return Value(lang::Singletons::not_implemented);
    int c = self_uuid(self)->bytes.compare(self_uuid(args[0])->bytes);
    switch (Op) {
    case lang::CmpKind::Eq:
        return Value::boolean(c == 0);
    case lang::CmpKind::Ne:
        return Value::boolean(c != 0);
    case lang::CmpKind::Lt:
        return Value::boolean(c < 0);
    case lang::CmpKind::Le:
        return Value::boolean(c <= 0);
    case lang::CmpKind::Gt:
        return Value::boolean(c > 0);
    default:
        return Value::boolean(c >= 0);
    }
}

Type* uuid_type() {
    static Type* t = [] {
        using C = lang::CmpKind;
        lang::TypeBuilder b("UUID", {}, "uuid");
        b.ctor(uuid_ctor)
            .method(
                "__str__", +[](Interpreter&, const Value& s,
                               Args&) { return lang::new_str(text_of(self_uuid(s))); })
            .method(
                "__repr__",
                +[](Interpreter&, const Value& s, Args&) {
                    return lang::new_str(short_type_name(s) + "('" + text_of(self_uuid(s)) + "')");
                })
            .method(
                "__hash__", +[](Interpreter&, const Value& s,
                                Args&) { return Value::integer(int_of(self_uuid(s)).hash()); })
            .method(
                "__int__", +[](Interpreter&, const Value& s,
                               Args&) { return lang::make_int(int_of(self_uuid(s))); })
            .method("__eq__", uuid_compare<C::Eq>)
            .method("__ne__", uuid_compare<C::Ne>)
            .method("__lt__", uuid_compare<C::Lt>)
            .method("__le__", uuid_compare<C::Le>)
            .method("__gt__", uuid_compare<C::Gt>)
            .method("__ge__", uuid_compare<C::Ge>)
            .property("hex", [](Interpreter&,
                                const Value& s) { return lang::new_str(hex_of(self_uuid(s))); })
            .property("int", [](Interpreter&,
                                const Value& s) { return lang::make_int(int_of(self_uuid(s))); })
            .property("bytes",
                      [](Interpreter&, const Value& s) { return new_bytes(self_uuid(s)->bytes); })
            .property("urn",
                      [](Interpreter&, const Value& s) {
                          return lang::new_str("urn:uuid:" + text_of(self_uuid(s)));
                      })
            .property("version", [](Interpreter&, const Value& s) {
                const std::string& b = self_uuid(s)->bytes;
                if ((static_cast<unsigned char>(b[8]) & 0xc0) != 0x80) return Value::none();
                return Value::integer((static_cast<unsigned char>(b[6]) >> 4) & 0xf);
            });
        return b.build();
    }();
    return t;
}

void make_uuid_module(Interpreter& in, lang::Module& m) {
    Type* t = uuid_type();
    def_value(m, "UUID", Value(t));
    def_fn(
        m, "uuid4", +[](Interpreter&, const Value&, Args&) {
            std::string b = secure_random_bytes(kUuidBytes);
            set_version(b, 4);
            return make_uuid(uuid_type(), std::move(b));
        });
    def_fn(
        m, "uuid3", +[](Interpreter& in, const Value&, Args& args) {
            return name_based(in, args, "uuid3", "md5", 3);
        });
    def_fn(
        m, "uuid5", +[](Interpreter& in, const Value&, Args& args) {
            return name_based(in, args, "uuid5", "sha1", 5);
        });
    const std::pair<const char*, const char*> namespaces[] = {
        {"NAMESPACE_DNS", "6ba7b810-9dad-11d1-80b4-00c04fd430c8"},
        {"NAMESPACE_URL", "6ba7b811-9dad-11d1-80b4-00c04fd430c8"},
        {"NAMESPACE_OID", "6ba7b812-9dad-11d1-80b4-00c04fd430c8"},
        {"NAMESPACE_X500", "6ba7b814-9dad-11d1-80b4-00c04fd430c8"}};
    for (auto& [name, text] : namespaces)
        def_value(m, name, make_uuid(t, bytes_from_hex(in, text)));
}

} // namespace

void register_uuid_module(Interpreter& in) {
    in.register_builtin_module("uuid", make_uuid_module);
}

} // namespace ormsh::api::stdlib
