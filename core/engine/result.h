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

// Converts a driver value to what a column of `type` holds on the Python side: SQLite text to
// Date/DateTime/Time, 0/1 to bool, float to Decimal for Numeric, and so on. Values already of
// the right kind pass through.
void convert_result_value(const TypeSpec& type, const Capabilities& caps, Value& value);

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
    // Row at a time without a row vector: advance() makes the next row current (false at the
    // end), and read() puts one of its cells, converted by result type, into `out` (reusing
    // the string `out` holds). Cells may be read in any order, and read again.
    bool advance();
    void read(std::size_t column, Value& out) {
        cursor_->read(column, out);
        if (column < converts_.size() && converts_[column])
            convert_result_value(types_[column], *caps_, out);
    }
    std::vector<std::vector<Value>> fetch_all();

    // For INSERTs: the primary key the statement generated, filled in by core/sql.
    std::vector<Value> inserted_primary_key;

private:
    std::unique_ptr<Cursor> cursor_;
    std::vector<std::string> keys_;
    std::vector<TypeSpec> types_;
    const Capabilities* caps_ = nullptr;
    // Per column: whether its result type converts driver values (most columns do not).
    std::vector<std::uint8_t> converts_;
    std::int64_t rowcount_ = -1;
};

// Whether convert_result_value() can change a value of a column of `type`.
bool converts_result_values(const TypeSpec& type);

// Converts a Python-side value to what the driver binds for a column of `type`: bool to 0/1
// where there is no native boolean, Date to ISO text on SQLite.
void convert_bind_value(const TypeSpec& type, const Capabilities& caps, Value& value);

} // namespace ormsh::engine
