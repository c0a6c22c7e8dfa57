// IdentityMap: a hash set of states keyed by their identity keys, holding states without
// owning them. A state's key must not change while it is in the map.
#include "core/orm/identity_map.h"

namespace ormsh::orm {

InstanceState* IdentityMap::find(const IdentityKey& key) const {
    auto it = states_.find(key);
    return it == states_.end() ? nullptr : *it;
}

InstanceState* IdentityMap::add(InstanceState& state) {
    auto [it, inserted] = states_.insert(&state);
    return *it;
}

void IdentityMap::discard(InstanceState& state) {
    if (!state.key) return;
    auto it = states_.find(*state.key);
    if (it != states_.end() && *it == &state) states_.erase(it);
}

bool IdentityMap::contains(const InstanceState& state) const {
    if (!state.key) return false;
    auto it = states_.find(*state.key);
    return it != states_.end() && *it == &state;
}

std::vector<InstanceState*> IdentityMap::states() const {
    return std::vector<InstanceState*>(states_.begin(), states_.end());
}

} // namespace ormsh::orm
