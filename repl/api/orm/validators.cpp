// @validates: marking methods, and finding the marked methods of a mapped class.
#include "repl/api/orm/validators.h"

#include "repl/api/exc_bridge.h"
#include "repl/api/sqlalchemy/binding.h"

#include <algorithm>
#include <fmt/core.h>
#include <unordered_set>

namespace ormsh::api {
namespace {

// The attributes the decorator leaves on the method, under SQLAlchemy's own names so that code
// inspecting them keeps working.
constexpr const char* kNamesAttr = "__sa_validators__";
constexpr const char* kOptionsAttr = "__sa_validation_opts__";

} // namespace

Value validates_function(Interpreter& in, const Value&, lang::Args& args) {
    std::vector<Value> names;
    for (const Value& name : args.pos) {
        if (!lang::is_str(name))
            in.raise("TypeError",
                     fmt::format("validates() takes attribute names, not '{}'", name.type()->name));
        names.push_back(name);
    }
    bool include_removes = opt_bool(in, kwarg(args, "include_removes"), false);
    bool include_backrefs = opt_bool(in, kwarg(args, "include_backrefs"), true);
    for (const auto& kw : args.kw)
        if (kw.name->s != "include_removes" && kw.name->s != "include_backrefs")
            in.raise("TypeError", fmt::format("validates() got an unexpected keyword argument '{}'",
                                              kw.name->s));
    Value names_tuple = lang::new_tuple(std::move(names));
    return lang::make_native_closure(
        "validates",
        [names_tuple, include_removes, include_backrefs](Interpreter& in, const Value&,
                                                         lang::Args& a) -> Value {
            if (a.pos.size() != 1 || !a.kw.empty())
                in.raise("TypeError", "validates() decorator takes exactly one function");
            Value fn = a.pos[0];
            auto options = lang::make<lang::Dict>();
            options->set_str(lang::intern("include_removes"), Value::boolean(include_removes));
            options->set_str(lang::intern("include_backrefs"), Value::boolean(include_backrefs));
            in.setattr(fn, lang::intern(kNamesAttr), names_tuple);
            in.setattr(fn, lang::intern(kOptionsAttr), Value(options.get()));
            return fn;
        });
}

std::vector<ValidatorSpec> collect_validators(Interpreter& in, lang::Type& cls,
                                              const std::string& mapper_name) {
    std::vector<ValidatorSpec> out;
    std::unordered_set<std::string> seen_methods;
    for (lang::Type* t : cls.mro) {
        if (!t->heap || !t->dict) continue;
        for (const auto& e : t->dict->entries) {
            if (e.key.empty() || !lang::is_str(e.key)) continue;
            if (!e.value.is_obj() || e.value.type() != lang::Types::function) continue;
            const lang::StrText& method = lang::as_str(e.key)->s;
            if (!seen_methods.insert(method).second) continue;
            Value names = in.getattr_opt(e.value, lang::intern(kNamesAttr));
            if (names.empty()) continue;
            Value options = in.getattr_opt(e.value, lang::intern(kOptionsAttr));
            auto option = [&](const char* name, bool fallback) {
                if (options.empty() || !has_layout(options, lang::Layout::Dict)) return fallback;
                Value v = options.as<lang::Dict>()->get_str(name);
                return v.empty() ? fallback : in.truthy(v);
            };
            for (const Value& name : in.to_vector(names)) {
                std::string key = in.str(name);
                if (std::any_of(out.begin(), out.end(),
                                [&](const ValidatorSpec& v) { return v.key == key; }))
                    in.raise(exc_type(in, "InvalidRequestError"),
                             fmt::format("A validation function for mapped attribute '{}' on "
                                         "mapper {} already exists.",
                                         key, mapper_name));
                out.push_back({key, e.value, option("include_removes", false),
                               option("include_backrefs", true)});
            }
        }
    }
    return out;
}

} // namespace ormsh::api
