// InstanceState: slot bookkeeping and history for one mapped object.
#include "core/orm/instance_state.h"

#include "core/orm/mapper.h"
#include "core/orm/session.h"

#include <algorithm>
#include <memory>
#include <new>

namespace ormsh::orm {

StateRef::StateRef(InstanceState* state) : state_(state) {
    if (state_) state_->host().retain();
}

StateRef::~StateRef() {
    if (state_) state_->host().release();
}

std::size_t InstanceState::slot_storage_size(const Mapper& mapper) {
    return mapper.columns().size() * (sizeof(SlotValue) + 1);
}

InstanceState::InstanceState(const Mapper& mapper, InstanceHost& host, void* slot_storage)
    : mapper_(&mapper), host_(&host),
      slot_count_(static_cast<std::uint32_t>(mapper.columns().size())) {
    if (slot_count_ == 0) return;
    owns_slots_ = slot_storage == nullptr;
    if (owns_slots_) slot_storage = ::operator new(slot_storage_size(mapper));
    values_ = static_cast<SlotValue*>(slot_storage);
    std::uninitialized_value_construct_n(values_, slot_count_);
    std::fill(flags(), flags() + slot_count_, std::uint8_t{0});
}

InstanceState::~InstanceState() {
    if (session) session->forget(*this);
    clear_identity();
    std::destroy_n(values_, slot_count_);
    if (owns_slots_) ::operator delete(values_);
}

IdentityKey InstanceState::identity() const {
    if (key_kind_ == kHeapKey) return *heap_key_;
    return IdentityKey{mapper_, {engine::Value{inline_key_}}};
}

void InstanceState::set_identity(IdentityKey key) {
    const std::int64_t* single = key.mapper == mapper_ && key.primary_key.size() == 1
                                     ? std::get_if<std::int64_t>(&key.primary_key[0])
                                     : nullptr;
    if (single) {
        clear_identity();
        inline_key_ = *single;
        key_kind_ = kInlineKey;
    } else if (key_kind_ == kHeapKey) {
        *heap_key_ = std::move(key);
    } else {
        heap_key_ = new IdentityKey(std::move(key));
        key_kind_ = kHeapKey;
    }
}

void InstanceState::set_identity_from_slots() {
    const auto& slots = mapper_->primary_key_slots();
    if (slots.size() == 1) {
        if (auto single = values_[slots[0]].if_int()) {
            clear_identity();
            inline_key_ = *single;
            key_kind_ = kInlineKey;
            return;
        }
    }
    set_identity(Session::identity_key_of(*this));
}

void InstanceState::clear_identity() {
    if (key_kind_ == kHeapKey) delete heap_key_;
    key_kind_ = kNoKey;
}

bool InstanceState::identity_equals(const IdentityKey& key) const {
    if (key_kind_ == kHeapKey) return key == *heap_key_;
    if (key.mapper != mapper_ || key.primary_key.size() != 1) return false;
    const auto* single = std::get_if<std::int64_t>(&key.primary_key[0]);
    return single && *single == inline_key_;
}

bool InstanceState::identity_equals(const IdentityKeyView& key) const {
    if (key_kind_ == kHeapKey) return key == *heap_key_;
    if (key.mapper != mapper_ || key.size != 1) return false;
    const auto* single = std::get_if<std::int64_t>(&key.primary_key[0]);
    return single && *single == inline_key_;
}

bool InstanceState::identity_equals(const InstanceState& other) const {
    if (key_kind_ == kInlineKey && other.key_kind_ == kInlineKey)
        return mapper_ == other.mapper_ && inline_key_ == other.inline_key_;
    if (other.key_kind_ == kHeapKey) return identity_equals(*other.heap_key_);
    return other.identity_equals(identity());
}

std::size_t InstanceState::identity_hash() const {
    if (key_kind_ == kHeapKey) return IdentityKeyHash{}(*heap_key_);
    return hash_integer_key(mapper_, inline_key_);
}

void InstanceState::set_value(std::size_t slot, engine::Value value) {
    begin_change(slot);
    values_[slot].set(std::move(value));
    end_change(slot);
}

void InstanceState::set_text(std::size_t slot, std::string_view text) {
    begin_change(slot);
    values_[slot].set_text(text);
    end_change(slot);
}

void InstanceState::begin_change(std::size_t slot) {
    if (!(flags()[slot] & kModified)) {
        // The committed value is what was loaded; an unloaded slot of a persistent object has
        // no known committed value, which the flush treats as "changed".
        if (flags()[slot] & kLoaded) {
            if (!committed_) committed_ = std::make_unique<std::vector<engine::Value>>(slot_count_);
            (*committed_)[slot] = values_[slot].get();
        } else {
            if (committed_) (*committed_)[slot] = engine::Value{};
            flags()[slot] |= kCommittedUnknown;
        }
        flags()[slot] |= kModified;
    }
}

void InstanceState::end_change(std::size_t slot) {
    flags()[slot] |= kLoaded;
    modified_ = true;
    if (session && !strongly_held) session->note_modified(*this);
}

void InstanceState::load_value(std::size_t slot, engine::Value&& value) {
    values_[slot].set(std::move(value));
    flags()[slot] = kLoaded;
    if (committed_) (*committed_)[slot] = engine::Value{};
}

void InstanceState::load_value(std::size_t slot, const engine::Value& value) {
    values_[slot].set(value);
    flags()[slot] = kLoaded;
    if (committed_) (*committed_)[slot] = engine::Value{};
}

engine::Value InstanceState::committed_value(std::size_t slot) const {
    if (!(flags()[slot] & kModified)) return values_[slot].get();
    return committed_ ? (*committed_)[slot] : engine::Value{};
}

std::vector<std::size_t> InstanceState::changed_slots() const {
    std::vector<std::size_t> changed;
    for (std::size_t slot = 0; slot < slot_count_; ++slot) {
        if ((flags()[slot] & kModified) &&
            ((flags()[slot] & kCommittedUnknown) || !values_[slot].equals(committed_value(slot))))
            changed.push_back(slot);
    }
    return changed;
}

void InstanceState::expire_all() {
    for (std::size_t slot = 0; slot < slot_count_; ++slot) {
        values_[slot].set_null();
        flags()[slot] = 0;
    }
    committed_.reset();
    if (related_)
        for (auto& rel : *related_)
            rel = RelatedSlot{};
    modified_ = false;
}

void InstanceState::mark_modified() {
    modified_ = true;
    if (session && !strongly_held) session->note_modified(*this);
}

void InstanceState::expire(std::size_t slot) {
    values_[slot].set_null();
    if (committed_) (*committed_)[slot] = engine::Value{};
    flags()[slot] = 0;
}

bool InstanceState::any_expired() const {
    for (std::uint32_t slot = 0; slot < slot_count_; ++slot)
        if (!(flags()[slot] & kLoaded)) return true;
    return false;
}

void InstanceState::commit_all() {
    for (std::size_t slot = 0; slot < slot_count_; ++slot)
        flags()[slot] &= static_cast<std::uint8_t>(~(kModified | kCommittedUnknown));
    committed_.reset();
    if (related_)
        for (auto& rel : *related_)
            rel.clear_history();
    modified_ = false;
}

void InstanceState::discard_changes() {
    for (std::size_t slot = 0; slot < slot_count_; ++slot) {
        if (flags()[slot] & kModified) {
            values_[slot].set(committed_ ? std::move((*committed_)[slot]) : engine::Value{});
            flags()[slot] &= static_cast<std::uint8_t>(~(kModified | kCommittedUnknown));
        }
    }
    committed_.reset();
    modified_ = false;
}

void InstanceState::for_each_reference(const std::function<void(InstanceState&)>& visit) const {
    auto visit_ref = [&](const StateRef& ref) {
        if (ref) visit(*ref);
    };
    if (!related_) return;
    for (const auto& rel : *related_) {
        visit_ref(rel.scalar);
        visit_ref(rel.original_scalar);
        for (const auto& r : rel.items)
            visit_ref(r);
        for (const auto& r : rel.added)
            visit_ref(r);
        for (const auto& r : rel.removed)
            visit_ref(r);
    }
}

void InstanceState::clear_references() {
    // Move the slots out first: releasing a reference may free objects that point back here.
    std::unique_ptr<std::vector<RelatedSlot>> doomed = std::move(related_);
}

} // namespace ormsh::orm
