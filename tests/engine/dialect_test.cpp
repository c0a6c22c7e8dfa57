// The stateless half of each dialect, with no database: quoting, placeholders, type DDL and
// reflected type spellings, compared with what SQLAlchemy 1.4 renders for the same input.
#include "core/engine/errors.h"
#include "dialects/postgresql/postgresql_dialect.h"
#include "dialects/sqlite/sqlite_dialect.h"

#include <gtest/gtest.h>

namespace ormsh::dialects {
namespace {

using engine::TypeKind;
using engine::TypeSpec;

TypeSpec type(TypeKind kind, std::optional<int> a = {}, std::optional<int> b = {}) {
    TypeSpec t;
    t.kind = kind;
    if (kind == TypeKind::String || kind == TypeKind::Unicode)
        t.length = a;
    else
        t.precision = a;
    t.scale = b;
    return t;
}

TEST(Quoting, FollowsIdentifierPreparer) {
    SQLiteDialect sqlite;
    PostgreSQLDialect pg;
    struct Case {
        const char* name;
        const char* sqlite;
        const char* pg;
    };
    const Case cases[] = {
        {"member", "member", "member"},
        {"user", "user", "\"user\""},
        {"order", "\"order\"", "\"order\""},
        {"values", "\"values\"", "values"},
        {"User", "\"User\"", "\"User\""},
        {"2fa", "\"2fa\"", "\"2fa\""},
        {"$x", "\"$x\"", "\"$x\""},
        {"a$b_1", "a$b_1", "a$b_1"},
        {"my table", "\"my table\"", "\"my table\""},
        {"q\"uote", "\"q\"\"uote\"", "\"q\"\"uote\""},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(sqlite.quote_identifier(c.name), c.sqlite) << c.name;
        EXPECT_EQ(pg.quote_identifier(c.name), c.pg) << c.name;
    }
    EXPECT_EQ(sqlite.force_quote_identifier("id"), "\"id\"");
    EXPECT_EQ(sqlite.placeholder(3), "?");
    EXPECT_EQ(pg.placeholder(3), "$3");
}

TEST(TypeDdl, MatchesCreateTable) {
    SQLiteDialect sqlite;
    PostgreSQLDialect pg;
    struct Case {
        TypeSpec spec;
        const char* sqlite;
        const char* pg;
    };
    TypeSpec dtz = type(TypeKind::DateTime);
    dtz.timezone = true;
    TypeSpec en = type(TypeKind::Enum);
    en.enum_values = {"a", "b"};
    en.enum_name = "myenum";
    const Case cases[] = {
        {type(TypeKind::Integer), "INTEGER", "INTEGER"},
        {type(TypeKind::BigInteger), "BIGINT", "BIGINT"},
        {type(TypeKind::SmallInteger), "SMALLINT", "SMALLINT"},
        {type(TypeKind::String, 5), "VARCHAR(5)", "VARCHAR(5)"},
        {type(TypeKind::String), "VARCHAR", "VARCHAR"},
        {type(TypeKind::Unicode, 3), "VARCHAR(3)", "VARCHAR(3)"},
        {type(TypeKind::Text), "TEXT", "TEXT"},
        {type(TypeKind::Boolean), "BOOLEAN", "BOOLEAN"},
        {type(TypeKind::Float), "FLOAT", "FLOAT"},
        {type(TypeKind::Float, 8), "FLOAT", "FLOAT(8)"},
        {type(TypeKind::Numeric, 10, 2), "NUMERIC(10, 2)", "NUMERIC(10, 2)"},
        {type(TypeKind::Numeric), "NUMERIC", "NUMERIC"},
        {type(TypeKind::Date), "DATE", "DATE"},
        {type(TypeKind::DateTime), "DATETIME", "TIMESTAMP WITHOUT TIME ZONE"},
        {dtz, "DATETIME", "TIMESTAMP WITH TIME ZONE"},
        {type(TypeKind::Time), "TIME", "TIME WITHOUT TIME ZONE"},
        {type(TypeKind::LargeBinary), "BLOB", "BYTEA"},
        {type(TypeKind::JSON), "JSON", "JSON"},
        {en, "VARCHAR(1)", "myenum"},
        {type(TypeKind::Interval), "DATETIME", "INTERVAL"},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(sqlite.type_ddl(c.spec), c.sqlite) << c.sqlite;
        EXPECT_EQ(pg.type_ddl(c.spec), c.pg) << c.pg;
    }
    EXPECT_THROW(sqlite.type_ddl(type(TypeKind::Null)), engine::CompileError);
    EXPECT_EQ(sqlite.autoincrement_type_ddl(type(TypeKind::Integer)), "INTEGER");
    EXPECT_EQ(pg.autoincrement_type_ddl(type(TypeKind::Integer)), "SERIAL");
    EXPECT_EQ(pg.autoincrement_type_ddl(type(TypeKind::BigInteger)), "BIGSERIAL");
    EXPECT_EQ(pg.autoincrement_type_ddl(type(TypeKind::SmallInteger)), "SMALLSERIAL");
}

TEST(ReflectedTypes, PrintAsSQLAlchemyReflectsThem) {
    struct Case {
        const char* declared;
        TypeKind kind;
        const char* shown;
    };
    const Case sqlite_cases[] = {
        {"INTEGER", TypeKind::Integer, "INTEGER"},
        {"INT", TypeKind::Integer, "INTEGER"},
        {"VARCHAR(50)", TypeKind::String, "VARCHAR(50)"},
        {"TEXT", TypeKind::Text, "TEXT"},
        {"NUMERIC(10,2)", TypeKind::Numeric, "NUMERIC(10, 2)"},
        {"DATETIME", TypeKind::DateTime, "DATETIME"},
        {"BOOLEAN", TypeKind::Boolean, "BOOLEAN"},
        {"BLOB", TypeKind::LargeBinary, "BLOB"},
        {"MEDIUMINT", TypeKind::Integer, "INTEGER"},
        {"NATIVE CHARACTER(70)", TypeKind::Text, "TEXT(70)"},
        {"DOUBLE", TypeKind::Float, "FLOAT"},
        {"FLOAT(8)", TypeKind::Float, "FLOAT"},
        {"CHAR(3)", TypeKind::String, "CHAR(3)"},
        {"FOO", TypeKind::Numeric, "NUMERIC"},
        {"BLOBBY", TypeKind::Null, "NULL"},
        {"", TypeKind::Null, "NULL"},
    };
    for (const auto& c : sqlite_cases) {
        TypeSpec t = parse_sqlite_type(c.declared);
        EXPECT_EQ(t.kind, c.kind) << c.declared;
        EXPECT_EQ(t.sqlalchemy_str(), c.shown) << c.declared;
    }
    const Case pg_cases[] = {
        {"integer", TypeKind::Integer, "INTEGER"},
        {"character varying(50)", TypeKind::String, "VARCHAR(50)"},
        {"text", TypeKind::Text, "TEXT"},
        {"timestamp without time zone", TypeKind::DateTime, "TIMESTAMP WITHOUT TIME ZONE"},
        {"time without time zone", TypeKind::Time, "TIME WITHOUT TIME ZONE"},
        {"numeric(10,2)", TypeKind::Numeric, "NUMERIC(10, 2)"},
        {"double precision", TypeKind::Float, "DOUBLE PRECISION"},
        {"bytea", TypeKind::LargeBinary, "BYTEA"},
        {"boolean", TypeKind::Boolean, "BOOLEAN"},
    };
    for (const auto& c : pg_cases) {
        TypeSpec t = parse_pg_type(c.declared, false);
        EXPECT_EQ(t.kind, c.kind) << c.declared;
        EXPECT_EQ(t.sqlalchemy_str(), c.shown) << c.declared;
    }
}

} // namespace
} // namespace ormsh::dialects
