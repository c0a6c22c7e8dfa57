// Registers every module a script can import from C++: flask, flask_sqlalchemy, sqlalchemy
// and its submodules, datetime, decimal, and the modules written in Python (pylib/). The
// shell calls this once per interpreter.
#pragma once

#include "repl/lang/interpreter.h"

namespace ormsh::api {

void register_all_modules(lang::Interpreter& in);

// One registration function per binding file, called by register_all_modules.
void register_sqlalchemy_core(lang::Interpreter& in);  // sqlalchemy, .types, .sql, .schema, .engine
void register_sqlalchemy_orm(lang::Interpreter& in);   // sqlalchemy.orm, sqlalchemy.ext.declarative
void register_flask(lang::Interpreter& in);            // flask, flask_sqlalchemy
void register_pylib_modules(lang::Interpreter& in);    // faker and the other pylib/*.py

} // namespace ormsh::api
