// A column type as data: what core/schema's types are made of and what a dialect turns into
// DDL, reflects back, and uses to convert result values. SQLAlchemy's TypeEngine classes
// (Integer, String(80), Numeric(10, 2)) map one to one onto a TypeKind plus its arguments.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace ormsh::engine {

enum class TypeKind {
    Null, // no type known (a literal None, a raw text() column)
    Integer,
    BigInteger,
    SmallInteger,
    String, // VARCHAR(length) or VARCHAR
    Text,
    Unicode, // rendered as VARCHAR, like String
    Boolean,
    Float,
    Numeric, // exact; Python side is decimal.Decimal unless asdecimal=False
    Date,
    DateTime,
    Time,
    LargeBinary,
    JSON,
    Enum,
    Interval,
};

struct TypeSpec {
    TypeKind kind = TypeKind::Null;
    std::optional<int> length;    // String(n)
    std::optional<int> precision; // Numeric(p, s), Float(p)
    std::optional<int> scale;
    bool timezone = false; // DateTime(timezone=True)
    bool asdecimal = true; // Numeric: Decimal (true) or float
    std::vector<std::string> enum_values;
    std::string enum_name; // the named PostgreSQL type for Enum
    // Enum(SomePythonEnum): an opaque handle on that class, set and read only by the language
    // bindings (stored names load back as the class's members).
    const void* python_enum = nullptr;
    // Set by reflection: what SQLAlchemy's reflected, dialect-specific type prints
    // ("TIMESTAMP WITHOUT TIME ZONE", "DOUBLE PRECISION"); sqlalchemy_str() returns it when set.
    std::string reflected_str;

    // The SQLAlchemy spelling that str(column.type) prints: "INTEGER", "VARCHAR(80)",
    // "NUMERIC(10, 2)", "DATETIME", "TEXT", "BOOLEAN", "FLOAT", "DATE".
    std::string sqlalchemy_str() const;
    bool is_integer() const {
        return kind == TypeKind::Integer || kind == TypeKind::BigInteger ||
               kind == TypeKind::SmallInteger;
    }
};

} // namespace ormsh::engine
