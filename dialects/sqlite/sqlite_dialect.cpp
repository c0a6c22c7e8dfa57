// SQLite's SQL flavour as SQLAlchemy 1.4 renders it: SQLiteIdentifierPreparer's reserved
// words, the qmark paramstyle and SQLiteTypeCompiler's type names.
#include "dialects/sqlite/sqlite_dialect.h"

#include "core/engine/errors.h"
#include "core/engine/identifier_preparer.h"
#include "dialects/sqlite/sqlite_connection.h"

#include <algorithm>
#include <fmt/format.h>
#include <unordered_set>

namespace ormsh::dialects {

using engine::TypeKind;
using engine::TypeSpec;

namespace {

// sqlalchemy.dialects.sqlite.base.SQLiteIdentifierPreparer.reserved_words (1.4).
const std::unordered_set<std::string_view>& reserved_words() {
    static const std::unordered_set<std::string_view> words = {
        "add",          "after",
        "all",          "alter",
        "analyze",      "and",
        "as",           "asc",
        "attach",       "autoincrement",
        "before",       "begin",
        "between",      "by",
        "cascade",      "case",
        "cast",         "check",
        "collate",      "column",
        "commit",       "conflict",
        "constraint",   "create",
        "cross",        "current_date",
        "current_time", "current_timestamp",
        "database",     "default",
        "deferrable",   "deferred",
        "delete",       "desc",
        "detach",       "distinct",
        "drop",         "each",
        "else",         "end",
        "escape",       "except",
        "exclusive",    "exists",
        "explain",      "fail",
        "false",        "for",
        "foreign",      "from",
        "full",         "glob",
        "group",        "having",
        "if",           "ignore",
        "immediate",    "in",
        "index",        "indexed",
        "initially",    "inner",
        "insert",       "instead",
        "intersect",    "into",
        "is",           "isnull",
        "join",         "key",
        "left",         "like",
        "limit",        "match",
        "natural",      "not",
        "notnull",      "null",
        "of",           "offset",
        "on",           "or",
        "order",        "outer",
        "plan",         "pragma",
        "primary",      "query",
        "raise",        "references",
        "reindex",      "rename",
        "replace",      "restrict",
        "right",        "rollback",
        "row",          "select",
        "set",          "table",
        "temp",         "temporary",
        "then",         "to",
        "transaction",  "trigger",
        "true",         "union",
        "unique",       "update",
        "using",        "vacuum",
        "values",       "view",
        "virtual",      "when",
        "where",
    };
    return words;
}

} // namespace

SQLiteDialect::SQLiteDialect() {
    caps_.insert_returning = false; // SQLAlchemy 1.4 never emits RETURNING on SQLite
    caps_.multi_row_insert = true;
    caps_.native_boolean = false;
    caps_.native_decimal = false;
    caps_.native_datetime = false;
    caps_.native_json = true;
    caps_.native_enum = false;
    caps_.ilike = false;
    caps_.sequences = false;
    caps_.transactional_ddl = true;
    caps_.enforces_string_length = false;
    caps_.supports_is_distinct_from = true;
    caps_.max_bind_parameters = 32766; // SQLITE_MAX_VARIABLE_NUMBER since 3.32
}

std::string SQLiteDialect::quote_identifier(std::string_view name) const {
    if (engine::identifier_requires_quotes(name, reserved_words()))
        return engine::quote_always(name);
    return std::string(name);
}

std::string SQLiteDialect::force_quote_identifier(std::string_view name) const {
    return engine::quote_always(name);
}

std::string SQLiteDialect::placeholder(int) const {
    return "?";
}

std::string SQLiteDialect::type_ddl(const TypeSpec& type) const {
    switch (type.kind) {
    case TypeKind::Integer:
        return "INTEGER";
    case TypeKind::BigInteger:
        return "BIGINT";
    case TypeKind::SmallInteger:
        return "SMALLINT";
    case TypeKind::String:
    case TypeKind::Unicode:
        return type.length ? fmt::format("VARCHAR({})", *type.length) : "VARCHAR";
    case TypeKind::Text:
        return type.length ? fmt::format("TEXT({})", *type.length) : "TEXT";
    case TypeKind::Boolean:
        return "BOOLEAN";
    case TypeKind::Float:
        return "FLOAT";
    case TypeKind::Numeric:
        if (type.precision && type.scale)
            return fmt::format("NUMERIC({}, {})", *type.precision, *type.scale);
        if (type.precision) return fmt::format("NUMERIC({})", *type.precision);
        return "NUMERIC";
    case TypeKind::Date:
        return "DATE";
    case TypeKind::DateTime:
        return "DATETIME";
    case TypeKind::Time:
        return "TIME";
    case TypeKind::LargeBinary:
        return "BLOB";
    case TypeKind::JSON:
        return "JSON";
    case TypeKind::Enum:
    case TypeKind::Interval:
        return type.sqlalchemy_str();
    case TypeKind::Null:
        break;
    }
    throw engine::CompileError(
        "Can't generate DDL for NullType(); did you forget to specify a type on this Column?");
}

std::string SQLiteDialect::autoincrement_type_ddl(const TypeSpec& type) const {
    // SQLite autoincrements an INTEGER PRIMARY KEY (the rowid alias) with no extra keyword;
    // SQLAlchemy prints the declared type unchanged.
    return type_ddl(type);
}

std::string SQLiteDialect::filename(const engine::Url& url) {
    if (!url.database || url.database->empty()) return ":memory:";
    return *url.database;
}

bool SQLiteDialect::single_connection(const engine::Url& url) const {
    std::string file = filename(url);
    return file == ":memory:" || file.find("mode=memory") != std::string::npos;
}

std::unique_ptr<engine::DriverConnection> SQLiteDialect::connect(const engine::Url& url) const {
    return std::make_unique<SQLiteConnection>(*this, url);
}

void register_sqlite_dialect() {
    engine::register_dialect("sqlite", std::make_unique<SQLiteDialect>());
}

} // namespace ormsh::dialects
