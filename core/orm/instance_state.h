// InstanceState: what the ORM knows about one mapped object (SQLAlchemy's InstanceState):
// its status in a session, its identity key, the column values as engine::Value slots with
// per-slot loaded / modified flags and committed history, and its relationship slots. The
// object itself belongs to a host (a Python object, or any C++ object) reached through
// InstanceHost.
#pragma once

#include "core/engine/value.h"
#include "core/orm/identity_key.h"
#include "core/orm/slot_value.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <vector>

namespace ormsh::orm {

class Mapper;
class Session;
class InstanceState;

// The object an InstanceState belongs to. core/orm retains it while it must stay alive on
// purpose (referenced from a relationship, or pending/dirty/deleted in a session) and releases
// it after; the host's own memory management does the rest.
class InstanceHost {
public:
    virtual void retain() = 0;
    virtual void release() = 0;
    virtual InstanceState& state() = 0;
    // Whether anything besides one strong reference keeps the object alive, so that dropping
    // that reference would not free it. A host that cannot tell answers true.
    virtual bool referenced_elsewhere() const { return true; }
    // How the object is named in messages: "<User at 0x7f3a...>", as SQLAlchemy's state_str.
    virtual std::string describe() const = 0;
    // core/orm is about to keep references to other objects in the state (its first
    // relationship slot): a host with a cycle collector starts watching the object then, and
    // objects that never reference another (most rows of a large seed) cost it nothing.
    virtual void holds_references() {}

protected:
    ~InstanceHost() = default;
};

// A strong reference to a mapped object, through its host.
class StateRef {
public:
    StateRef() = default;
    explicit StateRef(InstanceState* state);
    StateRef(const StateRef& other) : StateRef(other.state_) {}
    StateRef(StateRef&& other) noexcept : state_(other.state_) { other.state_ = nullptr; }
    StateRef& operator=(StateRef other) noexcept {
        std::swap(state_, other.state_);
        return *this;
    }
    ~StateRef();

    InstanceState* get() const { return state_; }
    InstanceState* operator->() const { return state_; }
    InstanceState& operator*() const { return *state_; }
    explicit operator bool() const { return state_ != nullptr; }
    bool operator==(const StateRef& o) const { return state_ == o.state_; }
    bool operator==(const InstanceState* o) const { return state_ == o; }

private:
    InstanceState* state_ = nullptr;
};

enum class Status : std::uint8_t { Transient, Pending, Persistent, Deleted, Detached };

// The value of one relationship attribute on one object. A many-to-one (or uselist=False)
// holds `scalar`; a collection holds `items`. History since the last load or flush drives the
// flush: what was added to or removed from a collection, and the former scalar target.
struct RelatedSlot {
    bool loaded = false;
    StateRef scalar;
    std::vector<StateRef> items;
    std::vector<StateRef> added;
    std::vector<StateRef> removed;
    bool scalar_changed = false;
    StateRef original_scalar;

    void clear_history() {
        added.clear();
        removed.clear();
        scalar_changed = false;
        original_scalar = StateRef();
    }
};

class InstanceState {
    // Pointers first, the small fields last, so that the state packs into seven words: a large
    // flush holds one state per row, and a mapped object of a few columns stays in a 160-byte
    // allocation (the object header, the host's vtable pointer, the state, the slots).
    const Mapper* mapper_;
    // What few objects need, made on first use: committed values (the first change of a
    // loaded slot; pending objects, most of a large flush, never need them) and relationship
    // slots (objects of classes without relationships never need them).
    struct Extras {
        // committed[slot] is meaningful only while the slot is modified.
        std::vector<engine::Value> committed;
        std::vector<RelatedSlot> related;
    };
    std::unique_ptr<Extras> extras_;
    // The identity key, as key_kind_ says.
    union {
        std::int64_t inline_key_;
        IdentityKey* heap_key_;
    };

public:
    // The bytes a host reserves right after the state for its column slots (see the
    // constructor).
    static std::size_t slot_storage_size(const Mapper& mapper);
    // The state is a member of `host` (the host is found from the state's address, not kept),
    // and slot_storage_size(mapper) bytes right after the state hold its column slots: the
    // host places its state last and allocates them with itself, one allocation per object.
    InstanceState(const Mapper& mapper, InstanceHost& host);
    InstanceState(const InstanceState&) = delete;
    InstanceState& operator=(const InstanceState&) = delete;
    ~InstanceState();

    const Mapper& mapper() const { return *mapper_; }
    InstanceHost& host() const {
        return *std::launder(reinterpret_cast<InstanceHost*>(
            reinterpret_cast<char*>(const_cast<InstanceState*>(this)) - host_offset_));
    }

    Session* session = nullptr;
    // The last Loader that returned this object as a row's first entity: a query uniquing
    // its rows asks this instead of keeping a set of every object seen.
    std::uint64_t loaded_by = 0;
    // The session transaction whose flush inserted the row (Session::transaction_serial_).
    std::uint32_t inserted_in = 0;
    // Monotonic order in which the object was added to its session (flush order of inserts).
    std::uint32_t insert_order = 0;

private:
    // Where the host is: this many bytes before the state.
    std::int16_t host_offset_ = 0;
    std::uint16_t slot_count_ = 0;

public:
    Status status : 3 = Status::Transient;
    // True while the session retains the host (pending, dirty or deleted objects).
    bool strongly_held : 1 = false;
    // session.delete() was called; the DELETE runs at the next flush.
    bool marked_deleted : 1 = false;
    // Marks of the running flush (UnitOfWork), cleared when it ends: the object takes part in
    // it, and its row was inserted by it. Flags instead of sets: a large flush keeps no
    // per-object hash entries.
    bool in_flush : 1 = false;
    bool inserted_by_flush : 1 = false;

