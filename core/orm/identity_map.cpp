// IdentityMap: an open-addressing hash table of states keyed by their identity keys, holding
// states without owning them. A state's key must not change while it is in the map.
#include "core/orm/identity_map.h"

#include <cstdint>

namespace ormsh::orm {

namespace {

// Identity keys are mostly small consecutive integers, whose hashes differ only in the low
// bits; mixing spreads every bit over the table so that no pattern of keys forms long probe
// runs (the finalizer of MurmurHash3).
std::size_t mixed_hash(std::size_t h) {
    std::uint64_t x = h;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return static_cast<std::size_t>(x);
}

// Grow when the table would be more than half full: a load looks up every new key first, and
// with linear probing a miss stays short only while the table is no fuller than this.
constexpr std::size_t kMaxLoadNumerator = 1;
constexpr std::size_t kMaxLoadDenominator = 2;
constexpr std::size_t kInitialSlots = 16;

} // namespace

template <class Key> std::size_t IdentityMap::slot_of(const Key& key, std::size_t hash) const {
    if (entries_.empty()) return npos;
    std::size_t mask = entries_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        const Entry& e = entries_[i];
        if (!e.state) return npos;
        if (e.hash == hash && key == *e.state->key) return i;
    }
}

InstanceState* IdentityMap::find(const IdentityKey& key) const {
    std::size_t slot = slot_of(key, mixed_hash(IdentityKeyHash{}(key)));
    return slot == npos ? nullptr : entries_[slot].state;
}

InstanceState* IdentityMap::find(const IdentityKeyView& key) const {
    std::size_t slot = slot_of(key, mixed_hash(IdentityKeyHash{}(key)));
    return slot == npos ? nullptr : entries_[slot].state;
}

InstanceState* IdentityMap::add(InstanceState& state) {
    if ((size_ + 1) * kMaxLoadDenominator > entries_.size() * kMaxLoadNumerator) grow();
    const IdentityKey& key = *state.key;
    std::size_t hash = mixed_hash(IdentityKeyHash{}(key));
    std::size_t mask = entries_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        Entry& e = entries_[i];
        if (!e.state) {
            e = Entry{hash, &state};
            ++size_;
            return &state;
        }
        if (e.hash == hash && key == *e.state->key) return e.state;
    }
}

void IdentityMap::grow() {
    std::vector<Entry> old = std::move(entries_);
    entries_.assign(old.empty() ? kInitialSlots : old.size() * 2, Entry{});
    std::size_t mask = entries_.size() - 1;
    for (const Entry& e : old) {
        if (!e.state) continue;
        std::size_t i = e.hash & mask;
        while (entries_[i].state)
            i = (i + 1) & mask;
        entries_[i] = e;
    }
}

void IdentityMap::erase_slot(std::size_t slot) {
    // Backward-shift deletion: later entries of the probe run move into the hole when their
    // home slot allows it, so lookups never need tombstones.
    std::size_t mask = entries_.size() - 1;
    std::size_t hole = slot;
    for (std::size_t j = (hole + 1) & mask; entries_[j].state; j = (j + 1) & mask) {
        std::size_t home = entries_[j].hash & mask;
        // The entry at j may fill the hole when the hole lies on its probe path [home, j).
        bool on_path = j > hole ? (home <= hole || home > j) : (home <= hole && home > j);
        if (on_path) {
            entries_[hole] = entries_[j];
            hole = j;
        }
    }
    entries_[hole] = Entry{};
    --size_;
}

void IdentityMap::discard(InstanceState& state) {
    if (!state.key) return;
    std::size_t slot = slot_of(*state.key, mixed_hash(IdentityKeyHash{}(*state.key)));
    if (slot != npos && entries_[slot].state == &state) erase_slot(slot);
}

bool IdentityMap::contains(const InstanceState& state) const {
    if (!state.key) return false;
    std::size_t slot = slot_of(*state.key, mixed_hash(IdentityKeyHash{}(*state.key)));
    return slot != npos && entries_[slot].state == &state;
}

std::vector<InstanceState*> IdentityMap::states() const {
    std::vector<InstanceState*> out;
    out.reserve(size_);
    for (const Entry& e : entries_)
        if (e.state) out.push_back(e.state);
    return out;
}

void IdentityMap::clear() {
    entries_ = std::vector<Entry>();
    size_ = 0;
}

} // namespace ormsh::orm
