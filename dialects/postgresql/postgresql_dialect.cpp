// PostgreSQL's SQL flavour as SQLAlchemy 1.4 renders it: PGIdentifierPreparer's reserved
// words ("user" needs quotes), numbered placeholders and PGTypeCompiler's type names.
#include "dialects/postgresql/postgresql_dialect.h"

#include "core/engine/errors.h"
#include "core/engine/identifier_preparer.h"
#include "dialects/postgresql/postgresql_connection.h"

#include <fmt/format.h>
#include <unordered_set>

namespace ormsh::dialects {

using engine::TypeKind;
using engine::TypeSpec;

namespace {

// sqlalchemy.dialects.postgresql.base.RESERVED_WORDS (1.4).
const std::unordered_set<std::string_view>& reserved_words() {
    static const std::unordered_set<std::string_view> words = {
        "all",
        "analyse",
        "analyze",
        "and",
        "any",
        "array",
        "as",
        "asc",
        "asymmetric",
        "authorization",
        "between",
        "binary",
        "both",
        "case",
        "cast",
        "check",
        "collate",
        "column",
        "constraint",
        "create",
        "cross",
        "current_catalog",
        "current_date",
        "current_role",
        "current_schema",
        "current_time",
        "current_timestamp",
        "current_user",
        "default",
        "deferrable",
        "desc",
        "distinct",
        "do",
        "else",
        "end",
        "except",
        "false",
        "fetch",
        "for",
        "foreign",
        "freeze",
        "from",
        "full",
        "grant",
        "group",
        "having",
        "ilike",
        "in",
        "initially",
        "inner",
        "intersect",
        "into",
        "is",
        "isnull",
        "join",
        "leading",
        "left",
        "like",
        "limit",
        "localtime",
        "localtimestamp",
        "natural",
        "new",
        "not",
        "notnull",
        "null",
        "of",
        "off",
        "offset",
        "old",
        "on",
        "only",
        "or",
        "order",
        "outer",
        "over",
        "overlaps",
        "placing",
        "primary",
        "references",
        "returning",
        "right",
        "select",
        "session_user",
        "similar",
        "some",
        "symmetric",
        "table",
        "then",
        "to",
        "trailing",
        "true",
        "union",
        "unique",
        "user",
        "using",
        "variadic",
        "verbose",
        "when",
        "where",
        "window",
        "with",
    };
    return words;
}

} // namespace

PostgreSQLDialect::PostgreSQLDialect() {
    caps_.insert_returning = true;
    caps_.insert_executemany_returning = true;
    caps_.bulk_insert_rows = 10000;
    caps_.full_returning = true;
    caps_.multi_row_insert = true;
    caps_.native_boolean = true;
    caps_.native_decimal = true;
    caps_.native_datetime = true;
    caps_.native_json = true;
    caps_.native_enum = true;
    caps_.ilike = true;
    caps_.sequences = true;
    caps_.transactional_ddl = true;
    caps_.enforces_string_length = true;
    caps_.supports_is_distinct_from = true;
    caps_.max_bind_parameters = 65535; // the wire protocol's 16-bit parameter count
}

std::string PostgreSQLDialect::quote_identifier(std::string_view name) const {
    if (engine::identifier_requires_quotes(name, reserved_words()))
        return engine::quote_always(name);
    return std::string(name);
}

std::string PostgreSQLDialect::force_quote_identifier(std::string_view name) const {
    return engine::quote_always(name);
}

std::string PostgreSQLDialect::placeholder(int index) const {
    return fmt::format("${}", index);
}

std::string PostgreSQLDialect::type_ddl(const TypeSpec& type) const {
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
        return type.precision ? fmt::format("FLOAT({})", *type.precision) : "FLOAT";
    case TypeKind::Numeric:
        if (type.precision && type.scale)
            return fmt::format("NUMERIC({}, {})", *type.precision, *type.scale);
        if (type.precision) return fmt::format("NUMERIC({})", *type.precision);
        return "NUMERIC";
    case TypeKind::Date:
        return "DATE";
    case TypeKind::DateTime:
        return type.timezone ? "TIMESTAMP WITH TIME ZONE" : "TIMESTAMP WITHOUT TIME ZONE";
    case TypeKind::Time:
        return type.timezone ? "TIME WITH TIME ZONE" : "TIME WITHOUT TIME ZONE";
    case TypeKind::LargeBinary:
        return "BYTEA";
    case TypeKind::JSON:
        return "JSON";
    case TypeKind::Enum:
        if (type.enum_name.empty()) return type.sqlalchemy_str();
        return quote_identifier(type.enum_name);
    case TypeKind::Interval:
        return "INTERVAL";
    case TypeKind::Null:
        break;
    }
    throw engine::CompileError(
        "Can't generate DDL for NullType(); did you forget to specify a type on this Column?");
}

std::string PostgreSQLDialect::autoincrement_type_ddl(const TypeSpec& type) const {
    switch (type.kind) {
    case TypeKind::BigInteger:
        return "BIGSERIAL";
    case TypeKind::SmallInteger:
        return "SMALLSERIAL";
    default:
        return "SERIAL";
    }
}

std::unique_ptr<engine::DriverConnection> PostgreSQLDialect::connect(const engine::Url& url) const {
    return std::make_unique<PostgreSQLConnection>(*this, url);
}

void register_postgresql_dialect() {
    engine::register_dialect("postgresql", std::make_unique<PostgreSQLDialect>());
    engine::register_dialect_alias("postgres", "postgresql");
}

} // namespace ormsh::dialects
