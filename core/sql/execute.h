// Running statement trees on a Connection: compile (cached per statement object), bind with
// type-directed conversion, execute, and for INSERT fill Result::inserted_primary_key (from
// RETURNING where the dialect has it, else the driver's last insert id), as SQLAlchemy's
// Connection.execute(stmt, params) does.
#pragma once

#include "core/engine/engine.h"
#include "core/sql/compiler.h"

#include <memory>
#include <vector>

namespace ormsh::sql {

// conn.execute(stmt, {...}): one execution.
engine::Result execute(engine::Connection& conn, const NodePtr& statement,
                       const ParamMap& params = {});

// conn.execute(stmt, [{...}, {...}]): executemany; the first parameter set decides the
// columns of an INSERT / UPDATE without .values(). Returns the total rowcount.
std::int64_t execute_many(engine::Connection& conn, const NodePtr& statement,
                          const std::vector<ParamMap>& rows);

// The compiled form execute() would use, from the cache (for echo and error rendering).
std::shared_ptr<const Compiled> compiled_for(const engine::Dialect& dialect,
                                             const NodePtr& statement,
                                             const CompileOptions& options,
                                             bool* cache_hit = nullptr,
                                             double* age_seconds = nullptr);

// What SQLAlchemy's echo prints for one execution: the SQL in the DB-API's own parameter style
// and the parameters as Python shows them, "('x', 5)" for sqlite3 (qmark) or
// "{'name_1': 'x', 'param_1': 5}" for psycopg2 (pyformat).
struct EchoForm {
    std::string sql;
    std::string params;
};
EchoForm echo_form(const engine::Dialect& dialect, const NodePtr& statement,
                   const ParamMap& params = {});

// Runs an already compiled statement, echoing it in the dialect's echo form.
engine::Result execute_compiled(engine::Connection& conn, const Compiled& compiled,
                                const NodePtr& statement, const ParamMap& params,
                                const std::vector<Value>& values,
                                const std::vector<TypeSpec>& result_types,
                                const std::string& echo_label);

// Drops every cached compilation (tests; a schema change that renames things).
void clear_compile_cache();

} // namespace ormsh::sql
