// Renders CREATE / DROP statements for tables, indexes and native enum types with SQLAlchemy
// 1.4's exact spacing. Type names, quoting and the SERIAL spelling come from the dialect.
#include "core/schema/ddl.h"

#include "core/engine/errors.h"
#include "core/schema/metadata.h"

#include <algorithm>

namespace ormsh::schema {
namespace {

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i) out += sep;
        out += parts[i];
    }
    return out;
}

std::string column_name_for_key(const Table& table, const std::string& key) {
    if (auto col = table.c(key)) return col->name;
    return key;
}

std::string quoted_columns(const Table& table, const std::vector<std::string>& keys,
                           const engine::Dialect& dialect) {
    std::vector<std::string> names;
    for (const auto& k : keys)
        names.push_back(dialect.quote_identifier(column_name_for_key(table, k)));
    return join(names, ", ");
}

std::string constraint_prefix(const std::optional<std::string>& name,
                              const engine::Dialect& dialect) {
    return name ? "CONSTRAINT " + dialect.quote_identifier(*name) + " " : std::string();
}

std::string foreign_key_sql(const Table& table, const ForeignKeyConstraint& fkc,
                            const engine::Dialect& dialect) {
    std::string out = constraint_prefix(fkc.name, dialect);
    out += "FOREIGN KEY(" + quoted_columns(table, fkc.columns, dialect) + ") REFERENCES ";
    std::vector<std::string> remote;
    std::string remote_table;
    for (std::size_t i = 0; i < fkc.refcolumns.size(); ++i) {
        const std::string& spec =
            i < fkc.elements.size() ? fkc.elements[i]->target_fullname() : fkc.refcolumns[i];
        auto dot = spec.rfind('.');
        remote_table = spec.substr(0, dot);
        std::string col = spec.substr(dot + 1);
        // Render the referenced column's name even when the target was given by key; a
        // target missing from the MetaData raises NoReferencedTable/ColumnError as in SQLAlchemy.
        if (i < fkc.elements.size()) col = fkc.elements[i]->column()->name;
        remote.push_back(dialect.quote_identifier(col));
    }
    out += dialect.quote_identifier(remote_table) + " (" + join(remote, ", ") + ")";
    if (fkc.ondelete) out += " ON DELETE " + *fkc.ondelete;
    if (fkc.onupdate) out += " ON UPDATE " + *fkc.onupdate;
    return out;
}

} // namespace

std::string quote_string_literal(std::string_view s) {
    std::string out = "'";
    for (char ch : s) {
        if (ch == '\'') out += '\'';
        out += ch;
    }
    return out + "'";
}

std::string column_specification(const Column& column, const engine::Dialect& dialect) {
    std::string spec = dialect.quote_identifier(column.name) + " ";
    const Table* table = column.table();
    bool serial = false;
    if (table && column.primary_key && !column.default_value.is_set()) {
        auto autoinc = table->autoincrement_column();
        serial = autoinc.get() == &column;
    }
    // An untyped column takes its type from its foreign key's target; a missing target is
    // NoReferencedTable/ColumnError, as SQLAlchemy reports it, not an untyped column.
    if (column.type.kind == TypeKind::Null && !column.foreign_keys().empty())
        column.foreign_keys().front()->column();
    if (serial) {
        spec += dialect.autoincrement_type_ddl(column.type);
    } else {
        spec += dialect.type_ddl(column.type);
    }
    if (column.server_default && !(serial && dialect.caps().sequences))
        spec += " DEFAULT " + column.server_default->render(dialect);
    if (!column.nullable()) spec += " NOT NULL";
    return spec;
}

std::string create_table_sql(const Table& table, const engine::Dialect& dialect) {
    std::vector<std::string> lines;
    for (const auto& col : table.columns()) {
        try {
            lines.push_back(column_specification(*col, dialect));
        } catch (const engine::CompileError& e) {
            // SQLAlchemy names the column whose type the dialect could not render.
            throw engine::CompileError("(in table '" + table.name() + "', column '" + col->name +
                                       "'): " + e.what());
        }
    }
    auto pk = table.primary_key();
    if (!pk.empty()) {
        std::vector<std::string> names;
        for (const auto& col : pk)
            names.push_back(dialect.quote_identifier(col->name));
        lines.push_back(constraint_prefix(table.primary_key_name(), dialect) + "PRIMARY KEY (" +
                        join(names, ", ") + ")");
    }
    for (const auto& c : table.constraints()) {
        if (auto* uq = std::get_if<UniqueConstraint>(&c)) {
            lines.push_back(constraint_prefix(uq->name, dialect) + "UNIQUE (" +
                            quoted_columns(table, uq->columns, dialect) + ")");
        } else if (auto* ck = std::get_if<CheckConstraint>(&c)) {
            lines.push_back(constraint_prefix(ck->name, dialect) + "CHECK (" + ck->sqltext + ")");
        } else if (auto* fkc = std::get_if<ForeignKeyConstraint>(&c)) {
            lines.push_back(foreign_key_sql(table, *fkc, dialect));
        }
    }
    return "\nCREATE TABLE " + dialect.quote_identifier(table.name()) + " (\n\t" +
           join(lines, ", \n\t") + "\n)\n\n";
}

std::string drop_table_sql(const Table& table, const engine::Dialect& dialect) {
    return "\nDROP TABLE " + dialect.quote_identifier(table.name());
}

std::string create_index_sql(const Table& table, const Index& index,
                             const engine::Dialect& dialect) {
    return std::string(index.unique ? "CREATE UNIQUE INDEX " : "CREATE INDEX ") +
           dialect.quote_identifier(index.name) + " ON " + dialect.quote_identifier(table.name()) +
           " (" + quoted_columns(table, index.columns, dialect) + ")";
}

std::string drop_index_sql(const Index& index, const engine::Dialect& dialect) {
    return "\nDROP INDEX " + dialect.quote_identifier(index.name);
}

std::vector<std::string> enum_type_names(const Table& table) {
    std::vector<std::string> names;
    for (const auto& col : table.columns())
        if (col->type.kind == TypeKind::Enum && !col->type.enum_name.empty() &&
            std::find(names.begin(), names.end(), col->type.enum_name) == names.end())
            names.push_back(col->type.enum_name);
    return names;
}

std::vector<std::string> create_enum_types_sql(const Table& table, const engine::Dialect& dialect) {
    std::vector<std::string> out;
    if (!dialect.caps().native_enum) return out;
    std::vector<std::string> seen;
    for (const auto& col : table.columns()) {
        const TypeSpec& t = col->type;
        if (t.kind != TypeKind::Enum || t.enum_name.empty() ||
            std::find(seen.begin(), seen.end(), t.enum_name) != seen.end())
            continue;
        seen.push_back(t.enum_name);
        std::vector<std::string> values;
        for (const auto& v : t.enum_values)
            values.push_back(quote_string_literal(v));
        out.push_back("CREATE TYPE " + dialect.quote_identifier(t.enum_name) + " AS ENUM (" +
                      join(values, ", ") + ")");
    }
    return out;
}

} // namespace ormsh::schema
