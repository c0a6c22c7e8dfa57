// Instrumented attributes: the descriptors a mapped class gets for each column and
// relationship (SQLAlchemy's InstrumentedAttribute). On the class they are SQL expressions
// (User.name == 'x', Post.category == cat); on an instance they read and write the object's
// InstanceState, loading expired values and lazy relationships on access.
#pragma once

#include <string>

#include "core/orm/mapper.h"
#include "repl/api/orm/model.h"

namespace ormsh::api {

struct AttributeHooks;

struct AttributeObj : ClauseObj {
    explicit AttributeObj(lang::Type* t) : ClauseObj(t) {}
    ClassMapping* mapping = nullptr;
    std::string key;
    // A column attribute has a slot; a relationship attribute has `rel`.
    std::size_t slot = orm::Mapper::npos;
    schema::ColumnPtr column;
    orm::RelationshipProperty* rel = nullptr;
    // Validators and 'set' listeners of a column attribute (events.h); null when none.
    const AttributeHooks* hooks = nullptr;
    // An attribute of an aliased class (aliased(User).name): the alias it reads from.
    sql::NodePtr parent_alias;
    // A relationship narrowed with of_type(Alias): the alias standing for its target.
    sql::NodePtr of_type;
};

lang::Type* instrumented_attribute_type();

Value make_column_attribute(Interpreter& in, ClassMapping& mapping, const orm::ColumnProperty& prop);
Value make_relationship_attribute(Interpreter& in, ClassMapping& mapping,
                                  orm::RelationshipProperty& rel);

// A copy of `attr` read from `alias` (an aliased class's attribute).
Value aliased_attribute(Interpreter& in, const AttributeObj& attr, const sql::NodePtr& alias);

// The attribute object of `cls.key` when it is instrumented, else null.
AttributeObj* attribute_of(const Value& v);

// Sets a mapped attribute of `obj` as `obj.<key> = value` does (validators, 'set' listeners and
// relationship bookkeeping included), without the interpreter's attribute lookup.
void set_attribute(Interpreter& in, AttributeObj& attr, ModelObj& obj, const Value& value);

// Reads one mapped column of an instance as a Python value (loading it when expired).
Value read_column(Interpreter& in, ModelObj& obj, std::size_t slot);

// The list-like collection of a relationship (InstrumentedList).
Value make_instrumented_list(Interpreter& in, ModelObj& owner, orm::RelationshipProperty& rel);
// The AppenderQuery of a dynamic relationship whose owner has no session yet: a list of the
// members appended so far, with all() / count() / first().
Value make_pending_appender(Interpreter& in, ModelObj& owner, orm::RelationshipProperty& rel);

} // namespace ormsh::api
