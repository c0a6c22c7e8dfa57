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
                return std::hash<long long>{}((v.date.year * 512LL + v.date.month * 32 + v.date.day) *
                                                  86400000000LL +
                                              ((v.time.hour * 60LL + v.time.minute) * 60 +
                                               v.time.second) * 1000000LL +
                                              v.time.microsecond);
            } else {
                return 0;
            }
        },
        value);
}

std::size_t IdentityKeyHash::operator()(const IdentityKey& key) const {
    std::size_t h = std::hash<const void*>{}(key.mapper);
    for (const auto& v : key.primary_key) h = h * 1000003u ^ hash_value(v);
    return h;
}

} // namespace ormsh::orm
