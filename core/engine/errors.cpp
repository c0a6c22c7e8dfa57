// DBAPIError rendering and Python-style value reprs. SQLAlchemy 1.4 prints a database error
// as "(module.Class) driver message", then the SQL, the parameters and a link to the error's
// background page; users compare this text, so it is reproduced character for character.
#include "core/engine/errors.h"

#include <charconv>
#include <fmt/format.h>
#include <functional>
#include <limits>

namespace ormsh::engine {

namespace {

// sqlalche.me background codes, from sqlalchemy/exc.py (1.4).
const char* background_code(DBErrorKind kind) {
    switch (kind) {
    case DBErrorKind::Interface:
        return "rvf5";
    case DBErrorKind::Database:
        return "4xp6";
    case DBErrorKind::Data:
        return "9h9h";
    case DBErrorKind::Operational:
        return "e3q8";
    case DBErrorKind::Integrity:
        return "gkpj";
    case DBErrorKind::Internal:
        return "2j85";
    case DBErrorKind::Programming:
        return "f405";
    case DBErrorKind::NotSupported:
        return "tw8g";
    }
    return "dbapi";
}

// SQLAlchemy shortens one parameter's repr beyond this many characters.
constexpr std::size_t kMaxParamChars = 300;
// ... and shows at most this many parameter sets of an executemany().
constexpr std::size_t kMaxParamSets = 10;

std::string truncated_repr(const Value& v) {
    std::string rep = repr_value(v);
    if (rep.size() <= kMaxParamChars) return rep;
    std::size_t segment = kMaxParamChars / 2;
    return rep.substr(0, segment) +
           fmt::format(" ... ({} characters truncated) ... ", rep.size() - kMaxParamChars) +
           rep.substr(rep.size() - segment);
}

std::string python_float_repr(double d) {
    if (d != d) return "nan";
    if (d == std::numeric_limits<double>::infinity()) return "inf";
    if (d == -std::numeric_limits<double>::infinity()) return "-inf";
    // Shortest round-trip digits, then Python's layout: fixed notation for exponents in
    // [-4, 16), scientific otherwise, always with a '.0' or an exponent.
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
    std::string sci(buf, res.ptr);
    std::size_t epos = sci.find('e');
    std::string mant = sci.substr(0, epos);
    int exp = std::stoi(sci.substr(epos + 1));
    bool neg = !mant.empty() && mant[0] == '-';
    if (neg) mant.erase(0, 1);
    std::string digits;
    for (char c : mant)
        if (c != '.') digits += c;
    std::string out = neg ? "-" : "";
    if (exp >= -4 && exp < 16) {
        if (exp >= 0) {
            if (static_cast<int>(digits.size()) <= exp + 1) {
                out += digits + std::string(exp + 1 - digits.size(), '0') + ".0";
            } else {
                out += digits.substr(0, exp + 1) + "." + digits.substr(exp + 1);
            }
        } else {
            out += "0." + std::string(-exp - 1, '0') + digits;
        }
        return out;
    }
    out += digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    out += fmt::format("e{}{:02d}", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    return out;
}

// Decodes one UTF-8 sequence at `i`; returns the code point or -1 for a bad byte.
long decode_utf8(const std::string& s, std::size_t& i) {
    unsigned char c = s[i];
    int extra;
    long cp;
    if (c < 0x80) {
        ++i;
        return c;
    }
    if ((c >> 5) == 6)
        extra = 1, cp = c & 0x1F;
    else if ((c >> 4) == 14)
        extra = 2, cp = c & 0x0F;
    else if ((c >> 3) == 30)
        extra = 3, cp = c & 0x07;
    else {
        ++i;
        return -1;
    }
    for (int k = 1; k <= extra; ++k) {
        if (i + k >= s.size() || (static_cast<unsigned char>(s[i + k]) >> 6) != 2) {
            ++i;
            return -1;
        }
        cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    }
    i += extra + 1;
    return cp;
}

// Python's str.isprintable() for the code points a database string is likely to hold.
bool python_printable(long cp) {
    if (cp < 0x20 || cp == 0x7F) return false;
    if (cp >= 0x80 && cp <= 0xA0) return false;
    if (cp == 0xAD) return false;
    if ((cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) ||
        (cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 || cp == 0xFEFF)
        return false;
    if (cp >= 0xD800 && cp <= 0xDFFF) return false;
    if (cp >= 0xE000 && cp <= 0xF8FF) return false;
    return true;
}

char quote_for(const std::string& s) {
    bool single = s.find('\'') != std::string::npos;
    bool dbl = s.find('"') != std::string::npos;
    return single && !dbl ? '"' : '\'';
}

std::string repr_str(const std::string& s) {
    char q = quote_for(s);
    std::string out(1, q);
    for (std::size_t i = 0; i < s.size();) {
        std::size_t start = i;
        long cp = decode_utf8(s, i);
        if (cp < 0) {
            // Invalid UTF-8 cannot come from Python; show the byte as a surrogate escape would.
            out += fmt::format("\\udc{:02x}", static_cast<unsigned char>(s[start]));
            continue;
        }
        if (cp == '\\')
            out += "\\\\";
        else if (cp == q)
            out += std::string("\\") + q;
        else if (cp == '\n')
            out += "\\n";
        else if (cp == '\r')
            out += "\\r";
        else if (cp == '\t')
            out += "\\t";
        else if (python_printable(cp))
            out.append(s, start, i - start);
        else if (cp < 0x100)
            out += fmt::format("\\x{:02x}", cp);
        else if (cp < 0x10000)
            out += fmt::format("\\u{:04x}", cp);
        else
            out += fmt::format("\\U{:08x}", cp);
    }
    out += q;
    return out;
}

std::string repr_bytes(const std::string& s) {
    char q = quote_for(s);
    std::string out = "b";
    out += q;
    for (unsigned char c : s) {
        if (c == '\\')
            out += "\\\\";
        else if (c == static_cast<unsigned char>(q))
            out += std::string("\\") + q;
        else if (c == '\n')
            out += "\\n";
        else if (c == '\r')
            out += "\\r";
        else if (c == '\t')
            out += "\\t";
        else if (c < 0x20 || c >= 0x7F)
            out += fmt::format("\\x{:02x}", c);
        else
            out += static_cast<char>(c);
    }
    out += q;
    return out;
}

std::string repr_time_args(const Time& t, bool always_hm) {
    std::string s;
    if (always_hm || t.hour || t.minute || t.second || t.microsecond)
        s += fmt::format("{}, {}", t.hour, t.minute);
    if (t.second || t.microsecond) s += fmt::format(", {}", t.second);
    if (t.microsecond) s += fmt::format(", {}", t.microsecond);
    return s;
}

} // namespace

const char* db_error_class_name(DBErrorKind kind) {
    switch (kind) {
    case DBErrorKind::Interface:
        return "InterfaceError";
    case DBErrorKind::Database:
        return "DatabaseError";
    case DBErrorKind::Data:
        return "DataError";
    case DBErrorKind::Operational:
        return "OperationalError";
    case DBErrorKind::Integrity:
        return "IntegrityError";
    case DBErrorKind::Internal:
        return "InternalError";
    case DBErrorKind::Programming:
        return "ProgrammingError";
    case DBErrorKind::NotSupported:
        return "NotSupportedError";
    }
    return "DatabaseError";
}

std::string repr_value(const Value& v) {
    struct Visitor {
        std::string operator()(const Null&) const { return "None"; }
        std::string operator()(bool b) const { return b ? "True" : "False"; }
        std::string operator()(std::int64_t i) const { return std::to_string(i); }
        std::string operator()(double d) const { return python_float_repr(d); }
        std::string operator()(const std::string& s) const { return repr_str(s); }
        std::string operator()(const Blob& b) const { return repr_bytes(b.bytes); }
        std::string operator()(const Decimal& d) const { return "Decimal('" + d.text + "')"; }
        std::string operator()(const Date& d) const {
            return fmt::format("datetime.date({}, {}, {})", d.year, d.month, d.day);
        }
        std::string operator()(const Time& t) const {
            return "datetime.time(" + repr_time_args(t, true) + ")";
        }
        std::string operator()(const DateTime& dt) const {
            return fmt::format("datetime.datetime({}, {}, {}, ", dt.date.year, dt.date.month,
                               dt.date.day) +
                   repr_time_args(dt.time, true) + ")";
        }
    };
    return std::visit(Visitor{}, v);
}

std::string repr_params(const std::vector<Value>& params) {
    std::string s = "(";
    for (std::size_t i = 0; i < params.size(); ++i) {
        if (i) s += ", ";
        s += truncated_repr(params[i]);
    }
    if (params.size() == 1) s += ",";
    return s + ")";
}

std::string repr_named_params(const std::vector<std::string>& names,
                              const std::vector<Value>& params) {
    std::string s = "{";
    for (std::size_t i = 0; i < params.size(); ++i) {
        if (i) s += ", ";
        std::string name = i < names.size() ? names[i] : std::to_string(i + 1);
        s += repr_value(name) + ": " + truncated_repr(params[i]);
    }
    return s + "}";
}

namespace {

// SQLAlchemy's executemany rendering: a tuple of the sets, the middle elided past ten.
std::string repr_sets(const std::vector<std::vector<Value>>& rows, const char* open,
                      const char* close,
                      const std::function<std::string(const std::vector<Value>&)>& one) {
    std::string s = open;
    auto append = [&](std::size_t from, std::size_t to) {
        for (std::size_t i = from; i < to; ++i) {
            if (i != from) s += ", ";
            s += one(rows[i]);
        }
    };
    if (rows.size() <= kMaxParamSets) {
        append(0, rows.size());
        if (rows.size() == 1 && std::string(open) == "(") s += ",";
    } else {
        append(0, kMaxParamSets - 2);
        s += fmt::format("  ... displaying {} of {} total bound parameter sets ...  ",
                         kMaxParamSets, rows.size());
        append(rows.size() - 2, rows.size());
    }
    return s + close;
}

} // namespace

std::string repr_param_sets(const std::vector<std::vector<Value>>& rows) {
    return repr_sets(rows, "(", ")", [](const auto& row) { return repr_params(row); });
}

std::string repr_named_param_sets(const std::vector<std::string>& names,
                                  const std::vector<std::vector<Value>>& rows) {
    return repr_sets(rows, "(", ")",
                     [&](const auto& row) { return repr_named_params(names, row); });
}

DBAPIError::DBAPIError(DBErrorKind kind, std::string driver_module, std::string driver_message,
                       std::string sql, std::vector<Value> params, std::string sqlstate)
    : SQLAlchemyError(driver_message), kind_(kind), driver_module_(std::move(driver_module)),
      driver_message_(std::move(driver_message)), sql_(std::move(sql)), params_(std::move(params)),
      sqlstate_(std::move(sqlstate)) {
    render();
}

void DBAPIError::attach_statement(std::string sql, std::vector<Value> params) {
    sql_ = std::move(sql);
    params_ = std::move(params);
    param_sets_.clear();
    render();
}

void DBAPIError::attach_statement_many(std::string sql, std::vector<std::vector<Value>> rows) {
    sql_ = std::move(sql);
    params_.clear();
    param_sets_ = std::move(rows);
    render();
}

void DBAPIError::set_driver_class(std::string name) {
    driver_class_ = std::move(name);
    render();
}

void DBAPIError::set_param_names(std::vector<std::string> names) {
    param_names_ = std::move(names);
    render();
}

void DBAPIError::render() {
    std::string cls = driver_class_.empty() ? db_error_class_name(kind_) : driver_class_;
    rendered_ = "(" + driver_module_ + "." + cls + ") " + driver_message_;
    if (!sql_.empty()) rendered_ += "\n[SQL: " + sql_ + "]";
    auto one = [this](const std::vector<Value>& row) {
        return param_names_.empty() ? repr_params(row) : repr_named_params(param_names_, row);
    };
    if (!param_sets_.empty())
        rendered_ += "\n[parameters: " + repr_sets(param_sets_, "(", ")", one) + "]";
    else if (!params_.empty())
        rendered_ += "\n[parameters: " + one(params_) + "]";
    rendered_ += std::string("\n(Background on this error at: https://sqlalche.me/e/14/") +
                 background_code(kind_) + ")";
}

} // namespace ormsh::engine
