// aliased(User) / aliased(User, name='u2') / aliased(User, subquery): a mapped class read from
// an alias of its table (or from a subquery), as SQLAlchemy's AliasedClass. Its attributes are
// the class's instrumented attributes bound to the alias; in a query or select() it loads
// objects of the class; aliased(table) is the Core table's alias.
#pragma once

#include "repl/api/orm/model.h"

namespace ormsh::api {

struct AliasedClassObj : lang::Object {
    explicit AliasedClassObj(lang::Type* t) : Object(t) {}
    ClassMapping* mapping = nullptr;
    // The Alias node, annotated with the mapper (sql::Alias::entity).
    sql::NodePtr alias;
};

lang::Type* aliased_class_type();
AliasedClassObj* aliased_of(const Value& v);

// sqlalchemy.orm.aliased(element, alias=None, name=None).
Value aliased_function(Interpreter& in, const Value&, lang::Args& args);

// The FROM clause a class or aliased class stands for in a join or query (its table, or the
// alias), or null when `v` is neither.
sql::NodePtr entity_from_of(Interpreter& in, const Value& v);
// The mapper of a class or aliased class, or null.
const orm::Mapper* entity_mapper_of(const Value& v);

} // namespace ormsh::api
