// sqlalchemy.event for the ORM: event.listen / listens_for / remove / contains with mapper
// events (before_insert ... after_delete) on mapped classes, mixins (propagate=True) and
// Mapper; attribute events (set, append, remove) on Model.attr; session events (before_flush,
// after_flush, after_flush_postexec, before_commit, after_commit, after_rollback) on Session,
// a session, a sessionmaker or a scoped_session such as db.session. @validates methods run as
// attribute listeners too. Listeners are compiled per mapped class into the hooks core/orm
// calls (orm::MapperHooks), so a class with none pays nothing.
#pragma once

#include "core/orm/events.h"
#include "repl/api/orm/model.h"

#include <cstddef>
#include <string>

namespace ormsh::api {

// The validators and 'set' listeners of one column attribute (AttributeObj::hooks).
struct AttributeHooks;

// A column attribute is being set on `obj`: runs its validators and listeners in order and
// returns the value to store.
Value run_column_set_hooks(Interpreter& in, const AttributeHooks& hooks, ModelObj& obj,
                           std::size_t slot, Value value);

// The declarative layer reports a newly mapped class (listeners held for its bases apply to it
// from now on), and a registry whose classes were configured (their @validates methods are
// installed then, after listeners registered earlier, as in SQLAlchemy).
void note_class_mapped(Interpreter& in, ClassMapping& mapping);
void note_registry_configured(Interpreter& in, DeclarativeRegistry& registry);

// The hooks every Python Session gets; they find the listeners that apply to that session.
orm::SessionHooks& session_hooks();

// The Mapper object of a mapped class (what mapper listeners receive; also sqlalchemy.orm.Mapper
// as the target that means every mapper).
lang::Type* mapper_type();

// Registers the module sqlalchemy.event.
void register_event_module(Interpreter& in);

} // namespace ormsh::api
