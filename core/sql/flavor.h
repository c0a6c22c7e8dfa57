// The parts of SQL rendering that differ per dialect beyond what engine::Capabilities says:
// SQLAlchemy keeps these in each dialect's statement compiler (SQLiteCompiler.limit_clause,
// PGCompiler.visit_empty_set_op_expr ...). Here they are data, looked up by dialect name,
// with built-in entries for "sqlite" and "postgresql" and a generic default for others.
#pragma once

#include "core/engine/dialect.h"

#include <string>

namespace ormsh::sql {

struct Flavor {
    enum class LimitStyle {
        Generic,    // "\n LIMIT ?" ; offset only: "\n LIMIT -1 OFFSET ?"
        SQLite,     // "\n LIMIT ? OFFSET ?" always, binding -1 / 0 for the missing one
        PostgreSQL, // " \n LIMIT ?" ; offset only: "\n LIMIT ALL OFFSET ?"
    };
    LimitStyle limit_style = LimitStyle::Generic;
    // How func.now() renders: "CURRENT_TIMESTAMP" (SQLite) or "now()".
    std::string now_function = "now()";
    // Empty IN lists: SQLite renders a subquery that yields nothing; the default compiler
    // renders "IN (NULL) AND (1 != 1)".
    bool empty_in_as_subquery = false;
    // A server_default that is an SQL expression (not text()) is wrapped in parentheses.
    bool parenthesize_expression_defaults = false;
    // IS [NOT] DISTINCT FROM spelled IS NOT / IS (SQLAlchemy 1.4's SQLite compiler).
    bool distinct_from_as_is = false;
    // The DB-API's own parameter style, which SQLAlchemy's echo and error messages show:
    // qmark ("?", a tuple of values) for sqlite3, pyformat ("%(name)s", a dict) for psycopg2.
    bool echo_pyformat = false;
};

// The flavour for a dialect; unknown names get the generic default.
const Flavor& flavor_for(const engine::Dialect& dialect);
// Lets a dialect outside ormsh's built-ins describe its flavour.
void register_flavor(const std::string& dialect_name, Flavor flavor);

} // namespace ormsh::sql
