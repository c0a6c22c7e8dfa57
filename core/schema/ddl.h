// DDL text for schema objects, byte for byte as SQLAlchemy 1.4's DDLCompiler renders it for a
// dialect (tab-indented column lines joined by ", \n", constraints last), so echo output of
// create_all matches.
#pragma once

#include "core/engine/dialect.h"
#include "core/schema/table.h"

#include <string>
#include <vector>

namespace ormsh::schema {

// "\nCREATE TABLE users (\n\tid INTEGER NOT NULL, \n\t...PRIMARY KEY (id)\n)\n\n"
std::string create_table_sql(const Table& table, const engine::Dialect& dialect);
// "\nDROP TABLE users"
std::string drop_table_sql(const Table& table, const engine::Dialect& dialect);
// "CREATE INDEX ix_users_email ON users (email)"
std::string create_index_sql(const Table& table, const Index& index,
                             const engine::Dialect& dialect);
std::string drop_index_sql(const Index& index, const engine::Dialect& dialect);

// CREATE TYPE name AS ENUM ('a', 'b') for native enums (PostgreSQL); one per named enum type.
std::vector<std::string> create_enum_types_sql(const Table& table, const engine::Dialect& dialect);
std::vector<std::string> enum_type_names(const Table& table);
// The column definition line without indentation: "name VARCHAR(50) NOT NULL".
std::string column_specification(const Column& column, const engine::Dialect& dialect);
// An SQL string literal: 'it''s'.
std::string quote_string_literal(std::string_view s);

} // namespace ormsh::schema
