// IdentityMap: one session's map from (mapper, primary key) to the object holding that row,
// so that loading a row twice yields the same object (`a is b`). Entries do not keep objects
// alive: the session retains pending, dirty and deleted objects itself, and a clean object the
// script drops is removed by its host through discard(), as SQLAlchemy's weak identity map.
#pragma once

#include <cstddef>
#include <unordered_map>
#include <vector>

#include "core/orm/identity_key.h"
#include "core/orm/instance_state.h"

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
    std::size_t size() const { return map_.size(); }
    std::vector<InstanceState*> states() const;
    void clear() { map_.clear(); }

private:
    std::unordered_map<IdentityKey, InstanceState*, IdentityKeyHash> map_;
};

} // namespace ormsh::orm
