// The modules sqlalchemy.orm, sqlalchemy.ext.declarative and _ormsh_orm (the native pieces the
// Python-written flask_sqlalchemy module builds on), and the embedded Python modules flask,
// flask_sqlalchemy and werkzeug.exceptions.
#include <fmt/core.h>

#include "core/orm/join_condition.h"
#include "core/sql/selectable.h"
#include "repl/api/exc_bridge.h"
#include "repl/api/modules.h"
#include "repl/api/orm/aliased_object.h"
#include "repl/api/orm/annotated_declarative.h"
#include "repl/api/orm/declared_attr.h"
#include "repl/api/orm/embedded_sources.h"
#include "repl/api/orm/events.h"
#include "repl/api/orm/inspection.h"
#include "repl/api/orm/orm_select.h"
#include "repl/api/orm/loader_options.h"
#include "repl/api/orm/model.h"
#include "repl/api/orm/query_object.h"
#include "repl/api/orm/relationship_object.h"
#include "repl/api/orm/session_object.h"
#include "repl/api/orm/validators.h"
#include "repl/api/sqlalchemy/binding.h"

namespace ormsh::api {
namespace {

// A new MetaData() made through the sqlalchemy module, so it is the Core bindings' object.
Value new_metadata(Interpreter& in) {
    lang::Module* sa = in.import_module("sqlalchemy");
    return in.call(sa->dict->get_str("MetaData"), {});
}

// A registry over `metadata` (a new MetaData when none), with its Python face Base.registry;
// `type_annotation_map` (SQLAlchemy 2.0) resolves Mapped[] annotations.
std::shared_ptr<DeclarativeRegistry> new_registry(Interpreter& in, Value metadata, bool flask,
                                                  Value type_annotation_map = Value()) {
    auto registry = std::make_shared<DeclarativeRegistry>();
    registry->metadata = metadata.empty() || metadata.is_none() ? new_metadata(in) : metadata;
    registry->snake_case_tablenames = flask;
    std::vector<lang::KwArg> kw{{lang::intern("metadata"), registry->metadata}};
    if (!type_annotation_map.empty())
        kw.push_back({lang::intern("type_annotation_map"), type_annotation_map});
    registry->registry_object =
        in.call(in.getattr(Value(in.import_module("_ormsh_registry")), "registry"),
                std::vector<Value>{}, std::move(kw));
    return registry;
}

Value declarative_base(Interpreter& in, const Value&, lang::Args& args) {
    Value metadata = kwarg(args, "metadata");
    Value bind = kwarg(args, "bind");
    Value name = kwarg(args, "name");
    Value cls = kwarg(args, "cls");
    auto registry = new_registry(in, metadata, false, kwarg(args, "type_annotation_map"));
    if (!bind.empty() && !bind.is_none()) in.setattr(registry->metadata, lang::intern("bind"), bind);
    lang::Type* extra = nullptr;
    if (!cls.empty() && has_layout(cls, lang::Layout::Type) && cls.as<lang::Type>() != lang::Types::object)
        extra = cls.as<lang::Type>();
    std::string base_name = name.empty() || name.is_none() ? "Base" : in.str(name);
    return Value(make_declarative_base(in, base_name, registry, extra));
}

// flask_model_base(metadata, model_class=None): db.Model; a plain model_class is its base, as
// Flask-SQLAlchemy 3.0 passes it to declarative_base(cls=...).
Value flask_model_base(Interpreter& in, const Value&, lang::Args& args) {
    auto registry = new_registry(in, args.pos.empty() ? Value() : args.pos[0], true);
    lang::Type* extra = nullptr;
    if (args.pos.size() > 1 && has_layout(args.pos[1], lang::Layout::Type) &&
        args.pos[1].as<lang::Type>() != lang::Types::object)
        extra = args.pos[1].as<lang::Type>();
    return Value(make_declarative_base(in, "Model", registry, extra));
}

// mapper(cls, table, properties={...}): the classical mapping, into one registry per MetaData.
Value classical_mapper(Interpreter& in, const Value&, lang::Args& args) {
    if (args.pos.size() < 2) in.raise("TypeError", "mapper() takes a class and a Table");
    if (!has_layout(args.pos[0], lang::Layout::Type)) in.raise("TypeError", "mapper() needs a class");
    // Never destroyed, like the registries in model.cpp.
    static auto& by_metadata =
        *new std::vector<std::pair<lang::Object*, std::shared_ptr<DeclarativeRegistry>>>();
    auto* table = dynamic_cast<TableObj*>(args.pos[1].obj_or_null());
    if (!table) in.raise("TypeError", "mapper() needs a Table as its second argument");
    std::shared_ptr<DeclarativeRegistry> registry;
    for (auto& [md, reg] : by_metadata)
        if (md == table->metadata.obj_or_null()) registry = reg;
    if (!registry) {
        registry = new_registry(in, table->metadata, false);
        by_metadata.emplace_back(table->metadata.obj_or_null(), registry);
    }
    Value properties = args.pos.size() > 2 ? args.pos[2] : kwarg(args, "properties");
    map_class_to_table(in, args.pos[0].as<lang::Type>(), args.pos[1], properties, registry);
    return Value::none();
}

void fill_orm_module(Interpreter& in, lang::Module& m) {
    auto set = [&](const char* name, Value v) { m.dict->set_str(name, std::move(v)); };
    set("relationship", lang::make_native_function("relationship", relationship_function));
    set("relation", lang::make_native_function("relation", relationship_function));
    set("backref", lang::make_native_function("backref", backref_function));
    set("declarative_base", lang::make_native_function("declarative_base", declarative_base));
    set("mapper", lang::make_native_function("mapper", classical_mapper));
    set("joinedload", make_loader_option_function("joinedload", orm::LoadStrategy::Joined));
    set("selectinload", make_loader_option_function("selectinload", orm::LoadStrategy::Selectin));
    set("subqueryload", make_loader_option_function("subqueryload", orm::LoadStrategy::Selectin));
    set("lazyload", make_loader_option_function("lazyload", orm::LoadStrategy::Select));
    set("noload", make_loader_option_function("noload", orm::LoadStrategy::NoLoad));
    set("Query", Value(query_type()));
    set("Mapper", Value(mapper_type()));
    set("validates", lang::make_native_function("validates", validates_function));
    set("declared_attr", Value(declared_attr_type()));
    // foreign(col) / remote(col): annotations inside a relationship's primaryjoin.
    for (auto [name, annotation] : {std::pair{"foreign", orm::JoinAnnotation::Foreign},
                                    std::pair{"remote", orm::JoinAnnotation::Remote}}) {
        set(name, lang::make_native_closure(
                      name, [kind = annotation](Interpreter& in, const Value&, lang::Args& args) {
                          if (args.pos.size() != 1)
                              in.raise("TypeError", "takes exactly one argument (an expression)");
                          return wrap_clause(
                              in, orm::annotate_column(node_of(in, args.pos[0]), kind));
                      }));
    }
    set("aliased", lang::make_native_function("aliased", aliased_function));
    install_orm_select_methods(in);
    set("configure_mappers", lang::make_native_closure("configure_mappers", [](Interpreter& in, const Value&, lang::Args&) {
        configure_mappers(in);
        return Value::none();
    }));
    add_session_names(in, m);
    add_annotated_declarative_names(in, m);
    register_orm_inspection(in, m);
    // sqlalchemy.orm.exc is the exception module's; expose it as an attribute too.
    m.dict->set_str("exc", Value(in.import_module("sqlalchemy.orm.exc")));
}

void exec_embedded(Interpreter& in, lang::Module& m, std::string_view source, const char* name) {
    in.exec_in_module(std::string(source), fmt::format("<ormsh {}>", name), m);
}

} // namespace

// _ormsh_orm.is_mapped(cls): whether a class is mapped (the shell's .models and completion).
Value is_mapped(Interpreter&, const Value&, lang::Args& args) {
    if (args.pos.empty() || !lang::has_layout(args.pos[0], lang::Layout::Type))
        return Value::boolean(false);
    return Value::boolean(mapping_of(args.pos[0].as<lang::Type>()) != nullptr);
}

// _ormsh_orm.relationships(cls): [(name, target class, uselist)] of a mapped class, for the
// shell's .describe and joinedload('...') completion.
Value relationships_of(Interpreter& in, const Value&, lang::Args& args) {
    std::vector<Value> out;
    if (args.pos.empty() || !lang::has_layout(args.pos[0], lang::Layout::Type))
        return lang::new_list({});
    ClassMapping* mapping = mapping_of(args.pos[0].as<lang::Type>());
    if (!mapping) return lang::new_list({});
    configure_mappers(in);
    for (const auto& rel : mapping->mapper->relationships()) {
        Value target = Value::none();
        for (const auto& c : mapping->registry->classes)
            if (c->mapper == rel->target()) target = Value(c->cls);
        out.push_back(lang::new_tuple(
            {lang::new_str(rel->key()), target, Value::boolean(rel->uselist())}));
    }
    return lang::new_list(std::move(out));
}

void register_sqlalchemy_orm(Interpreter& in) {
    in.register_builtin_module("sqlalchemy.orm", fill_orm_module);
    in.register_builtin_module("sqlalchemy.ext", [](Interpreter&, lang::Module&) {});
    register_event_module(in);
    in.register_builtin_module("sqlalchemy.ext.declarative", [](Interpreter& in, lang::Module& m) {
        m.dict->set_str("declarative_base", lang::make_native_function("declarative_base", declarative_base));
        m.dict->set_str("declared_attr", Value(declared_attr_type()));
        install_orm_select_methods(in);
    });
    in.register_builtin_module(
        "sqlalchemy.ext.associationproxy", [](Interpreter& in, lang::Module& m) {
            exec_embedded(in, m, embedded::sqlalchemy_ext_associationproxy_py,
                          "sqlalchemy/ext/associationproxy.py");
        });
    in.register_builtin_module("sqlalchemy.ext.automap", [](Interpreter& in, lang::Module& m) {
        exec_embedded(in, m, embedded::sqlalchemy_ext_automap_py, "sqlalchemy/ext/automap.py");
    });
    in.register_builtin_module("_ormsh_annotated", [](Interpreter& in, lang::Module& m) {
        exec_embedded(in, m, embedded::sqlalchemy_orm_annotated_py, "sqlalchemy/orm/annotated.py");
    });
    in.register_builtin_module("_ormsh_registry", [](Interpreter& in, lang::Module& m) {
        exec_embedded(in, m, embedded::sqlalchemy_orm_registry_py, "sqlalchemy/orm/decl_api.py");
    });
    in.register_builtin_module("_ormsh_orm", [](Interpreter& in, lang::Module& m) {
        add_annotated_declarative_helpers(in, m);
        m.dict->set_str("configure_mappers",
                        lang::make_native_closure("configure_mappers",
                                                  [](Interpreter& in, const Value&, lang::Args&) {
                                                      configure_mappers(in);
                                                      return Value::none();
                                                  }));
        m.dict->set_str("flask_model_base", lang::make_native_function("flask_model_base", flask_model_base));
        m.dict->set_str("is_mapped", lang::make_native_function("is_mapped", is_mapped));
        m.dict->set_str("relationships", lang::make_native_function("relationships", relationships_of));
    });
}

void register_flask(Interpreter& in) {
    in.register_builtin_module("werkzeug", [](Interpreter&, lang::Module&) {});
    in.register_builtin_module("werkzeug.exceptions", [](Interpreter& in, lang::Module& m) {
        exec_embedded(in, m, embedded::werkzeug_exceptions_py, "werkzeug/exceptions.py");
    });
    in.register_builtin_module("flask", [](Interpreter& in, lang::Module& m) {
        exec_embedded(in, m, embedded::flask_py, "flask.py");
    });
    in.register_builtin_module("flask_sqlalchemy", [](Interpreter& in, lang::Module& m) {
        exec_embedded(in, m, embedded::flask_sqlalchemy_py, "flask_sqlalchemy.py");
    });
}

} // namespace ormsh::api
