// InstanceState: slot bookkeeping and history for one mapped object.
#include "core/orm/instance_state.h"

#include "core/orm/mapper.h"
#include "core/orm/session.h"

#include <algorithm>
#include <limits>
#include <memory>
#include <new>
#include <stdexcept>

namespace ormsh::orm {

StateRef::StateRef(InstanceState* state) : state_(state) {
    if (state_) state_->host().retain();
}

StateRef::~StateRef() {
    if (state_) state_->host().release();
}

static_assert(sizeof(InstanceState) <= 7 * sizeof(void*), "the state packs into seven words");
static_assert(sizeof(InstanceState) % alignof(SlotValue) == 0, "slots follow the state");

std::size_t InstanceState::slot_storage_size(const Mapper& mapper) {
    return mapper.columns().size() * sizeof(SlotValue);
}

InstanceState::InstanceState(const Mapper& mapper, InstanceHost& host) : mapper_(&mapper) {
    std::ptrdiff_t offset =
        reinterpret_cast<const char*>(this) - reinterpret_cast<const char*>(&host);
    if (offset < 0 || offset > std::numeric_limits<std::int16_t>::max())
        throw std::logic_error("an InstanceState must be a member of its host");
    if (mapper.columns().size() > std::numeric_limits<std::uint16_t>::max())
        throw std::length_error("too many columns for one mapped class");
    host_offset_ = static_cast<std::int16_t>(offset);
    slot_count_ = static_cast<std::uint16_t>(mapper.columns().size());
    std::uninitialized_value_construct_n(reinterpret_cast<SlotValue*>(this + 1), slot_count_);
}

InstanceState::~InstanceState() {
    if (session) session->forget(*this);
    clear_identity();
    std::destroy_n(values(), slot_count_);
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
        if (auto single = values()[slots[0]].if_int()) {
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
    values()[slot].set(std::move(value));
    end_change(slot);
}

void InstanceState::set_text(std::size_t slot, std::string_view text) {
    begin_change(slot);
    values()[slot].set_text(text);
    end_change(slot);
}

void InstanceState::begin_change(std::size_t slot) {
    std::uint8_t marks = values()[slot].marks();
    if (!(marks & kModified)) {
        // The committed value is what was loaded; an unloaded slot of a persistent object has
        // no known committed value, which the flush treats as "changed".
        if (marks & kLoaded) {
            std::vector<engine::Value>& committed = extras().committed;
            if (committed.empty()) committed.resize(slot_count_);
            committed[slot] = values()[slot].get();
        } else {
            if (auto* committed = this->committed()) (*committed)[slot] = engine::Value{};
            marks |= kCommittedUnknown;
        }
        values()[slot].set_marks(marks | kModified);
    }
}

void InstanceState::end_change(std::size_t slot) {
    values()[slot].set_marks(values()[slot].marks() | kLoaded);
    modified_ = true;
    if (session && !strongly_held) session->note_modified(*this);
}

void InstanceState::load_value(std::size_t slot, engine::Value&& value) {
    values()[slot].set(std::move(value));
    values()[slot].set_marks(kLoaded);
    if (auto* committed = this->committed()) (*committed)[slot] = engine::Value{};
}

void InstanceState::load_value(std::size_t slot, const engine::Value& value) {
    values()[slot].set(value);
    values()[slot].set_marks(kLoaded);
    if (auto* committed = this->committed()) (*committed)[slot] = engine::Value{};
}

engine::Value InstanceState::committed_value(std::size_t slot) const {
    if (!(values()[slot].marks() & kModified)) return values()[slot].get();
    auto* committed = this->committed();
    return committed ? (*committed)[slot] : engine::Value{};
}

std::vector<std::size_t> InstanceState::changed_slots() const {
    std::vector<std::size_t> changed;
    for (std::size_t slot = 0; slot < slot_count_; ++slot) {
        std::uint8_t marks = values()[slot].marks();
        if ((marks & kModified) &&
            ((marks & kCommittedUnknown) || !values()[slot].equals(committed_value(slot))))
            changed.push_back(slot);
    }
    return changed;
}

void InstanceState::expire_all() {
    for (std::size_t slot = 0; slot < slot_count_; ++slot) {
        values()[slot].set_null();
        values()[slot].set_marks(0);
    }
    forget_committed();
    if (extras_)
        for (auto& rel : extras_->related)
            rel = RelatedSlot{};
    modified_ = false;
}

void InstanceState::mark_modified() {
    modified_ = true;
    if (session && !strongly_held) session->note_modified(*this);
}

void InstanceState::expire(std::size_t slot) {
    values()[slot].set_null();
    values()[slot].set_marks(0);
    if (auto* committed = this->committed()) (*committed)[slot] = engine::Value{};
}

bool InstanceState::any_expired() const {
    for (std::size_t slot = 0; slot < slot_count_; ++slot)
        if (!(values()[slot].marks() & kLoaded)) return true;
    return false;
}

void InstanceState::commit_all() {
    for (std::size_t slot = 0; slot < slot_count_; ++slot)
        values()[slot].set_marks(values()[slot].marks() & kLoaded);
    forget_committed();
    if (extras_)
        for (auto& rel : extras_->related)
            rel.clear_history();
    modified_ = false;
}

void InstanceState::discard_changes() {
    auto* committed = this->committed();
    for (std::size_t slot = 0; slot < slot_count_; ++slot) {
        if (values()[slot].marks() & kModified) {
            values()[slot].set(committed ? std::move((*committed)[slot]) : engine::Value{});
            values()[slot].set_marks(values()[slot].marks() & kLoaded);
        }
    }
    forget_committed();
    modified_ = false;
}

void InstanceState::for_each_reference(const std::function<void(InstanceState&)>& visit) const {
    auto visit_ref = [&](const StateRef& ref) {
        if (ref) visit(*ref);
    };
    if (!extras_) return;
    for (const auto& rel : extras_->related) {
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
    if (!extras_) return;
    std::vector<RelatedSlot> doomed = std::move(extras_->related);
    extras_->related.clear();
}

} // namespace ormsh::orm
