// IdentityMap: one session's map from (mapper, primary key) to the object holding that row,
// so that loading a row twice yields the same object (`a is b`). Entries do not keep objects
// alive: the session retains pending, dirty and deleted objects itself, and a clean object the
// script drops is removed by its host through discard(), as SQLAlchemy's weak identity map.
#pragma once

#include "core/orm/identity_key.h"
#include "core/orm/instance_state.h"

#include <cstddef>
#include <vector>

namespace ormsh::orm {

class IdentityMap {
public:
    InstanceState* find(const IdentityKey& key) const;
    // The same for a key borrowed from a loader's buffer (nothing is copied).
    InstanceState* find(const IdentityKeyView& key) const;
    // Adds `state` under its key (state.key must be set); replaces nothing: returns the state
    // already present under that key, or `state` when it was added.
    InstanceState* add(InstanceState& state);
    // Removes `state` if it is the one registered under its key.
    void discard(InstanceState& state);
    bool contains(const InstanceState& state) const;
    std::size_t size() const { return size_; }
    std::vector<InstanceState*> states() const;
    void clear();

private:
    // The states themselves are the entries, found by the key each one holds, in an open
    // addressing table (linear probing, power-of-two size) that keeps each key's hash: a large
    // load or flush registers one object per row, and this costs no allocation per object
    // and no rehashing of keys when the table grows.
    struct Entry {
        std::size_t hash = 0;
        InstanceState* state = nullptr; // null: a free slot
    };
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    // The slot holding `key` (hashing to `hash`), or npos.
    template <class Key> std::size_t slot_of(const Key& key, std::size_t hash) const;
    void grow();
    void erase_slot(std::size_t slot);

    std::vector<Entry> entries_;
    std::size_t size_ = 0;
};

} // namespace ormsh::orm
