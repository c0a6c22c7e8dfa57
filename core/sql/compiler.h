// The SQL compiler: turns a statement tree into SQL text for one dialect, the ordered list of
// its parameters and the map of its result columns, byte for byte as SQLAlchemy 1.4 renders
// the same construct (so echo output and error messages match). Placeholders come from the
// dialect; the pyformat mode renders what SQLAlchemy's psycopg2 echo shows ("%(name_1)s").
#pragma once

#include "core/engine/dialect.h"
#include "core/sql/nodes.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ormsh::sql {

enum class ParamStyle {
    Dialect,  // the dialect's placeholder(): "?" / "$1"
    Pyformat, // "%(name)s", with literal '%' doubled: psycopg2 as SQLAlchemy echoes it
    Named,    // ":name", as str(statement) prints
};

struct CompileOptions {
    ParamStyle style = ParamStyle::Dialect;
    // Expand IN lists into one placeholder per value (what executes); false renders
    // "IN (__[POSTCOMPILE_name_1])" as str(statement) does.
    bool render_postcompile = true;
    // executemany(): no implicit RETURNING of the primary key.
    bool for_executemany = false;
    // The keys of the execution parameters, for INSERT / UPDATE without .values(): they pick
    // the columns (the first parameter set decides, as in SQLAlchemy).
    std::optional<std::vector<std::string>> param_keys;
};

// One bound parameter of the compiled statement, in placeholder order.
struct ParamSlot {
    std::string name;
    // The value fixed in the statement; nullopt for a slot filled from the execution
    // parameters by name (or from the column's default when absent).
    std::optional<Value> value;
    TypeSpec type;
    // The column whose Python-side default fills this slot when no value is given.
    schema::ColumnPtr default_column;
    // The column whose onupdate fills the slot (UPDATE).
    bool use_onupdate = false;
    // One element of an expanded IN list (name_1_1, name_1_2 ...).
    bool expanded = false;
};

struct ResultColumnInfo {
    std::string key; // what row._mapping / row.<name> use
    TypeSpec type;
    schema::ColumnPtr column; // the table column behind it, when direct
};

// Execution parameters by name (one row of conn.execute(stmt, {...})).
using ParamMap = std::map<std::string, Value, std::less<>>;

struct Compiled {
    std::string sql;
    std::vector<ParamSlot> params;
    std::vector<ResultColumnInfo> columns;
    bool returns_rows = false;
    NodeKind statement_kind = NodeKind::Select;
    // INSERT: the table, and whether the statement RETURNs its autoincrement primary key
    // (implicit RETURNING on dialects that have it).
    schema::TablePtr table;
    bool implicit_returning_pk = false;

    // The values to bind for one execution: fixed values, named slots from `params`, defaults
    // (callables called once per row). Throws InvalidRequestError for a missing named value.
    std::vector<Value> bind_values(const ParamMap& params = {}) const;
    // The same as name -> value pairs in placeholder order (for pyformat echo dicts).
    std::vector<std::pair<std::string, Value>> bind_pairs(const ParamMap& params = {}) const;
    std::vector<TypeSpec> result_types() const;
};

Compiled compile(const NodePtr& statement, const engine::Dialect& dialect,
                 const CompileOptions& options = {});

// str(stmt.compile(dialect=...)): named/pyformat form with IN lists unexpanded.
std::string to_string(const NodePtr& statement, const engine::Dialect& dialect);

// The python-repr dict SQLAlchemy's psycopg2 echo prints: {'name_1': 'x', 'param_1': 5}.
std::string repr_param_dict(const std::vector<std::pair<std::string, Value>>& pairs);

} // namespace ormsh::sql
