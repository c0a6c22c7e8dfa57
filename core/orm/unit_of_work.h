// UnitOfWork: one flush of a Session (SQLAlchemy's UOWTransaction). It cascades additions and
// deletions along relationships, orders mappers by foreign-key dependency, synchronises
// foreign keys from parents to children, and emits INSERTs grouped per column set through the
// dialect's bulk path, UPDATEs of changed columns, and DELETEs children first.
#pragma once

#include "core/engine/engine.h"
#include "core/orm/instance_state.h"
#include "core/orm/mapper.h"
#include "core/orm/persistence.h"

#include <cstddef>
#include <unordered_map>
#include <vector>

namespace ormsh::orm {

class Session;

class UnitOfWork {
public:
    UnitOfWork(Session& session, StatementCache& statements);
    UnitOfWork(const UnitOfWork&) = delete;
    UnitOfWork& operator=(const UnitOfWork&) = delete;
    ~UnitOfWork();
    // Runs the flush; on error the exception propagates and the caller rolls back.
    void execute();

    // Objects this flush inserted (after it succeeds or fails); takes the flush's marks off
    // every object, once only. The list is the flush's own list of objects filtered in place:
    // a large flush holds no second list of its rows.
    std::vector<InstanceState*> take_inserted();
    // Objects this flush deleted, for the session's bookkeeping after it succeeds.
    const std::vector<InstanceState*>& deleted() const { return deleted_; }

private:
    void cascade();
    void cascade_deletes();
    std::vector<const Mapper*> mapper_order() const;
    void sync_to_children(const Mapper& child_mapper);
    void sync_from_parents(InstanceState& state);
    void insert_states(const Mapper& mapper, const std::vector<InstanceState*>& states);
    void update_states(const Mapper& mapper, const std::vector<InstanceState*>& states);
    void delete_states(const Mapper& mapper, const std::vector<InstanceState*>& states);
    void process_secondary();
    // Runs the mapper's listeners for `event` on each state (nothing when it has none).
    void fire(const Mapper& mapper, MapperEvent event, const std::vector<InstanceState*>& states);
    void ensure_loaded(InstanceState& state, const RelationshipProperty& rel);
    // Takes the flush's marks (InstanceState::in_flush, inserted_by_flush) off its objects.
    void clear_marks();
    // Adds `state` to saves_ (marked in_flush) and notes what the passes below need to know of
    // it, so that a large flush does not walk its objects again to learn it.
    void add_save(InstanceState* state);
    // The noting itself, for one object; relearn_saves() notes saves_ again after objects left.
    void note_save(const InstanceState& state);
    void relearn_saves();

    Session& session_;
    StatementCache& statements_;
    // Every object taking part, grouped by mapper, in the order they were met. Those inserted
    // are marked inserted_by_flush.
    std::vector<InstanceState*> saves_;
    // What note_save() learnt: the mappers of saves_ in first-seen order, whether any of them
    // has relationships, and whether every object is new (and not being deleted).
    std::vector<const Mapper*> save_mappers_;
    bool saves_have_relationships_ = false;
    bool saves_all_pending_ = true;
    std::vector<InstanceState*> deletes_;
    std::vector<InstanceState*> deleted_;
    bool marks_cleared_ = false;
};

} // namespace ormsh::orm
