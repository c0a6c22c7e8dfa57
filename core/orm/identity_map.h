// IdentityMap: one session's map from (mapper, primary key) to the object holding that row,
// so that loading a row twice yields the same object (`a is b`). Entries do not keep objects
// alive: the session retains pending, dirty and deleted objects itself, and a clean object the
// script drops is removed by its host through discard(), as SQLAlchemy's weak identity map.
#pragma once

#include "core/orm/identity_key.h"
#include "core/orm/instance_state.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace ormsh::orm {

class IdentityMap {
public:
    InstanceState* find(const IdentityKey& key) const;
    // The same for a key borrowed from a loader's buffer (nothing is copied).
    InstanceState* find(const IdentityKeyView& key) const;
    // The state registered under the key `state` has (its identity must be set).
    InstanceState* find(const InstanceState& state) const;
    // Adds `state` under its key (its identity must be set); replaces nothing: returns the state
    // already present under that key, or `state` when it was added.
    InstanceState* add(InstanceState& state);
    // Removes `state` if it is the one registered under its key.
    void discard(InstanceState& state);
    bool contains(const InstanceState& state) const;
    // Makes room for `count` entries in all, so that adding them does not grow the table (a
    // flush registering its rows at once does not hold the old table and the new one).
    void reserve(std::size_t count);
    std::size_t size() const { return size_; }
    std::vector<InstanceState*> states() const;
    void clear();

private:
    // The states themselves are the entries, found by the key each one holds, in an open
    // addressing table (linear probing, power-of-two size): a large load or flush registers one
    // object per row, and this costs no allocation per object. An entry is one word: the
    // state's address (user-space addresses fit in 48 bits) with the top 16 bits of its key's
    // hash above it, so that a probe compares keys only when those bits agree.
    using Entry = std::uint64_t; // 0: a free slot
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    static Entry make_entry(InstanceState* state, std::size_t hash);
    static InstanceState* state_of(Entry e);
    static bool same_tag(Entry e, std::size_t hash);
    // The slot holding `key` (hashing to `hash`), or npos.
    template <class Key> std::size_t slot_of(const Key& key, std::size_t hash) const;
    void rehash(std::size_t slots);
    void erase_slot(std::size_t slot);

    std::vector<Entry> entries_;
    std::size_t size_ = 0;
};

} // namespace ormsh::orm
