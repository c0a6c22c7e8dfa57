// StatementCache: flush and reload statements, keyed by their shape.
#include "core/orm/persistence.h"

#include <fmt/core.h>

namespace ormsh::orm {
namespace {

// A cache key naming the table, the statement kind and the columns by address: cheap to build
// and unique for the life of the schema objects.
std::string shape_key(char kind, const schema::Table& table,
                      const std::vector<const schema::Column*>& a,
                      const std::vector<const schema::Column*>& b) {
    std::string key;
    key.reserve(16 + 9 * (a.size() + b.size()));
    key += kind;
    auto add_ptr = [&](const void* p) {
        auto bits = reinterpret_cast<std::uintptr_t>(p);
        key.append(reinterpret_cast<const char*>(&bits), sizeof bits);
    };
    add_ptr(&table);
    for (auto* c : a) add_ptr(c);
    key += '|';
    for (auto* c : b) add_ptr(c);
    return key;
}

} // namespace

std::string StatementCache::qualified(const schema::Column& column) const {
    return dialect_->quote_identifier(column.table()->name()) + "." +
           dialect_->quote_identifier(column.name);
}

std::string StatementCache::where_clause(const std::vector<const schema::Column*>& where,
                                         int first) const {
    std::string sql;
    for (std::size_t i = 0; i < where.size(); ++i) {
        if (i) sql += " AND ";
        sql += qualified(*where[i]) + " = " + dialect_->placeholder(first + static_cast<int>(i));
    }
    return sql;
}

const std::string& StatementCache::insert(const schema::Table& table,
                                          const std::vector<InsertColumn>& columns,
                                          const schema::Column* returning) {
    std::vector<const schema::Column*> cols;
    for (const auto& c : columns) cols.push_back(c.column);
    std::vector<const schema::Column*> ret;
    if (returning) ret.push_back(returning);
    std::string key = shape_key('I', table, cols, ret);
    for (const auto& c : columns) key += c.inline_sql + '\x1f';
    auto it = cache_.find(key);
    if (it != cache_.end()) return it->second;

    std::string names, values;
    int index = 1;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (i) {
            names += ", ";
            values += ", ";
        }
        names += dialect_->quote_identifier(columns[i].column->name);
        values += columns[i].inline_sql.empty() ? dialect_->placeholder(index++)
                                                : columns[i].inline_sql;
    }
    std::string sql = "INSERT INTO " + dialect_->quote_identifier(table.name());
    // A row with no values at all: SQLAlchemy renders DEFAULT VALUES.
    if (columns.empty())
        sql += " DEFAULT VALUES";
    else
        sql += " (" + names + ") VALUES (" + values + ")";
    if (returning) sql += " RETURNING " + qualified(*returning);
    return cache_.emplace(std::move(key), std::move(sql)).first->second;
}

const std::string& StatementCache::update(const schema::Table& table,
                                          const std::vector<const schema::Column*>& set,
                                          const std::vector<const schema::Column*>& where) {
    std::string key = shape_key('U', table, set, where);
    auto it = cache_.find(key);
    if (it != cache_.end()) return it->second;
    std::string sql = "UPDATE " + dialect_->quote_identifier(table.name()) + " SET ";
    for (std::size_t i = 0; i < set.size(); ++i) {
        if (i) sql += ", ";
        sql += dialect_->quote_identifier(set[i]->name) + "=" +
               dialect_->placeholder(static_cast<int>(i) + 1);
    }
    sql += " WHERE " + where_clause(where, static_cast<int>(set.size()) + 1);
    return cache_.emplace(std::move(key), std::move(sql)).first->second;
}

const std::string& StatementCache::delete_(const schema::Table& table,
                                           const std::vector<const schema::Column*>& where) {
    std::string key = shape_key('D', table, {}, where);
    auto it = cache_.find(key);
    if (it != cache_.end()) return it->second;
    std::string sql = "DELETE FROM " + dialect_->quote_identifier(table.name()) + " WHERE " +
                      where_clause(where, 1);
    return cache_.emplace(std::move(key), std::move(sql)).first->second;
}

const std::string& StatementCache::select_by_key(const schema::Table& table,
                                                 const std::vector<const schema::Column*>& columns,
                                                 const std::vector<const schema::Column*>& where) {
    std::string key = shape_key('S', table, columns, where);
    auto it = cache_.find(key);
    if (it != cache_.end()) return it->second;
    std::string sql = "SELECT ";
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (i) sql += ", ";
        // SQLAlchemy labels each column <table>_<column>.
        sql += qualified(*columns[i]) + " AS " +
               dialect_->quote_identifier(table.name() + "_" + columns[i]->name);
    }
    sql += " \nFROM " + dialect_->quote_identifier(table.name()) + " \nWHERE " +
           where_clause(where, 1);
    return cache_.emplace(std::move(key), std::move(sql)).first->second;
}

std::string StatementCache::echo_label(const std::string& sql) {
    auto now = std::chrono::steady_clock::now();
    auto [it, first] = first_run_.emplace(&sql, now);
    if (first) return "[generated in 0.00001s]";
    std::chrono::duration<double> since = now - it->second;
    return fmt::format("[cached since {:.4g}s ago]", since.count());
}

} // namespace ormsh::orm
