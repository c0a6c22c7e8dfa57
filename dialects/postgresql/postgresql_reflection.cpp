// Reflection for PostgreSQL from pg_catalog, limited to the 'public' schema as SQLAlchemy's
// default. format_type() spellings are read back into TypeSpecs and into the names that
// SQLAlchemy's reflected PostgreSQL types print ("TIMESTAMP WITHOUT TIME ZONE").
#include "dialects/postgresql/postgresql_connection.h"
#include "dialects/postgresql/postgresql_dialect.h"

#include <algorithm>
#include <cctype>
#include <map>

namespace ormsh::dialects {

using engine::TypeKind;
using engine::TypeSpec;
using engine::Value;

namespace {

std::string text_of(const Value& v) {
    if (auto* s = std::get_if<std::string>(&v)) return *s;
    if (auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
    return {};
}

// The table's OID expression; to_regclass() yields NULL instead of failing for no table.
const char* kRegclass = "to_regclass(quote_ident('public') || '.' || quote_ident($1))";

} // namespace

// A format_type() spelling ("character varying(50)", "numeric(10,2)", "timestamp without
// time zone") as SQLAlchemy's PGDialect reflects it.
TypeSpec parse_pg_type(const std::string& formatted, bool is_enum) {
    TypeSpec spec;
    std::string base = formatted;
    std::vector<int> args;
    std::size_t paren = formatted.find('(');
    if (paren != std::string::npos) {
        std::size_t close = formatted.find(')', paren);
        std::string inner = formatted.substr(paren + 1, close - paren - 1);
        std::size_t start = 0;
        while (start < inner.size()) {
            std::size_t comma = inner.find(',', start);
            args.push_back(std::atoi(inner.substr(start, comma - start).c_str()));
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
        base = formatted.substr(0, paren) + formatted.substr(close + 1);
    }
    auto with_args = [&](std::string name) {
        if (args.empty()) return name;
        name += "(" + std::to_string(args[0]);
        if (args.size() > 1) name += ", " + std::to_string(args[1]);
        return name + ")";
    };
    if (is_enum) {
        spec.kind = TypeKind::Enum;
        spec.enum_name = formatted;
        spec.reflected_str = formatted;
        return spec;
    }
    struct Known {
        TypeKind kind;
        const char* shown;
    };
    static const std::map<std::string, Known> known = {
        {"integer", {TypeKind::Integer, "INTEGER"}},
        {"bigint", {TypeKind::BigInteger, "BIGINT"}},
        {"smallint", {TypeKind::SmallInteger, "SMALLINT"}},
        {"character varying", {TypeKind::String, "VARCHAR"}},
        {"character", {TypeKind::String, "CHAR"}},
        {"text", {TypeKind::Text, "TEXT"}},
        {"boolean", {TypeKind::Boolean, "BOOLEAN"}},
        {"double precision", {TypeKind::Float, "DOUBLE PRECISION"}},
        {"real", {TypeKind::Float, "REAL"}},
        {"numeric", {TypeKind::Numeric, "NUMERIC"}},
        {"date", {TypeKind::Date, "DATE"}},
        {"timestamp without time zone", {TypeKind::DateTime, "TIMESTAMP WITHOUT TIME ZONE"}},
        {"timestamp with time zone", {TypeKind::DateTime, "TIMESTAMP WITH TIME ZONE"}},
        {"time without time zone", {TypeKind::Time, "TIME WITHOUT TIME ZONE"}},
        {"time with time zone", {TypeKind::Time, "TIME WITH TIME ZONE"}},
        {"bytea", {TypeKind::LargeBinary, "BYTEA"}},
        {"json", {TypeKind::JSON, "JSON"}},
        {"jsonb", {TypeKind::JSON, "JSONB"}},
        {"interval", {TypeKind::Interval, "INTERVAL"}},
    };
    auto it = known.find(base);
    if (it == known.end()) {
        spec.kind = TypeKind::Null;
        spec.reflected_str = "NULL";
        return spec;
    }
    spec.kind = it->second.kind;
    std::string shown = it->second.shown;
    switch (spec.kind) {
    case TypeKind::String:
        if (!args.empty()) spec.length = args[0];
        shown = with_args(shown);
        break;
    case TypeKind::Numeric:
        if (!args.empty()) spec.precision = args[0];
        if (args.size() > 1) spec.scale = args[1];
        shown = with_args(shown);
        break;
    case TypeKind::DateTime:
    case TypeKind::Time:
        spec.timezone = base.find("with time zone") != std::string::npos;
        break;
    default:
        break;
    }
    spec.reflected_str = shown;
    return spec;
}

std::vector<std::string> PostgreSQLConnection::table_names() {
    std::vector<std::string> names;
    for (const auto& row :
         query("SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON "
               "n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') "
               "ORDER BY c.relname"))
        names.push_back(text_of(row[0]));
    return names;
}

bool PostgreSQLConnection::has_table(const std::string& name) {
    auto rows = query(std::string("SELECT ") + kRegclass + " IS NOT NULL", {name});
    return !rows.empty() && std::get_if<bool>(&rows[0][0]) && std::get<bool>(rows[0][0]);
}

std::optional<engine::TableInfo> PostgreSQLConnection::reflect_table(const std::string& name) {
    if (!has_table(name)) return std::nullopt;
    engine::TableInfo info;
    info.name = name;
    std::string rel = kRegclass;

    for (const auto& row :
         query("SELECT a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull, "
               "pg_catalog.pg_get_expr(d.adbin, d.adrelid), t.typtype = 'e', "
               "a.attidentity <> '' FROM pg_catalog.pg_attribute a "
               "JOIN pg_catalog.pg_type t ON t.oid = a.atttypid "
               "LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
               "WHERE a.attrelid = " +
                   rel +
                   " AND a.attnum > 0 AND NOT a.attisdropped "
                   "ORDER BY a.attnum",
               {name})) {
        engine::ColumnInfo col;
        col.name = text_of(row[0]);
        col.type_name = text_of(row[1]);
        col.type = parse_pg_type(col.type_name, std::get<bool>(row[4]));
        col.nullable = !std::get<bool>(row[2]);
        if (!engine::is_null(row[3])) col.default_sql = text_of(row[3]);
        col.autoincrement = std::get<bool>(row[5]) ||
                            (col.default_sql && col.default_sql->rfind("nextval(", 0) == 0);
        info.columns.push_back(std::move(col));
    }

    // Constraints, one row per column, in key order.
    auto constraint_columns = [&](const char* contype) {
        return query("SELECT c.conname, a.attname, "
                     "COALESCE(fa.attname, ''), COALESCE(fc.relname, ''), c.confdeltype "
                     "FROM pg_catalog.pg_constraint c "
                     "CROSS JOIN LATERAL generate_subscripts(c.conkey, 1) AS k(i) "
                     "JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid "
                     "AND a.attnum = c.conkey[k.i] "
                     "LEFT JOIN pg_catalog.pg_attribute fa ON fa.attrelid = c.confrelid "
                     "AND fa.attnum = c.confkey[k.i] "
                     "LEFT JOIN pg_catalog.pg_class fc ON fc.oid = c.confrelid "
                     "WHERE c.conrelid = " +
                         rel + " AND c.contype = '" + contype +
                         "' "
                         "ORDER BY c.conname, k.i",
                     {name});
    };
    for (const auto& row : constraint_columns("p"))
        info.primary_key.push_back(text_of(row[1]));

    for (const auto& row : constraint_columns("f")) {
        std::string conname = text_of(row[0]);
        if (info.foreign_keys.empty() || info.foreign_keys.back().name != conname) {
            engine::ForeignKeyInfo fk;
            fk.name = conname;
            fk.referred_table = text_of(row[3]);
            static const std::map<std::string, std::string> actions = {
                {"r", "RESTRICT"}, {"c", "CASCADE"}, {"n", "SET NULL"}, {"d", "SET DEFAULT"}};
            if (auto it = actions.find(text_of(row[4])); it != actions.end())
                fk.ondelete = it->second;
            info.foreign_keys.push_back(std::move(fk));
        }
        info.foreign_keys.back().constrained_columns.push_back(text_of(row[1]));
        info.foreign_keys.back().referred_columns.push_back(text_of(row[2]));
    }

    for (const auto& row : constraint_columns("u")) {
        std::string conname = text_of(row[0]);
        if (info.unique_constraints.empty() || info.unique_constraints.back().name != conname)
            info.unique_constraints.push_back({conname, {}});
        info.unique_constraints.back().columns.push_back(text_of(row[1]));
    }

    // Indexes that are not the implementation of a primary key or unique constraint.
    for (const auto& row :
         query("SELECT ic.relname, a.attname, i.indisunique FROM pg_catalog.pg_index i "
               "JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid "
               "CROSS JOIN LATERAL generate_subscripts(i.indkey, 1) AS k(n) "
               "JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid "
               "AND a.attnum = i.indkey[k.n] "
               "WHERE i.indrelid = " +
                   rel +
                   " AND NOT EXISTS (SELECT 1 FROM "
                   "pg_catalog.pg_constraint c WHERE c.conindid = i.indexrelid) "
                   "ORDER BY ic.relname, k.n",
               {name})) {
        std::string index_name = text_of(row[0]);
        if (info.indexes.empty() || info.indexes.back().name != index_name)
            info.indexes.push_back({index_name, {}, std::get<bool>(row[2])});
        info.indexes.back().columns.push_back(text_of(row[1]));
    }
    return info;
}

} // namespace ormsh::dialects
