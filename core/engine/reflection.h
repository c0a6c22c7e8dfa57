// What reflection reads back from a live database: the shape of one table, independent of
// any dialect, so core/schema can turn it into a Table (autoload_with=engine) and the shell
// can build models from it.
#pragma once

#include "core/engine/type_spec.h"

#include <optional>
#include <string>
#include <vector>

namespace ormsh::engine {

struct ColumnInfo {
    std::string name;
    TypeSpec type;
    std::string type_name; // the database's own spelling, e.g. "VARCHAR(50)"
    bool nullable = true;
    std::optional<std::string> default_sql; // server default as SQL text, if any
    bool autoincrement = false;
};

struct ForeignKeyInfo {
    std::optional<std::string> name;
    std::vector<std::string> constrained_columns;
    std::string referred_table;
    std::vector<std::string> referred_columns;
    std::optional<std::string> ondelete;
};

struct UniqueInfo {
    std::optional<std::string> name;
    std::vector<std::string> columns;
};

struct IndexInfo {
    std::string name;
    std::vector<std::string> columns;
    bool unique = false;
};

struct TableInfo {
    std::string name;
    std::vector<ColumnInfo> columns;      // in table order
    std::vector<std::string> primary_key; // column names in key order
    std::vector<ForeignKeyInfo> foreign_keys;
    std::vector<UniqueInfo> unique_constraints;
    std::vector<IndexInfo> indexes;
};

} // namespace ormsh::engine
