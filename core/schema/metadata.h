// MetaData: the collection of Table objects, as SQLAlchemy's schema.MetaData, with the
// operations that act on all of them: FK-ordered sorted_tables, create_all / drop_all against
// a live connection, and reflection of existing tables (autoload_with).
#pragma once

#include "core/engine/engine.h"
#include "core/schema/table.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ormsh::schema {

class MetaData {
public:
    MetaData() = default;
    MetaData(const MetaData&) = delete;
    MetaData& operator=(const MetaData&) = delete;

    // metadata.tables: in the order they were added.
    const std::vector<TablePtr>& tables() const { return tables_; }
    TablePtr table(std::string_view name) const;
    bool contains(std::string_view name) const { return table(name) != nullptr; }
    void remove(const Table& table);
    void clear();

    // Tables sorted so that each comes after the tables its foreign keys point at, ties
    // broken by name (SQLAlchemy sorts by key first, then takes dependency-free tables in
    // rounds). Throws InvalidRequestError (CircularDependencyError) on a cycle.
    std::vector<TablePtr> sorted_tables() const;

    // Emits CREATE TABLE (and CREATE INDEX, CREATE TYPE for native enums) for every table,
    // parents first; with checkfirst, tables that already exist are skipped.
    void create_all(engine::Connection& conn, bool checkfirst = true) const;
    // Emits DROP TABLE in reverse dependency order; with checkfirst, missing ones are skipped.
    void drop_all(engine::Connection& conn, bool checkfirst = true) const;

    // Table('name', metadata, autoload_with=engine): reads the table's shape from the database
    // and adds it, along with the tables its foreign keys refer to. Throws NoSuchTableError.
    TablePtr reflect_table(engine::Connection& conn, const std::string& name);
    // metadata.reflect(engine): every table in the database (optionally only some).
    void reflect(engine::Connection& conn,
                 const std::optional<std::vector<std::string>>& only = std::nullopt);

    // Internal: called by Table::make.
    void add_table(TablePtr table);

private:
    std::vector<TablePtr> tables_;
    std::map<std::string, TablePtr, std::less<>> by_name_;
};

// Builds a Table in `metadata` from reflected information (used by reflect_table, and by the
// shell to build models from a database). Referred tables are not loaded.
TablePtr table_from_info(MetaData& metadata, const engine::TableInfo& info);

// Orders `tables` parents first the way SQLAlchemy's sort_tables does: in rounds, each round
// taking (in input order) every table whose parents are already placed.
std::vector<TablePtr> sort_tables(const std::vector<TablePtr>& tables);

} // namespace ormsh::schema
