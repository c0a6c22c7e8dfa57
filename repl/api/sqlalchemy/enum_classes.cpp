// The Enum(PythonEnumClass) registry (enum_classes.h).
#include "repl/api/sqlalchemy/enum_classes.h"

#include <fmt/format.h>
#include <vector>

namespace ormsh::api {

namespace {

// Leaked on purpose: classes outlive the interpreter's final collection.
std::vector<lang::Value>& classes() {
    static auto* v = new std::vector<lang::Value>;
    return *v;
}

[[noreturn]] void raise_not_among(lang::Interpreter& in, const engine::TypeSpec& type,
                                  const lang::Value& value) {
    std::string possible;
    for (const auto& name : type.enum_values)
        possible += (possible.empty() ? "" : ", ") + name;
    in.raise("LookupError",
             fmt::format("{} is not among the defined enum values. Enum name: {}. Possible "
                         "values: {}",
                         in.repr(value), type.enum_name, possible));
}

} // namespace

int register_enum_class(const lang::Value& enum_class) {
    auto& all = classes();
    for (std::size_t i = 0; i < all.size(); ++i)
        if (all[i].is(enum_class)) return static_cast<int>(i);
    all.push_back(enum_class);
    return static_cast<int>(all.size() - 1);
}

const lang::Value& enum_class_at(int id) {
    return classes().at(static_cast<std::size_t>(id));
}

lang::Value enum_member_from_db(lang::Interpreter& in, const engine::TypeSpec& type,
                                const lang::Value& stored) {
    if (type.enum_class_id < 0 || !lang::is_str(stored)) return stored;
    const lang::Value& cls = enum_class_at(type.enum_class_id);
    lang::Value members = in.getattr(cls, "__members__");
    if (!in.contains(members, stored)) raise_not_among(in, type, stored);
    return in.getitem(members, stored);
}

lang::Value enum_name_to_db(lang::Interpreter& in, const engine::TypeSpec& type,
                            const lang::Value& value) {
    if (type.enum_class_id < 0 || value.is_none()) return value;
    const lang::Value& cls = enum_class_at(type.enum_class_id);
    if (in.isinstance(value, cls.as<lang::Type>())) return in.getattr(value, "name");
    if (lang::is_str(value) && in.contains(in.getattr(cls, "__members__"), value)) return value;
    raise_not_among(in, type, value);
}

} // namespace ormsh::api
