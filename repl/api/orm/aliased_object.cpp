// The AliasedClass Python type and aliased().
#include "repl/api/orm/aliased_object.h"

#include "core/sql/selectable.h"
#include "repl/api/convert.h"
#include "repl/api/exc_bridge.h"
#include "repl/api/orm/args.h"
#include "repl/api/orm/attribute_objects.h"
#include "repl/api/sqlalchemy/binding.h"
#include "repl/api/sqlalchemy/column_collection.h"

#include <fmt/core.h>

namespace ormsh::api {
namespace {

Value aliased_getattr(Interpreter& in, const Value& self, const std::string& name) {
    auto* a = static_cast<AliasedClassObj*>(self.obj());
    lang::Type* cls = a->mapping->cls;
    configure_mappers(in);
    Value found = cls->lookup(name);
    if (AttributeObj* attr = attribute_of(found)) return aliased_attribute(in, *attr, a->alias);
    // Anything else the class has (methods, constants) is the class's own.
    if (!found.empty()) return in.getattr(Value(cls), lang::intern(name));
    in.raise("AttributeError",
             fmt::format("type object 'AliasedClass_{}' has no attribute '{}'", cls->name, name));
}

} // namespace

lang::Type* aliased_class_type() {
    static lang::Type* type = [] {
        lang::Type* t =
            lang::TypeBuilder("AliasedClass", {}, "sqlalchemy.orm.util")
                .instance_dict(true)
                .method(
                    "__repr__",
                    +[](Interpreter&, const Value& self, lang::Args&) {
                        auto* a = static_cast<AliasedClassObj*>(self.obj());
                        return lang::new_str("aliased(" + a->mapping->cls->name + ")");
                    })
                .method(
                    "__clause_element__",
                    +[](Interpreter& in, const Value& self, lang::Args&) {
                        return wrap_clause(in, static_cast<AliasedClassObj*>(self.obj())->alias);
                    })
                .build();
        def_getattr(t, aliased_getattr);
        return t;
    }();
    return type;
}

AliasedClassObj* aliased_of(const Value& v) {
    return dynamic_cast<AliasedClassObj*>(v.obj_or_null());
}

Value aliased_function(Interpreter& in, const Value&, lang::Args& args) {
    Value v[5];
    lang::parse_args(in, "aliased", args, {"element", "alias", "name", "flat", "adapt_on_names"}, 1,
                     v);
    std::string name = v[2].empty() || v[2].is_none() ? "" : str_arg(in, v[2], "name");
    ClassMapping* mapping = nullptr;
    if (has_layout(v[0], lang::Layout::Type)) mapping = mapping_of(v[0].as<lang::Type>());
    if (AliasedClassObj* other = aliased_of(v[0])) mapping = other->mapping;
    if (!mapping) {
        // aliased(table) / aliased(subquery): a plain Core alias.
        sql::NodePtr from = node_of(in, v[0], "FROM clause");
        return guard(in, [&] { return wrap_clause(in, sql::alias(from, name)); });
    }
    configure_mappers(in);
    std::shared_ptr<sql::Alias> alias;
    if (!v[1].empty() && !v[1].is_none()) {
        // aliased(User, subquery): the class loaded from the subquery's columns.
        sql::NodePtr from = node_of(in, v[1], "FROM clause");
        if (from->kind == sql::NodeKind::Select)
            from = guard(in, [&] { return sql::subquery(from); });
        if (from->kind != sql::NodeKind::Alias)
            in.raise(exc_type(in, "ArgumentError"), "aliased() expects an alias or a subquery");
        alias = std::make_shared<sql::Alias>(from->as<sql::Alias>());
        if (!name.empty()) alias->name = name;
    } else {
        auto plain = sql::alias(sql::table(mapping->mapper->table_ptr()), name);
        alias = std::make_shared<sql::Alias>(plain->as<sql::Alias>());
    }
    alias->entity = mapping->mapper;
    auto* a = new AliasedClassObj(aliased_class_type());
    a->mapping = mapping;
    a->alias = alias;
    return Value::steal(a);
}

sql::NodePtr entity_from_of(Interpreter&, const Value& v) {
    if (AliasedClassObj* a = aliased_of(v)) return a->alias;
    if (has_layout(v, lang::Layout::Type))
        if (ClassMapping* m = mapping_of(v.as<lang::Type>()))
            return sql::table(m->mapper->table_ptr());
    return nullptr;
}

const orm::Mapper* entity_mapper_of(const Value& v) {
    if (AliasedClassObj* a = aliased_of(v)) return a->mapping->mapper;
    if (has_layout(v, lang::Layout::Type))
        if (ClassMapping* m = mapping_of(v.as<lang::Type>())) return m->mapper;
    return nullptr;
}

} // namespace ormsh::api
