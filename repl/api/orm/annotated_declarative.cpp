// SQLAlchemy 2.0's declarative form on the declarative scan of model.cpp: the DeclarativeBase
// class (each direct subclass is a new declarative base with its own registry), the reading of
// class bodies through the Python module _ormsh_annotated (Mapped[] annotations and
// mapped_column() become Column objects; relationship() is typed by its annotation), and the
// native helpers that module uses.
#include "repl/api/orm/annotated_declarative.h"

#include "repl/api/exc_bridge.h"
#include "repl/api/orm/relationship_object.h"

#include <algorithm>
#include <fmt/core.h>
#include <span>

namespace ormsh::api {
namespace {

// The Python module of the 2.0 form (sqlalchemy_orm_annotated.py), and the one of
// sqlalchemy.orm.registry, which every declarative base uses (sqlalchemy_orm_registry.py).
constexpr const char* kAnnotatedModule = "_ormsh_annotated";
constexpr const char* kRegistryModule = "_ormsh_registry";

// sqlalchemy.orm's names that _ormsh_annotated defines, loaded when a script first asks for one.
constexpr const char* kAnnotatedNames[] = {"Mapped",       "WriteOnlyMapped",   "DynamicMapped",
                                           "MappedColumn", "MappedAsDataclass", "mapped_column"};

Value annotated_module_attr(Interpreter& in, const char* name) {
    return in.getattr(Value(in.import_module(kAnnotatedModule)), name);
}

// The Module::deferred_names hook of sqlalchemy.orm: the first use of Mapped, mapped_column ...
// loads _ormsh_annotated, the first use of registry _ormsh_registry.
bool define_annotated_names(Interpreter& in, lang::Module& orm, lang::Str* name) {
    auto define_from = [&](const char* module, std::span<const char* const> names) {
        Value source(in.import_module(module));
        for (const char* n : names)
            if (orm.dict->get_str(n).empty()) orm.dict->set_str(n, in.getattr(source, n));
    };
    static const char* const registry_name[] = {"registry"};
    if (!name || std::ranges::any_of(kAnnotatedNames, [&](const char* n) { return name->s == n; }))
        define_from(kAnnotatedModule, kAnnotatedNames);
    if (!name || name->s == registry_name[0]) define_from(kRegistryModule, registry_name);
    return orm.dict->get_str(kAnnotatedNames[0]).empty() ||
           orm.dict->get_str(registry_name[0]).empty();
}

// Whether a class body needs the 2.0 reading: it has annotations or a mapped_column(). Until
// _ormsh_annotated is loaded no mapped_column() can exist, and a 1.4-style model never loads it.
bool uses_annotated_form(Interpreter& in, const lang::Type& owner) {
    if (!owner.dict->get_str("__annotations__").empty()) return true;
    if (!in.find_loaded_module(kAnnotatedModule)) return false;
    Value mapped_column = annotated_module_attr(in, "MappedColumn");
    if (!has_layout(mapped_column, lang::Layout::Type)) return false;
    for (const auto& e : owner.dict->entries)
        if (!e.key.empty() && e.value.is_obj() &&
            in.isinstance(e.value, mapped_column.as<lang::Type>()))
            return true;
    return false;
}

// The globals of the module a class was defined in, where its string annotations evaluate.
Value module_globals(Interpreter& in, const lang::Type& owner) {
    if (lang::Module* m = in.find_loaded_module(owner.module)) return Value(m->dict.get());
    return Value(&in.globals());
}

Value type_annotation_map(Interpreter& in, const DeclarativeRegistry& registry) {
    if (registry.registry_object.empty() || registry.registry_object.is_none())
        return Value::none();
    return in.getattr(registry.registry_object, "type_annotation_map");
}

// The registry of the DeclarativeBase subclass `cls` derives from, or null for a new base.
DeclarativeRegistry* registry_of_base(const lang::Type& cls) {
    for (lang::Type* t : cls.mro) {
        if (t == &cls) continue;
        if (ClassMapping* m = mapping_of(t)) return m->registry;
        if (DeclarativeRegistry* r = find_registry_by_base(t)) return r;
    }
    return nullptr;
}

// `class Base(DeclarativeBase)`: the base's MetaData and registry come from its body
// (`metadata = MetaData(...)`, `registry = registry(...)`, `type_annotation_map = {...}`) or
// are made here, and become Base.metadata and Base.registry.
void start_declarative_base(Interpreter& in, lang::Type& cls) {
    lang::Dict& ns = *cls.dict;
    Value registry_class = in.getattr(Value(in.import_module(kRegistryModule)), "registry");
    Value registry_object = ns.get_str("registry");
    if (registry_object.empty() || !registry_object.is_obj() ||
        !in.isinstance(registry_object, registry_class.as<lang::Type>())) {
        Value metadata = ns.get_str("metadata");
        Value annotation_map = ns.get_str("type_annotation_map");
        std::vector<lang::KwArg> kw;
        if (!metadata.empty()) kw.push_back({lang::intern("metadata"), metadata});
        if (!annotation_map.empty())
            kw.push_back({lang::intern("type_annotation_map"), annotation_map});
        registry_object = in.call(registry_class, std::vector<Value>{}, std::move(kw));
    }
    auto registry = std::make_shared<DeclarativeRegistry>();
    registry->metadata = in.getattr(registry_object, "metadata");
    registry->registry_object = registry_object;
    registry->strict_annotations = true;
    registry->base_class = &cls;
    adopt_registry(registry);
    cls.set_attr("metadata", registry->metadata);
    cls.set_attr("registry", registry_object);
    lang::type_modified();
}

lang::Type* declarative_base_class() {
    static lang::Type* type = make_model_base_type(
        "DeclarativeBase", "sqlalchemy.orm.decl_api", [](Interpreter& in, lang::Type& cls) {
            if (DeclarativeRegistry* registry = registry_of_base(cls))
                map_declarative_class(in, cls, *registry);
            else
                start_declarative_base(in, cls);
        });
    return type;
}

// _ormsh_orm.type_relationship(rel, target, uselist, lazy): what a Mapped[] annotation says of
// a relationship() that does not say it itself.
Value type_relationship(Interpreter& in, const Value&, lang::Args& args) {
    if (args.pos.size() != 4) in.raise("TypeError", "type_relationship() takes 4 arguments");
    auto* rel = dynamic_cast<RelationshipObj*>(args.pos[0].obj_or_null());
    if (!rel) in.raise("TypeError", "type_relationship() needs a relationship()");
    if (rel->argument.empty() || rel->argument.is_none()) rel->argument = args.pos[1];
    if (!rel->uselist) rel->uselist = in.truthy(args.pos[2]);
    if (lang::is_str(args.pos[3]) && rel->lazy == "select")
        rel->lazy = lang::as_str(args.pos[3])->s;
    return Value::none();
}

// _ormsh_orm.relationship_has_target(rel): whether relationship() was given its target class.
Value relationship_has_target(Interpreter&, const Value&, lang::Args& args) {
    auto* rel =
        args.pos.size() == 1 ? dynamic_cast<RelationshipObj*>(args.pos[0].obj_or_null()) : nullptr;
    return Value::boolean(rel && !rel->argument.empty() && !rel->argument.is_none());
}

} // namespace

DeclarativeRegistry* find_registry_by_base(const lang::Type* base) {
    DeclarativeRegistry* found = nullptr;
    for_each_registry([&](DeclarativeRegistry& r) {
        if (r.base_class == base) found = &r;
    });
    return found;
}

std::vector<DeclaredAttribute> declared_attributes(Interpreter& in, lang::Type& owner,
                                                   lang::Type& cls, DeclarativeRegistry& registry) {
    std::vector<DeclaredAttribute> out;
    if (!uses_annotated_form(in, owner)) {
        for (const auto& e : owner.dict->entries)
            if (!e.key.empty() && lang::is_str(e.key))
                out.push_back({lang::as_str(e.key)->s, e.value});
        return out;
    }
    Value scan = annotated_module_attr(in, "declared_attributes");
    Value triples = in.call(scan, {Value(&owner), Value(&cls), module_globals(in, owner),
                                   type_annotation_map(in, registry),
                                   Value::boolean(registry.strict_annotations)});
    for (const Value& triple : in.to_vector(triples)) {
        const auto& items = triple.as<lang::Tuple>()->items;
        out.push_back({in.str(items[0]), items[1], static_cast<int>(items[2].as_int())});
    }
    return out;
}

void add_annotated_declarative_names(Interpreter&, lang::Module& orm) {
    orm.deferred_names = define_annotated_names;
    orm.dict->set_str("DeclarativeBase", Value(declarative_base_class()));
    orm.dict->set_str("DeclarativeBaseNoMeta", Value(declarative_base_class()));
}

void add_annotated_declarative_helpers(Interpreter&, lang::Module& m) {
    m.dict->set_str("RelationshipProperty", Value(relationship_type()));
    m.dict->set_str("type_relationship",
                    lang::make_native_function("type_relationship", type_relationship));
    m.dict->set_str("relationship_has_target",
                    lang::make_native_function("relationship_has_target", relationship_has_target));
    m.dict->set_str("flask_model_repr",
                    lang::make_native_function("__repr__", flask_model_repr, true));
    m.dict->set_str(
        "is_declarative_base",
        lang::make_native_function(
            "is_declarative_base", [](Interpreter&, const Value&, lang::Args& args) -> Value {
                return Value::boolean(
                    args.pos.size() == 1 && has_layout(args.pos[0], lang::Layout::Type) &&
                    args.pos[0].as<lang::Type>()->is_subtype(declarative_base_class()));
            }));
    m.dict->set_str(
        "camel_to_snake",
        lang::make_native_function(
            "camel_to_snake", [](Interpreter& in, const Value&, lang::Args& args) -> Value {
                if (args.pos.size() != 1 || !lang::is_str(args.pos[0]))
                    in.raise("TypeError", "camel_to_snake() takes a class name");
                return lang::new_str(camel_to_snake(lang::as_str(args.pos[0])->s));
            }));
}

} // namespace ormsh::api
