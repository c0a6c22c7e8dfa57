// Enum(PythonEnumClass) columns store a member's name; reading turns the name back into the
// member. The engine's TypeSpec carries only an index into this registry, so the core layers
// stay free of interpreter values while any column, result type or copy of it can find the class.
#pragma once

#include "core/engine/type_spec.h"
#include "repl/lang/interpreter.h"

namespace ormsh::api {

// The registry index of `enum_class`, registering it on first sight.
int register_enum_class(const lang::Value& enum_class);

// The class registered under `id`.
const lang::Value& enum_class_at(int id);

// The member a stored name stands for; raises LookupError with SQLAlchemy's message when the
// name is not one of the type's values. Values other than strings pass through.
lang::Value enum_member_from_db(lang::Interpreter& in, const engine::TypeSpec& type,
                                const lang::Value& stored);

// The name a bound value stores as: a member's name, or a string that names a member. Raises
// LookupError with SQLAlchemy's message for anything else.
lang::Value enum_name_to_db(lang::Interpreter& in, const engine::TypeSpec& type,
                            const lang::Value& value);

} // namespace ormsh::api
