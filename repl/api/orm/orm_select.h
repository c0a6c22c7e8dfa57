// The ORM's half of select(): the Select methods that need mapped classes (filter_by,
// options, joins along relationships and to aliased classes), installed on the Core Select
// type when sqlalchemy.orm loads, as SQLAlchemy's ORM plugs into Core statements; and running
// a select of entities in a session (2.0-style results: bare column names, unique() required
// after a joined eager load of a collection).
#pragma once

#include "core/orm/query.h"
#include "repl/api/orm/model.h"

#include <utility>
#include <vector>

namespace ormsh::api {

void install_orm_select_methods(Interpreter& in);

// join(target[, onclause]) as the ORM reads it: a relationship attribute (User.addresses,
// User.addresses.of_type(A)), or a class / aliased class with a relationship or an expression
// as its ON clause. Returns false when `target` is none of these (a Core FROM clause).
struct OrmJoin {
    // A relationship join (its steps are built from it) ...
    const orm::RelationshipProperty* rel = nullptr;
    sql::NodePtr target; // alias for the relationship's target (null: its table)
    sql::NodePtr parent; // alias the relationship is read from (null: its table)
    // ... or a FROM clause with an optional explicit ON clause.
    sql::NodePtr right;
    sql::NodePtr onclause;
};
bool orm_join_target(Interpreter& in, const Value& target, const Value& onclause, OrmJoin& out);

// session.execute(select(User ...)): the rows as a Result of objects; an empty Value when the
// statement selects no mapped entity (it then runs as Core).
Value execute_orm_select(Interpreter& in, orm::Session& session, const sql::NodePtr& statement);

} // namespace ormsh::api
