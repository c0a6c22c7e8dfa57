// Loader option objects: each is a path of (attribute or name, strategy) steps.
#include "repl/api/orm/loader_options.h"

#include <fmt/core.h>

#include "core/sql/selectable.h"
#include "repl/api/exc_bridge.h"
#include "repl/api/orm/attribute_objects.h"

namespace ormsh::api {
namespace {

struct LoaderOptionObj : lang::Object {
    explicit LoaderOptionObj(lang::Type* t) : Object(t) {}
    struct Step {
        lang::Value attr; // an InstrumentedAttribute or a str
        orm::LoadStrategy strategy;
    };
    std::vector<Step> steps;
    void traverse(lang::Visitor& v) override {
        Object::traverse(v);
        for (auto& s : steps)
            if (s.attr.is_obj()) v.visit(s.attr.obj());
    }
    void clear_refs() override {
        steps.clear();
        Object::clear_refs();
    }
};

lang::Type* loader_option_type();

lang::Value chain(lang::Interpreter& in, const lang::Value& base, lang::Args& args,
                  orm::LoadStrategy strategy) {
    auto* opt = new LoaderOptionObj(loader_option_type());
    if (auto* b = dynamic_cast<LoaderOptionObj*>(base.obj_or_null())) opt->steps = b->steps;
    for (const lang::Value& a : args.pos) {
        // joinedload('a.b') and joinedload(A.b, B.c) both name a path.
        if (lang::is_str(a)) {
            std::string path = lang::as_str(a)->s;
            std::size_t start = 0;
            while (start <= path.size()) {
                std::size_t dot = path.find('.', start);
                std::string part = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
                opt->steps.push_back({lang::new_str(part), strategy});
                if (dot == std::string::npos) break;
                start = dot + 1;
            }
        } else {
            opt->steps.push_back({a, strategy});
        }
    }
    opt->track();
    (void)in;
    return lang::Value::steal(opt);
}

lang::Type* loader_option_type() {
    static lang::Type* type = [] {
        lang::TypeBuilder b("_UnboundLoad", {}, "sqlalchemy.orm.strategy_options");
        for (auto [name, strategy] : {std::pair{"joinedload", orm::LoadStrategy::Joined},
                                      std::pair{"selectinload", orm::LoadStrategy::Selectin},
                                      std::pair{"subqueryload", orm::LoadStrategy::Selectin},
                                      std::pair{"lazyload", orm::LoadStrategy::Select},
                                      std::pair{"noload", orm::LoadStrategy::NoLoad}}) {
            orm::LoadStrategy s = strategy;
            b.method(name, [s](lang::Interpreter& in, const lang::Value& self, lang::Args& args) {
                return chain(in, self, args, s);
            });
        }
        return b.build();
    }();
    return type;
}

} // namespace

lang::Value make_loader_option_function(const std::string& name, orm::LoadStrategy strategy) {
    return lang::make_native_closure(
        name, [strategy](lang::Interpreter& in, const lang::Value&, lang::Args& args) {
            return chain(in, lang::Value(), args, strategy);
        });
}

std::vector<orm::LoaderOption> loader_options_of(lang::Interpreter& in, const lang::Value& option,
                                                 const orm::Query& query) {
    return loader_options_of(in, option, query.primary_mapper());
}

std::vector<orm::LoaderOption> loader_options_of(lang::Interpreter& in, const lang::Value& option,
                                                 const orm::Mapper* root) {
    auto* opt = dynamic_cast<LoaderOptionObj*>(option.obj_or_null());
    if (!opt) in.raise(exc_type(in, "ArgumentError"), fmt::format("{} is not a loader option", in.repr(option)));
    std::vector<orm::LoaderOption> out;
    const orm::Mapper* current = root;
    std::vector<const orm::RelationshipProperty*> path;
    for (const auto& step : opt->steps) {
        const orm::RelationshipProperty* rel = nullptr;
        if (lang::is_str(step.attr) && lang::as_str(step.attr)->s == "*") {
            // A wildcard: the strategy for every relationship at this point of the path.
            if (current)
                for (const auto& each : current->relationships()) {
                    auto wild = path;
                    wild.push_back(each.get());
                    out.push_back(orm::LoaderOption{wild, step.strategy});
                }
            break;
        }
        if (AttributeObj* attr = attribute_of(step.attr)) {
            rel = attr->rel;
        } else if (lang::is_str(step.attr) && current) {
            rel = current->relationship(lang::as_str(step.attr)->s);
            if (!rel)
                in.raise(exc_type(in, "ArgumentError"),
                         fmt::format("Can't find property named \"{}\" on mapped class {}->{} in "
                                     "this Query.",
                                     lang::as_str(step.attr)->s, current->class_name(),
                                     current->table().name()));
        }
        if (!rel) in.raise(exc_type(in, "ArgumentError"), "loader options take relationship attributes");
        path.push_back(rel);
        out.push_back(orm::LoaderOption{path, step.strategy});
        current = rel->target();
    }
    return out;
}

} // namespace ormsh::api
