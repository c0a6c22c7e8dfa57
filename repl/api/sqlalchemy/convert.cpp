// Python value <-> engine::Value conversion (convert.h). Dates, times and decimals use the
// datetime / decimal modules' objects when that library is linked in; without it they travel
// as ISO text and floats.
#include "repl/api/convert.h"

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
    // An enum.Enum member binds as its name, as SQLAlchemy's Enum type stores it.
    if (t->heap) {
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

lang::Value from_db(lang::Interpreter& in, const engine::Value& v, const engine::TypeSpec& type) {
    lang::Value value = from_db(in, v);
    if (type.kind != engine::TypeKind::Enum || !type.python_enum || !lang::is_str(value))
        return value;
    auto* enum_class = static_cast<lang::Type*>(const_cast<void*>(type.python_enum));
    // An unknown name (a row written by other means) stays the stored text.
    lang::Value member = in.getattr_opt(lang::Value(enum_class), lang::as_str(value));
    return member.empty() ? value : member;
}

} // namespace ormsh::api
