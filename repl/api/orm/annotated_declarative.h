// SQLAlchemy 2.0's declarative form (annotated_declarative.cpp): DeclarativeBase, Mapped[]
// annotations and mapped_column(), read into the objects the declarative scan maps.
#pragma once

#include "repl/api/orm/model.h"

#include <string>
#include <utility>
#include <vector>

namespace ormsh::api {

struct DeclaredAttribute {
    std::string key;
    Value value;
    int sort_order = 0;
};
// The (key, value) pairs of one class body (`owner`: the mapped class or a mixin of it), in
// definition order, with Mapped[] annotations and mapped_column() turned into Column objects
// and relationship() typed by its annotation.
std::vector<DeclaredAttribute> declared_attributes(Interpreter& in, lang::Type& owner,
                                                   lang::Type& cls, DeclarativeRegistry& registry);
// The registry whose DeclarativeBase subclass is `base`, or null.
DeclarativeRegistry* find_registry_by_base(const lang::Type* base);
// sqlalchemy.orm's names of the 2.0 form: DeclarativeBase, and Mapped, mapped_column,
// registry ... deferred until a script uses one (their Python modules load then).
void add_annotated_declarative_names(Interpreter& in, lang::Module& orm);
// The native helpers the Python modules _ormsh_annotated and flask_sqlalchemy use, in
// _ormsh_orm.
void add_annotated_declarative_helpers(Interpreter& in, lang::Module& m);

} // namespace ormsh::api
