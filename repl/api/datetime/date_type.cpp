// datetime.date: a proleptic Gregorian calendar date (engine::Date) with CPython's
// constructors, calendar methods, arithmetic with timedelta, comparisons and text forms.
// datetime.datetime subclasses it and overrides most of these (datetime_type.cpp).
#include "repl/api/datetime/datetime_internal.h"
#include "repl/lang/numbers.h"

#include <cmath>
#include <ctime>

namespace ormsh::api::dt {

namespace {

Type* g_iso_calendar_date = nullptr;

Value date_ctor(Interpreter& in, Type* cls, Args& args) {
    Value p[3];
    lang::parse_args(in, "date", args, {"year", "month", "day"}, 3, p);
    int64_t y = int_arg(in, p[0]), m = int_arg(in, p[1]), d = int_arg(in, p[2]);
    check_date(in, y, m, d);
    return new_date(cls, {static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)});
}

Type* cls_of(const Value& self) {
    return self.as<Type>();
}

Value date_today(Interpreter& in, const Value& cls, Args&) {
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    localtime_r(&now, &tm);
    (void)in;
    return new_date(cls_of(cls), {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday});
}

Value date_fromtimestamp(Interpreter& in, const Value& cls, Args& a) {
    Value p[1];
    lang::parse_args(in, "fromtimestamp", a, {"timestamp"}, 1, p);
    auto ts = lang::to_double(p[0]);
    if (!ts)
        in.raise("TypeError",
                 "'" + in.type_name(p[0]) + "' object cannot be interpreted as an integer");
    std::time_t t = static_cast<std::time_t>(std::floor(*ts));
    std::tm tm{};
    if (!localtime_r(&t, &tm))
        in.raise("OverflowError", "timestamp out of range for platform time_t");
    return new_date(cls_of(cls), {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday});
}

Value date_fromordinal(Interpreter& in, const Value& cls, Args& a) {
    Value p[1];
    lang::parse_args(in, "fromordinal", a, {"ordinal"}, 1, p);
    int64_t n = int_arg(in, p[0]);
    if (n < 1) in.raise("ValueError", "ordinal must be >= 1");
    if (n > cal::kMaxOrdinal) {
        int y, m, d;
        cal::ord_to_ymd(n, y, m, d);
        in.raise("ValueError", "year " + std::to_string(y) + " is out of range");
    }
    return new_date(cls_of(cls), date_from_ord(in, n));
}

Value date_fromisoformat_m(Interpreter& in, const Value& cls, Args& a) {
    Value p[1];
    lang::parse_args(in, "fromisoformat", a, {"date_string"}, 1, p);
    if (!lang::is_str(p[0])) in.raise("TypeError", "fromisoformat: argument must be str");
    return date_fromisoformat(in, cls_of(cls), lang::as_str(p[0])->s);
}

Value date_fromisocalendar(Interpreter& in, const Value& cls, Args& a) {
    Value p[3];
    lang::parse_args(in, "fromisocalendar", a, {"year", "week", "day"}, 3, p);
    int64_t y = int_arg(in, p[0]), w = int_arg(in, p[1]), d = int_arg(in, p[2]);
    if (y < cal::kMinYear || y > cal::kMaxYear)
        in.raise("ValueError", "Year is out of range: " + std::to_string(y));
    if (w <= 0 || w >= 53) {
        bool ok = false;
        if (w == 53) {
            int iy, wk, wd;
            cal::iso_calendar(static_cast<int>(y), 12, 28, iy, wk, wd);
            ok = wk == 53;
        }
        if (!ok) in.raise("ValueError", "Invalid week: " + std::to_string(w));
    }
    if (d <= 0 || d >= 8)
        in.raise("ValueError", "Invalid weekday: " + std::to_string(d) + " (range is [1, 7])");
    int64_t ord = cal::iso_week1_monday(static_cast<int>(y)) + (w - 1) * 7 + (d - 1);
    return new_date(cls_of(cls), date_from_ord(in, ord));
}

Value date_repr(Interpreter&, const Value& self, Args&) {
    engine::Date d = as_date(self)->date;
    return str_value(self.type()->name + "(" + std::to_string(d.year) + ", " +
                     std::to_string(d.month) + ", " + std::to_string(d.day) + ")");
}
Value date_isoformat(Interpreter&, const Value& self, Args&) {
    return str_value(iso_date(as_date(self)->date));
}

Value date_strftime(Interpreter& in, const Value& self, Args& a) {
    Value p[1];
    lang::parse_args(in, "strftime", a, {"format"}, 1, p);
    return str_value(strftime(in, self, str_arg(in, p[0], "strftime")));
}

Value date_format(Interpreter& in, const Value& self, Args& a) {
    std::string spec = a.size() ? str_arg(in, a[0], "__format__") : "";
    if (spec.empty()) return str_value(in.str(self));
    return str_value(strftime(in, self, spec));
}

Value date_ctime(Interpreter& in, const Value& self, Args&) {
    return str_value(strftime(in, self, "%a %b %e %H:%M:%S %Y"));
}

Value date_weekday(Interpreter&, const Value& self, Args&) {
    engine::Date d = date_of(self);
    return Value::integer(cal::weekday(d.year, d.month, d.day));
}
Value date_isoweekday(Interpreter&, const Value& self, Args&) {
    engine::Date d = date_of(self);
    return Value::integer(cal::weekday(d.year, d.month, d.day) + 1);
}
Value date_toordinal(Interpreter&, const Value& self, Args&) {
    engine::Date d = date_of(self);
    return Value::integer(cal::ymd_to_ord(d.year, d.month, d.day));
}

Value date_isocalendar(Interpreter&, const Value& self, Args&) {
    engine::Date d = date_of(self);
    int y, w, wd;
    cal::iso_calendar(d.year, d.month, d.day, y, w, wd);
    Ref<lang::Tuple> t =
        lang::Tuple::create({Value::integer(y), Value::integer(w), Value::integer(wd)});
    t->type = g_iso_calendar_date;
    return Value(t.get());
}

Value iso_calendar_repr(Interpreter&, const Value& self, Args&) {
    auto& it = self.as<lang::Tuple>()->items;
    return str_value("datetime.IsoCalendarDate(year=" + std::to_string(it[0].as_int()) +
                     ", week=" + std::to_string(it[1].as_int()) +
                     ", weekday=" + std::to_string(it[2].as_int()) + ")");
}

Value date_replace(Interpreter& in, const Value& self, Args& a) {
    Value p[3];
    lang::parse_args(in, "replace", a, {"year", "month", "day"}, 0, p);
    engine::Date d = as_date(self)->date;
    int64_t y = p[0].empty() ? d.year : int_arg(in, p[0]);
    int64_t m = p[1].empty() ? d.month : int_arg(in, p[1]);
    int64_t dd = p[2].empty() ? d.day : int_arg(in, p[2]);
    check_date(in, y, m, dd);
    return new_date(self.type(), {static_cast<int>(y), static_cast<int>(m), static_cast<int>(dd)});
}

Value date_timetuple(Interpreter& in, const Value& self, Args&) {
    engine::Date d = as_date(self)->date;
    Value time_mod = Value(in.import_module("time"));
    Value st = in.getattr_opt(time_mod, lang::intern("struct_time"));
    int yday = cal::days_before_month(d.year, d.month) + d.day;
    std::vector<Value> items = {Value::integer(d.year),
                                Value::integer(d.month),
                                Value::integer(d.day),
                                Value::integer(0),
                                Value::integer(0),
                                Value::integer(0),
                                Value::integer(cal::weekday(d.year, d.month, d.day)),
                                Value::integer(yday),
                                Value::integer(-1)};
    if (st.empty()) return lang::new_tuple(std::move(items));
    return in.call(st, {lang::new_tuple(std::move(items))});
}

Value date_add(Interpreter& in, const Value& self, Args& a) {
    if (!is_timedelta(a[0])) return not_implemented();
    engine::Date d = as_date(self)->date;
    return new_date(self.type(),
                    date_from_ord(in, cal::ymd_to_ord(d.year, d.month, d.day) + as_td(a[0])->days));
}

Value date_sub(Interpreter& in, const Value& self, Args& a) {
    engine::Date d = as_date(self)->date;
    int64_t ord = cal::ymd_to_ord(d.year, d.month, d.day);
    if (is_timedelta(a[0]))
        return new_date(self.type(), date_from_ord(in, ord - as_td(a[0])->days));
    if (is_plain_date(a[0])) {
        engine::Date o = as_date(a[0])->date;
        return new_timedelta(in, static_cast<i128>(ord - cal::ymd_to_ord(o.year, o.month, o.day)) *
                                     cal::kUsPerDay);
    }
    return not_implemented();
}

template <int Op> Value date_cmp(Interpreter&, const Value& self, Args& a) {
    if (!is_plain_date(a[0])) return not_implemented();
    engine::Date x = as_date(self)->date, y = as_date(a[0])->date;
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

Value date_hash(Interpreter& in, const Value& self, Args&) {
    engine::Date d = as_date(self)->date;
    return Value::integer(in.hash(
        lang::new_tuple({Value::integer(d.year), Value::integer(d.month), Value::integer(d.day)})));
}

Value date_reduce(Interpreter&, const Value& self, Args&) {
    engine::Date d = as_date(self)->date;
    return lang::new_tuple(
        {Value(self.type()), lang::new_tuple({Value::integer(d.year), Value::integer(d.month),
                                              Value::integer(d.day)})});
}

} // namespace

Type* build_date_type() {
    lang::TypeBuilder iso("datetime.IsoCalendarDate", {lang::Types::tuple});
    iso.method("__repr__", iso_calendar_repr)
        .property("year",
                  [](Interpreter&, const Value& s) { return s.as<lang::Tuple>()->items[0]; })
        .property("week",
                  [](Interpreter&, const Value& s) { return s.as<lang::Tuple>()->items[1]; })
        .property("weekday",
                  [](Interpreter&, const Value& s) { return s.as<lang::Tuple>()->items[2]; });
    g_iso_calendar_date = iso.build();

    lang::TypeBuilder b("datetime.date");
    b.ctor(date_ctor)
        .class_method("today", date_today)
        .class_method("fromtimestamp", date_fromtimestamp)
        .class_method("fromordinal", date_fromordinal)
        .class_method("fromisoformat", date_fromisoformat_m)
        .class_method("fromisocalendar", date_fromisocalendar)
        .method("__repr__", date_repr)
        .method("__str__", date_isoformat)
        .method("isoformat", date_isoformat)
        .method("strftime", date_strftime)
        .method("__format__", date_format)
        .method("ctime", date_ctime)
        .method("weekday", date_weekday)
        .method("isoweekday", date_isoweekday)
        .method("toordinal", date_toordinal)
        .method("isocalendar", date_isocalendar)
        .method("replace", date_replace)
        .method("timetuple", date_timetuple)
        .method("__add__", date_add)
        .method("__radd__", date_add)
        .method("__sub__", date_sub)
        .method("__eq__", date_cmp<0>)
        .method("__ne__", date_cmp<1>)
        .method("__lt__", date_cmp<2>)
        .method("__le__", date_cmp<3>)
        .method("__gt__", date_cmp<4>)
        .method("__ge__", date_cmp<5>)
        .method("__hash__", date_hash)
        .method("__reduce__", date_reduce)
        .property("year",
                  [](Interpreter&, const Value& s) { return Value::integer(date_of(s).year); })
        .property("month",
                  [](Interpreter&, const Value& s) { return Value::integer(date_of(s).month); })
        .property("day",
                  [](Interpreter&, const Value& s) { return Value::integer(date_of(s).day); });
    Type* t = b.build();
    t->set_attr("min", new_date(t, {1, 1, 1}));
    t->set_attr("max", new_date(t, {9999, 12, 31}));
    return t;
}

} // namespace ormsh::api::dt
