// The `datetime` module: creates the types once per process, registers the module, and holds
// the builders and validation helpers every datetime type shares (CPython's messages).
#include "repl/api/datetime/datetime_internal.h"
#include "repl/lang/numbers.h"

namespace ormsh::api {

// Only the tzinfo / name references can form cycles (through Python tzinfo subclasses).
void TimeObj::traverse(lang::Visitor& v) {
    if (tzinfo.is_obj()) v.visit(tzinfo.obj());
}
void TimeObj::clear_refs() {
    tzinfo = lang::Value::none();
}
void DateTimeObj::traverse(lang::Visitor& v) {
    if (tzinfo.is_obj()) v.visit(tzinfo.obj());
}
void DateTimeObj::clear_refs() {
    tzinfo = lang::Value::none();
}
void TimezoneObj::traverse(lang::Visitor& v) {
    if (name.is_obj()) v.visit(name.obj());
}
void TimezoneObj::clear_refs() {
    name = lang::Value::none();
}

DateTimeTypes& datetime_types() {
    static DateTimeTypes types;
    return types;
}

namespace dt {

Value not_implemented() {
    return Value(lang::Singletons::not_implemented);
}
Value str_value(const std::string& s) {
    return lang::new_str(s);
}

std::string str_arg(Interpreter& in, const Value& v, const char* what) {
    if (!lang::is_str(v))
        in.raise("TypeError",
                 std::string(what) + "() argument 1 must be str, not " + in.type_name(v));
    return lang::as_str(v)->s;
}

int64_t int_arg(Interpreter& in, const Value& v) {
    if (v.is_int()) return v.as_int();
    if (v.is_bool()) return v.as_bool();
    if (!lang::is_int_like(v) && v.type()->lookup("__index__").empty())
        in.raise("TypeError",
                 "'" + in.type_name(v) + "' object cannot be interpreted as an integer");
    if (lang::is_int_like(v)) {
        auto i = lang::to_bigint(v).to_int64();
        if (!i) in.raise("OverflowError", "signed integer is greater than maximum");
        return *i;
    }
    return in.index_value(v);
}

void check_date(Interpreter& in, int64_t y, int64_t m, int64_t d) {
    if (y < cal::kMinYear || y > cal::kMaxYear)
        in.raise("ValueError", "year " + std::to_string(y) + " is out of range");
    if (m < 1 || m > 12) in.raise("ValueError", "month must be in 1..12");
    if (d < 1 || d > cal::days_in_month(static_cast<int>(y), static_cast<int>(m)))
        in.raise("ValueError", "day is out of range for month");
}

void check_time(Interpreter& in, int64_t h, int64_t mi, int64_t s, int64_t us, int64_t fold) {
    if (h < 0 || h > 23) in.raise("ValueError", "hour must be in 0..23");
    if (mi < 0 || mi > 59) in.raise("ValueError", "minute must be in 0..59");
    if (s < 0 || s > 59) in.raise("ValueError", "second must be in 0..59");
    if (us < 0 || us > 999999) in.raise("ValueError", "microsecond must be in 0..999999");
    if (fold != 0 && fold != 1) in.raise("ValueError", "fold must be either 0 or 1");
}

void check_tzinfo(Interpreter& in, const Value& tz) {
    if (tz.is_none() || is_tzinfo(tz)) return;
    in.raise("TypeError", "tzinfo argument must be None or of a tzinfo subclass, not type '" +
                              in.type_name(tz) + "'");
}

engine::Date date_from_ord(Interpreter& in, int64_t ord, const char* msg) {
    if (ord < 1 || ord > cal::kMaxOrdinal) in.raise("OverflowError", msg);
    engine::Date d;
    cal::ord_to_ymd(ord, d.year, d.month, d.day);
    return d;
}

int64_t dt_to_us(const engine::DateTime& d) {
    int64_t days = cal::ymd_to_ord(d.date.year, d.date.month, d.date.day) - 1;
    const engine::Time& t = d.time;
    return days * cal::kUsPerDay +
           ((t.hour * 60LL + t.minute) * 60 + t.second) * cal::kUsPerSecond + t.microsecond;
}

engine::DateTime us_to_dt(Interpreter& in, i128 us) {
    if (us < 0 || us >= static_cast<i128>(cal::kMaxOrdinal) * cal::kUsPerDay)
        in.raise("OverflowError", "date value out of range");
    int64_t v = static_cast<int64_t>(us);
    engine::DateTime d;
    cal::ord_to_ymd(v / cal::kUsPerDay + 1, d.date.year, d.date.month, d.date.day);
    int64_t rest = v % cal::kUsPerDay;
    d.time.microsecond = static_cast<int>(rest % cal::kUsPerSecond);
    int64_t secs = rest / cal::kUsPerSecond;
    d.time.second = static_cast<int>(secs % 60);
    d.time.minute = static_cast<int>(secs / 60 % 60);
    d.time.hour = static_cast<int>(secs / 3600);
    return d;
}

Value new_date(Type* cls, const engine::Date& d) {
    if (T().datetime && cls->is_subtype(T().datetime))
        return new_datetime(cls, {d, {}}, Value::none());
    auto* o = new DateObj(cls);
    o->date = d;
    return Value::steal(o);
}

Value new_time(Type* cls, const engine::Time& t, Value tz, int fold) {
    auto* o = new TimeObj(cls);
    o->time = t;
    o->tzinfo = std::move(tz);
    o->fold = fold;
    return Value::steal(o);
}

Value new_datetime(Type* cls, const engine::DateTime& d, Value tz, int fold) {
    auto* o = new DateTimeObj(cls);
    o->datetime = d;
    o->tzinfo = std::move(tz);
    o->fold = fold;
    return Value::steal(o);
}

namespace {

void ensure_types() {
    DateTimeTypes& t = T();
    if (t.date) return;
    t.timedelta = build_timedelta_type();
    t.tzinfo = build_tzinfo_type();
    build_timezone_type(t.tzinfo); // sets t.timezone itself: timezone.utc needs it
    t.date = build_date_type();
    t.time = build_time_type();
    t.datetime = build_datetime_type(t.date);
    Interpreter& in = Interpreter::current();
    t.date->set_attr("resolution", new_timedelta(in, cal::kUsPerDay));
    t.time->set_attr("resolution", new_timedelta(in, 1));
    t.datetime->set_attr("resolution", new_timedelta(in, 1));
}

void make_datetime_module(Interpreter&, lang::Module& m) {
    ensure_types();
    DateTimeTypes& t = T();
    lang::Dict& d = *m.dict;
    d.set_str("date", Value(t.date));
    d.set_str("time", Value(t.time));
    d.set_str("datetime", Value(t.datetime));
    d.set_str("timedelta", Value(t.timedelta));
    d.set_str("timezone", Value(t.timezone));
    d.set_str("tzinfo", Value(t.tzinfo));
    d.set_str("UTC", t.timezone->lookup("utc"));
    d.set_str("MINYEAR", Value::integer(cal::kMinYear));
    d.set_str("MAXYEAR", Value::integer(cal::kMaxYear));
}

} // namespace
} // namespace dt

void register_datetime_module(lang::Interpreter& in) {
    in.register_builtin_module("datetime", dt::make_datetime_module);
}

lang::Value make_date(lang::Interpreter&, const engine::Date& d) {
    dt::ensure_types();
    return dt::new_date(datetime_types().date, d);
}

lang::Value make_time(lang::Interpreter&, const engine::Time& t) {
    dt::ensure_types();
    return dt::new_time(datetime_types().time, t, lang::Value::none());
}

lang::Value make_datetime(lang::Interpreter&, const engine::DateTime& d) {
    dt::ensure_types();
    return dt::new_datetime(datetime_types().datetime, d, lang::Value::none());
}

lang::Value make_timedelta(lang::Interpreter& in, std::int64_t days, std::int64_t seconds,
                           std::int64_t microseconds) {
    dt::ensure_types();
    return dt::new_timedelta(in, static_cast<dt::i128>(days) * cal::kUsPerDay +
                                     static_cast<dt::i128>(seconds) * cal::kUsPerSecond +
                                     microseconds);
}

} // namespace ormsh::api
