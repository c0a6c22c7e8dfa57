// datetime.datetime: a date and a time of day with an optional tzinfo (engine::DateTime plus
// tzinfo), a subclass of date as in CPython. Construction from the clock and timestamps,
// timezone conversion, arithmetic, comparisons (naive vs aware rules) and text forms.
#include "repl/api/datetime/datetime_internal.h"
#include "repl/lang/numbers.h"

#include <cmath>
#include <ctime>
#include <sys/time.h>

namespace ormsh::api::dt {

namespace {

constexpr int64_t kEpochOrdinal = 719163; // date(1970, 1, 1).toordinal()
constexpr int64_t kEpochUs = (kEpochOrdinal - 1) * cal::kUsPerDay;

Type* cls_of(const Value& v) {
    return v.as<Type>();
}

engine::Time time_fields(Interpreter& in, Value* p, const engine::Time& base) {
    int64_t h = p[0].empty() ? base.hour : int_arg(in, p[0]);
    int64_t m = p[1].empty() ? base.minute : int_arg(in, p[1]);
    int64_t s = p[2].empty() ? base.second : int_arg(in, p[2]);
    int64_t us = p[3].empty() ? base.microsecond : int_arg(in, p[3]);
    check_time(in, h, m, s, us, 0);
    return {static_cast<int>(h), static_cast<int>(m), static_cast<int>(s), static_cast<int>(us)};
}

// Splits keyword `fold` off the arguments (it is keyword-only in CPython).
struct FoldSplit {
    std::vector<lang::KwArg> kw;
    Value fold;
    Args args;
    FoldSplit(Args& a) {
        for (auto& k : a.kw) {
            if (k.name->s == "fold")
                fold = k.value;
            else
                kw.push_back(k);
        }
        args = Args{a.pos, std::span<const lang::KwArg>(kw)};
    }
};

Value dt_ctor(Interpreter& in, Type* cls, Args& a) {
    FoldSplit fs(a);
    Value p[8];
    lang::parse_args(in, "datetime", fs.args,
                     {"year", "month", "day", "hour", "minute", "second", "microsecond", "tzinfo"},
                     3, p);
    int64_t y = int_arg(in, p[0]), m = int_arg(in, p[1]), d = int_arg(in, p[2]);
    check_date(in, y, m, d);
    engine::Time t = time_fields(in, p + 3, {});
    int64_t fold = fs.fold.empty() ? 0 : int_arg(in, fs.fold);
    check_time(in, 0, 0, 0, 0, fold);
    Value tz = p[7].empty() ? Value::none() : p[7];
    check_tzinfo(in, tz);
    return new_datetime(cls, {{static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)}, t},
                        tz, static_cast<int>(fold));
}

// The current time as microseconds since the Unix epoch.
int64_t now_unix_us() {
    timeval tv{};
    gettimeofday(&tv, nullptr);
    return static_cast<int64_t>(tv.tv_sec) * cal::kUsPerSecond + tv.tv_usec;
}

engine::DateTime local_from_unix(Interpreter& in, int64_t secs, int64_t us) {
    std::time_t t = static_cast<std::time_t>(secs);
    std::tm tm{};
    if (!localtime_r(&t, &tm))
        in.raise("OverflowError", "timestamp out of range for platform time_t");
    return {{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday},
            {tm.tm_hour, tm.tm_min, std::min(tm.tm_sec, 59), static_cast<int>(us)}};
}

// A datetime from a Unix time: local wall time when tz is None, else tz's wall time.
Value from_unix(Interpreter& in, Type* cls, int64_t secs, int64_t us, const Value& tz,
                bool utc = false) {
    if (tz.is_none() && !utc)
        return new_datetime(cls, local_from_unix(in, secs, us), Value::none());
    engine::DateTime u = us_to_dt(in, static_cast<i128>(secs) * cal::kUsPerSecond + us + kEpochUs);
    if (tz.is_none()) return new_datetime(cls, u, Value::none());
    if (is_timezone(tz) && !tz.type()->heap) {
        engine::DateTime w = us_to_dt(in, static_cast<i128>(dt_to_us(u)) + as_tz(tz)->offset_us);
        return new_datetime(cls, w, tz);
    }
    return in.call_method(tz, "fromutc", {new_datetime(cls, u, tz)});
}

void split_timestamp(Interpreter& in, const Value& ts, int64_t& secs, int64_t& us) {
    if (lang::is_int_like(ts)) {
        auto v = lang::to_bigint(ts).to_int64();
        if (!v) in.raise("OverflowError", "timestamp out of range for platform time_t");
        secs = *v;
        us = 0;
        return;
    }
    auto d = lang::to_double(ts);
    if (!d && ts.is_float()) d = ts.as_float();
    if (!d)
        in.raise("TypeError",
                 "'" + in.type_name(ts) + "' object cannot be interpreted as an integer");
    if (std::isnan(*d)) in.raise("ValueError", "Invalid value NaN (not a number)");
    if (std::fabs(*d) > 1e16)
        in.raise("OverflowError", "timestamp out of range for platform time_t");
    double fl = std::floor(*d);
    double frac = (*d - fl) * 1e6;
    double r = std::nearbyint(frac); // the default rounding mode is half to even
    secs = static_cast<int64_t>(fl);
    us = static_cast<int64_t>(r);
    if (us >= cal::kUsPerSecond) {
        secs += 1;
        us -= cal::kUsPerSecond;
    }
}

Value dt_now(Interpreter& in, const Value& cls, Args& a) {
    Value p[1];
    lang::parse_args(in, "now", a, {"tz"}, 0, p);
    Value tz = p[0].empty() ? Value::none() : p[0];
    check_tzinfo(in, tz);
    int64_t us = now_unix_us();
    return from_unix(in, cls_of(cls), us / cal::kUsPerSecond, us % cal::kUsPerSecond, tz);
}
Value dt_today(Interpreter& in, const Value& cls, Args&) {
    int64_t us = now_unix_us();
    return from_unix(in, cls_of(cls), us / cal::kUsPerSecond, us % cal::kUsPerSecond,
                     Value::none());
}
Value dt_utcnow(Interpreter& in, const Value& cls, Args&) {
    int64_t us = now_unix_us();
    return from_unix(in, cls_of(cls), us / cal::kUsPerSecond, us % cal::kUsPerSecond, Value::none(),
                     true);
}
Value dt_fromtimestamp(Interpreter& in, const Value& cls, Args& a) {
    Value p[2];
    lang::parse_args(in, "fromtimestamp", a, {"timestamp", "tz"}, 1, p);
    Value tz = p[1].empty() ? Value::none() : p[1];
    check_tzinfo(in, tz);
    int64_t secs, us;
    split_timestamp(in, p[0], secs, us);
    return from_unix(in, cls_of(cls), secs, us, tz);
}
Value dt_utcfromtimestamp(Interpreter& in, const Value& cls, Args& a) {
    Value p[1];
    lang::parse_args(in, "utcfromtimestamp", a, {"timestamp"}, 1, p);
    int64_t secs, us;
    split_timestamp(in, p[0], secs, us);
    return from_unix(in, cls_of(cls), secs, us, Value::none(), true);
}
Value dt_fromisoformat_m(Interpreter& in, const Value& cls, Args& a) {
    Value p[1];
    lang::parse_args(in, "fromisoformat", a, {"date_string"}, 1, p);
    if (!lang::is_str(p[0])) in.raise("TypeError", "fromisoformat: argument must be str");
    return datetime_fromisoformat(in, cls_of(cls), lang::as_str(p[0])->s);
}
Value dt_strptime(Interpreter& in, const Value& cls, Args& a) {
    Value p[2];
    lang::parse_args(in, "strptime", a, {"date_string", "format"}, 2, p);
    if (!lang::is_str(p[0]))
        in.raise("TypeError", "strptime() argument 1 must be str, not " + in.type_name(p[0]));
    if (!lang::is_str(p[1]))
        in.raise("TypeError", "strptime() argument 2 must be str, not " + in.type_name(p[1]));
    return strptime(in, cls_of(cls), lang::as_str(p[0])->s, lang::as_str(p[1])->s);
}
Value dt_combine(Interpreter& in, const Value& cls, Args& a) {
    Value p[3];
    lang::parse_args(in, "combine", a, {"date", "time", "tzinfo"}, 2, p);
    if (!is_date(p[0]))
        in.raise("TypeError",
                 "combine() argument 1 must be datetime.date, not " + in.type_name(p[0]));
    if (!is_time(p[1]))
        in.raise("TypeError",
                 "combine() argument 2 must be datetime.time, not " + in.type_name(p[1]));
    Value tz = p[2].empty() ? as_time(p[1])->tzinfo : p[2];
    check_tzinfo(in, tz);
    return new_datetime(cls_of(cls), {date_of(p[0]), as_time(p[1])->time}, tz, as_time(p[1])->fold);
}

Value dt_repr(Interpreter& in, const Value& self, Args&) {
    auto* o = as_dt(self);
    const engine::Date& d = o->datetime.date;
    const engine::Time& t = o->datetime.time;
    std::string s = self.type()->name + "(" + std::to_string(d.year) + ", " +
                    std::to_string(d.month) + ", " + std::to_string(d.day) + ", " +
                    std::to_string(t.hour) + ", " + std::to_string(t.minute);
    if (t.second || t.microsecond) s += ", " + std::to_string(t.second);
    if (t.microsecond) s += ", " + std::to_string(t.microsecond);
    if (!o->tzinfo.is_none()) s += ", tzinfo=" + in.repr(o->tzinfo);
    if (o->fold) s += ", fold=1";
    return str_value(s + ")");
}

std::string dt_iso(Interpreter& in, const Value& self, const std::string& sep,
                   const std::string& timespec) {
    auto* o = as_dt(self);
    std::string s = iso_date(o->datetime.date) + sep + iso_time(in, o->datetime.time, timespec);
    if (auto off = utcoffset_us(in, o->tzinfo, self)) s += format_offset(*off, ":");
    return s;
}
Value dt_isoformat(Interpreter& in, const Value& self, Args& a) {
    Value p[2];
    lang::parse_args(in, "isoformat", a, {"sep", "timespec"}, 0, p);
    std::string sep = "T";
    if (!p[0].empty()) {
        if (!lang::is_str(p[0]))
            in.raise("TypeError", "isoformat() argument 1 must be str, not " + in.type_name(p[0]));
        if (lang::as_str(p[0])->length() != 1)
            in.raise("TypeError", "isoformat() argument 1 must be a unicode character, not str");
        sep = lang::as_str(p[0])->s;
    }
    return str_value(dt_iso(in, self, sep, p[1].empty() ? "auto" : str_arg(in, p[1], "isoformat")));
}
Value dt_str(Interpreter& in, const Value& self, Args&) {
    return str_value(dt_iso(in, self, " ", "auto"));
}
Value dt_date(Interpreter&, const Value& self, Args&) {
    return new_date(T().date, as_dt(self)->datetime.date);
}
Value dt_time(Interpreter&, const Value& self, Args&) {
    return new_time(T().time, as_dt(self)->datetime.time, Value::none(), as_dt(self)->fold);
}
Value dt_timetz(Interpreter&, const Value& self, Args&) {
    return new_time(T().time, as_dt(self)->datetime.time, as_dt(self)->tzinfo, as_dt(self)->fold);
}

Value dt_replace(Interpreter& in, const Value& self, Args& a) {
    auto* o = as_dt(self);
    FoldSplit fs(a);
    Value p[8];
    lang::parse_args(in, "replace", fs.args,
                     {"year", "month", "day", "hour", "minute", "second", "microsecond", "tzinfo"},
                     0, p);
    const engine::Date& d = o->datetime.date;
    int64_t y = p[0].empty() ? d.year : int_arg(in, p[0]);
    int64_t m = p[1].empty() ? d.month : int_arg(in, p[1]);
    int64_t dd = p[2].empty() ? d.day : int_arg(in, p[2]);
    check_date(in, y, m, dd);
    engine::Time t = time_fields(in, p + 3, o->datetime.time);
    int64_t fold = fs.fold.empty() ? o->fold : int_arg(in, fs.fold);
    check_time(in, 0, 0, 0, 0, fold);
    Value tz = p[7].empty() ? o->tzinfo : p[7];
    check_tzinfo(in, tz);
    return new_datetime(self.type(),
                        {{static_cast<int>(y), static_cast<int>(m), static_cast<int>(dd)}, t}, tz,
                        static_cast<int>(fold));
}

// Seconds since the Unix epoch of a naive datetime taken as local time.
int64_t local_to_unix(Interpreter& in, const engine::DateTime& d) {
    std::tm tm{};
    tm.tm_year = d.date.year - 1900;
    tm.tm_mon = d.date.month - 1;
    tm.tm_mday = d.date.day;
    tm.tm_hour = d.time.hour;
    tm.tm_min = d.time.minute;
    tm.tm_sec = d.time.second;
    tm.tm_isdst = -1;
    std::time_t t = mktime(&tm);
    if (t == static_cast<std::time_t>(-1) && d.date.year != 1969)
        in.raise("OverflowError", "timestamp out of range for platform time_t");
    return static_cast<int64_t>(t);
}

Value dt_timestamp(Interpreter& in, const Value& self, Args&) {
    auto* o = as_dt(self);
    auto off = utcoffset_us(in, o->tzinfo, self);
    if (!off)
        return Value::flt(static_cast<double>(local_to_unix(in, o->datetime)) +
                          o->datetime.time.microsecond / 1e6);
    i128 us = static_cast<i128>(dt_to_us(o->datetime)) - *off - kEpochUs;
    return Value::flt(static_cast<double>(static_cast<int64_t>(us)) / 1e6);
}

Value dt_utcoffset(Interpreter& in, const Value& self, Args&) {
    auto off = utcoffset_us(in, as_dt(self)->tzinfo, self);
    return off ? new_timedelta(in, *off) : Value::none();
}
Value dt_tzname(Interpreter& in, const Value& self, Args&) {
    return tzname_of(in, as_dt(self)->tzinfo, self);
}
Value dt_dst(Interpreter& in, const Value& self, Args&) {
    const Value& tz = as_dt(self)->tzinfo;
    if (tz.is_none()) return Value::none();
    return in.call_method(tz, "dst", {self});
}

Value dt_astimezone(Interpreter& in, const Value& self, Args& a) {
    Value p[1];
    lang::parse_args(in, "astimezone", a, {"tz"}, 0, p);
    auto* o = as_dt(self);
    Value tz = p[0].empty() ? Value::none() : p[0];
    check_tzinfo(in, tz);
    auto off = utcoffset_us(in, o->tzinfo, self);
    i128 utc_us;
    if (off)
        utc_us = static_cast<i128>(dt_to_us(o->datetime)) - *off;
    else
        utc_us = static_cast<i128>(local_to_unix(in, o->datetime)) * cal::kUsPerSecond +
                 o->datetime.time.microsecond + kEpochUs;
    if (tz.is_none()) {
        // The system's local zone as a fixed-offset timezone, as CPython does.
        int64_t secs = static_cast<int64_t>((utc_us - kEpochUs) / cal::kUsPerSecond);
        std::time_t t = static_cast<std::time_t>(secs);
        std::tm tm{};
        localtime_r(&t, &tm);
        tz = new_timezone(in, static_cast<int64_t>(tm.tm_gmtoff) * cal::kUsPerSecond,
                          str_value(tm.tm_zone ? tm.tm_zone : "UTC"));
    }
    if (is_timezone(tz) && !tz.type()->heap)
        return new_datetime(self.type(), us_to_dt(in, utc_us + as_tz(tz)->offset_us), tz);
    return in.call_method(tz, "fromutc", {new_datetime(self.type(), us_to_dt(in, utc_us), tz)});
}

Value dt_timetuple(Interpreter& in, const Value& self, Args&) {
    auto* o = as_dt(self);
    const engine::Date& d = o->datetime.date;
    const engine::Time& t = o->datetime.time;
    int yday = cal::days_before_month(d.year, d.month) + d.day;
    std::vector<Value> items = {Value::integer(d.year),
                                Value::integer(d.month),
                                Value::integer(d.day),
                                Value::integer(t.hour),
                                Value::integer(t.minute),
                                Value::integer(t.second),
                                Value::integer(cal::weekday(d.year, d.month, d.day)),
                                Value::integer(yday),
                                Value::integer(-1)};
    Value st = in.getattr_opt(Value(in.import_module("time")), lang::intern("struct_time"));
    if (st.empty()) return lang::new_tuple(std::move(items));
    return in.call(st, {lang::new_tuple(std::move(items))});
}

Value dt_add(Interpreter& in, const Value& self, Args& a) {
    if (!is_timedelta(a[0])) return not_implemented();
    auto* o = as_dt(self);
    return new_datetime(self.type(),
                        us_to_dt(in, static_cast<i128>(dt_to_us(o->datetime)) + td_us(a[0])),
                        o->tzinfo);
}

Value dt_sub(Interpreter& in, const Value& self, Args& a) {
    auto* o = as_dt(self);
    if (is_timedelta(a[0]))
        return new_datetime(self.type(),
                            us_to_dt(in, static_cast<i128>(dt_to_us(o->datetime)) - td_us(a[0])),
                            o->tzinfo);
    if (!is_datetime(a[0])) return not_implemented();
    auto* p = as_dt(a[0]);
    i128 x = dt_to_us(o->datetime), y = dt_to_us(p->datetime);
    if (!o->tzinfo.is(p->tzinfo)) {
        auto ox = utcoffset_us(in, o->tzinfo, self);
        auto oy = utcoffset_us(in, p->tzinfo, a[0]);
        if (ox.has_value() != oy.has_value())
            in.raise("TypeError", "can't subtract offset-naive and offset-aware datetimes");
        if (ox) {
            x -= *ox;
            y -= *oy;
        }
    }
    return new_timedelta(in, x - y);
}

template <int Op> Value dt_cmp(Interpreter& in, const Value& self, Args& a) {
    const Value& other = a[0];
    if (!is_datetime(other)) {
        if (is_date(other)) {
            if (Op == 0) return Value::boolean(false);
            if (Op == 1) return Value::boolean(true);
            in.raise("TypeError",
                     "can't compare " + self.type()->name + " to " + other.type()->name);
        }
        return not_implemented();
    }
    auto* o = as_dt(self);
    auto* p = as_dt(other);
    i128 x = dt_to_us(o->datetime), y = dt_to_us(p->datetime);
    if (!o->tzinfo.is(p->tzinfo)) {
        auto ox = utcoffset_us(in, o->tzinfo, self);
        auto oy = utcoffset_us(in, p->tzinfo, other);
        if (ox.has_value() != oy.has_value()) {
            if (Op == 0) return Value::boolean(false);
            if (Op == 1) return Value::boolean(true);
            in.raise("TypeError", "can't compare offset-naive and offset-aware datetimes");
        }
        if (ox) {
            x -= *ox;
            y -= *oy;
        }
    }
    switch (Op) {
    case 0:
        return Value::boolean(x == y);
    case 1:
        return Value::boolean(x != y);
    case 2:
        return Value::boolean(x < y);
    case 3:
        return Value::boolean(x <= y);
    case 4:
        return Value::boolean(x > y);
    default:
        return Value::boolean(x >= y);
    }
}

Value dt_hash(Interpreter& in, const Value& self, Args&) {
    auto* o = as_dt(self);
    int64_t key = dt_to_us(o->datetime);
    if (auto off = utcoffset_us(in, o->tzinfo, self)) key -= *off;
    return Value::integer(in.hash(Value::integer(key)));
}

Value dt_reduce(Interpreter&, const Value& self, Args&) {
    auto* o = as_dt(self);
    const engine::Date& d = o->datetime.date;
    const engine::Time& t = o->datetime.time;
    return lang::new_tuple(
        {Value(self.type()),
         lang::new_tuple({Value::integer(d.year), Value::integer(d.month), Value::integer(d.day),
                          Value::integer(t.hour), Value::integer(t.minute),
                          Value::integer(t.second), Value::integer(t.microsecond), o->tzinfo})});
}

} // namespace

