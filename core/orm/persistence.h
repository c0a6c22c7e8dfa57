// The statements a flush and an attribute load emit, as SQLAlchemy's persistence.py renders
// them: INSERT per (table, column set), UPDATE of the changed columns by primary key, DELETE by
// primary key, and the SELECT that reloads an expired object. Their text is built once per
// shape and cached, so a flush of many rows builds no strings per row.
#pragma once

#include "core/engine/dialect.h"
#include "core/engine/engine.h"
#include "core/schema/table.h"

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace ormsh::orm {

// A column of an INSERT: bound to a parameter, or an SQL expression default rendered inline
// (default=func.now()).
struct InsertColumn {
    const schema::Column* column;
    std::string inline_sql; // empty: a bound parameter
};

// The value to bind for `column`, converted for the dialect (bools to 0/1 on SQLite ...).
engine::Value bind_value(const schema::Column& column, const engine::Capabilities& caps,
                         engine::Value value);
// Whether bind_value() may change `value` (a bool, date or decimal the dialect has no native
// form for): the others can be bound as the slot holds them, without a copy.
bool bind_converts(const engine::Capabilities& caps, const engine::Value& value);
// Whether a column's default is computed in the process (a scalar or a callable).
bool has_python_default(const schema::ColumnDefault& d);
// An SQL expression default (default=func.now()) as an INSERT renders it inline.
std::string inline_default_sql(const schema::Column& column, const engine::Dialect& dialect);

class StatementCache {
public:
    explicit StatementCache(const engine::Dialect& dialect) : dialect_(&dialect) {}

    // INSERT INTO t (a, b) VALUES (?, ?) [RETURNING t.id]
    const std::string& insert(const schema::Table& table, const std::vector<InsertColumn>& columns,
                              const schema::Column* returning);
    // UPDATE t SET a=?, b=? WHERE t.id = ?
    const std::string& update(const schema::Table& table,
                              const std::vector<const schema::Column*>& set,
                              const std::vector<const schema::Column*>& where);
    // DELETE FROM t WHERE t.id = ?
    const std::string& delete_(const schema::Table& table,
                               const std::vector<const schema::Column*>& where);
    // SELECT t.a AS t_a, ... FROM t WHERE t.id = ?
    const std::string& select_by_key(const schema::Table& table,
                                     const std::vector<const schema::Column*>& columns,
                                     const std::vector<const schema::Column*>& where);

    // Runs one of this cache's statements. Echo labels it as SQLAlchemy's compiled cache
    // does: "[generated in Ns]" the first time the process runs the text, "[cached since Ns
    // ago]" after.
    engine::Result execute(engine::Connection& conn, const std::string& sql,
                           const std::vector<engine::Value>& params,
                           const std::vector<engine::TypeSpec>* result_types = nullptr);

    // One of this cache's INSERTs as the executemany() SQLAlchemy shows for many rows (see
    // engine::Connection::bulk_insert); `rows` builds the parameter sets when needed.
    engine::Connection::ExecutemanyForm
    executemany_form(const engine::Connection& conn, const std::string& sql,
                     std::function<std::vector<std::vector<engine::Value>>()> rows) const;

    const engine::Dialect& dialect() const { return *dialect_; }
    // "t.a" with both parts quoted as the dialect needs.
    std::string qualified(const schema::Column& column) const;

private:
    // The text echo shows for PostgreSQL (psycopg2's pyformat) and the parameter names.
    struct EchoForm {
        std::string sql;
        std::vector<std::string> names;
    };
    // How SQLAlchemy names a WHERE clause's key parameters: UPDATE <table>_<column>, DELETE
    // the column key, a reload by key pk_1, pk_2 ...
    enum class KeyNaming { TableColumn, ColumnKey, PrimaryKeyN };
    struct Built {
        double seconds = 0;               // how long the text took to build
        std::optional<EchoForm> pyformat; // for dialects that echo pyformat
    };

    const std::string& store(std::string key, std::string sql,
                             std::chrono::steady_clock::time_point started, EchoForm echo = {});
    std::string echo_label(const std::string& sql) const;
    std::string where_clause(const std::vector<const schema::Column*>& where, int first,
                             KeyNaming naming, EchoForm* echo) const;
    const engine::Dialect* dialect_;
    std::map<std::string, std::string> cache_;
    // What echo needs of each cached text, by its address in cache_.
    std::unordered_map<const std::string*, Built> built_;
};

} // namespace ormsh::orm
