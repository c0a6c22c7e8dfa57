// sqlalchemy.inspect() for mapped instances, and sqlalchemy.orm.object_session.
#pragma once

#include "repl/lang/interpreter.h"

namespace ormsh::api {

// Adds object_session to sqlalchemy.orm and teaches sqlalchemy.inspect() about mapped
// instances (InstanceState: transient / pending / persistent / deleted / detached, identity,
// session, modified).
void register_orm_inspection(lang::Interpreter& in, lang::Module& orm_module);

} // namespace ormsh::api