Type* build_datetime_type(Type* date) {
    lang::TypeBuilder b("datetime.datetime", {date});
    b.ctor(dt_ctor)
        .class_method("now", dt_now)
        .class_method("today", dt_today)
        .class_method("utcnow", dt_utcnow)
        .class_method("fromtimestamp", dt_fromtimestamp)
        .class_method("utcfromtimestamp", dt_utcfromtimestamp)
        .class_method("fromisoformat", dt_fromisoformat_m)
        .class_method("strptime", dt_strptime)
        .class_method("combine", dt_combine)
        .method("__repr__", dt_repr)
        .method("__str__", dt_str)
        .method("isoformat", dt_isoformat)
        .method("date", dt_date)
        .method("time", dt_time)
        .method("timetz", dt_timetz)
        .method("replace", dt_replace)
        .method("timestamp", dt_timestamp)
        .method("utcoffset", dt_utcoffset)
        .method("tzname", dt_tzname)
        .method("dst", dt_dst)
        .method("astimezone", dt_astimezone)
        .method("timetuple", dt_timetuple)
        .method("__add__", dt_add)
        .method("__radd__", dt_add)
        .method("__sub__", dt_sub)
        .method("__eq__", dt_cmp<0>)
        .method("__ne__", dt_cmp<1>)
        .method("__lt__", dt_cmp<2>)
        .method("__le__", dt_cmp<3>)
        .method("__gt__", dt_cmp<4>)
        .method("__ge__", dt_cmp<5>)
        .method("__hash__", dt_hash)
        .method("__reduce__", dt_reduce)
        .property("hour",
                  [](Interpreter&, const Value& s) {
                      return Value::integer(as_dt(s)->datetime.time.hour);
                  })
        .property("minute",
                  [](Interpreter&, const Value& s) {
                      return Value::integer(as_dt(s)->datetime.time.minute);
                  })
        .property("second",
                  [](Interpreter&, const Value& s) {
                      return Value::integer(as_dt(s)->datetime.time.second);
                  })
        .property("microsecond",
                  [](Interpreter&, const Value& s) {
                      return Value::integer(as_dt(s)->datetime.time.microsecond);
                  })
        .property("tzinfo", [](Interpreter&, const Value& s) { return as_dt(s)->tzinfo; })
        .property("fold",
                  [](Interpreter&, const Value& s) { return Value::integer(as_dt(s)->fold); });
    Type* t = b.build();
    t->set_attr("min", new_datetime(t, {{1, 1, 1}, {0, 0, 0, 0}}, Value::none()));
    t->set_attr("max", new_datetime(t, {{9999, 12, 31}, {23, 59, 59, 999999}}, Value::none()));
    return t;
}

} // namespace ormsh::api::dt
