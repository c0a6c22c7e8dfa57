// Hooks through which the ORM runs user code at points of its work (SQLAlchemy's mapper,
// attribute and session events, and @validates). core/orm only calls them; the host decides
// what runs. A mapper or session without hooks pays one null check where they would fire: per
// flushed mapper, per relationship change, per flush or commit, never per column set.
#pragma once

#include <cstdint>
#include <vector>

namespace ormsh::engine {
class Connection;
}

namespace ormsh::orm {

class InstanceState;
class Mapper;
class RelationshipProperty;
class Session;

// Mapper persistence events, fired by the flush for each row (SQLAlchemy's MapperEvents).
enum class MapperEvent : std::uint8_t {
    BeforeInsert,
    AfterInsert,
    BeforeUpdate,
    AfterUpdate,
    BeforeDelete,
    AfterDelete,
};

// What caused a relationship change: the user, the other side of a backref / back_populates
// pair being kept in step, or an assignment of a whole collection (owner.rel = [...]).
enum class Initiator : std::uint8_t { User, Backref, BulkReplace };

// Installed on a Mapper (Mapper::hooks) by the host when its class has listeners or validators.
// Errors thrown by a hook propagate through core (a flush fails and needs rollback, as in
// SQLAlchemy).
class MapperHooks {
public:
    // Whether any listener wants `event` (checked once per mapper per flush).
    virtual bool listens(MapperEvent event) const = 0;
    virtual void persistence(MapperEvent event, const Mapper& mapper, engine::Connection& conn,
                             InstanceState& target) = 0;

    // Relationship changes, fired before the change is made. append and set return the object
    // to store (a validator may return another one).
    virtual InstanceState* append(InstanceState& owner, const RelationshipProperty& rel,
                                  InstanceState& item, Initiator initiator) = 0;
    virtual void remove(InstanceState& owner, const RelationshipProperty& rel, InstanceState& item,
                        Initiator initiator) = 0;
    virtual InstanceState* set(InstanceState& owner, const RelationshipProperty& rel,
                               InstanceState* value, InstanceState* old, Initiator initiator) = 0;
    // owner.rel = [items]: validators see every item of the new collection (and may replace
    // them); append events then fire for the items not already present.
    virtual void bulk_replace(InstanceState& owner, const RelationshipProperty& rel,
                              std::vector<InstanceState*>& items) = 0;

protected:
    ~MapperHooks() = default;
};

// Installed on a Session (Session::hooks) by the host (SQLAlchemy's SessionEvents).
class SessionHooks {
public:
    virtual void before_flush(Session& session) = 0;
    virtual void after_flush(Session& session) = 0;
    virtual void after_flush_postexec(Session& session) = 0;
    virtual void before_commit(Session& session) = 0;
    virtual void after_commit(Session& session) = 0;
    virtual void after_rollback(Session& session) = 0;

protected:
    ~SessionHooks() = default;
};

} // namespace ormsh::orm
