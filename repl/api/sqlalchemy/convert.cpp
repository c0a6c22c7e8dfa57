// Python value <-> engine::Value conversion (convert.h). Dates, times and decimals use the
// datetime / decimal modules' objects when that library is linked in; without it they travel
// as ISO text and floats.
#include "repl/api/convert.h"

#include "repl/api/sqlalchemy/enum_classes.h"

#ifdef HAVE_ORMSH_API_DATETIME
#include "repl/api/datetime_objects.h"
#endif

namespace ormsh::api {

using lang::Layout;

engine::Value to_db(lang::Interpreter& in, const lang::Value& v) {
    switch (v.tag()) {
    case lang::Value::Tag::Empty:
    case lang::Value::Tag::None:
        return engine::Null{};
    case lang::Value::Tag::Bool:
        return v.as_bool();
    case lang::Value::Tag::Int:
        return std::int64_t{v.as_int()};
    case lang::Value::Tag::Float:
        return v.as_float();
    case lang::Value::Tag::Obj:
        break;
    }
    lang::Type* t = v.type();
    switch (t->layout) {
    case Layout::Str:
        return lang::as_str(v)->s;
    case Layout::Bytes:
        return engine::Blob{v.as<lang::Bytes>()->s};
    case Layout::BigInt:
        return engine::Decimal{in.str(v)};
    default:
        break;
    }
#ifdef HAVE_ORMSH_API_DATETIME
    const DateTimeTypes& dt = datetime_types();
    if (dt.datetime && t->is_subtype(dt.datetime)) return v.as<DateTimeObj>()->datetime;
    if (dt.date && t->is_subtype(dt.date)) return v.as<DateObj>()->date;
    if (dt.time && t->is_subtype(dt.time)) return v.as<TimeObj>()->time;
    if (dt.decimal && t->is_subtype(dt.decimal)) return engine::Decimal{v.as<DecimalObj>()->text};
#endif
    if (t->heap) {
        // IntEnum / IntFlag members and other int stand-ins bind as their integer value, as
        // the DB-API sees them (they are ints in CPython).
        if (!in.getattr_opt(lang::Value(t), lang::intern("__index__")).empty())
            return std::int64_t{in.index_value(v)};
        // An enum.Enum member binds as its name, as SQLAlchemy's Enum type stores it.
        lang::Value name = in.getattr_opt(v, lang::intern("_name_"));
        if (lang::is_str(name)) return lang::as_str(name)->s;
    }
    in.raise("TypeError", "Error binding parameter - unsupported type: " + t->name);
}

lang::Value from_db(lang::Interpreter& in, const engine::Value& v) {
    (void)in;
    return std::visit(
        [&](const auto& x) -> lang::Value {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, engine::Null>)
                return lang::Value::none();
            else if constexpr (std::is_same_v<T, bool>)
                return lang::Value::boolean(x);
            else if constexpr (std::is_same_v<T, std::int64_t>)
                return lang::Value::integer(x);
            else if constexpr (std::is_same_v<T, double>)
                return lang::Value::flt(x);
            else if constexpr (std::is_same_v<T, std::string>)
                return lang::new_str(x);
            else if constexpr (std::is_same_v<T, engine::Blob>)
                return lang::Value(new lang::Bytes(x.bytes));
#ifdef HAVE_ORMSH_API_DATETIME
            else if constexpr (std::is_same_v<T, engine::Decimal>)
                return make_decimal(in, x.text);
            else if constexpr (std::is_same_v<T, engine::Date>)
                return make_date(in, x);
            else if constexpr (std::is_same_v<T, engine::Time>)
                return make_time(in, x);
            else if constexpr (std::is_same_v<T, engine::DateTime>)
                return make_datetime(in, x);
#else
            // TODO(datetime): without the datetime library these come back as text / float.
            else if constexpr (std::is_same_v<T, engine::Decimal>)
                return lang::Value::flt(std::stod(x.text));
            else
                return lang::new_str(engine::to_iso(x));
#endif
        },
        v);
}

} // namespace ormsh::api

namespace ormsh::api {

lang::Value from_db(lang::Interpreter& in, const engine::Value& v, const engine::TypeSpec& type) {
    lang::Value out = from_db(in, v);
    if (type.enum_class_id >= 0) return enum_member_from_db(in, type, out);
    return out;
}

std::vector<lang::Value> row_from_db(lang::Interpreter& in, const engine::Result& result,
                                     const std::vector<engine::Value>& row) {
    const auto& types = result.types();
    std::vector<lang::Value> out;
    out.reserve(row.size());
    for (std::size_t i = 0; i < row.size(); ++i)
        out.push_back(i < types.size() ? from_db(in, row[i], types[i]) : from_db(in, row[i]));
    return out;
}

} // namespace ormsh::api
