// How a column type prints: str(column.type) under SQLAlchemy's default dialect, which is
// what models, reprs and reflection output show. Dialect-specific DDL lives in the dialects.
#include "core/engine/type_spec.h"

#include <algorithm>
#include <fmt/format.h>

namespace ormsh::engine {

std::string TypeSpec::sqlalchemy_str() const {
    if (!reflected_str.empty()) return reflected_str;
    switch (kind) {
    case TypeKind::Null:
        return "NULL";
    case TypeKind::Integer:
        return "INTEGER";
    case TypeKind::BigInteger:
        return "BIGINT";
    case TypeKind::SmallInteger:
        return "SMALLINT";
    case TypeKind::String:
    case TypeKind::Unicode:
        return length ? fmt::format("VARCHAR({})", *length) : "VARCHAR";
    case TypeKind::Text:
        return length ? fmt::format("TEXT({})", *length) : "TEXT";
    case TypeKind::Boolean:
        return "BOOLEAN";
    case TypeKind::Float:
        return "FLOAT";
    case TypeKind::Numeric:
        if (precision && scale) return fmt::format("NUMERIC({}, {})", *precision, *scale);
        if (precision) return fmt::format("NUMERIC({})", *precision);
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
    case TypeKind::Enum: {
        // A non-native Enum is a VARCHAR as long as its longest value.
        std::size_t longest = 0;
        for (const auto& v : enum_values)
            longest = std::max(longest, v.size());
        if (length) longest = *length;
        return fmt::format("VARCHAR({})", longest);
    }
    case TypeKind::Interval:
        return "DATETIME";
    }
    return "NULL";
}

} // namespace ormsh::engine
