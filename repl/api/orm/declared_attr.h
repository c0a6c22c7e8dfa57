// declared_attr (sqlalchemy.orm.declared_attr, also sqlalchemy.ext.declarative's): a method of
// a mixin or mapped class that declarative mapping calls with the class being mapped, so every
// class gets its own Column (with a ForeignKey), relationship, __tablename__ or __table_args__.
#pragma once

#include "repl/lang/interpreter.h"

namespace ormsh::api {

lang::Type* declared_attr_type();

// The value `v` stands for on `cls`: a declared_attr's function called with the class, or `v`
// itself when it is no declared_attr.
lang::Value evaluate_declared_attr(lang::Interpreter& in, const lang::Value& v, lang::Type& cls);
bool is_declared_attr(const lang::Value& v);

} // namespace ormsh::api
