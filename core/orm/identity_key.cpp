// Hashing of identity keys: integers hash as themselves, text by its bytes.
#include "core/orm/identity_key.h"

#include <functional>
#include <string_view>

namespace ormsh::orm {

bool IdentityKey::has_null() const {
    for (const auto& v : primary_key)
        if (engine::is_null(v)) return true;
    return false;
}

std::size_t hash_value(const engine::Value& value) {
    return std::visit(
        [](const auto& v) -> std::size_t {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::int64_t>) {
                return std::hash<std::int64_t>{}(v);
            } else if constexpr (std::is_same_v<T, std::string>) {
                return std::hash<std::string_view>{}(v);
            } else if constexpr (std::is_same_v<T, double>) {
                return std::hash<double>{}(v);
            } else if constexpr (std::is_same_v<T, bool>) {
                return v ? 1 : 0;
            } else if constexpr (std::is_same_v<T, engine::Blob>) {
                return std::hash<std::string_view>{}(v.bytes);
            } else if constexpr (std::is_same_v<T, engine::Decimal>) {
                return std::hash<std::string_view>{}(v.text);
            } else if constexpr (std::is_same_v<T, engine::Date>) {
                return std::hash<int>{}(v.year * 512 + v.month * 32 + v.day);
            } else if constexpr (std::is_same_v<T, engine::DateTime>) {
                return std::hash<long long>{}(
                    (v.date.year * 512LL + v.date.month * 32 + v.date.day) * 86400000000LL +
                    ((v.time.hour * 60LL + v.time.minute) * 60 + v.time.second) * 1000000LL +
                    v.time.microsecond);
            } else {
                return 0;
            }
        },
        value);
}

namespace {

// The common integer key is hashed without a visit.
std::size_t hash_key_value(const engine::Value& value) {
    if (const auto* i = std::get_if<std::int64_t>(&value)) return std::hash<std::int64_t>{}(*i);
    return hash_value(value);
}

bool same_key_value(const engine::Value& a, const engine::Value& b) {
    const auto* x = std::get_if<std::int64_t>(&a);
    const auto* y = std::get_if<std::int64_t>(&b);
    if (x && y) return *x == *y;
    return a == b;
}

constexpr std::size_t kKeyHashMultiplier = 1000003u;

std::size_t hash_key(const Mapper* mapper, const engine::Value* values, std::size_t size) {
    std::size_t h = std::hash<const void*>{}(mapper);
    for (std::size_t i = 0; i < size; ++i)
        h = h * kKeyHashMultiplier ^ hash_key_value(values[i]);
    return h;
}

} // namespace

std::size_t hash_integer_key(const Mapper* mapper, std::int64_t value) {
    std::size_t h = std::hash<const void*>{}(mapper);
    return h * kKeyHashMultiplier ^ std::hash<std::int64_t>{}(value);
}

bool IdentityKeyView::operator==(const IdentityKey& key) const {
    if (mapper != key.mapper || size != key.primary_key.size()) return false;
    for (std::size_t i = 0; i < size; ++i)
        if (!same_key_value(primary_key[i], key.primary_key[i])) return false;
    return true;
}

std::size_t IdentityKeyHash::operator()(const IdentityKey& key) const {
    return hash_key(key.mapper, key.primary_key.data(), key.primary_key.size());
}

std::size_t IdentityKeyHash::operator()(const IdentityKeyView& key) const {
    return hash_key(key.mapper, key.primary_key, key.size);
}

} // namespace ormsh::orm
