// datetime.time (a time of day with an optional tzinfo), the abstract datetime.tzinfo base
// class that Python code may subclass, and datetime.timezone (fixed offsets, timezone.utc).
#include "repl/api/datetime/datetime_internal.h"

namespace ormsh::api::dt {

namespace {

constexpr int64_t kMaxOffsetUs = cal::kUsPerDay; // offsets are strictly inside +-24h

Value utc_singleton;

Value time_ctor(Interpreter& in, Type* cls, Args& args) {
    std::vector<lang::KwArg> kw;
    int64_t fold = 0;
    for (auto& k : args.kw) {
        if (k.name->s == "fold")
            fold = int_arg(in, k.value);
        else
            kw.push_back(k);
    }
    Args a{args.pos, std::span<const lang::KwArg>(kw)};
    Value p[5];
    lang::parse_args(in, "time", a, {"hour", "minute", "second", "microsecond", "tzinfo"}, 0, p);
    int64_t h = p[0].empty() ? 0 : int_arg(in, p[0]);
    int64_t m = p[1].empty() ? 0 : int_arg(in, p[1]);
    int64_t s = p[2].empty() ? 0 : int_arg(in, p[2]);
    int64_t us = p[3].empty() ? 0 : int_arg(in, p[3]);
    check_time(in, h, m, s, us, fold);
    Value tz = p[4].empty() ? Value::none() : p[4];
    check_tzinfo(in, tz);
    return new_time(
        cls, {static_cast<int>(h), static_cast<int>(m), static_cast<int>(s), static_cast<int>(us)},
        tz, static_cast<int>(fold));
}

Value time_repr(Interpreter& in, const Value& self, Args&) {
    auto* o = as_time(self);
    const engine::Time& t = o->time;
    std::string s =
        self.type()->name + "(" + std::to_string(t.hour) + ", " + std::to_string(t.minute);
    if (t.second || t.microsecond) s += ", " + std::to_string(t.second);
    if (t.microsecond) s += ", " + std::to_string(t.microsecond);
    if (!o->tzinfo.is_none()) s += ", tzinfo=" + in.repr(o->tzinfo);
    if (o->fold) s += ", fold=1";
    return str_value(s + ")");
}

std::string time_iso(Interpreter& in, const Value& self, const std::string& timespec) {
    auto* o = as_time(self);
    std::string s = iso_time(in, o->time, timespec);
    if (auto off = utcoffset_us(in, o->tzinfo, Value::none())) s += format_offset(*off, ":");
    return s;
}

Value time_isoformat(Interpreter& in, const Value& self, Args& a) {
    Value p[1];
    lang::parse_args(in, "isoformat", a, {"timespec"}, 0, p);
    return str_value(time_iso(in, self, p[0].empty() ? "auto" : str_arg(in, p[0], "isoformat")));
}
Value time_str(Interpreter& in, const Value& self, Args&) {
    return str_value(time_iso(in, self, "auto"));
}

Value time_strftime(Interpreter& in, const Value& self, Args& a) {
    Value p[1];
    lang::parse_args(in, "strftime", a, {"format"}, 1, p);
    return str_value(strftime(in, self, str_arg(in, p[0], "strftime")));
}
Value time_format(Interpreter& in, const Value& self, Args& a) {
    std::string spec = a.size() ? str_arg(in, a[0], "__format__") : "";
    if (spec.empty()) return str_value(in.str(self));
    return str_value(strftime(in, self, spec));
}

Value time_replace(Interpreter& in, const Value& self, Args& args) {
    auto* o = as_time(self);
    std::vector<lang::KwArg> kw;
    int64_t fold = o->fold;
    for (auto& k : args.kw) {
        if (k.name->s == "fold")
            fold = int_arg(in, k.value);
        else
            kw.push_back(k);
    }
    Args a{args.pos, std::span<const lang::KwArg>(kw)};
    Value p[5];
    lang::parse_args(in, "replace", a, {"hour", "minute", "second", "microsecond", "tzinfo"}, 0, p);
    const engine::Time& t = o->time;
    int64_t h = p[0].empty() ? t.hour : int_arg(in, p[0]);
    int64_t m = p[1].empty() ? t.minute : int_arg(in, p[1]);
    int64_t s = p[2].empty() ? t.second : int_arg(in, p[2]);
    int64_t us = p[3].empty() ? t.microsecond : int_arg(in, p[3]);
    check_time(in, h, m, s, us, fold);
    Value tz = p[4].empty() ? o->tzinfo : p[4];
    check_tzinfo(in, tz);
    return new_time(
        self.type(),
        {static_cast<int>(h), static_cast<int>(m), static_cast<int>(s), static_cast<int>(us)}, tz,
        static_cast<int>(fold));
}

Value time_utcoffset(Interpreter& in, const Value& self, Args&) {
    auto off = utcoffset_us(in, as_time(self)->tzinfo, Value::none());
    return off ? new_timedelta(in, *off) : Value::none();
}
Value time_tzname(Interpreter& in, const Value& self, Args&) {
    return tzname_of(in, as_time(self)->tzinfo, Value::none());
}
Value time_dst(Interpreter& in, const Value& self, Args&) {
    const Value& tz = as_time(self)->tzinfo;
    if (tz.is_none()) return Value::none();
    return in.call_method(tz, "dst", {Value::none()});
}

Value time_fromisoformat_m(Interpreter& in, const Value& cls, Args& a) {
    Value p[1];
    lang::parse_args(in, "fromisoformat", a, {"time_string"}, 1, p);
    if (!lang::is_str(p[0])) in.raise("TypeError", "fromisoformat: argument must be str");
    return time_fromisoformat(in, cls.as<Type>(), lang::as_str(p[0])->s);
}

// Microseconds since midnight minus the UTC offset (aware) or plain (naive).
struct TimeKey {
    int64_t us;
    bool aware;
};
TimeKey time_key(Interpreter& in, const Value& v) {
    auto* o = as_time(v);
    const engine::Time& t = o->time;
    int64_t us = ((t.hour * 60LL + t.minute) * 60 + t.second) * cal::kUsPerSecond + t.microsecond;
    auto off = utcoffset_us(in, o->tzinfo, Value::none());
    return {off ? us - *off : us, off.has_value()};
}

template <int Op> Value time_cmp(Interpreter& in, const Value& self, Args& a) {
    if (!is_time(a[0])) return not_implemented();
    TimeKey x, y;
    if (as_time(self)->tzinfo.is(as_time(a[0])->tzinfo)) {
        auto* p = as_time(self);
        auto* q = as_time(a[0]);
        int64_t ux =
            ((p->time.hour * 60LL + p->time.minute) * 60 + p->time.second) * cal::kUsPerSecond +
            p->time.microsecond;
        int64_t uy =
            ((q->time.hour * 60LL + q->time.minute) * 60 + q->time.second) * cal::kUsPerSecond +
            q->time.microsecond;
        x = {ux, false};
        y = {uy, false};
    } else {
        x = time_key(in, self);
        y = time_key(in, a[0]);
        if (x.aware != y.aware) {
            if (Op == 0) return Value::boolean(false);
            if (Op == 1) return Value::boolean(true);
            in.raise("TypeError", "can't compare offset-naive and offset-aware times");
        }
    }
    switch (Op) {
    case 0:
        return Value::boolean(x.us == y.us);
    case 1:
        return Value::boolean(x.us != y.us);
    case 2:
        return Value::boolean(x.us < y.us);
    case 3:
        return Value::boolean(x.us <= y.us);
    case 4:
        return Value::boolean(x.us > y.us);
    default:
        return Value::boolean(x.us >= y.us);
    }
}

Value time_hash(Interpreter& in, const Value& self, Args&) {
    TimeKey k = time_key(in, self);
    return Value::integer(
        in.hash(lang::new_tuple({Value::integer(k.us), Value::boolean(k.aware)})));
}

// ---- tzinfo ----
Value tzinfo_abstract(Interpreter& in, const char* what) {
    in.raise("NotImplementedError", std::string("a tzinfo subclass must implement ") + what + "()");
}
Value tzinfo_utcoffset(Interpreter& in, const Value&, Args&) {
    return tzinfo_abstract(in, "utcoffset");
}
Value tzinfo_dst(Interpreter& in, const Value&, Args&) {
    return tzinfo_abstract(in, "dst");
}
Value tzinfo_tzname(Interpreter& in, const Value&, Args&) {
    return tzinfo_abstract(in, "tzname");
}

// ---- timezone ----
Value tz_ctor(Interpreter& in, Type* cls, Args& args) {
    Value p[2];
    lang::parse_args(in, "timezone", args, {"offset", "name"}, 1, p);
    if (!is_timedelta(p[0]))
        in.raise("TypeError",
                 "timezone() argument 1 must be datetime.timedelta, not " + in.type_name(p[0]));
    Value name = p[1].empty() ? Value::none() : p[1];
    if (!name.is_none() && !lang::is_str(name))
        in.raise("TypeError", "timezone() argument 2 must be str, not " + in.type_name(name));
    i128 us = td_us(p[0]);
    if (us <= -kMaxOffsetUs || us >= kMaxOffsetUs)
        in.raise("ValueError", "offset must be a timedelta strictly between -timedelta(hours=24) "
                               "and timedelta(hours=24), not " +
                                   in.repr(p[0]) + ".");
    if (us == 0 && name.is_none() && cls == T().timezone && !utc_singleton.empty())
        return utc_singleton;
    Value r = new_timezone(in, static_cast<int64_t>(us), name);
    r.obj()->type = cls;
    return r;
}

std::string tz_name_text(const TimezoneObj* tz) {
    if (!tz->name.is_none()) return lang::as_str(tz->name)->s;
    if (tz->offset_us == 0) return "UTC";
    return "UTC" + format_offset(tz->offset_us, ":");
}

Value tz_repr(Interpreter& in, const Value& self, Args&) {
    auto* tz = as_tz(self);
    if (self.is(utc_singleton)) return str_value("datetime.timezone.utc");
    std::string s = self.type()->name + "(" + in.repr(new_timedelta(in, tz->offset_us));
    if (!tz->name.is_none()) s += ", " + in.repr(tz->name);
    return str_value(s + ")");
}
Value tz_str(Interpreter&, const Value& self, Args&) {
    return str_value(tz_name_text(as_tz(self)));
}

void check_dt_arg(Interpreter& in, const Value& v, const char* what) {
    if (!v.is_none() && !is_datetime(v))
        in.raise("TypeError", std::string(what) +
                                  "(dt) argument must be a datetime instance or None, not " +
                                  in.type_name(v));
}
Value tz_utcoffset(Interpreter& in, const Value& self, Args& a) {
    if (a.size() != 1)
        in.raise("TypeError", "timezone.utcoffset() takes exactly one argument (" +
                                  std::to_string(a.size()) + " given)");
    check_dt_arg(in, a[0], "utcoffset");
    return new_timedelta(in, as_tz(self)->offset_us);
}
Value tz_dst(Interpreter& in, const Value&, Args& a) {
    if (a.size() != 1)
        in.raise("TypeError", "timezone.dst() takes exactly one argument (" +
                                  std::to_string(a.size()) + " given)");
    check_dt_arg(in, a[0], "dst");
    return Value::none();
}
Value tz_tzname(Interpreter& in, const Value& self, Args& a) {
    if (a.size() != 1)
        in.raise("TypeError", "timezone.tzname() takes exactly one argument (" +
                                  std::to_string(a.size()) + " given)");
    check_dt_arg(in, a[0], "tzname");
    return str_value(tz_name_text(as_tz(self)));
}
Value tz_fromutc(Interpreter& in, const Value& self, Args& a) {
    if (a.size() != 1 || !is_datetime(a[0]))
        in.raise("TypeError", "fromutc: argument must be a datetime");
    if (!as_dt(a[0])->tzinfo.is(self)) in.raise("ValueError", "fromutc: dt.tzinfo is not self");
    engine::DateTime d =
        us_to_dt(in, static_cast<i128>(dt_to_us(as_dt(a[0])->datetime)) + as_tz(self)->offset_us);
    return new_datetime(a[0].type(), d, self);
}
Value tz_eq(Interpreter&, const Value& self, Args& a) {
    if (!is_timezone(a[0])) return not_implemented();
    return Value::boolean(as_tz(self)->offset_us == as_tz(a[0])->offset_us);
}
Value tz_hash(Interpreter& in, const Value& self, Args&) {
    return Value::integer(in.hash(new_timedelta(in, as_tz(self)->offset_us)));
}

} // namespace

Value new_timezone(Interpreter&, int64_t offset_us, Value name) {
    auto* o = new TimezoneObj(T().timezone);
    o->offset_us = offset_us;
    o->name = std::move(name);
    return Value::steal(o);
}

std::optional<int64_t> utcoffset_us(Interpreter& in, const Value& tz, const Value& dt) {
    if (tz.is_none() || tz.empty()) return std::nullopt;
    if (is_timezone(tz) && !tz.type()->heap) return as_tz(tz)->offset_us;
    Value r = in.call_method(tz, "utcoffset", {dt});
    if (r.is_none()) return std::nullopt;
    if (!is_timedelta(r))
        in.raise("TypeError",
                 "tzinfo.utcoffset() must return None or timedelta, not '" + in.type_name(r) + "'");
    i128 us = td_us(r);
    if (us <= -kMaxOffsetUs || us >= kMaxOffsetUs)
        in.raise("ValueError", "offset must be a timedelta strictly between -timedelta(hours=24) "
                               "and timedelta(hours=24), not " +
                                   in.repr(r) + ".");
    return static_cast<int64_t>(us);
}

Value tzname_of(Interpreter& in, const Value& tz, const Value& dt) {
    if (tz.is_none()) return Value::none();
    if (is_timezone(tz) && !tz.type()->heap) return str_value(tz_name_text(as_tz(tz)));
    Value r = in.call_method(tz, "tzname", {dt});
    if (!r.is_none() && !lang::is_str(r))
        in.raise("TypeError",
                 "tzinfo.tzname() must return None or a string, not '" + in.type_name(r) + "'");
    return r;
}

std::string format_offset(int64_t us, const std::string& sep) {
    char sign = '+';
    if (us < 0) {
        sign = '-';
        us = -us;
    }
    int64_t secs = us / cal::kUsPerSecond;
    int64_t frac = us % cal::kUsPerSecond;
    std::string s(1, sign);
    s += two(static_cast<int>(secs / 3600)) + sep + two(static_cast<int>(secs / 60 % 60));
    if (secs % 60 || frac) s += sep + two(static_cast<int>(secs % 60));
    if (frac) {
        char buf[16];
        std::snprintf(buf, sizeof buf, ".%06d", static_cast<int>(frac));
        s += buf;
    }
    return s;
}

Type* build_tzinfo_type() {
    lang::TypeBuilder b("datetime.tzinfo");
    b.method("utcoffset", tzinfo_utcoffset)
        .method("dst", tzinfo_dst)
        .method("tzname", tzinfo_tzname);
    return b.build();
}

Type* build_timezone_type(Type* tzinfo) {
    lang::TypeBuilder b("datetime.timezone", {tzinfo});
    b.ctor(tz_ctor)
        .method("__repr__", tz_repr)
        .method("__str__", tz_str)
        .method("utcoffset", tz_utcoffset)
        .method("dst", tz_dst)
        .method("tzname", tz_tzname)
        .method("fromutc", tz_fromutc)
        .method("__eq__", tz_eq)
        .method("__hash__", tz_hash);
    Type* t = b.build();
    T().timezone = t;
    utc_singleton = new_timezone(Interpreter::current(), 0, Value::none());
    t->set_attr("utc", utc_singleton);
    t->set_attr("min", new_timezone(Interpreter::current(),
                                    -(kMaxOffsetUs - 60 * cal::kUsPerSecond), Value::none()));
    t->set_attr("max", new_timezone(Interpreter::current(), kMaxOffsetUs - 60 * cal::kUsPerSecond,
                                    Value::none()));
    return t;
}

Type* build_time_type() {
    lang::TypeBuilder b("datetime.time");
    b.ctor(time_ctor)
        .class_method("fromisoformat", time_fromisoformat_m)
        .method("__repr__", time_repr)
        .method("__str__", time_str)
        .method("isoformat", time_isoformat)
        .method("strftime", time_strftime)
        .method("__format__", time_format)
        .method("replace", time_replace)
        .method("utcoffset", time_utcoffset)
        .method("tzname", time_tzname)
        .method("dst", time_dst)
        .method("__eq__", time_cmp<0>)
        .method("__ne__", time_cmp<1>)
        .method("__lt__", time_cmp<2>)
        .method("__le__", time_cmp<3>)
        .method("__gt__", time_cmp<4>)
        .method("__ge__", time_cmp<5>)
        .method("__hash__", time_hash)
        .property("hour", [](Interpreter&,
                             const Value& s) { return Value::integer(as_time(s)->time.hour); })
        .property("minute", [](Interpreter&,
                               const Value& s) { return Value::integer(as_time(s)->time.minute); })
        .property("second", [](Interpreter&,
                               const Value& s) { return Value::integer(as_time(s)->time.second); })
        .property("microsecond",
                  [](Interpreter&, const Value& s) {
                      return Value::integer(as_time(s)->time.microsecond);
                  })
        .property("tzinfo", [](Interpreter&, const Value& s) { return as_time(s)->tzinfo; })
        .property("fold",
                  [](Interpreter&, const Value& s) { return Value::integer(as_time(s)->fold); });
    Type* t = b.build();
    t->set_attr("min", new_time(t, {0, 0, 0, 0}, Value::none()));
    t->set_attr("max", new_time(t, {23, 59, 59, 999999}, Value::none()));
    return t;
}

} // namespace ormsh::api::dt
