// Result rows and the type-directed value conversions between the Python-side values a model
// holds and what each driver stores (SQLite keeps dates as text and booleans as integers;
// PostgreSQL has them natively). The rules follow SQLAlchemy's SQLite and PostgreSQL type
// processors so that values read back compare equal to what was written.
#include "core/engine/result.h"

#include <cmath>
#include <fmt/format.h>

namespace ormsh::engine {

namespace {

// SQLAlchemy's Numeric result processor rounds floats to this many places when the type has
// no scale (Numeric._default_decimal_return_scale).
constexpr int kDefaultDecimalReturnScale = 10;

Decimal decimal_from_double(double d, int scale) {
    return Decimal{fmt::format("{:.{}f}", d, scale)};
}

} // namespace

Result::Result(std::unique_ptr<Cursor> cursor, std::vector<TypeSpec> result_types,
               const Capabilities* caps)
    : cursor_(std::move(cursor)), types_(std::move(result_types)), caps_(caps) {
    if (!cursor_) return;
    for (const auto& column : cursor_->columns())
        keys_.push_back(column.name);
    rowcount_ = cursor_->rowcount();
    if (keys_.empty()) cursor_.reset();
    if (caps_) {
        converts_.reserve(types_.size());
        for (const auto& type : types_)
            converts_.push_back(converts_result_values(type));
    }
}

bool Result::next(std::vector<Value>& row) {
    if (!cursor_) return false;
    if (!cursor_->next(row)) {
        cursor_.reset();
        return false;
    }
    std::size_t n = std::min(row.size(), converts_.size());
    for (std::size_t i = 0; i < n; ++i)
        if (converts_[i]) convert_result_value(types_[i], *caps_, row[i]);
    return true;
}

bool Result::advance() {
    if (!cursor_) return false;
    if (!cursor_->advance()) {
        cursor_.reset();
        return false;
    }
    return true;
}

bool converts_result_values(const TypeSpec& type) {
    switch (type.kind) {
    case TypeKind::Boolean:
    case TypeKind::Date:
    case TypeKind::DateTime:
    case TypeKind::Time:
    case TypeKind::Numeric:
    case TypeKind::Float:
    case TypeKind::LargeBinary:
        return true;
    default:
        return false;
    }
}

std::vector<std::vector<Value>> Result::fetch_all() {
    std::vector<std::vector<Value>> rows;
    std::vector<Value> row;
    while (next(row))
        rows.push_back(row);
    return rows;
}

void convert_result_value(const TypeSpec& type, const Capabilities& caps, Value& value) {
    if (is_null(value)) return;
    (void)caps;
    switch (type.kind) {
    case TypeKind::Boolean:
        if (auto* i = std::get_if<std::int64_t>(&value)) value = *i != 0;
        break;
    case TypeKind::Date:
        if (auto* s = std::get_if<std::string>(&value)) {
            Date d;
            if (parse_iso(*s, d)) value = d;
        } else if (auto* dt = std::get_if<DateTime>(&value)) {
            value = dt->date;
        }
        break;
    case TypeKind::DateTime:
        if (auto* s = std::get_if<std::string>(&value)) {
            DateTime dt;
            if (parse_iso(*s, dt)) value = dt;
        } else if (auto* d = std::get_if<Date>(&value)) {
            value = DateTime{*d, Time{}};
        }
        break;
    case TypeKind::Time:
        if (auto* s = std::get_if<std::string>(&value)) {
            Time t;
            if (parse_iso(*s, t)) value = t;
        }
        break;
    case TypeKind::Numeric: {
        int scale = type.scale.value_or(kDefaultDecimalReturnScale);
        if (type.asdecimal) {
            if (auto* d = std::get_if<double>(&value))
                value = decimal_from_double(*d, scale);
            else if (auto* i = std::get_if<std::int64_t>(&value))
                value = decimal_from_double(static_cast<double>(*i), scale);
            else if (auto* s = std::get_if<std::string>(&value))
                value = Decimal{*s};
        } else {
            if (auto* d = std::get_if<Decimal>(&value))
                value = std::strtod(d->text.c_str(), nullptr);
            else if (auto* i = std::get_if<std::int64_t>(&value))
                value = static_cast<double>(*i);
        }
        break;
    }
    case TypeKind::Float:
        if (auto* d = std::get_if<Decimal>(&value)) value = std::strtod(d->text.c_str(), nullptr);
        break;
    case TypeKind::LargeBinary:
        if (auto* s = std::get_if<std::string>(&value)) value = Blob{std::move(*s)};
        break;
    default:
        break;
    }
}

void convert_bind_value(const TypeSpec& type, const Capabilities& caps, Value& value) {
    if (is_null(value)) return;
    if (!caps.native_boolean) {
        if (auto* b = std::get_if<bool>(&value)) {
            value = static_cast<std::int64_t>(*b ? 1 : 0);
            return;
        }
    }
    if (!caps.native_datetime) {
        if (auto* dt = std::get_if<DateTime>(&value)) {
            value = type.kind == TypeKind::Date ? to_iso(dt->date) : to_iso_micro(*dt);
            return;
        }
        if (auto* d = std::get_if<Date>(&value)) {
            value =
                type.kind == TypeKind::DateTime ? to_iso_micro(DateTime{*d, Time{}}) : to_iso(*d);
            return;
        }
        if (auto* t = std::get_if<Time>(&value)) {
            value = to_iso_micro(*t);
            return;
        }
    }
    if (!caps.native_decimal) {
        if (auto* d = std::get_if<Decimal>(&value)) {
            value = std::strtod(d->text.c_str(), nullptr);
            return;
        }
    }
    if (type.kind == TypeKind::Numeric && caps.native_decimal) {
        // psycopg2 adapts a float bound to NUMERIC as a float literal; keep the value as is.
        return;
    }
}

} // namespace ormsh::engine
