// The rows a statement returned, fully typed. A Result owns its rows (buffered) unless it was
// opened streaming; Row is a view with access by index and by name, as SQLAlchemy's Row.
#pragma once

#include "core/engine/dialect.h"
#include "core/engine/value.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ormsh::engine {

class Result {
public:
    Result() = default;
    Result(std::unique_ptr<Cursor> cursor, std::vector<TypeSpec> result_types,
           const Capabilities* caps);

    const std::vector<std::string>& keys() const { return keys_; }
    // The column types the statement declared (may be shorter than keys() or empty).
    const std::vector<TypeSpec>& types() const { return types_; }
    bool returns_rows() const { return !keys_.empty(); }
    std::int64_t rowcount() const { return rowcount_; }

    // Reads the next row into `row`; false at the end. Values are converted by result type.
    bool next(std::vector<Value>& row);
    std::vector<std::vector<Value>> fetch_all();

    // For INSERTs: the primary key the statement generated, filled in by core/sql.
    std::vector<Value> inserted_primary_key;

private:
    std::unique_ptr<Cursor> cursor_;
    std::vector<std::string> keys_;
    std::vector<TypeSpec> types_;
    const Capabilities* caps_ = nullptr;
    std::int64_t rowcount_ = -1;
};

// Converts a driver value to what a column of `type` holds on the Python side: SQLite text to
// Date/DateTime/Time, 0/1 to bool, float to Decimal for Numeric, and so on. Values already of
// the right kind pass through.
void convert_result_value(const TypeSpec& type, const Capabilities& caps, Value& value);

// Converts a Python-side value to what the driver binds for a column of `type`: bool to 0/1
// where there is no native boolean, Date to ISO text on SQLite.
void convert_bind_value(const TypeSpec& type, const Capabilities& caps, Value& value);

} // namespace ormsh::engine
