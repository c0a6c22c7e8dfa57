// IdentityKey: the (mapper, primary key) pair that names one row in a session's identity
// map. The common single-integer key is compared and hashed without touching strings.
#pragma once

#include "core/engine/value.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace ormsh::orm {

class Mapper;

struct IdentityKey {
    // The base mapper of the class hierarchy (a row is one identity whatever subclass loads it).
    const Mapper* mapper = nullptr;
    std::vector<engine::Value> primary_key;

    bool operator==(const IdentityKey& other) const = default;
    // True when a primary-key value is NULL (the object cannot be identified by it).
    bool has_null() const;
};

// A key being looked up, borrowed from wherever its values already are (a loader's buffer), so
// that a lookup copies nothing. Hashes and compares like the IdentityKey it stands for.
struct IdentityKeyView {
    const Mapper* mapper = nullptr;
    const engine::Value* primary_key = nullptr;
    std::size_t size = 0;

    bool operator==(const IdentityKey& key) const;
};

std::size_t hash_value(const engine::Value& value);
// IdentityKeyHash of the key (mapper, [value]) for an integer value, without building it.
std::size_t hash_integer_key(const Mapper* mapper, std::int64_t value);

struct IdentityKeyHash {
    std::size_t operator()(const IdentityKey& key) const;
    std::size_t operator()(const IdentityKeyView& key) const;
};

} // namespace ormsh::orm