    // Identity key ---------------------------------------------------------------------------
    // Set once the object has a row: (mapper, primary key values). A single integer key of the
    // object's own mapper (almost every table's) is held inline: a large flush allocates
    // nothing per object for its keys.
    bool has_identity() const { return key_kind_ != kNoKey; }
    // The key, rebuilt (it must be set).
    IdentityKey identity() const;
    void set_identity(IdentityKey key);
    // Sets the key from the primary-key slots (Session::identity_key_of), without building an
    // IdentityKey for an inline one.
    void set_identity_from_slots();
    void clear_identity();
    // Comparison and hash of the key (it must be set) as IdentityKey's, without rebuilding it.
    bool identity_equals(const IdentityKey& key) const;
    bool identity_equals(const IdentityKeyView& key) const;
    bool identity_equals(const InstanceState& other) const;
    std::size_t identity_hash() const;

    // Column slots -------------------------------------------------------------------------
    std::size_t slot_count() const { return slot_count_; }
    // The value of a slot, as an engine::Value (the slot holds it in a compact form).
    engine::Value value(std::size_t slot) const { return values()[slot].get(); }
    // The slot itself: asking it directly (null? an integer?) converts nothing.
    const SlotValue& slot_value(std::size_t slot) const { return values()[slot]; }
    bool is_loaded(std::size_t slot) const { return values()[slot].marks() & kLoaded; }
    bool is_modified(std::size_t slot) const { return values()[slot].marks() & kModified; }
    // True when any column or relationship changed since the last load / flush.
    bool modified() const { return modified_; }

    // Sets a slot as the user does: records the committed value the first time the slot
    // changes, so that the flush can tell a real change from the same value assigned again.
    void set_value(std::size_t slot, engine::Value value);
    // The same for a text value, copied once into the slot.
    void set_text(std::size_t slot, std::string_view text);
    // Sets a slot as loading does: the value becomes the committed value; no history.
    void load_value(std::size_t slot, engine::Value&& value);
    void load_value(std::size_t slot, const engine::Value& value);
    // The value the database held when the slot was loaded (the current value when unmodified).
    engine::Value committed_value(std::size_t slot) const;
    // Slots whose value differs from the committed one (what an UPDATE must set).
    std::vector<std::size_t> changed_slots() const;

    // Marks every slot unloaded (expire on commit / expire()); the next access reloads.
    void expire_all();
    void expire(std::size_t slot);
    bool any_expired() const;
    // After a successful flush: current values become committed; no history.
    void commit_all();
    // Rollback of a persistent object: restores committed values and forgets changes.
    void discard_changes();

    // Relationship slots --------------------------------------------------------------------
    // Relationships configured after this object was made (a backref from a class declared
    // later) get their slot on first use.
    RelatedSlot& related(std::size_t index) {
        std::vector<RelatedSlot>& related = extras().related;
        if (index >= related.size()) {
            if (related.empty()) host().holds_references();
            related.resize(index + 1);
        }
        return related[index];
    }
    const RelatedSlot& related(std::size_t index) const {
        static const RelatedSlot empty;
        return extras_ && index < extras_->related.size() ? extras_->related[index] : empty;
    }
    std::size_t related_count() const { return extras_ ? extras_->related.size() : 0; }
    // A relationship of this object changed: the session must flush it.
    void mark_modified();

    // Calls `visit` for every object this one references through a relationship, so that the
    // host's garbage collector can see the references core/orm holds.
    void for_each_reference(const std::function<void(InstanceState&)>& visit) const;
    // Drops every relationship reference (to break a garbage cycle).
    void clear_references();

private:
    static constexpr std::uint8_t kLoaded = 1;
    static constexpr std::uint8_t kModified = 2;
    // Set while modified when the slot was not loaded at the first change: whatever the row
    // holds, the UPDATE sets it (assigning None to an expired attribute included).
    static constexpr std::uint8_t kCommittedUnknown = 4;

    static constexpr std::uint8_t kNoKey = 0;
    static constexpr std::uint8_t kInlineKey = 1; // inline_key_ with mapper_
    static constexpr std::uint8_t kHeapKey = 2;   // heap_key_

    // set_value()'s bookkeeping before and after the slot changes.
    void begin_change(std::size_t slot);
    void end_change(std::size_t slot);

    // The column slots, right after the state (each slot's marks hold the flags above).
    SlotValue* values() const {
        return std::launder(reinterpret_cast<SlotValue*>(const_cast<InstanceState*>(this) + 1));
    }
    Extras& extras() {
        if (!extras_) extras_ = std::make_unique<Extras>();
        return *extras_;
    }
    // The committed values, when any were recorded.
    std::vector<engine::Value>* committed() const {
        return extras_ && !extras_->committed.empty() ? &extras_->committed : nullptr;
    }
    void forget_committed() {
        if (extras_) extras_->committed = {};
    }

    bool modified_ : 1 = false;
    std::uint8_t key_kind_ : 2 = kNoKey;
};

} // namespace ormsh::orm
