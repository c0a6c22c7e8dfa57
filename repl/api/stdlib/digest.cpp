// Digest, PBKDF2 and HMAC through OpenSSL's EVP interface (the only place that includes
// OpenSSL headers). libcrypto is loaded with dlopen() on first use, so that a script that never
// hashes does not pay for mapping and relocating it at start.
#include "repl/api/stdlib/digest.h"

#include <dlfcn.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <stdexcept>
#include <string>

namespace ormsh::api::stdlib {
namespace {

// The soname of OpenSSL 3's libcrypto.
constexpr const char* kLibCryptoName = "libcrypto.so.3";

// Every libcrypto function used here (X-macro: one line per function).
#define ORMSH_LIBCRYPTO_FUNCTIONS(X)                                                               \
    X(CRYPTO_memcmp)                                                                               \
    X(EVP_DigestFinal_ex)                                                                          \
    X(EVP_DigestInit_ex)                                                                           \
    X(EVP_DigestUpdate)                                                                            \
    X(EVP_MD_CTX_copy_ex)                                                                          \
    X(EVP_MD_CTX_free)                                                                             \
    X(EVP_MD_CTX_new)                                                                              \
    X(EVP_MD_get_block_size)                                                                       \
    X(EVP_MD_get_size)                                                                             \
    X(EVP_PBE_scrypt)                                                                              \
    X(EVP_get_digestbyname)                                                                        \
    X(HMAC)                                                                                        \
    X(PKCS5_PBKDF2_HMAC)                                                                           \
    X(RAND_bytes)

struct LibCrypto {
#define ORMSH_LIBCRYPTO_MEMBER(name) decltype(&::name) name = nullptr;
    ORMSH_LIBCRYPTO_FUNCTIONS(ORMSH_LIBCRYPTO_MEMBER)
#undef ORMSH_LIBCRYPTO_MEMBER
};

LibCrypto load_libcrypto() {
    void* handle = dlopen(kLibCryptoName, RTLD_NOW | RTLD_LOCAL);
    if (!handle) throw std::runtime_error(std::string("cannot load OpenSSL: ") + dlerror());
    LibCrypto api;
#define ORMSH_LIBCRYPTO_RESOLVE(name)                                                              \
    api.name = reinterpret_cast<decltype(api.name)>(dlsym(handle, #name));                         \
    if (!api.name) throw std::runtime_error(std::string(kLibCryptoName) + " has no " #name);
    ORMSH_LIBCRYPTO_FUNCTIONS(ORMSH_LIBCRYPTO_RESOLVE)
#undef ORMSH_LIBCRYPTO_RESOLVE
    // The handle stays open for the life of the process.
    return api;
}

// The loaded library; the first call loads it (thread-safe).
const LibCrypto& crypto() {
    static const LibCrypto api = load_libcrypto();
    return api;
}

} // namespace

struct Digest::State {
    const EVP_MD* md = nullptr;
    EVP_MD_CTX* ctx = nullptr;
    ~State() { crypto().EVP_MD_CTX_free(ctx); }
};

namespace {
const EVP_MD* find_md(std::string_view name) {
    std::string n(name);
    for (auto& c : n)
        if (c == '_') c = '-';
    if (n == "sha3-224" || n == "sha3-256" || n == "sha3-384" || n == "sha3-512")
        return crypto().EVP_get_digestbyname(n.c_str());
    if (n == "blake2b") return crypto().EVP_get_digestbyname("BLAKE2b512");
    if (n == "blake2s") return crypto().EVP_get_digestbyname("BLAKE2s256");
    return crypto().EVP_get_digestbyname(std::string(name).c_str());
}
} // namespace

Digest::Digest(std::unique_ptr<State> s) : state_(std::move(s)) {}
Digest::Digest(Digest&&) noexcept = default;
Digest::~Digest() = default;

Digest::Digest(const Digest& other) : state_(std::make_unique<State>()) {
    state_->md = other.state_->md;
    state_->ctx = crypto().EVP_MD_CTX_new();
    crypto().EVP_MD_CTX_copy_ex(state_->ctx, other.state_->ctx);
}

std::optional<Digest> Digest::create(std::string_view name) {
    const EVP_MD* md = find_md(name);
    if (!md) return std::nullopt;
    auto s = std::make_unique<State>();
    s->md = md;
    s->ctx = crypto().EVP_MD_CTX_new();
    if (!s->ctx || crypto().EVP_DigestInit_ex(s->ctx, md, nullptr) != 1) return std::nullopt;
    return Digest(std::move(s));
}

void Digest::update(std::string_view data) {
    crypto().EVP_DigestUpdate(state_->ctx, data.data(), data.size());
}

std::string Digest::finish() const {
    EVP_MD_CTX* copy = crypto().EVP_MD_CTX_new();
    crypto().EVP_MD_CTX_copy_ex(copy, state_->ctx);
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    crypto().EVP_DigestFinal_ex(copy, out, &len);
    crypto().EVP_MD_CTX_free(copy);
    return std::string(reinterpret_cast<char*>(out), len);
}

int Digest::size() const {
    return crypto().EVP_MD_get_size(state_->md);
}
int Digest::block_size() const {
    return crypto().EVP_MD_get_block_size(state_->md);
}

std::string digest_of(std::string_view name, std::string_view data) {
    auto d = Digest::create(name);
    if (!d) throw std::invalid_argument("unknown digest");
    d->update(data);
    return d->finish();
}

std::string to_hex(std::string_view raw) {
    static const char* digits = "0123456789abcdef";
    std::string out;
    out.reserve(raw.size() * 2);
    for (unsigned char c : raw) {
        out += digits[c >> 4];
        out += digits[c & 15];
    }
    return out;
}

std::optional<std::string> pbkdf2_hmac(std::string_view digest, std::string_view password,
                                       std::string_view salt, int iterations, int length) {
    const EVP_MD* md = find_md(digest);
    if (!md) return std::nullopt;
    std::string out(static_cast<size_t>(length), '\0');
    if (crypto().PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()),
                                   reinterpret_cast<const unsigned char*>(salt.data()),
                                   static_cast<int>(salt.size()), iterations, md, length,
                                   reinterpret_cast<unsigned char*>(out.data())) != 1)
        return std::nullopt;
    return out;
}

std::optional<std::string> hmac(std::string_view digest, std::string_view key,
                                std::string_view data) {
    const EVP_MD* md = find_md(digest);
    if (!md) return std::nullopt;
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (!crypto().HMAC(md, key.data(), static_cast<int>(key.size()),
                       reinterpret_cast<const unsigned char*>(data.data()), data.size(), out, &len))
        return std::nullopt;
    return std::string(reinterpret_cast<char*>(out), len);
}

std::optional<std::string> scrypt(std::string_view password, std::string_view salt, uint64_t n,
                                  uint64_t r, uint64_t p, uint64_t maxmem, size_t length) {
    std::string out(length, '\0');
    if (crypto().EVP_PBE_scrypt(password.data(), password.size(),
                                reinterpret_cast<const unsigned char*>(salt.data()), salt.size(), n,
                                r, p, maxmem, reinterpret_cast<unsigned char*>(out.data()),
                                length) != 1)
        return std::nullopt;
    return out;
}

bool constant_time_equal(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    return crypto().CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string secure_random_bytes(size_t n) {
    std::string out(n, '\0');
    if (n &&
        crypto().RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(n)) != 1)
        throw std::runtime_error("RAND_bytes failed");
    return out;
}

} // namespace ormsh::api::stdlib
