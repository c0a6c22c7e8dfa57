// relationship() / backref() objects and their resolution when mappers are configured.
#include "repl/api/orm/relationship_object.h"

#include "core/orm/join_condition.h"
#include "core/sql/selectable.h"
#include "repl/api/exc_bridge.h"
#include "repl/api/sqlalchemy/binding.h"

#include <fmt/core.h>

namespace ormsh::api {
namespace {

lang::Object* alloc_relationship(lang::Type* t) {
    auto* r = new RelationshipObj(t);
    r->track();
    return r;
}

orm::LoadStrategy parse_lazy(Interpreter& in, const std::string& lazy) {
    if (lazy == "select" || lazy == "True" || lazy == "immediate") return orm::LoadStrategy::Select;
    if (lazy == "joined" || lazy == "False") return orm::LoadStrategy::Joined;
    if (lazy == "selectin" || lazy == "subquery") return orm::LoadStrategy::Selectin;
    if (lazy == "dynamic") return orm::LoadStrategy::Dynamic;
    if (lazy == "noload") return orm::LoadStrategy::NoLoad;
    if (lazy == "raise" || lazy == "raise_on_sql") return orm::LoadStrategy::Raise;
    in.raise(exc_type(in, "ArgumentError"), fmt::format("Unknown lazy loader strategy '{}'", lazy));
}

// "table.column" names of the columns in a remote_side= / foreign_keys= argument.
std::vector<std::string> column_names(Interpreter& in, const Value& v) {
    std::vector<std::string> out;
    if (v.empty() || v.is_none()) return out;
    for (const Value& item : flatten_one(in, v)) {
        if (auto* col = dynamic_cast<ColumnObj*>(item.obj_or_null())) {
            out.push_back(col->column->table() ? col->column->fullname() : col->column->name);
            continue;
        }
        if (sql::NodePtr node = clause_of(in, item); node && node->is(sql::NodeKind::ColumnRef)) {
            const auto& ref = node->as<sql::ColumnRef>();
            out.push_back(ref.column ? ref.column->fullname() : ref.name);
        }
    }
    return out;
}

// A lambda or function given where an expression goes (order_by=lambda: Post.date), called
// once the classes exist.
bool is_callable_argument(Interpreter& in, const Value& v) {
    if (!v.is_obj() || clause_of(in, v) || has_layout(v, lang::Layout::List) ||
        has_layout(v, lang::Layout::Tuple) || has_layout(v, lang::Layout::Type))
        return false;
    lang::Layout layout = v.obj()->type->layout;
    return layout == lang::Layout::Function || layout == lang::Layout::NativeFunction ||
           layout == lang::Layout::BoundMethod || !v.type()->lookup("__call__").empty();
}

void fill_from_kwargs(Interpreter& in, RelationshipObj& r, const lang::Args& args) {
    for (const auto& kw : args.kw) {
        const lang::StrText& k = kw.name->s;
        const Value& v = kw.value;
        if (k == "secondary")
            r.secondary = v;
        else if (k == "order_by")
            r.order_by = v;
        else if (k == "backref")
            r.backref = v;
        else if (k == "back_populates")
            r.back_populates = v;
        else if (k == "remote_side")
            r.remote_side = v;
        else if (k == "foreign_keys")
            r.foreign_keys = v;
        else if (k == "primaryjoin")
            r.primaryjoin = v;
        else if (k == "secondaryjoin")
            r.secondaryjoin = v;
        else if (k == "lazy")
            r.lazy = v.is_bool() ? (v.as_bool() ? "select" : "joined") : in.str(v);
        else if (k == "cascade")
            r.cascade = in.str(v);
        else if (k == "uselist")
            r.uselist = v.is_none() ? std::nullopt : std::optional<bool>(in.truthy(v));
        else if (k == "viewonly")
            r.viewonly = in.truthy(v);
        else if (k == "passive_deletes")
            r.passive_deletes = in.truthy(v);
        else if (k == "argument")
            r.argument = v;
        // Accepted and without effect here: options about SQL generation details.
        else if (k == "cascade_backrefs" || k == "single_parent" || k == "innerjoin" ||
                 k == "post_update" || k == "enable_typechecks" || k == "join_depth" ||
                 k == "overlaps" || k == "collection_class" || k == "info" || k == "doc" ||
                 k == "sync_backref" || k == "active_history" || k == "passive_updates" ||
                 k == "omit_join" || k == "distinct_target_key")
            continue;
        else
            in.raise("TypeError",
                     fmt::format("relationship() got an unexpected keyword argument '{}'", k));
    }
}

} // namespace

void RelationshipObj::traverse(lang::Visitor& v) {
    Object::traverse(v);
    for (Value* x : {&argument, &secondary, &order_by, &backref, &back_populates, &remote_side,
                     &foreign_keys, &primaryjoin, &secondaryjoin})
        if (x->is_obj()) v.visit(x->obj());
}

void RelationshipObj::clear_refs() {
    for (Value* x : {&argument, &secondary, &order_by, &backref, &back_populates, &remote_side,
                     &foreign_keys, &primaryjoin, &secondaryjoin})
        *x = Value();
    Object::clear_refs();
}

lang::Type* relationship_type() {
    static lang::Type* type =
        lang::TypeBuilder("RelationshipProperty", {}, "sqlalchemy.orm.relationships")
            .layout(lang::Layout::Object, alloc_relationship)
            .build();
    return type;
}

Value relationship_function(Interpreter& in, const Value&, lang::Args& args) {
    Value obj = Value::steal(alloc_relationship(relationship_type()));
    auto& r = *obj.as<RelationshipObj>();
    r.track();
    if (!args.pos.empty()) r.argument = args.pos[0];
    if (args.pos.size() > 1) r.secondary = args.pos[1];
    fill_from_kwargs(in, r, args);
    // Without a target the Mapped[] annotation gives it (SQLAlchemy 2.0); the mapping checks.
    return obj;
}

Value backref_function(Interpreter& in, const Value&, lang::Args& args) {
    if (args.pos.empty() || !lang::is_str(args.pos[0]))
        in.raise("TypeError", "backref() missing 1 required positional argument: 'name'");
    Value obj = Value::steal(alloc_relationship(relationship_type()));
    auto& r = *obj.as<RelationshipObj>();
    r.name = lang::as_str(args.pos[0])->s;
    fill_from_kwargs(in, r, args);
    return obj;
}

orm::RelationshipConfig relationship_config(Interpreter& in, RelationshipObj& rel,
                                            const std::string& key) {
    orm::RelationshipConfig config;
    config.key = key;
    if (lang::is_str(rel.argument))
        config.target_name = lang::as_str(rel.argument)->s;
    else if (has_layout(rel.argument, lang::Layout::Type))
        config.target_name = rel.argument.as<lang::Type>()->name;
    if (lang::is_str(rel.back_populates))
        config.back_populates = lang::as_str(rel.back_populates)->s;
    if (!rel.backref.empty() && !rel.backref.is_none()) {
        auto back = std::make_shared<orm::RelationshipConfig>();
        if (lang::is_str(rel.backref)) {
            back->key = lang::as_str(rel.backref)->s;
        } else if (auto* b = dynamic_cast<RelationshipObj*>(rel.backref.obj_or_null())) {
            *back = relationship_config(in, *b, b->name);
        }
        config.backref = back;
    }
    config.uselist = rel.uselist;
    config.lazy = parse_lazy(in, rel.lazy);
    if (rel.cascade) guard(in, [&] { config.cascade = orm::Cascade::parse(*rel.cascade); });
    if (auto* table = dynamic_cast<TableObj*>(rel.secondary.obj_or_null()))
        config.secondary = table->table;
    config.viewonly = rel.viewonly;
    config.passive_deletes = rel.passive_deletes;
    if (!lang::is_str(rel.remote_side)) config.remote_side = column_names(in, rel.remote_side);
    if (!lang::is_str(rel.foreign_keys)) config.foreign_keys = column_names(in, rel.foreign_keys);
    return config;
}

Value eval_in_registry(Interpreter& in, DeclarativeRegistry& registry, const std::string& source) {
    lang::Ref<lang::Module> scope = lang::make<lang::Module>("__orm_eval__");
    scope->dict = lang::make<lang::Dict>();
    scope->dict->set_str("__builtins__", Value(in.builtins()));
    // As SQLAlchemy's class resolver: mapped classes, then the MetaData's tables, then the
    // sqlalchemy package's names (and_, or_, func ...), then the script's globals.
    for (const auto& c : registry.classes)
        scope->dict->set_str(c->cls->name, Value(c->cls));
    if (auto* md = dynamic_cast<MetaDataObj*>(registry.metadata.obj_or_null())) {
        for (const auto& table : md->metadata->tables()) {
            Value t = table_object(table.get());
            if (!t.empty() && scope->dict->get_str(table->name()).empty())
                scope->dict->set_str(table->name(), t);
        }
    }
    for (const auto& e : in.import_module("sqlalchemy")->dict->entries)
        if (!e.key.empty() && scope->dict->get(in, e.key).empty())
            scope->dict->set(in, e.key, e.value);
    lang::Module* orm_module = in.import_module("sqlalchemy.orm");
    for (const char* name : {"foreign", "remote"})
        if (scope->dict->get_str(name).empty())
            scope->dict->set_str(name, orm_module->dict->get_str(name));
    // Module-level names of __main__ (functions such as desc, func) are visible too.
    for (const auto& e : in.globals().entries)
        if (!e.key.empty() && scope->dict->get(in, e.key).empty())
            scope->dict->set(in, e.key, e.value);
    return in.eval_string(source, *scope);
}

namespace {

// primaryjoin / secondaryjoin (expression, string or callable) and remote_side / foreign_keys
// given as strings, evaluated with the registry's classes in scope.
void resolve_join_arguments(Interpreter& in, DeclarativeRegistry& registry, RelationshipObj& rel,
                            orm::RelationshipConfig& config) {
    for (auto [value, node] : {std::pair{&rel.primaryjoin, &config.primaryjoin},
                               std::pair{&rel.secondaryjoin, &config.secondaryjoin}}) {
        if (value->empty() || value->is_none() || *node) continue;
        Value condition = *value;
        if (lang::is_str(condition))
            condition = eval_in_registry(in, registry, lang::as_str(condition)->s);
        else if (is_callable_argument(in, condition))
            condition = in.call(condition, {});
        *node = node_of(in, condition, "primaryjoin");
        if (node == &config.primaryjoin) config.primaryjoin_text = str_sql(*node);
    }
    for (auto [value, names] : {std::pair{&rel.remote_side, &config.remote_side},
                                std::pair{&rel.foreign_keys, &config.foreign_keys}}) {
        if (lang::is_str(*value))
            *names = column_names(in, eval_in_registry(in, registry, lang::as_str(*value)->s));
    }
}

} // namespace

void resolve_relationship_target(Interpreter& in, DeclarativeRegistry& registry,
                                 DeclarativeRegistry::PendingArg& pending) {
    auto* rel = dynamic_cast<RelationshipObj*>(pending.relationship.obj_or_null());
    orm::RelationshipProperty* prop = pending.mapper->relationship(pending.key);
    if (!rel || !prop) return;
    if (prop->config().target_name.empty() && !rel->argument.empty()) {
        Value target = rel->argument;
        if (!has_layout(target, lang::Layout::Type)) target = in.call(target, {});
        if (has_layout(target, lang::Layout::Type))
            prop->config().target_name = target.as<lang::Type>()->name;
    }
    if (!prop->config().secondary && !rel->secondary.empty() && !rel->secondary.is_none()) {
        Value secondary = rel->secondary;
        if (lang::is_str(secondary)) {
            auto* md = dynamic_cast<MetaDataObj*>(registry.metadata.obj_or_null());
            std::string name = lang::as_str(secondary)->s;
            schema::TablePtr table = md ? md->metadata->table(name) : nullptr;
            if (!table)
                secondary = eval_in_registry(in, registry, name);
            else
                prop->config().secondary = table;
        } else if (!dynamic_cast<TableObj*>(secondary.obj_or_null())) {
            secondary = in.call(secondary, {});
        }
        if (auto* t = dynamic_cast<TableObj*>(secondary.obj_or_null()))
            prop->config().secondary = t->table;
    }
    resolve_join_arguments(in, registry, *rel, prop->config());
    // backref('name', remote_side='Node.id', ...): the backref is created at configure time
    // from this config, so its strings are evaluated now too.
    auto* back = dynamic_cast<RelationshipObj*>(rel->backref.obj_or_null());
    if (back && prop->config().backref)
        resolve_join_arguments(in, registry, *back, *prop->config().backref);
}

void resolve_relationship_arguments(Interpreter& in, DeclarativeRegistry& registry,
                                    DeclarativeRegistry::PendingArg& pending) {
    auto* rel = dynamic_cast<RelationshipObj*>(pending.relationship.obj_or_null());
    orm::RelationshipProperty* prop = pending.mapper->relationship(pending.key);
    if (!rel || !prop) return;
    auto order_by_of = [&](Value order_by) {
        sql::NodeList nodes;
        if (order_by.empty() || order_by.is_none() || (order_by.is_bool() && !order_by.as_bool()))
            return nodes;
        if (lang::is_str(order_by))
            order_by = eval_in_registry(in, registry, lang::as_str(order_by)->s);
        else if (is_callable_argument(in, order_by))
            order_by = in.call(order_by, {});
        for (const Value& item : flatten_one(in, order_by)) {
            Value v =
                lang::is_str(item) ? eval_in_registry(in, registry, lang::as_str(item)->s) : item;
            if (sql::NodePtr node = clause_of(in, v)) nodes.push_back(orm::place_columns(node));
        }
        return nodes;
    };
    prop->config().order_by = order_by_of(rel->order_by);
    if (auto* back = dynamic_cast<RelationshipObj*>(rel->backref.obj_or_null())) {
        if (orm::RelationshipProperty* partner = prop->partner())
            partner->config().order_by = order_by_of(back->order_by);
    }
}

void apply_table_args(Interpreter& in, const Value& table, const Value& args) {
    if (args.is_none()) return;
    // Options given as a dict (extend_existing, sqlite_autoincrement ...) change nothing here;
    // constraints in the tuple form are added by the Core bindings' constraint objects.
    if (has_layout(args, lang::Layout::Dict)) return;
    for (const Value& item : in.to_vector(args)) {
        if (has_layout(item, lang::Layout::Dict)) continue;
        Value apply = in.getattr_opt(item, lang::intern("_ormsh_apply_to_table"));
        if (!apply.empty()) {
            in.call(apply, {table});
            continue;
        }
        // UniqueConstraint / CheckConstraint / Index / ForeignKeyConstraint: as Table(...) takes
        // them; errors in a constraint itself (a missing column) come through as they are.
        Value constraint = in.getattr(Value(in.import_module("sqlalchemy.schema")), "Constraint");
        if (!has_layout(constraint, lang::Layout::Type) ||
            !in.isinstance(item, constraint.as<lang::Type>()))
            in.raise(exc_type(in, "ArgumentError"),
                     fmt::format("'SchemaItem' object, such as a 'Column' or a 'Constraint' "
                                 "expected, got {}",
                                 in.repr(item)));
        in.call(in.getattr(table, lang::intern("append_constraint")), {item});
    }
}

} // namespace ormsh::api
