// The C++ structs behind the datetime and decimal modules' objects, so that conversion to and
// from database values (convert.cpp) can read and build them directly. The modules themselves
// (datetime_module.cpp, decimal_module.cpp) define the Python types and their methods.
#pragma once

#include "core/engine/value.h"
#include "repl/lang/interpreter.h"

#include <cstdint>
#include <string>

namespace ormsh::api {

struct DateObj : lang::Object {
    explicit DateObj(lang::Type* t) : Object(t) {}
    engine::Date date;
};

struct TimeObj : lang::Object {
    explicit TimeObj(lang::Type* t) : Object(t) {}
    engine::Time time;
    lang::Value tzinfo; // None or a timezone object
    int fold = 0;       // disambiguates repeated wall times (PEP 495)
    void traverse(lang::Visitor& v) override;
    void clear_refs() override;
};

// datetime.datetime; a subclass of date in Python, as in CPython.
struct DateTimeObj : lang::Object {
    explicit DateTimeObj(lang::Type* t) : Object(t) {}
    engine::DateTime datetime;
    lang::Value tzinfo; // None or a timezone object
    int fold = 0;       // disambiguates repeated wall times (PEP 495)
    void traverse(lang::Visitor& v) override;
    void clear_refs() override;
};

// datetime.timedelta, normalised as CPython does: 0 <= seconds < 86400, 0 <= microseconds < 10^6.
struct TimeDeltaObj : lang::Object {
    explicit TimeDeltaObj(lang::Type* t) : Object(t) {}
    std::int64_t days = 0, seconds = 0, microseconds = 0;
};

// datetime.timezone: a fixed UTC offset (|offset| < 1 day) and an optional name.
struct TimezoneObj : lang::Object {
    explicit TimezoneObj(lang::Type* t) : Object(t) {}
    std::int64_t offset_us = 0;
    lang::Value name; // None or str
    void traverse(lang::Visitor& v) override;
    void clear_refs() override;
};

// decimal.Decimal, kept as its exact decimal text ("12.50", "-0.001", "1E+3").
struct DecimalObj : lang::Object {
    explicit DecimalObj(lang::Type* t) : Object(t) {}
    std::string text;
};

// The Python types, created at the first import of datetime or decimal or the first such
// value a conversion makes (once per process; null until then). The type
// names carry the module ("datetime.date", "decimal.Decimal") as CPython's C types do, so
// class reprs and TypeError messages read the same.
struct DateTimeTypes {
    lang::Type* date = nullptr;
    lang::Type* time = nullptr;
    lang::Type* datetime = nullptr;
    lang::Type* timedelta = nullptr;
    lang::Type* timezone = nullptr;
    lang::Type* tzinfo = nullptr;
    lang::Type* decimal = nullptr;
};
DateTimeTypes& datetime_types();

// Registers the built-in modules `datetime` and `decimal` with the interpreter.
void register_datetime_module(lang::Interpreter& in);
void register_decimal_module(lang::Interpreter& in);

// Builders used by conversions.
lang::Value make_date(lang::Interpreter& in, const engine::Date& d);
lang::Value make_time(lang::Interpreter& in, const engine::Time& t);
lang::Value make_datetime(lang::Interpreter& in, const engine::DateTime& dt);
lang::Value make_timedelta(lang::Interpreter& in, std::int64_t days, std::int64_t seconds,
                           std::int64_t microseconds);
lang::Value make_decimal(lang::Interpreter& in, std::string text);

} // namespace ormsh::api
