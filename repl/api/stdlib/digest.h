// Message digests and PBKDF2 on OpenSSL's libcrypto, for hashlib, werkzeug.security and the
// seeding of random (which hashes str/bytes seeds with SHA-512 as CPython does).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace ormsh::api::stdlib {

// An incremental digest (hashlib's update/digest/copy). Names are OpenSSL's: md5, sha1,
// sha224, sha256, sha384, sha512, sha3_256, blake2b ...
class Digest {
public:
    // nullopt when OpenSSL does not know the algorithm.
    static std::optional<Digest> create(std::string_view name);
    Digest(const Digest& other);
    Digest& operator=(const Digest&) = delete;
    Digest(Digest&&) noexcept;
    ~Digest();
    void update(std::string_view data);
    std::string finish() const; // the raw digest; the object stays usable
    int size() const;
    int block_size() const;

private:
    struct State;
    explicit Digest(std::unique_ptr<State> s);
    std::unique_ptr<State> state_;
};

std::string digest_of(std::string_view name, std::string_view data);
std::string to_hex(std::string_view raw);

// PBKDF2-HMAC with the named digest; nullopt when the digest is unknown.
std::optional<std::string> pbkdf2_hmac(std::string_view digest, std::string_view password,
                                       std::string_view salt, int iterations, int length);
// HMAC of `data` keyed with `key`.
std::optional<std::string> hmac(std::string_view digest, std::string_view key,
                                std::string_view data);
// scrypt (RFC 7914); nullopt when the parameters are rejected. maxmem 0 means OpenSSL's default.
std::optional<std::string> scrypt(std::string_view password, std::string_view salt, uint64_t n,
                                  uint64_t r, uint64_t p, uint64_t maxmem, size_t length);
// Compares in time independent of where the texts differ (hmac.compare_digest).
bool constant_time_equal(std::string_view a, std::string_view b);
// Cryptographically secure random bytes.
std::string secure_random_bytes(size_t n);

} // namespace ormsh::api::stdlib
