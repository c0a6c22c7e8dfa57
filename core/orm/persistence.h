// The statements a flush and an attribute load emit, as SQLAlchemy's persistence.py renders
// them: INSERT per (table, column set), UPDATE of the changed columns by primary key, DELETE by
// primary key, and the SELECT that reloads an expired object. Their text is built once per
// shape and cached, so a flush of many rows builds no strings per row.
#pragma once

#include "core/engine/dialect.h"
#include "core/schema/table.h"

#include <chrono>
#include <map>
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

    const engine::Dialect& dialect() const { return *dialect_; }
    // The echo label of a statement from this cache, as SQLAlchemy's statement cache reports
    // it: "[generated in ...]" the first time it runs, "[cached since ...s ago]" after.
    std::string echo_label(const std::string& sql);
    // "t.a" with both parts quoted as the dialect needs.
    std::string qualified(const schema::Column& column) const;

private:
    std::string where_clause(const std::vector<const schema::Column*>& where, int first) const;
    const engine::Dialect* dialect_;
    std::map<std::string, std::string> cache_;
    std::unordered_map<const std::string*, std::chrono::steady_clock::time_point> first_run_;
};

} // namespace ormsh::orm
