// Helpers shared by the files that implement the datetime module's types: reading the C++
// structs behind date/time/datetime/timedelta/timezone values, building new ones with range
// checks, UTC offsets, and the text formats (isoformat, strftime, strptime, fromisoformat).
#pragma once

#include "repl/api/datetime/calendar.h"
#include "repl/api/datetime_objects.h"

#include <optional>
#include <string>

namespace ormsh::api::dt {

using lang::Args;
using lang::Interpreter;
using lang::Ref;
using lang::Type;
using lang::Value;
using i128 = __int128;

inline DateTimeTypes& T() {
    return datetime_types();
}

inline bool is_type(const Value& v, Type* t) {
    return t && v.is_obj() && v.type()->is_subtype(t);
}
inline bool is_datetime(const Value& v) {
    return is_type(v, T().datetime);
}
inline bool is_date(const Value& v) {
    return is_type(v, T().date);
} // date or datetime
inline bool is_plain_date(const Value& v) {
    return is_date(v) && !is_datetime(v);
}
inline bool is_time(const Value& v) {
    return is_type(v, T().time);
}
inline bool is_timedelta(const Value& v) {
    return is_type(v, T().timedelta);
}
inline bool is_timezone(const Value& v) {
    return is_type(v, T().timezone);
}
inline bool is_tzinfo(const Value& v) {
    return is_type(v, T().tzinfo);
}

inline DateObj* as_date(const Value& v) {
    return v.as<DateObj>();
}
inline DateTimeObj* as_dt(const Value& v) {
    return v.as<DateTimeObj>();
}
inline TimeObj* as_time(const Value& v) {
    return v.as<TimeObj>();
}
inline TimeDeltaObj* as_td(const Value& v) {
    return v.as<TimeDeltaObj>();
}
inline TimezoneObj* as_tz(const Value& v) {
    return v.as<TimezoneObj>();
}

// The calendar date of a date or datetime value.
inline engine::Date date_of(const Value& v) {
    return is_datetime(v) ? as_dt(v)->datetime.date : as_date(v)->date;
}

// ---- builders (no range checks: callers validate first) ----
Value new_date(Type* cls, const engine::Date& d);
Value new_time(Type* cls, const engine::Time& t, Value tz, int fold = 0);
Value new_datetime(Type* cls, const engine::DateTime& dt, Value tz, int fold = 0);
// A timedelta of `us` microseconds; OverflowError when |days| > 999999999.
Value new_timedelta(Interpreter& in, i128 us);
Value new_timezone(Interpreter& in, int64_t offset_us, Value name);
i128 td_us(const Value& td);

// ---- validation with CPython's messages ----
int64_t int_arg(Interpreter& in, const Value& v);
void check_date(Interpreter& in, int64_t y, int64_t m, int64_t d);
void check_time(Interpreter& in, int64_t h, int64_t mi, int64_t s, int64_t us, int64_t fold);
void check_tzinfo(Interpreter& in, const Value& tz);
// Date from an ordinal, OverflowError "date value out of range" outside 1..9999.
engine::Date date_from_ord(Interpreter& in, int64_t ord,
                           const char* msg = "date value out of range");

// ---- instants ----
// Microseconds since 0001-01-01 00:00 (local wall clock of the value).
int64_t dt_to_us(const engine::DateTime& dt);
engine::DateTime us_to_dt(Interpreter& in, i128 us);
// utcoffset() of a tzinfo for the given datetime (or None); empty when the tzinfo is None or
// returns None.
std::optional<int64_t> utcoffset_us(Interpreter& in, const Value& tz, const Value& dt);
Value tzname_of(Interpreter& in, const Value& tz, const Value& dt);
// "+01:00" (sep ':') / "+0100" (sep ""), seconds and microseconds only when non-zero.
std::string format_offset(int64_t us, const std::string& sep);

// ---- text ----
std::string two(int v);
std::string iso_date(const engine::Date& d);
// Time part for isoformat(timespec=...); raises ValueError "Unknown timespec value".
std::string iso_time(Interpreter& in, const engine::Time& t, const std::string& timespec);
std::string strftime(Interpreter& in, const Value& obj, const std::string& fmt);
// datetime.strptime: the parsed fields and the tzinfo (None unless %z / %Z gave one).
Value strptime(Interpreter& in, Type* cls, const std::string& text, const std::string& fmt);
Value date_fromisoformat(Interpreter& in, Type* cls, const std::string& s);
Value time_fromisoformat(Interpreter& in, Type* cls, const std::string& s);
Value datetime_fromisoformat(Interpreter& in, Type* cls, const std::string& s);
std::string timedelta_repr(const TimeDeltaObj& td);
std::string timedelta_str(const TimeDeltaObj& td);

// ---- type construction (one per file) ----
Type* build_timedelta_type();
Type* build_tzinfo_type();
Type* build_timezone_type(Type* tzinfo);
Type* build_date_type();
Type* build_time_type();
Type* build_datetime_type(Type* date);

// NotImplemented, for binary dunders that do not handle the other operand.
Value not_implemented();
Value str_value(const std::string& s);
std::string str_arg(Interpreter& in, const Value& v, const char* what);

} // namespace ormsh::api::dt
