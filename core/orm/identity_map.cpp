// IdentityMap: a hash map keyed by identity key, holding states without owning them.
#include "core/orm/identity_map.h"

namespace ormsh::orm {

InstanceState* IdentityMap::find(const IdentityKey& key) const {
    auto it = map_.find(key);
    return it == map_.end() ? nullptr : it->second;
}

InstanceState* IdentityMap::add(InstanceState& state) {
    auto [it, inserted] = map_.emplace(*state.key, &state);
    return it->second;
}

void IdentityMap::discard(InstanceState& state) {
    if (!state.key) return;
    auto it = map_.find(*state.key);
    if (it != map_.end() && it->second == &state) map_.erase(it);
}

bool IdentityMap::contains(const InstanceState& state) const {
    if (!state.key) return false;
    auto it = map_.find(*state.key);
    return it != map_.end() && it->second == &state;
}

std::vector<InstanceState*> IdentityMap::states() const {
    std::vector<InstanceState*> out;
    out.reserve(map_.size());
    for (const auto& [key, state] : map_) out.push_back(state);
    return out;
}

} // namespace ormsh::orm
