// IdentityMap: an open-addressing hash table of states keyed by their identity keys, holding
// states without owning them. A state's key must not change while it is in the map.
#include "core/orm/identity_map.h"

#include <cstdint>
#include <stdexcept>

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

constexpr unsigned kAddressBits = 48;
constexpr std::uint64_t kAddressMask = (std::uint64_t{1} << kAddressBits) - 1;

// The table size that holds `count` entries within the load limit.
std::size_t slots_for(std::size_t count) {
    std::size_t slots = kInitialSlots;
    while (count * kMaxLoadDenominator > slots * kMaxLoadNumerator)
        slots *= 2;
    return slots;
}

} // namespace

IdentityMap::Entry IdentityMap::make_entry(InstanceState* state, std::size_t hash) {
    auto address = reinterpret_cast<std::uintptr_t>(state);
    if (address & ~kAddressMask)
        throw std::logic_error("identity map: an object's address does not fit in 48 bits");
    return (static_cast<std::uint64_t>(hash) & ~kAddressMask) | address;
}

InstanceState* IdentityMap::state_of(Entry e) {
    return reinterpret_cast<InstanceState*>(static_cast<std::uintptr_t>(e & kAddressMask));
}

bool IdentityMap::same_tag(Entry e, std::size_t hash) {
    return ((e ^ static_cast<std::uint64_t>(hash)) & ~kAddressMask) == 0;
}

template <class Key> std::size_t IdentityMap::slot_of(const Key& key, std::size_t hash) const {
    if (entries_.empty()) return npos;
    std::size_t mask = entries_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        Entry e = entries_[i];
        if (!e) return npos;
        if (same_tag(e, hash) && state_of(e)->identity_equals(key)) return i;
    }
}

InstanceState* IdentityMap::find(const IdentityKey& key) const {
    std::size_t slot = slot_of(key, mixed_hash(IdentityKeyHash{}(key)));
    return slot == npos ? nullptr : state_of(entries_[slot]);
}

InstanceState* IdentityMap::find(const IdentityKeyView& key) const {
    std::size_t slot = slot_of(key, mixed_hash(IdentityKeyHash{}(key)));
    return slot == npos ? nullptr : state_of(entries_[slot]);
}

InstanceState* IdentityMap::find(const InstanceState& state) const {
    if (size_ == 0) return nullptr;
    std::size_t slot = slot_of(state, mixed_hash(state.identity_hash()));
    return slot == npos ? nullptr : state_of(entries_[slot]);
}

InstanceState* IdentityMap::add(InstanceState& state) {
    if ((size_ + 1) * kMaxLoadDenominator > entries_.size() * kMaxLoadNumerator)
        rehash(entries_.empty() ? kInitialSlots : entries_.size() * 2);
    std::size_t hash = mixed_hash(state.identity_hash());
    std::size_t mask = entries_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        Entry e = entries_[i];
        if (!e) {
            entries_[i] = make_entry(&state, hash);
            ++size_;
            return &state;
        }
        if (same_tag(e, hash) && state_of(e)->identity_equals(state)) return state_of(e);
    }
}

void IdentityMap::reserve(std::size_t count) {
    std::size_t slots = slots_for(count);
    if (slots > entries_.size()) rehash(slots);
}

void IdentityMap::rehash(std::size_t slots) {
    std::vector<Entry> old = std::move(entries_);
    entries_.assign(slots, Entry{});
    std::size_t mask = entries_.size() - 1;
    for (Entry e : old) {
        if (!e) continue;
        // The entry keeps only the top bits of the hash: the home slot comes from the key.
        std::size_t i = mixed_hash(state_of(e)->identity_hash()) & mask;
        while (entries_[i])
            i = (i + 1) & mask;
        entries_[i] = e;
    }
}

void IdentityMap::erase_slot(std::size_t slot) {
    // Backward-shift deletion: later entries of the probe run move into the hole when their
    // home slot allows it, so lookups never need tombstones.
    std::size_t mask = entries_.size() - 1;
    std::size_t hole = slot;
    for (std::size_t j = (hole + 1) & mask; entries_[j]; j = (j + 1) & mask) {
        std::size_t home = mixed_hash(state_of(entries_[j])->identity_hash()) & mask;
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
    if (!state.has_identity()) return;
    std::size_t slot = slot_of(state, mixed_hash(state.identity_hash()));
    if (slot != npos && state_of(entries_[slot]) == &state) erase_slot(slot);
}

bool IdentityMap::contains(const InstanceState& state) const {
    if (!state.has_identity()) return false;
    std::size_t slot = slot_of(state, mixed_hash(state.identity_hash()));
    return slot != npos && state_of(entries_[slot]) == &state;
}

std::vector<InstanceState*> IdentityMap::states() const {
    std::vector<InstanceState*> out;
    out.reserve(size_);
    for (Entry e : entries_)
        if (e) out.push_back(state_of(e));
    return out;
}

void IdentityMap::clear() {
    entries_ = std::vector<Entry>();
    size_ = 0;
}

} // namespace ormsh::orm
