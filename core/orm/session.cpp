// Session: object bookkeeping, transactions and reloading of expired objects.
#include "core/orm/session.h"

#include "core/engine/result.h"
#include "core/orm/unit_of_work.h"
#include "core/sql/elements.h"
#include "core/sql/execute.h"
#include "core/sql/flavor.h"
#include "core/sql/selectable.h"

#include <algorithm>
#include <fmt/core.h>

namespace ormsh::orm {
namespace {

void remove_ref(std::vector<StateRef>& list, const InstanceState* state,
                std::vector<StateRef>& graveyard) {
    auto it = std::find_if(list.begin(), list.end(), [&](const StateRef& r) { return r == state; });
    if (it == list.end()) return;
    // Released by the caller once the session's structures are consistent again: dropping the
    // last reference may destroy the object, whose destructor calls back into the session.
    graveyard.push_back(std::move(*it));
    list.erase(it);
}

// Keeps every object of `states` alive for the duration of an operation that may drop
// references between them (expiring relationship slots).
std::vector<StateRef> retain_all(const std::vector<InstanceState*>& states) {
    std::vector<StateRef> refs;
    refs.reserve(states.size());
    for (InstanceState* s : states) refs.emplace_back(s);
    return refs;
}

} // namespace

Session::Session(std::shared_ptr<engine::Engine> engine, InstanceFactory& factory)
    : engine_(std::move(engine)), factory_(&factory) {}

Session::~Session() {
    try {
        close();
    } catch (...) {
        // A failing ROLLBACK while tearing down has nowhere to go.
    }
}

void Session::bind(std::shared_ptr<engine::Engine> engine) {
    close();
    engine_ = std::move(engine);
    statements_.reset();
}

StatementCache& Session::statements() {
    if (!statements_) statements_ = std::make_unique<StatementCache>(engine_->dialect());
    return *statements_;
}

engine::Connection& Session::connection() {
    check_active();
    if (!engine_) throw engine::InvalidRequestError("This session is not bound to an engine");
    if (!connection_) connection_ = engine_->connect();
    return *connection_;
}

void Session::check_active() const {
    if (failed_)
        throw PendingRollbackError(
            "This Session's transaction has been rolled back due to a previous exception during "
            "flush. To begin a new transaction with this Session, first issue "
            "Session.rollback(). Original exception was: " +
            *failed_ + " (Background on this error at: https://sqlalche.me/e/14/7s2a)");
}

// --- state changes ----------------------------------------------------------------------------

void Session::add(InstanceState& state) {
    add_one(state);
    // Nothing to cascade to: the common case of a seed loop, without the walk below.
    if (state.mapper().relationships().empty()) return;
    // save-update cascade: what the object references joins the session now, as SQLAlchemy's
    // add() does (so session.new counts children appended before the add). Depth first, each
    // object before what it references, as SQLAlchemy's cascade_iterator visits them: the
    // order rows of one table are inserted in.
    struct Frame {
        std::vector<InstanceState*> related;
        std::size_t next = 0;
    };
    auto frame_of = [](InstanceState& s) {
        Frame f;
        for (const auto& rel : s.mapper().relationships()) {
            if (!rel->config().cascade.save_update) continue;
            const RelatedSlot& slot = s.related(rel->slot());
            if (slot.scalar) f.related.push_back(slot.scalar.get());
            for (const auto& item : slot.items)
                f.related.push_back(item.get());
        }
        return f;
    };
    // An explicit stack: a long self-referential chain must not exhaust the C++ stack.
    std::vector<Frame> stack;
    stack.push_back(frame_of(state));
    while (!stack.empty()) {
        Frame& top = stack.back();
        if (top.next == top.related.size()) {
            stack.pop_back();
            continue;
        }
        InstanceState* t = top.related[top.next++];
        if (t->session == this || t->status != Status::Transient) continue;
        add_one(*t);
        stack.push_back(frame_of(*t));
    }
}

void Session::add_one(InstanceState& state) {
    if (state.session == this) {
        if (state.marked_deleted) {
            state.marked_deleted = false;
            std::vector<StateRef> graveyard;
            remove_ref(deleted_, &state, graveyard);
        }
        return;
    }
    if (state.session)
        throw engine::InvalidRequestError(fmt::format(
            "Object '{}' is already attached to another session", state.host().describe()));
    state.session = this;
    if (state.status == Status::Transient) {
        state.status = Status::Pending;
        state.insert_order = ++add_counter_;
        state.strongly_held = true;
        pending_.emplace_back(&state);
        return;
    }
    // Detached (or deleted-then-detached) objects come back as persistent.
    state.status = Status::Persistent;
    if (state.has_identity()) {
        InstanceState* existing = identity_map_.find(state.identity());
        if (existing && existing != &state) {
            state.session = nullptr;
            state.status = Status::Detached;
            throw engine::InvalidRequestError(fmt::format(
                "Can't attach instance {}; another instance with key {} is already present in "
                "this session.",
                state.host().describe(), state.host().describe()));
        }
        identity_map_.add(state);
    }
    if (state.modified()) note_modified(state);
}

void Session::delete_(InstanceState& state) {
    if (state.status == Status::Transient || state.status == Status::Pending ||
        !state.has_identity())
        throw engine::InvalidRequestError(
            fmt::format("Instance '{}' is not persisted", state.host().describe()));
    if (state.session != this) add(state);
    if (state.marked_deleted) return;
    state.marked_deleted = true;
    deleted_.emplace_back(&state);
}

void Session::expunge(InstanceState& state) {
    if (state.session != this)
        throw engine::InvalidRequestError(
            fmt::format("Instance {} is not present in this Session", state.host().describe()));
    std::vector<StateRef> graveyard;
    graveyard.emplace_back(&state);
    remove_ref(pending_, &state, graveyard);
    remove_ref(held_, &state, graveyard);
    remove_ref(deleted_, &state, graveyard);
    identity_map_.discard(state);
    state.inserted_in = 0;
    state.session = nullptr;
    state.strongly_held = false;
    state.marked_deleted = false;
    state.status = state.status == Status::Pending ? Status::Transient : Status::Detached;
}

void Session::expunge_all() {
    auto all = retain_all(identity_map_.states());
    for (const auto& ref : pending_) all.push_back(ref);
    for (const auto& ref : all)
        if (ref->session == this) expunge(*ref);
}

bool Session::contains(const InstanceState& state) const {
    return state.session == this &&
           (state.status == Status::Pending || state.status == Status::Persistent);
}

void Session::note_modified(InstanceState& state) {
    if (state.session != this || state.strongly_held || state.status != Status::Persistent)
        return;
    state.strongly_held = true;
    held_.emplace_back(&state);
}

void Session::forget(InstanceState& state) {
    identity_map_.discard(state);
}

std::vector<InstanceState*> Session::inserted_in_transaction() const {
    // Inserted objects are in the identity map, or among the flushed deletions when deleted
    // again in the same transaction.
    std::vector<InstanceState*> inserted;
    for (InstanceState* state : identity_map_.states())
        if (state->inserted_in == transaction_serial_) inserted.push_back(state);
    for (const auto& ref : flushed_deleted_)
        if (ref->inserted_in == transaction_serial_) inserted.push_back(ref.get());
    std::sort(inserted.begin(), inserted.end(),
              [](InstanceState* a, InstanceState* b) { return a->insert_order < b->insert_order; });
    return inserted;
}

std::vector<InstanceState*> Session::new_objects() const {
    std::vector<InstanceState*> out;
    for (const auto& ref : pending_) out.push_back(ref.get());
    return out;
}

std::vector<InstanceState*> Session::dirty_objects() const {
    std::vector<InstanceState*> out;
    for (const auto& ref : held_)
        if (ref->status == Status::Persistent && !ref->marked_deleted && ref->modified())
            out.push_back(ref.get());
    return out;
}

std::vector<InstanceState*> Session::deleted_objects() const {
    std::vector<InstanceState*> out;
    for (const auto& ref : deleted_) out.push_back(ref.get());
    return out;
}

bool Session::is_modified(const InstanceState& state) const {
    if (!state.changed_slots().empty()) return true;
    for (std::size_t i = 0; i < state.related_count(); ++i) {
        const RelatedSlot& slot = state.related(i);
        if (!slot.added.empty() || !slot.removed.empty() || slot.scalar_changed) return true;
    }
    return false;
}

// --- transactions -----------------------------------------------------------------------------

void Session::flush() {
    if (flushing_) throw engine::InvalidRequestError("Session is already flushing");
    check_active();
    if (pending_.empty() && held_.empty() && deleted_.empty()) return;
    if (hooks) {
        // An error in before_flush leaves the session as it was (SQLAlchemy runs it before the
        // flush's transaction begins).
        flushing_ = true;
        try {
            hooks->before_flush(*this);
        } catch (...) {
            flushing_ = false;
            throw;
        }
        flushing_ = false;
        if (pending_.empty() && held_.empty() && deleted_.empty()) return;
    }
    flushing_ = true;
    UnitOfWork uow(*this, statements());
    try {
        uow.execute();
        if (hooks) hooks->after_flush(*this);
    } catch (const std::exception& error) {
        flushing_ = false;
        failed_ = error.what();
        // The database transaction is rolled back at once; the session keeps its objects as
        // they were before the flush until the user calls rollback().
        if (connection_) {
            try {
                connection_->rollback();
            } catch (...) {
            }
        }
        for (InstanceState* state : uow.take_inserted()) {
            if (state->status == Status::Pending) state->clear_identity();
        }
        throw;
    }
    flushing_ = false;
    wrote_in_transaction_ = true;

    {
        std::vector<InstanceState*> inserted = uow.take_inserted();
        // A new object that only the session holds is freed when the session lets go of it
        // below (as SQLAlchemy's is, before after_flush_postexec), and a weak identity map
        // would drop it then: it is not registered at all (a seed loop's objects). It stays
        // Pending until then, which marks it for the loop over the released objects.
        std::size_t kept = 0;
        for (InstanceState* state : inserted) {
            bool drops = state->strongly_held && !state->host().referenced_elsewhere();
            state->status = drops ? Status::Pending : Status::Persistent;
            state->inserted_in = transaction_serial_;
            kept += drops ? 0 : 1;
        }
        // Registration, and the check that no object already holds a new key; neither has
        // anything to do when nothing is kept and the map is empty (a seed's flush).
        if (kept || identity_map_.size()) {
            identity_map_.reserve(identity_map_.size() + kept);
            for (InstanceState* state : inserted) {
                InstanceState* existing = state->status == Status::Persistent
                                              ? identity_map_.add(*state)
                                              : identity_map_.find(*state);
                if (existing && existing != state)
                    throw FlushError(
                        fmt::format("New instance {} conflicts with persistent instance {}",
                                    state->host().describe(), existing->host().describe()));
            }
        }
    }
    for (InstanceState* state : uow.deleted()) {
        identity_map_.discard(*state);
        state->status = Status::Deleted;
    }
    {
        // Everything flushed is clean now; the session stops retaining it. Objects nothing
        // else holds are freed before after_flush_postexec, as in SQLAlchemy.
        std::vector<StateRef> graveyard;
        graveyard.swap(pending_);
        graveyard.reserve(graveyard.size() + held_.size());
        for (auto& ref : held_)
            graveyard.push_back(std::move(ref));
        held_.clear();
        for (auto& ref : deleted_) flushed_deleted_.push_back(std::move(ref));
        deleted_.clear();
        for (auto& ref : graveyard) {
            ref->strongly_held = false;
            if (ref->status == Status::Persistent) {
                ref->commit_all();
            } else if (ref->status == Status::Pending && ref->inserted_in == transaction_serial_) {
                // Written, unregistered, and freed now: it has nothing to forget.
                ref->status = Status::Persistent;
                ref->session = nullptr;
                ref = StateRef();
            }
        }
        for (auto& ref : flushed_deleted_) ref->commit_all();
    }
    if (hooks) hooks->after_flush_postexec(*this);
}

void Session::end_transaction() {
    wrote_in_transaction_ = false;
    connection_.reset();
    ++transaction_serial_;
    std::vector<StateRef> graveyard;
    graveyard.swap(flushed_deleted_);
    for (auto& ref : graveyard) {
        ref->session = nullptr;
        ref->status = Status::Detached;
        ref->marked_deleted = false;
    }
}

void Session::commit() {
    check_active();
    if (hooks) hooks->before_commit(*this);
    flush();
    if (connection_) connection_->commit();
    end_transaction();
    if (hooks) hooks->after_commit(*this);
    if (expire_on_commit) expire_all();
}

void Session::rollback() {
    // SQLAlchemy fires after_rollback when a transaction had begun: by a statement, or by
    // objects added, changed or deleted since the last commit.
    bool had_transaction = connection_ || !pending_.empty() || !held_.empty() || !deleted_.empty();
    if (connection_) {
        try {
            connection_->rollback();
        } catch (...) {
            // The connection may be gone (server restart); the session is reset regardless.
        }
    }
    failed_.reset();
    // As in SQLAlchemy, listeners run before the objects are restored (session.new still
    // lists the pending ones).
    if (hooks && had_transaction) hooks->after_rollback(*this);
    // Objects inserted in this transaction, and pending ones, go back to transient.
    auto doomed = retain_all(inserted_in_transaction());
    for (const auto& ref : pending_) doomed.push_back(ref);
    for (const auto& ref : doomed) {
        if (ref->session != this) continue;
        identity_map_.discard(*ref);
        ref->clear_identity();
        if (ref->status == Status::Persistent) ref->status = Status::Pending;
        expunge(*ref);
    }
    // Deletions are forgotten; flushed deletions come back.
    std::vector<StateRef> graveyard;
    graveyard.swap(deleted_);
    for (auto& ref : flushed_deleted_) {
        ref->status = Status::Persistent;
        identity_map_.add(*ref);
        graveyard.push_back(ref);
    }
    flushed_deleted_.clear();
    for (auto& ref : graveyard) ref->marked_deleted = false;
    wrote_in_transaction_ = false;
    connection_.reset();
    ++transaction_serial_;
    auto held = std::move(held_);
    held_.clear();
    for (auto& ref : held) ref->strongly_held = false;
    expire_all();
}

void Session::close() {
    if (connection_) {
        try {
            connection_->rollback();
        } catch (...) {
        }
    }
    failed_.reset();
    wrote_in_transaction_ = false;
    connection_.reset();
    ++transaction_serial_;
    auto keep = retain_all(identity_map_.states());
    for (const auto& ref : pending_) keep.push_back(ref);
    for (const auto& ref : flushed_deleted_) keep.push_back(ref);
    flushed_deleted_.clear();
    for (const auto& ref : keep)
        if (ref->session == this) expunge(*ref);
}

// --- loading ------------------------------------------------------------------------------------

IdentityKey Session::identity_key_of(const InstanceState& state) {
    IdentityKey key;
    key.mapper = &state.mapper();
    for (std::size_t slot : state.mapper().primary_key_slots())
        key.primary_key.push_back(state.value(slot));
    return key;
}

void Session::mark_bulk_deleted(InstanceState& state) {
    if (state.session != this || state.status != Status::Persistent) return;
    identity_map_.discard(state);
    state.status = Status::Deleted;
    flushed_deleted_.emplace_back(&state);
}

void Session::register_loaded(InstanceState& state) {
    state.session = this;
    state.status = Status::Persistent;
    if (!state.has_identity()) state.set_identity_from_slots();
    identity_map_.add(state);
}

void Session::load_expired(InstanceState& state) {
    if (state.session != this || !state.has_identity())
        throw DetachedInstanceError(fmt::format(
            "Instance {} is not bound to a Session; attribute refresh operation cannot proceed",
            state.host().describe()));
    const Mapper& mapper = state.mapper();
    std::vector<const schema::Column*> columns, pk_columns;
    std::vector<std::size_t> slots;
    std::vector<engine::TypeSpec> types;
    for (const auto& prop : mapper.columns()) {
        if (state.is_loaded(prop.slot)) continue;
        columns.push_back(prop.column.get());
        slots.push_back(prop.slot);
        types.push_back(prop.column->type);
    }
    if (columns.empty()) return;
    for (std::size_t slot : mapper.primary_key_slots())
        pk_columns.push_back(mapper.columns()[slot].column.get());
    engine::Connection& conn = connection();
    std::vector<engine::Value> params = state.identity().primary_key;
    for (std::size_t i = 0; i < params.size(); ++i)
        engine::convert_bind_value(pk_columns[i]->type, conn.dialect().caps(), params[i]);
    engine::Result result = statements().execute(
        conn, statements().select_by_key(mapper.table(), columns, pk_columns), params, &types);
    std::vector<engine::Value> row;
    if (!result.next(row))
        throw ObjectDeletedError(fmt::format(
            "Instance '{}' has been deleted, or its row is otherwise not present.",
            state.host().describe()));
    for (std::size_t i = 0; i < slots.size(); ++i) state.load_value(slots[i], std::move(row[i]));
}

void Session::expire(InstanceState& state) {
    if (state.session != this)
        throw engine::InvalidRequestError(
            fmt::format("Instance '{}' is not persistent within this Session",
                        state.host().describe()));
    auto keep = retain_all({&state});
    state.expire_all();
}

void Session::expire_all() {
    auto keep = retain_all(identity_map_.states());
    for (const auto& ref : keep) ref->expire_all();
}

void Session::refresh(InstanceState& state) {
    expire(state);
    load_expired(state);
}

} // namespace ormsh::orm
