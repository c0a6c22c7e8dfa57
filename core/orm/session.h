// Session: SQLAlchemy 1.4's unit-of-work session. It tracks the objects added to it (pending),
// loaded through it (persistent, in the identity map), changed (dirty) and marked for deletion,
// owns one connection and its transaction, and flushes changes in foreign-key order. A flush
// that fails leaves the session needing rollback() (PendingRollbackError), as SQLAlchemy does.
#pragma once

#include "core/engine/engine.h"
#include "core/orm/errors.h"
#include "core/orm/events.h"
#include "core/orm/identity_map.h"
#include "core/orm/instance_state.h"
#include "core/orm/mapper.h"
#include "core/orm/persistence.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

namespace ormsh::orm {

// Creates the host object for a row being loaded (a Python object of the mapped class, made
// without calling __init__) and returns a strong reference to its state.
class InstanceFactory {
public:
    virtual StateRef create(const Mapper& mapper) = 0;

protected:
    ~InstanceFactory() = default;
};


class Session {
public:
    Session(std::shared_ptr<engine::Engine> engine, InstanceFactory& factory);
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    bool autoflush = true;
    bool expire_on_commit = true;
    // User code to run at flush, commit and rollback; null when there is none.
    SessionHooks* hooks = nullptr;

    const std::shared_ptr<engine::Engine>& engine() const { return engine_; }
    void bind(std::shared_ptr<engine::Engine> engine);
    InstanceFactory& factory() const { return *factory_; }

    // The connection of the current transaction, begun on first use.
    engine::Connection& connection();
    bool in_transaction() const { return connection_ != nullptr; }
    // Throws PendingRollbackError when a failed flush left the transaction unusable.
    void check_active() const;
    bool needs_rollback() const { return failed_.has_value(); }
    // A flush wrote to the database in the current transaction (the shell's prompt marks the
    // uncommitted changes).
    bool wrote_in_transaction() const { return wrote_in_transaction_; }
    // A statement run through session.execute() changed rows (INSERT/UPDATE/DELETE text).
    void note_write() { wrote_in_transaction_ = true; }

    // State changes --------------------------------------------------------------------------
    // add(): transient -> pending (and save-update cascade at flush); detached -> persistent.
    void add(InstanceState& state);
    // delete(): persistent -> deleted at the next flush. A pending object raises
    // InvalidRequestError as SQLAlchemy does ("Instance '<X at 0x..>' is not persisted").
    void delete_(InstanceState& state);
    void expunge(InstanceState& state);
    void expunge_all();
    bool contains(const InstanceState& state) const;

    // Called by InstanceState when a persistent object changes, so the session keeps it alive
    // until flushed.
    void note_modified(InstanceState& state);
    // Called when a state is destroyed while still known to the session.
    void forget(InstanceState& state);

    std::vector<InstanceState*> new_objects() const;
    std::vector<InstanceState*> dirty_objects() const;
    std::vector<InstanceState*> deleted_objects() const;
    bool is_modified(const InstanceState& state) const;

    // Transactions ---------------------------------------------------------------------------
    void flush();
    void autoflush_if_enabled() {
        // A query run by a flush listener does not flush again, as in SQLAlchemy.
        if (autoflush && !no_autoflush_depth_ && !flushing_) flush();
    }
    void commit();
    void rollback();
    void close();
    // with session.no_autoflush: ...
    void push_no_autoflush() { ++no_autoflush_depth_; }
    void pop_no_autoflush() { --no_autoflush_depth_; }

    // Loading --------------------------------------------------------------------------------
    IdentityMap& identity_map() { return identity_map_; }
    // The object for a row's identity, or null.
    InstanceState* lookup(const IdentityKey& key) const { return identity_map_.find(key); }
    InstanceState* lookup(const IdentityKeyView& key) const { return identity_map_.find(key); }
    // Registers a freshly loaded object as persistent.
    void register_loaded(InstanceState& state);
    // Reloads an expired object's columns with a SELECT by primary key; ObjectDeletedError when
    // the row is gone.
    void load_expired(InstanceState& state);
    void expire(InstanceState& state);
    void expire_all();
    void refresh(InstanceState& state);

    // Loads a relationship of a persistent object (the lazy loader of core/orm/strategies);
    // the flush uses it to reach children it must delete or detach.
    std::function<void(InstanceState&, const RelationshipProperty&)> relationship_loader;

    // A bulk query.delete() removed this object's row: it leaves the identity map and is
    // detached at commit, as a flushed deletion is.
    void mark_bulk_deleted(InstanceState& state);

    // The identity key of a state from its primary-key slots.
    static IdentityKey identity_key_of(const InstanceState& state);

    // The flush's cached INSERT / UPDATE / DELETE texts, shared with the bulk writes.
    StatementCache& statements();

private:
    friend class UnitOfWork;
    void add_one(InstanceState& state);
    void end_transaction();

    std::shared_ptr<engine::Engine> engine_;
    InstanceFactory* factory_;
    std::unique_ptr<engine::Connection> connection_;
    std::unique_ptr<StatementCache> statements_;
    IdentityMap identity_map_;
    // Pending objects in the order they were added, and deleted ones; both retained.
    std::vector<StateRef> pending_;
    std::vector<StateRef> deleted_;
    // Objects whose DELETE was flushed but not committed (rollback brings them back).
    std::vector<StateRef> flushed_deleted_;
    // Persistent objects retained because they hold changes.
    std::vector<StateRef> held_;
    // Numbers this session's transactions: an object whose InstanceState::inserted_in equals it
    // became persistent in the current one (rollback makes it transient again). A number in
    // each object instead of a set of them: nothing to do per object when it is freed or when
    // the transaction ends.
    // 32 bits, as InstanceState::inserted_in: four billion transactions of one session.
    std::uint32_t transaction_serial_ = 1;
    // The objects inserted by the current transaction that still exist, oldest first.
    std::vector<InstanceState*> inserted_in_transaction() const;
    // Set after a failed flush: the original error's message.
    std::optional<std::string> failed_;
    std::uint32_t add_counter_ = 0;
    int no_autoflush_depth_ = 0;
    bool flushing_ = false;
    bool wrote_in_transaction_ = false;
};

} // namespace ormsh::orm
