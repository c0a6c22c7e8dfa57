// IdentityMap: one session's map from (mapper, primary key) to the object holding that row,
// so that loading a row twice yields the same object (`a is b`). Entries do not keep objects
// alive: the session retains pending, dirty and deleted objects itself, and a clean object the
// script drops is removed by its host through discard(), as SQLAlchemy's weak identity map.
#pragma once

#include "core/orm/identity_key.h"
#include "core/orm/instance_state.h"

#include <cstddef>
#include <unordered_set>
#include <vector>

namespace ormsh::orm {

class IdentityMap {
public:
    InstanceState* find(const IdentityKey& key) const;
    // Adds `state` under its key (state.key must be set); replaces nothing: returns the state
    // already present under that key, or `state` when it was added.
    InstanceState* add(InstanceState& state);
    // Removes `state` if it is the one registered under its key.
    void discard(InstanceState& state);
    bool contains(const InstanceState& state) const;
    std::size_t size() const { return states_.size(); }
    std::vector<InstanceState*> states() const;
    void clear() { states_.clear(); }

private:
    // The states themselves are the entries, hashed and compared by the key each one holds,
    // so a large flush stores one pointer per object instead of a second copy of its key.
    struct ByKeyHash {
        using is_transparent = void;
        std::size_t operator()(const InstanceState* state) const {
            return IdentityKeyHash{}(*state->key);
        }
        std::size_t operator()(const IdentityKey& key) const { return IdentityKeyHash{}(key); }
    };
    struct ByKeyEqual {
        using is_transparent = void;
        bool operator()(const InstanceState* a, const InstanceState* b) const {
            return *a->key == *b->key;
        }
        bool operator()(const IdentityKey& key, const InstanceState* s) const {
            return key == *s->key;
        }
        bool operator()(const InstanceState* s, const IdentityKey& key) const {
            return *s->key == key;
        }
    };
    std::unordered_set<InstanceState*, ByKeyHash, ByKeyEqual> states_;
};

} // namespace ormsh::orm
