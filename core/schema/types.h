// The column types a schema is declared with, spelled as SQLAlchemy's TypeEngine classes
// (Integer, String(80), Numeric(10, 2)). Each is plain data, an engine::TypeSpec, so that the
// dialects can turn it into DDL and result conversions without knowing about schema objects.
#pragma once

#include "core/engine/type_spec.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace ormsh::schema {

using engine::TypeKind;
using engine::TypeSpec;

inline TypeSpec make_type(TypeKind kind) {
    TypeSpec t;
    t.kind = kind;
    return t;
}

inline TypeSpec NullType() {
    return make_type(TypeKind::Null);
}
inline TypeSpec Integer() {
    return make_type(TypeKind::Integer);
}
inline TypeSpec BigInteger() {
    return make_type(TypeKind::BigInteger);
}
inline TypeSpec SmallInteger() {
    return make_type(TypeKind::SmallInteger);
}
inline TypeSpec Text() {
    return make_type(TypeKind::Text);
}
inline TypeSpec Boolean() {
    return make_type(TypeKind::Boolean);
}
inline TypeSpec Date() {
    return make_type(TypeKind::Date);
}
inline TypeSpec Time() {
    return make_type(TypeKind::Time);
}
inline TypeSpec LargeBinary() {
    return make_type(TypeKind::LargeBinary);
}
inline TypeSpec JSON() {
    return make_type(TypeKind::JSON);
}
inline TypeSpec Interval() {
    return make_type(TypeKind::Interval);
}

inline TypeSpec String(std::optional<int> length = std::nullopt) {
    TypeSpec t = make_type(TypeKind::String);
    t.length = length;
    return t;
}

inline TypeSpec Unicode(std::optional<int> length = std::nullopt) {
    TypeSpec t = make_type(TypeKind::Unicode);
    t.length = length;
    return t;
}

inline TypeSpec DateTime(bool timezone = false) {
    TypeSpec t = make_type(TypeKind::DateTime);
    t.timezone = timezone;
    return t;
}

inline TypeSpec Float(std::optional<int> precision = std::nullopt) {
    TypeSpec t = make_type(TypeKind::Float);
    t.precision = precision;
    t.asdecimal = false;
    return t;
}

inline TypeSpec Numeric(std::optional<int> precision = std::nullopt,
                        std::optional<int> scale = std::nullopt, bool asdecimal = true) {
    TypeSpec t = make_type(TypeKind::Numeric);
    t.precision = precision;
    t.scale = scale;
    t.asdecimal = asdecimal;
    return t;
}

// Enum('a', 'b', name='mood'): a VARCHAR sized to the longest value where there is no native
// enum type, a named CREATE TYPE on PostgreSQL.
inline TypeSpec Enum(std::vector<std::string> values, std::string name = {}) {
    TypeSpec t = make_type(TypeKind::Enum);
    std::size_t longest = 0;
    for (const auto& v : values)
        longest = std::max(longest, v.size());
    t.length = static_cast<int>(longest);
    t.enum_values = std::move(values);
    t.enum_name = std::move(name);
    return t;
}

// Types a string column's "+" turns into "||" for: SQLAlchemy's String family.
inline bool is_string_like(const TypeSpec& t) {
    return t.kind == TypeKind::String || t.kind == TypeKind::Text || t.kind == TypeKind::Unicode ||
           t.kind == TypeKind::Enum;
}

inline bool is_numeric_like(const TypeSpec& t) {
    return t.is_integer() || t.kind == TypeKind::Float || t.kind == TypeKind::Numeric;
}

} // namespace ormsh::schema
