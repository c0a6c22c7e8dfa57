// The values that cross the boundary between ormsh and a database: what a parameter binds
// and what a result cell holds. Kept free of any language or driver type so that core/ can
// be used as a plain C++ library.
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace ormsh::engine {

// SQL NULL.
struct Null {
    auto operator<=>(const Null&) const = default;
};

struct Date {
    int year = 1, month = 1, day = 1;
    auto operator<=>(const Date&) const = default;
};

struct Time {
    int hour = 0, minute = 0, second = 0, microsecond = 0;
    auto operator<=>(const Time&) const = default;
};

struct DateTime {
    Date date;
    Time time;
    auto operator<=>(const DateTime&) const = default;
};

// Binary data; a distinct type so that bytes never get confused with text.
struct Blob {
    std::string bytes;
    auto operator<=>(const Blob&) const = default;
};

// An exact decimal number kept in its canonical text form ("-12.50"), as the driver gave it.
struct Decimal {
    std::string text;
    auto operator<=>(const Decimal&) const = default;
};

// One database value. Text is UTF-8 in a std::string.
using Value = std::variant<Null, bool, std::int64_t, double, std::string, Blob, Decimal, Date, Time,
                           DateTime>;

inline bool is_null(const Value& v) {
    return std::holds_alternative<Null>(v);
}

// Sets `out` to the given text, reusing the string `out` already holds: reading row after row
// into the same Value then allocates only when a value outgrows the last one.
inline void assign_text(Value& out, const char* data, std::size_t size) {
    if (auto* s = std::get_if<std::string>(&out)) {
        s->clear();
        s->append(data, size);
    } else
        out.emplace<std::string>(data, size);
}

// ISO 8601 text forms, as SQLite stores them and PostgreSQL accepts them:
// "2024-01-31", "13:05:09.000250", "2024-01-31 13:05:09.000250" (fraction only when non-zero).
std::string to_iso(const Date& d);
std::string to_iso(const Time& t);
std::string to_iso(const DateTime& dt);
// The same with the fraction always written as six digits, SQLAlchemy's SQLite storage format
// ("2024-01-31 13:05:09.000000"), so stored values sort and compare as text.
std::string to_iso_micro(const Time& t);
std::string to_iso_micro(const DateTime& dt);
// Parse the forms above (also with 'T' as separator and any fraction length); false on bad
// input.
bool parse_iso(std::string_view text, Date& out);
bool parse_iso(std::string_view text, Time& out);
bool parse_iso(std::string_view text, DateTime& out);

} // namespace ormsh::engine
