// Conversion between language values and database values: the only place that knows how a
// Python int, str, bytes, bool, None, float, datetime.date / datetime / time and
// decimal.Decimal correspond to engine::Value, in both directions.
#pragma once

#include "core/engine/type_spec.h"
#include "core/engine/value.h"
#include "repl/lang/interpreter.h"

namespace ormsh::api {

// A Python value as a database value; raises TypeError naming the type for anything that
// cannot be bound (as the DB-API would: "Error binding parameter 0 - probably unsupported
// type" is SQLAlchemy's sqlite wording; we say which type).
engine::Value to_db(lang::Interpreter& in, const lang::Value& v);
// A database value as a Python value (Decimal and date/time values become the datetime and
// decimal modules' objects). `type` refines the conversion when known (Boolean columns give
// bool, Numeric give Decimal).
lang::Value from_db(lang::Interpreter& in, const engine::Value& v);
// Same, for a value of a column of type `type`: an Enum(SomePythonEnum) column gives back the
// enum's member for a stored name.
lang::Value from_db(lang::Interpreter& in, const engine::Value& v, const engine::TypeSpec& type);

} // namespace ormsh::api
