// The datetime module's text formats: isoformat pieces, strftime (CPython's own %f %z %Z on
// top of glibc's C-locale directives and flags), strptime (CPython's _strptime regular
// expressions, matched case-insensitively) and the 3.11 fromisoformat parsers.
#include "repl/api/datetime/datetime_internal.h"

#include <ctime>
#include <regex>

namespace ormsh::api::dt {

namespace {

const char* const kDayAbbr[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
const char* const kDayFull[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                "Friday", "Saturday", "Sunday"};
const char* const kMonAbbr[] = {"",    "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
const char* const kMonFull[] = {"",        "January",  "February", "March",  "April",
                                "May",     "June",     "July",     "August", "September",
                                "October", "November", "December"};

std::string pad(int64_t v, int width, char fill) {
    bool neg = v < 0;
    std::string s = std::to_string(neg ? -v : v);
    if (static_cast<int>(s.size()) < width)
        s.insert(0, static_cast<size_t>(width) - s.size(), fill);
    return neg ? "-" + s : s;
}

std::string upper(std::string s) {
    for (char& c : s)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    return s;
}

// The fields strftime reads, from a date, datetime or time value.
struct Fields {
    engine::DateTime dt{{1900, 1, 1}, {}};
    Value tzinfo = Value::none();
    Value owner; // passed to utcoffset()/tzname()
};

Fields fields_of(const Value& v) {
    Fields f;
    f.owner = v;
    if (is_datetime(v)) {
        f.dt = as_dt(v)->datetime;
        f.tzinfo = as_dt(v)->tzinfo;
    } else if (is_date(v)) {
        f.dt.date = as_date(v)->date;
    } else if (is_time(v)) {
        f.dt.time = as_time(v)->time;
        f.tzinfo = as_time(v)->tzinfo;
        f.owner = Value::none();
    }
    return f;
}

int64_t local_epoch_seconds(const engine::DateTime& d) {
    std::tm tm{};
    tm.tm_year = d.date.year - 1900;
    tm.tm_mon = d.date.month - 1;
    tm.tm_mday = d.date.day;
    tm.tm_hour = d.time.hour;
    tm.tm_min = d.time.minute;
    tm.tm_sec = d.time.second;
    tm.tm_isdst = -1;
    return static_cast<int64_t>(mktime(&tm));
}

} // namespace

std::string two(int v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d", v);
    return buf;
}

std::string iso_date(const engine::Date& d) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

std::string iso_time(Interpreter& in, const engine::Time& t, const std::string& timespec) {
    char buf[64];
    std::string spec = timespec;
    if (spec == "auto") spec = t.microsecond ? "microseconds" : "seconds";
    if (spec == "hours")
        std::snprintf(buf, sizeof buf, "%02d", t.hour);
    else if (spec == "minutes")
        std::snprintf(buf, sizeof buf, "%02d:%02d", t.hour, t.minute);
    else if (spec == "seconds")
        std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", t.hour, t.minute, t.second);
    else if (spec == "milliseconds")
        std::snprintf(buf, sizeof buf, "%02d:%02d:%02d.%03d", t.hour, t.minute, t.second,
                      t.microsecond / 1000);
    else if (spec == "microseconds")
        std::snprintf(buf, sizeof buf, "%02d:%02d:%02d.%06d", t.hour, t.minute, t.second,
                      t.microsecond);
    else
        in.raise("ValueError", "Unknown timespec value");
    return buf;
}

std::string strftime(Interpreter& in, const Value& obj, const std::string& fmt) {
    Fields f = fields_of(obj);
    const engine::Date& d = f.dt.date;
    const engine::Time& t = f.dt.time;
    int wday = cal::weekday(d.year, d.month, d.day); // Monday 0
    int yday = cal::days_before_month(d.year, d.month) + d.day;
    std::string out;
    for (size_t i = 0; i < fmt.size(); ++i) {
        char c = fmt[i];
        if (c != '%') {
            out += c;
            continue;
        }
        size_t start = i;
        if (i + 1 >= fmt.size()) {
            out += '%';
            break;
        }
        // glibc flags and width: %-d (no padding), %_d (spaces), %0d, %^a (upper case), %10Y.
        char flag = 0;
        bool up = false;
        while (i + 1 < fmt.size() && (fmt[i + 1] == '-' || fmt[i + 1] == '_' || fmt[i + 1] == '0' ||
                                      fmt[i + 1] == '^' || fmt[i + 1] == '#')) {
            ++i;
            if (fmt[i] == '^')
                up = true;
            else if (fmt[i] != '#')
                flag = fmt[i];
        }
        int width = -1;
        while (i + 1 < fmt.size() && fmt[i + 1] >= '0' && fmt[i + 1] <= '9') {
            ++i;
            width = (width < 0 ? 0 : width * 10) + (fmt[i] - '0');
        }
        if (i + 1 >= fmt.size()) {
            out += fmt.substr(start);
            break;
        }
        char dch = fmt[++i];
        auto num = [&](int64_t v, int w, char fill = '0') {
            char fl = fill;
            int ww = width >= 0 ? width : w;
            if (flag == '-')
                ww = 0;
            else if (flag == '_')
                fl = ' ';
            else if (flag == '0')
                fl = '0';
            return pad(v, ww, fl);
        };
        auto text = [&](std::string s) {
            if (up) s = upper(std::move(s));
            if (width > static_cast<int>(s.size()))
                s.insert(0, static_cast<size_t>(width) - s.size(), flag == '0' ? '0' : ' ');
            return s;
        };
        int hour12 = t.hour % 12 == 0 ? 12 : t.hour % 12;
        int iso_y, iso_w, iso_d;
        switch (dch) {
        case 'a':
            out += text(kDayAbbr[wday]);
            break;
        case 'A':
            out += text(kDayFull[wday]);
            break;
        case 'b':
        case 'h':
            out += text(kMonAbbr[d.month]);
            break;
        case 'B':
            out += text(kMonFull[d.month]);
            break;
        case 'c':
            out += text(strftime(in, obj, "%a %b %e %H:%M:%S %Y"));
            break;
        case 'x':
            out += text(strftime(in, obj, "%m/%d/%y"));
            break;
        case 'X':
            out += text(strftime(in, obj, "%H:%M:%S"));
            break;
        case 'D':
            out += text(strftime(in, obj, "%m/%d/%y"));
            break;
        case 'F':
            out += text(strftime(in, obj, "%Y-%m-%d"));
            break;
        case 'T':
            out += text(strftime(in, obj, "%H:%M:%S"));
            break;
        case 'R':
            out += text(strftime(in, obj, "%H:%M"));
            break;
        case 'r':
            out += text(strftime(in, obj, "%I:%M:%S %p"));
            break;
        case 'd':
            out += num(d.day, 2);
            break;
        case 'e':
            out += num(d.day, 2, ' ');
            break;
        case 'm':
            out += num(d.month, 2);
            break;
        case 'Y':
            out += num(d.year, 1);
            break;
        case 'y':
            out += num(d.year % 100, 2);
            break;
        case 'C':
            out += num(d.year / 100, 1);
            break;
        case 'H':
            out += num(t.hour, 2);
            break;
        case 'k':
            out += num(t.hour, 2, ' ');
            break;
        case 'I':
            out += num(hour12, 2);
            break;
        case 'l':
            out += num(hour12, 2, ' ');
            break;
        case 'M':
            out += num(t.minute, 2);
            break;
        case 'S':
            out += num(t.second, 2);
            break;
        case 'f':
            out += num(t.microsecond, 6);
            break;
        case 'j':
            out += num(yday, 3);
            break;
        case 'p':
            out += text(t.hour < 12 ? "AM" : "PM");
            break;
        case 'P':
            out += text(t.hour < 12 ? "am" : "pm");
            break;
        case 'w':
            out += num((wday + 1) % 7, 1);
            break;
        case 'u':
            out += num(wday + 1, 1);
            break;
        case 'U':
            out += num((yday - 1 + 7 - (wday + 1) % 7) / 7, 2);
            break;
        case 'W':
            out += num((yday - 1 + 7 - wday) / 7, 2);
            break;
        case 'G':
        case 'g':
        case 'V':
            cal::iso_calendar(d.year, d.month, d.day, iso_y, iso_w, iso_d);
            out += dch == 'G' ? num(iso_y, 1) : dch == 'g' ? num(iso_y % 100, 2) : num(iso_w, 2);
            break;
        case 's':
            out += num(local_epoch_seconds(f.dt), 1);
            break;
        case 'n':
            out += '\n';
            break;
        case 't':
            out += '\t';
            break;
        case '%':
            out += '%';
            break;
        case 'z': {
            auto off = utcoffset_us(in, f.tzinfo, f.owner);
            if (off) out += format_offset(*off, "");
            break;
        }
        case 'Z': {
            Value n = tzname_of(in, f.tzinfo, f.owner);
            if (lang::is_str(n)) out += lang::as_str(n)->s;
            break;
        }
        default:
            out += fmt.substr(start, i - start + 1);
            break;
        }
    }
    return out;
}

// ---- strptime ----

namespace {

// CPython's _strptime regular expressions (LC_TIME = C).
const char* directive_regex(char c) {
    switch (c) {
    case 'd':
        return "(3[01]|[12]\\d|0[1-9]|[1-9]| [1-9])";
    case 'f':
        return "([0-9]{1,6})";
    case 'H':
        return "(2[0-3]|[0-1]\\d|\\d)";
    case 'I':
        return "(1[0-2]|0[1-9]|[1-9])";
    case 'G':
        return "(\\d\\d\\d\\d)";
    case 'j':
        return "(36[0-6]|3[0-5]\\d|[12]\\d\\d|0[1-9]\\d|00[1-9]|[1-9]\\d|0[1-9]|[1-9])";
    case 'm':
        return "(1[0-2]|0[1-9]|[1-9])";
    case 'M':
        return "([0-5]\\d|\\d)";
    case 'S':
        return "(6[0-1]|[0-5]\\d|\\d)";
    case 'U':
    case 'W':
        return "(5[0-3]|[0-4]\\d|\\d)";
    case 'w':
        return "([0-6])";
    case 'u':
        return "([1-7])";
    case 'V':
        return "(5[0-3]|0[1-9]|[1-4]\\d|\\d)";
    case 'y':
        return "(\\d\\d)";
    case 'Y':
        return "(\\d\\d\\d\\d)";
    case 'z':
        return "([+-]\\d\\d:?[0-5]\\d(?::?[0-5]\\d(?:\\.\\d{1,6})?)?|Z)";
    case 'a':
        return "(mon|tue|wed|thu|fri|sat|sun)";
    case 'A':
        return "(monday|tuesday|wednesday|thursday|friday|saturday|sunday)";
    case 'b':
        return "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)";
    case 'B':
        return "(january|february|march|april|may|june|july|august|september|october|november|"
               "december)";
    case 'p':
        return "(am|pm)";
    case 'Z':
        return "(utc|gmt|[a-z]{3,5})";
    default:
        return nullptr;
    }
}

std::string regex_escape(char c) {
    static const std::string special = "\\^$.|?*+()[]{}";
    if (special.find(c) != std::string::npos) return std::string("\\") + c;
    return std::string(1, c);
}

int name_index(const std::string& s, const char* const* names, int n, int base) {
    for (int i = 0; i < n; ++i) {
        std::string a = names[i + base];
        if (a.size() != s.size()) continue;
        bool eq = true;
        for (size_t k = 0; k < a.size(); ++k)
            if (std::tolower(static_cast<unsigned char>(a[k])) !=
                std::tolower(static_cast<unsigned char>(s[k])))
                eq = false;
        if (eq) return i;
    }
    return -1;
}

std::string py_repr(Interpreter& in, const std::string& s) {
    return in.repr(lang::new_str(s));
}

} // namespace

Value strptime(Interpreter& in, Type* cls, const std::string& text, const std::string& fmt) {
    std::string pattern;
    std::vector<char> groups;
    for (size_t i = 0; i < fmt.size(); ++i) {
        char c = fmt[i];
        if (c == '%') {
            if (i + 1 >= fmt.size())
                in.raise("ValueError", "stray % in format " + py_repr(in, fmt));
            char d = fmt[++i];
            if (d == '%') {
                pattern += "%";
                continue;
            }
            std::string sub;
            if (d == 'c')
                sub = "%a %b %d %H:%M:%S %Y";
            else if (d == 'x')
                sub = "%m/%d/%y";
            else if (d == 'X')
                sub = "%H:%M:%S";
            if (!sub.empty()) {
                for (size_t k = 0; k < sub.size(); ++k) {
                    if (sub[k] == '%') {
                        groups.push_back(sub[k + 1]);
                        pattern += directive_regex(sub[++k]);
                    } else if (sub[k] == ' ') {
                        pattern += "\\s+";
                    } else {
                        pattern += regex_escape(sub[k]);
                    }
                }
                continue;
            }
            const char* re = directive_regex(d);
            if (!re)
                in.raise("ValueError", py_repr(in, std::string(1, d)) +
                                           " is a bad directive in format " + py_repr(in, fmt));
            groups.push_back(d);
            pattern += re;
        } else if (std::isspace(static_cast<unsigned char>(c))) {
            while (i + 1 < fmt.size() && std::isspace(static_cast<unsigned char>(fmt[i + 1])))
                ++i;
            pattern += "\\s+";
        } else {
            pattern += regex_escape(c);
        }
    }
    std::regex re(pattern, std::regex::ECMAScript | std::regex::icase);
    std::smatch m;
    if (!std::regex_search(text, m, re, std::regex_constants::match_continuous))
        in.raise("ValueError",
                 "time data " + py_repr(in, text) + " does not match format " + py_repr(in, fmt));
    if (static_cast<size_t>(m.length(0)) != text.size())
        in.raise("ValueError",
                 "unconverted data remains: " + text.substr(static_cast<size_t>(m.length(0))));

    int64_t year = 1900, month = 1, day = 1, hour = 0, minute = 0, second = 0, us = 0;
    int64_t yday = -1, weekday = -1, week = -1, iso_year = -1, iso_week = -1;
    char week_start = 0;
    int ampm = -1;
    bool have_year = false, have_month_day = false;
    std::optional<int64_t> offset;
    std::string tzname;
    for (size_t g = 0; g < groups.size(); ++g) {
        std::string v = m[g + 1].str();
        char d = groups[g];
        switch (d) {
        case 'Y':
            year = std::stoll(v);
            have_year = true;
            break;
        case 'y':
            year = std::stoll(v);
            year += year <= 68 ? 2000 : 1900;
            have_year = true;
            break;
        case 'G':
            iso_year = std::stoll(v);
            break;
        case 'm':
            month = std::stoll(v);
            have_month_day = true;
            break;
        case 'b':
            month = name_index(v, kMonAbbr, 12, 1) + 1;
            have_month_day = true;
            break;
        case 'B':
            month = name_index(v, kMonFull, 12, 1) + 1;
            have_month_day = true;
            break;
        case 'd':
            day = std::stoll(v);
            have_month_day = true;
            break;
        case 'H':
            hour = std::stoll(v);
            break;
        case 'I':
            hour = std::stoll(v);
            if (ampm < 0) ampm = 2;
            break;
        case 'M':
            minute = std::stoll(v);
            break;
        case 'S':
            second = std::stoll(v);
            break;
        case 'f':
            us = std::stoll(v + std::string(6 - v.size(), '0'));
            break;
        case 'p':
            ampm = (v[0] == 'a' || v[0] == 'A') ? 0 : 1;
            break;
        case 'j':
            yday = std::stoll(v);
            break;
        case 'a':
            weekday = name_index(v, kDayAbbr, 7, 0);
            break;
        case 'A':
            weekday = name_index(v, kDayFull, 7, 0);
            break;
        case 'w':
            weekday = (std::stoll(v) + 6) % 7;
            break;
        case 'u':
            weekday = std::stoll(v) - 1;
            break;
        case 'U':
        case 'W':
            week = std::stoll(v);
            week_start = d;
            break;
        case 'V':
            iso_week = std::stoll(v);
            break;
        case 'Z':
            tzname = v;
            break;
        case 'z': {
            if (v == "Z" || v == "z") {
                offset = 0;
                break;
            }
            std::string digits;
            std::string frac;
            size_t dot = v.find('.');
            if (dot != std::string::npos) {
                frac = v.substr(dot + 1);
                v = v.substr(0, dot);
            }
            for (char ch : v.substr(1))
                if (ch != ':') digits += ch;
            if (v.size() > 3 && v[3] != ':' && v.find(':') != std::string::npos)
                in.raise("ValueError", "Inconsistent use of : in " + m[g + 1].str());
            int64_t hh = std::stoll(digits.substr(0, 2)), mm = std::stoll(digits.substr(2, 2));
            int64_t ss = digits.size() >= 6 ? std::stoll(digits.substr(4, 2)) : 0;
            int64_t fu = frac.empty() ? 0 : std::stoll(frac + std::string(6 - frac.size(), '0'));
            int64_t total = ((hh * 60 + mm) * 60 + ss) * cal::kUsPerSecond + fu;
            offset = v[0] == '-' ? -total : total;
            break;
        }
        default:
            break;
        }
    }
    if (ampm == 0 && hour == 12)
        hour = 0;
    else if (ampm == 1 && hour != 12)
        hour += 12;
    if (iso_year >= 0 && iso_week >= 0 && weekday >= 0 && yday < 0) {
        int64_t ord =
            cal::iso_week1_monday(static_cast<int>(iso_year)) + (iso_week - 1) * 7 + weekday;
        engine::Date dd = date_from_ord(in, ord);
        year = dd.year;
        month = dd.month;
        day = dd.day;
    } else if (yday < 0 && week >= 0 && weekday >= 0) {
        // %U / %W with a weekday: the day of the year from the week number.
        int first_wday = cal::weekday(static_cast<int>(year), 1, 1);
        int64_t week0 = week_start == 'U' ? (7 - (first_wday + 1) % 7) % 7 : (7 - first_wday) % 7;
        int64_t dow = week_start == 'U' ? (weekday + 1) % 7 : weekday;
        yday = week == 0 ? 1 + dow - (week_start == 'U' ? (first_wday + 1) % 7 : first_wday)
                         : week0 + 1 + 7 * (week - 1) + dow;
    }
    if (yday >= 0 && !have_month_day) {
        check_date(in, year, 1, 1);
        engine::Date dd =
            date_from_ord(in, cal::ymd_to_ord(static_cast<int>(year), 1, 1) + yday - 1);
        year = dd.year;
        month = dd.month;
        day = dd.day;
    }
    (void)have_year;
    check_date(in, year, month, day);
    check_time(in, hour, minute, second, us, 0);
    Value tz = Value::none();
    if (offset) {
        if (*offset <= -cal::kUsPerDay || *offset >= cal::kUsPerDay)
            in.raise("ValueError", "offset must be a timedelta strictly between "
                                   "-timedelta(hours=24) and timedelta(hours=24).");
        Value args[2] = {new_timedelta(in, *offset), tzname.empty() ? Value() : str_value(tzname)};
        tz = tzname.empty() ? in.call(Value(T().timezone), {args[0]})
                            : in.call(Value(T().timezone), {args[0], args[1]});
    }
    engine::DateTime r{{static_cast<int>(year), static_cast<int>(month), static_cast<int>(day)},
                       {static_cast<int>(hour), static_cast<int>(minute), static_cast<int>(second),
                        static_cast<int>(us)}};
    if (!cls->is_subtype(T().datetime)) return new_date(cls, r.date);
    return new_datetime(cls, r, tz);
}

// ---- fromisoformat (Python 3.11 grammar) ----

namespace {

struct Cursor {
    const std::string& s;
    size_t i = 0;
    bool digits(size_t n, int64_t& out) {
        if (i + n > s.size()) return false;
        out = 0;
        for (size_t k = 0; k < n; ++k) {
            char c = s[i + k];
            if (c < '0' || c > '9') return false;
            out = out * 10 + (c - '0');
        }
        i += n;
        return true;
    }
    bool eat(char c) {
        if (i < s.size() && s[i] == c) {
            ++i;
            return true;
        }
        return false;
    }
    bool done() const { return i >= s.size(); }
};

[[noreturn]] void bad_iso(Interpreter& in, const std::string& s) {
    in.raise("ValueError", "Invalid isoformat string: " + in.repr(lang::new_str(s)));
}

// Parses a date at the cursor: YYYY-MM-DD, YYYYMMDD, YYYY-Www[-D], YYYYWww[D].
bool parse_date(Interpreter& in, Cursor& c, engine::Date& out) {
    int64_t y, m, d;
    if (!c.digits(4, y)) return false;
    bool ext = c.eat('-');
    if (c.eat('W')) {
        int64_t w, wd = 1;
        if (!c.digits(2, w)) return false;
        if (ext ? c.eat('-') : (c.i < c.s.size() && c.s[c.i] >= '0' && c.s[c.i] <= '9')) {
            if (!c.digits(1, wd)) return false;
        }
        if (y < cal::kMinYear || y > cal::kMaxYear)
            in.raise("ValueError", "Year is out of range: " + std::to_string(y));
        int iy, wk, x;
        cal::iso_calendar(static_cast<int>(y), 12, 28, iy, wk, x);
        if (w < 1 || w > wk) in.raise("ValueError", "Invalid week: " + std::to_string(w));
        if (wd < 1 || wd > 7)
            in.raise("ValueError", "Invalid weekday: " + std::to_string(wd) + " (range is [1, 7])");
        out = date_from_ord(in, cal::iso_week1_monday(static_cast<int>(y)) + (w - 1) * 7 + wd - 1);
        return true;
    }
    if (!c.digits(2, m)) return false;
    if (ext && !c.eat('-')) return false;
    if (!c.digits(2, d)) return false;
    check_date(in, y, m, d);
    out = {static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)};
    return true;
}

// HH[:MM[:SS[.f+]]] or HH[MM[SS[.f+]]], then an optional Z or +HH[:MM[:SS[.ffffff]]].
bool parse_time(Interpreter& in, Cursor& c, engine::Time& out, std::optional<int64_t>& offset) {
    int64_t h, m = 0, s = 0, us = 0;
    if (!c.digits(2, h)) return false;
    auto at_tz = [&] { return c.done() || c.s[c.i] == '+' || c.s[c.i] == '-' || c.s[c.i] == 'Z'; };
    bool ext = false;
    if (!at_tz()) {
        ext = c.eat(':');
        if (!c.digits(2, m)) return false;
        if (!at_tz()) {
            if (ext && !c.eat(':')) return false;
            if (!c.digits(2, s)) return false;
            if (!at_tz()) {
                if (!c.eat('.') && !c.eat(',')) return false;
                size_t n = 0;
                int64_t frac = 0;
                while (!c.done() && c.s[c.i] >= '0' && c.s[c.i] <= '9') {
                    if (n < 6) frac = frac * 10 + (c.s[c.i] - '0');
                    ++n;
                    ++c.i;
                }
                if (n == 0) return false;
                for (size_t k = n; k < 6; ++k)
                    frac *= 10;
                us = frac;
            }
        }
    }
    if (!c.done()) {
        if (c.eat('Z')) {
            offset = 0;
        } else {
            bool neg = c.s[c.i] == '-';
            ++c.i;
            int64_t oh, om = 0, os = 0, ous = 0;
            if (!c.digits(2, oh)) return false;
            if (!c.done()) {
                bool oext = c.eat(':');
                if (!c.digits(2, om)) return false;
                if (!c.done()) {
                    if (oext && !c.eat(':')) return false;
                    if (!c.digits(2, os)) return false;
                    if (!c.done()) {
                        if (!c.eat('.')) return false;
                        if (!c.digits(6, ous)) return false;
                    }
                }
            }
            if (!c.done()) return false;
            int64_t total = ((oh * 60 + om) * 60 + os) * cal::kUsPerSecond + ous;
            offset = neg ? -total : total;
        }
    }
    if (!c.done()) return false;
    check_time(in, h, m, s, us, 0);
    out = {static_cast<int>(h), static_cast<int>(m), static_cast<int>(s), static_cast<int>(us)};
    return true;
}

Value offset_tz(Interpreter& in, const std::optional<int64_t>& off) {
    if (!off) return Value::none();
    if (*off <= -cal::kUsPerDay || *off >= cal::kUsPerDay)
        in.raise("ValueError", "offset must be a timedelta strictly between -timedelta(hours=24) "
                               "and timedelta(hours=24), not " +
                                   in.repr(new_timedelta(in, *off)) + ".");
    return in.call(Value(T().timezone), {new_timedelta(in, *off)});
}

} // namespace

Value date_fromisoformat(Interpreter& in, Type* cls, const std::string& s) {
    Cursor c{s};
    engine::Date d;
    if (!(s.size() == 7 || s.size() == 8 || s.size() == 10) || !parse_date(in, c, d) || !c.done())
        bad_iso(in, s);
    return new_date(cls, d);
}

Value time_fromisoformat(Interpreter& in, Type* cls, const std::string& s) {
    Cursor c{s};
    c.eat('T');
    engine::Time t;
    std::optional<int64_t> off;
    if (!parse_time(in, c, t, off)) bad_iso(in, s);
    return new_time(cls, t, offset_tz(in, off));
}

Value datetime_fromisoformat(Interpreter& in, Type* cls, const std::string& s) {
    Cursor c{s};
    engine::Date d;
    if (!parse_date(in, c, d)) bad_iso(in, s);
    engine::Time t;
    std::optional<int64_t> off;
    if (!c.done()) {
        ++c.i; // any one character separates date and time
        if (c.done() || !parse_time(in, c, t, off)) bad_iso(in, s);
    }
    return new_datetime(cls, {d, t}, offset_tz(in, off));
}

} // namespace ormsh::api::dt
