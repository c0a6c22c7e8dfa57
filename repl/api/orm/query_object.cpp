// The Python Query object: generative methods mapped onto orm::Query, row conversion,
// dynamic relationships (AppenderQuery) and Flask-SQLAlchemy's extras.
#include "repl/api/orm/query_object.h"

#include "core/orm/attributes.h"
#include "core/sql/selectable.h"
#include "repl/api/convert.h"
#include "repl/api/exc_bridge.h"
#include "repl/api/orm/aliased_object.h"
#include "repl/api/orm/args.h"
#include "repl/api/orm/attribute_objects.h"
#include "repl/api/orm/loader_options.h"
#include "repl/api/orm/orm_select.h"
#include "repl/api/result_objects.h"
#include "repl/api/sqlalchemy/binding.h"

#include <fmt/core.h>

namespace ormsh::api {
namespace {

QueryObj& self_query(const Value& v) {
    return *static_cast<QueryObj*>(v.obj());
}

// A new Python query sharing `base`'s session and dynamic parent, holding `q`.
Value derive(const Value& base, orm::Query q) {
    QueryObj& b = self_query(base);
    auto* n = new QueryObj(base.type(), std::move(q));
    n->session = b.session;
    n->parent = b.parent;
    n->rel = b.rel;
    n->track();
    return Value::steal(n);
}

template <class F> Value generative(Interpreter& in, const Value& self, F&& change) {
    return derive(self, guard(in, [&] { return change(self_query(self).query); }));
}

sql::NodeList clauses_of(Interpreter& in, std::span<const Value> values) {
    sql::NodeList out;
    for (const Value& v : values) {
        if (v.is_none()) continue;
        if (lang::is_str(v)) {
            out.push_back(sql::literal_column(lang::as_str(v)->s));
            continue;
        }
        out.push_back(node_of(in, v));
    }
    return out;
}

Value q_filter(Interpreter& in, const Value& self, lang::Args& args) {
    sql::NodeList criteria = clauses_of(in, args.pos);
    return generative(in, self, [&](const orm::Query& q) {
        orm::Query r = q;
        for (const auto& c : criteria)
            r = r.filter(c);
        return r;
    });
}

Value q_filter_by(Interpreter& in, const Value& self, lang::Args& args) {
    const orm::Query& q = self_query(self).query;
    const orm::Mapper* mapper = q.primary_mapper();
    // query(User.name).filter_by(...) filters on the mapped class the first column belongs to.
    if (!mapper && !q.entities().empty() && q.entities().front().column) {
        sql::NodePtr first = q.entities().front().column;
        if (first->is(sql::NodeKind::Label)) first = first->as<sql::Label>().element;
        if (first->is(sql::NodeKind::ColumnRef)) {
            const auto& column = first->as<sql::ColumnRef>().column;
            if (column && column->table()) mapper = find_mapper_for_table(column->table());
        }
    }
    if (!mapper)
        in.raise(exc_type(in, "InvalidRequestError"),
                 "filter_by() needs a query of a mapped class");
    configure_mappers(in);
    orm::Query r = q;
    for (const auto& kw : args.kw) {
        if (const orm::ColumnProperty* prop = mapper->column_property(kw.name->s)) {
            sql::Operand value = to_operand(in, kw.value);
            r = guard(in, [&] { return r.filter(sql::eq(sql::col(prop->column), value)); });
            continue;
        }
        auto* cls = static_cast<lang::Type*>(mapper->class_handle);
        AttributeObj* attr = cls ? attribute_of(cls->lookup(kw.name->s)) : nullptr;
        if (attr && attr->rel) {
            Value crit =
                in.call(cls->lookup(kw.name->s).type()->lookup("__eq__"), {Value(attr), kw.value});
            r = r.filter(node_of(in, crit));
            continue;
        }
        // Other SQL-expression attributes of the class (a hybrid_property) compare with ==.
        Value expression = cls ? in.getattr_opt(Value(cls), kw.name) : Value();
        if (!expression.empty() &&
            !in.getattr_opt(expression, lang::intern("__clause_element__")).empty()) {
            r = r.filter(node_of(in, in.compare(lang::CmpKind::Eq, expression, kw.value)));
            continue;
        }
        in.raise(exc_type(in, "InvalidRequestError"),
                 fmt::format("Entity namespace for \"{}\" has no property \"{}\"",
                             mapper->table().name(), kw.name->s));
    }
    return derive(self, std::move(r));
}

Value q_order_by(Interpreter& in, const Value& self, lang::Args& args) {
    if (args.pos.size() == 1 && args.pos[0].is_none())
        return generative(in, self, [](const orm::Query& q) { return q.reset_order_by(); });
    sql::NodeList clauses = clauses_of(in, args.pos);
    return generative(in, self, [&](const orm::Query& q) { return q.order_by(clauses); });
}

Value q_group_by(Interpreter& in, const Value& self, lang::Args& args) {
    sql::NodeList clauses = clauses_of(in, args.pos);
    return generative(in, self, [&](const orm::Query& q) { return q.group_by(clauses); });
}

Value q_having(Interpreter& in, const Value& self, lang::Args& args) {
    sql::NodeList clauses = clauses_of(in, args.pos);
    return generative(in, self, [&](const orm::Query& q) {
        orm::Query r = q;
        for (const auto& c : clauses)
            r = r.having(c);
        return r;
    });
}

std::optional<std::int64_t> opt_count(Interpreter& in, const Value& v) {
    if (v.empty() || v.is_none()) return std::nullopt;
    return in.index_value(v);
}

Value q_limit(Interpreter& in, const Value& self, lang::Args& args) {
    auto n = opt_count(in, args.pos.empty() ? Value() : args.pos[0]);
    return generative(in, self, [&](const orm::Query& q) { return q.limit(n); });
}

Value q_offset(Interpreter& in, const Value& self, lang::Args& args) {
    auto n = opt_count(in, args.pos.empty() ? Value() : args.pos[0]);
    return generative(in, self, [&](const orm::Query& q) { return q.offset(n); });
}

Value q_distinct(Interpreter& in, const Value& self, lang::Args&) {
    return generative(in, self, [](const orm::Query& q) { return q.distinct(); });
}

Value q_join(Interpreter& in, const Value& self, lang::Args& args, bool outer) {
    configure_mappers(in);
    bool isouter = outer || opt_bool(in, kwarg(args, "isouter"), false);
    if (args.pos.empty()) in.raise("TypeError", "join() missing 1 required positional argument");
    Value target = args.pos[0];
    Value onclause = args.pos.size() > 1 ? args.pos[1] : Value();
    OrmJoin resolved;
    if (orm_join_target(in, target, onclause, resolved) && resolved.rel) {
        return generative(in, self, [&](const orm::Query& q) {
            return q.join(*resolved.rel, isouter, resolved.target, resolved.parent);
        });
    }
    sql::NodePtr target_node = resolved.right ? resolved.right : node_of(in, target);
    sql::NodePtr on = resolved.right     ? resolved.onclause
                      : onclause.empty() ? nullptr
                                         : node_of(in, onclause);
    return generative(in, self,
                      [&](const orm::Query& q) { return q.join(target_node, on, isouter); });
}

// union / union_all / except_ / intersect: the other queries' statements join this one's.
Value q_set_operation(Interpreter& in, const Value& self, lang::Args& args,
                      sql::CompoundSelect::Keyword keyword) {
    configure_mappers(in);
    std::vector<orm::Query> others;
    for (const Value& v : args.pos) {
        auto* other = dynamic_cast<QueryObj*>(v.obj_or_null());
        if (!other) in.raise("TypeError", "expected a Query, got '" + in.type_name(v) + "'");
        others.push_back(other->query);
    }
    return generative(in, self,
                      [&](const orm::Query& q) { return q.set_operation(keyword, others); });
}

Value q_options(Interpreter& in, const Value& self, lang::Args& args) {
    configure_mappers(in);
    orm::Query r = self_query(self).query;
    for (const Value& opt : args.pos)
        for (const orm::LoaderOption& o : loader_options_of(in, opt, r))
            r = r.options(o);
    return derive(self, std::move(r));
}

Value q_with_entities(Interpreter& in, const Value& self, lang::Args& args, bool add) {
    std::vector<orm::QueryEntity> entities;
    for (const Value& v : args.pos)
        entities.push_back(query_entity(in, v));
    return generative(in, self, [&](const orm::Query& q) {
        return add ? q.add_columns(entities) : q.with_entities(entities);
    });
}

Value q_select_from(Interpreter& in, const Value& self, lang::Args& args) {
    Value from = arg_at(in, args, 0);
    sql::NodePtr node;
    if (has_layout(from, lang::Layout::Type)) {
        ClassMapping* m = mapping_of(from.as<lang::Type>());
        if (m) node = sql::table(m->mapper->table_ptr());
    }
    if (!node) node = node_of(in, from);
    return generative(in, self, [&](const orm::Query& q) { return q.select_from(node); });
}

Value q_all(Interpreter& in, const Value& self, lang::Args&) {
    const orm::Query& q = self_query(self).query;
    configure_mappers(in);
    auto rows = guard(in, [&] { return q.all(); });
    return query_rows_to_list(in, q, std::move(rows));
}

Value q_first(Interpreter& in, const Value& self, lang::Args&) {
    const orm::Query& q = self_query(self).query;
    configure_mappers(in);
    auto row = guard(in, [&] { return q.first(); });
    if (!row) return Value::none();
    return query_row_to_value(in, q, std::move(*row));
}

Value q_one(Interpreter& in, const Value& self, lang::Args&) {
    const orm::Query& q = self_query(self).query;
    configure_mappers(in);
    auto row = guard(in, [&] { return q.one(); });
    return query_row_to_value(in, q, std::move(row));
}

Value q_one_or_none(Interpreter& in, const Value& self, lang::Args&) {
    const orm::Query& q = self_query(self).query;
    configure_mappers(in);
    auto row = guard(in, [&] { return q.one_or_none(); });
    if (!row) return Value::none();
    return query_row_to_value(in, q, std::move(*row));
}

Value q_scalar(Interpreter& in, const Value& self, lang::Args&) {
    const orm::Query& q = self_query(self).query;
    configure_mappers(in);
    auto row = guard(in, [&] { return q.one_or_none(); });
    if (!row) return Value::none();
    return row_values(in, q, *row).front();
}

Value q_count(Interpreter& in, const Value& self, lang::Args&) {
    configure_mappers(in);
    return Value::integer(guard(in, [&] { return self_query(self).query.count(); }));
}

std::vector<engine::Value> primary_key_values(Interpreter& in, const Value& ident) {
    std::vector<engine::Value> pk;
    if (has_layout(ident, lang::Layout::Tuple) || has_layout(ident, lang::Layout::List)) {
        for (const Value& v : in.to_vector(ident))
            pk.push_back(to_db(in, v));
    } else if (has_layout(ident, lang::Layout::Dict)) {
        for (const Value& v : in.to_vector(in.call_method(ident, "values", {})))
            pk.push_back(to_db(in, v));
    } else {
        pk.push_back(to_db(in, ident));
    }
    return pk;
}

Value q_get(Interpreter& in, const Value& self, lang::Args& args) {
    const orm::Query& q = self_query(self).query;
    configure_mappers(in);
    std::vector<engine::Value> pk = primary_key_values(in, arg_at(in, args, 0));
    orm::StateRef ref = guard(in, [&] { return q.get(pk); });
    return value_of(ref.get());
}

orm::SynchronizeSession synchronize_arg(Interpreter& in, const lang::Args& args,
                                        std::size_t position) {
    Value v = args.pos.size() > position ? args.pos[position] : kwarg(args, "synchronize_session");
    return synchronize_session_of(in, v);
}

Value q_delete(Interpreter& in, const Value& self, lang::Args& args) {
    configure_mappers(in);
    orm::SynchronizeSession sync = synchronize_arg(in, args, 0);
    return Value::integer(guard(in, [&] { return self_query(self).query.delete_(sync); }));
}

Value q_update(Interpreter& in, const Value& self, lang::Args& args) {
    configure_mappers(in);
    Value values = arg_at(in, args, 0);
    std::vector<std::pair<std::string, sql::Operand>> pairs;
    const orm::Mapper* mapper = self_query(self).query.primary_mapper();
    for (const Value& key : in.to_vector(values)) {
        std::string name;
        if (AttributeObj* attr = attribute_of(key))
            name = attr->key;
        else if (auto* col = dynamic_cast<ColumnObj*>(key.obj_or_null()))
            name = col->column->key;
        else
            name = in.str(key);
        if (mapper && !mapper->column_property(name))
            in.raise(exc_type(in, "InvalidRequestError"),
                     fmt::format("Entity namespace for \"{}\" has no property \"{}\"",
                                 mapper->table().name(), name));
        pairs.emplace_back(name, to_operand(in, in.getitem(values, key)));
    }
    orm::SynchronizeSession sync = synchronize_arg(in, args, 1);
    return Value::integer(guard(in, [&] { return self_query(self).query.update(pairs, sync); }));
}

Value q_exists(Interpreter& in, const Value& self, lang::Args&) {
    configure_mappers(in);
    return wrap_clause(in, sql::exists(self_query(self).query.statement()));
}

Value q_iter(Interpreter& in, const Value& self, lang::Args& args) {
    return in.iter(q_all(in, self, args));
}

Value q_getitem(Interpreter& in, const Value& self, lang::Args& args) {
    Value key = arg_at(in, args, 0);
    const orm::Query& q = self_query(self).query;
    if (has_layout(key, lang::Layout::Slice)) {
        auto* s = key.as<lang::Slice>();
        auto start = opt_count(in, s->start), stop = opt_count(in, s->stop);
        bool simple = (!start || *start >= 0) && (!stop || *stop >= 0) && s->step.is_none();
        if (!simple) return in.getitem(q_all(in, self, args), key);
        orm::Query r = q;
        std::int64_t from = start.value_or(0);
        if (from) r = r.offset(from + q.offset_value().value_or(0));
        if (stop) r = r.limit(std::max<std::int64_t>(*stop - from, 0));
        configure_mappers(in);
        auto rows = guard(in, [&] { return r.all(); });
        return query_rows_to_list(in, r, std::move(rows));
    }
    std::int64_t i = in.index_value(key);
    if (i < 0) return in.getitem(q_all(in, self, args), key);
    // query[0] adds no OFFSET, as SQLAlchemy's slice(0, 1) leaves it unset.
    std::int64_t from = i + q.offset_value().value_or(0);
    orm::Query r = (from ? q.offset(from) : q).limit(1);
    configure_mappers(in);
    auto rows = guard(in, [&] { return r.all(); });
    if (rows.empty()) in.raise("IndexError", "index out of range");
    return query_row_to_value(in, r, std::move(rows.front()));
}

Value q_str(Interpreter& in, const Value& self, lang::Args&) {
    configure_mappers(in);
    const orm::Query& q = self_query(self).query;
    // A session without a bind compiles with the default dialect, as str() of a statement does.
    const auto& engine = q.session().engine();
    return lang::new_str(guard(in, [&] {
        return engine ? sql::to_string(q.statement(), engine->dialect()) : str_sql(q.statement());
    }));
}

Value q_statement(Interpreter& in, const Value& self) {
    configure_mappers(in);
    return wrap_clause(in, self_query(self).query.statement());
}

Value q_subquery(Interpreter& in, const Value& self, lang::Args& args) {
    configure_mappers(in);
    std::string name = args.pos.empty() || args.pos[0].is_none() ? "" : in.str(args.pos[0]);
    return wrap_clause(in, sql::subquery(self_query(self).query.statement(), name));
}

Value q_scalar_subquery(Interpreter& in, const Value& self, lang::Args&) {
    configure_mappers(in);
    return wrap_clause(in, sql::scalar_subquery(self_query(self).query.statement()));
}

Value q_label(Interpreter& in, const Value& self, lang::Args& args) {
    configure_mappers(in);
    std::string name = in.str(arg_at(in, args, 0));
    return wrap_clause(in,
                       sql::label(sql::scalar_subquery(self_query(self).query.statement()), name));
}

Value q_with_parent(Interpreter& in, const Value& self, lang::Args& args) {
    configure_mappers(in);
    ModelObj& parent = require_model(in, arg_at(in, args, 0));
    const orm::Query& q = self_query(self).query;
    const orm::Mapper* target = q.primary_mapper();
    orm::RelationshipProperty* rel = nullptr;
    if (args.pos.size() > 1) {
        if (AttributeObj* a = attribute_of(args.pos[1]))
            rel = a->rel;
        else if (lang::is_str(args.pos[1]))
            rel = parent.state_.mapper().relationship(lang::as_str(args.pos[1])->s);
    } else {
        for (const auto& r : parent.state_.mapper().relationships())
            if (r->target() == target) rel = r.get();
    }
    if (!rel)
        in.raise(exc_type(in, "InvalidRequestError"),
                 "Could not locate a property which relates instances of class '" +
                     parent.type->name + "' to instances of the queried class");
    if (parent.state_.any_expired() && parent.state_.session)
        guard(in, [&] { parent.state_.session->load_expired(parent.state_); });
    return generative(
        in, self, [&](const orm::Query& query) { return query.with_parent(parent.state_, *rel); });
}

// Flask-SQLAlchemy's *_or_404 helpers.
Value q_get_or_404(Interpreter& in, const Value& self, lang::Args& args) {
    Value v = q_get(in, self, args);
    if (v.is_none())
        raise_not_found(in, args.kw.empty() ? std::string() : in.str(args.kw[0].value));
    return v;
}
Value q_first_or_404(Interpreter& in, const Value& self, lang::Args& args) {
    Value v = q_first(in, self, args);
    if (v.is_none()) raise_not_found(in);
    return v;
}
Value q_one_or_404(Interpreter& in, const Value& self, lang::Args& args) {
    Value v = q_one_or_none(in, self, args);
    if (v.is_none()) raise_not_found(in);
    return v;
}

Value q_paginate(Interpreter& in, const Value& self, lang::Args& args) {
    configure_mappers(in);
    return paginate_query(in, self, args);
}

// Dynamic relationships: append / remove change the parent's collection history directly.
Value aq_append(Interpreter& in, const Value& self, lang::Args& args) {
    QueryObj& q = self_query(self);
    ModelObj& item = require_model(in, arg_at(in, args, 0));
    guard(in, [&] { orm::collection_append(q.parent->state_, *q.rel, item.state_); });
    return Value::none();
}

Value aq_remove(Interpreter& in, const Value& self, lang::Args& args) {
    QueryObj& q = self_query(self);
    ModelObj& item = require_model(in, arg_at(in, args, 0));
    guard(in, [&] {
        // A dynamic collection is never loaded: removing records the removal for the flush.
        orm::RelatedSlot& slot = q.parent->state_.related(q.rel->slot());
        slot.loaded = true;
        slot.items.emplace_back(&item.state_);
        orm::collection_remove(q.parent->state_, *q.rel, item.state_);
        slot.loaded = false;
    });
    return Value::none();
}

lang::Type* build_query_type(const char* name, lang::Type* base) {
    lang::TypeBuilder b(name, base ? std::vector<lang::Type*>{base} : std::vector<lang::Type*>{},
                        "sqlalchemy.orm.query");
    if (!base) {
        b.method("filter", q_filter)
            .method("where", q_filter)
            .method("filter_by", q_filter_by)
            .method("order_by", q_order_by)
            .method("group_by", q_group_by)
            .method("having", q_having)
            .method("limit", q_limit)
            .method("offset", q_offset)
            .method("distinct", q_distinct)
            .method(
                "join", +[](Interpreter& in, const Value& s,
                            lang::Args& a) { return q_join(in, s, a, false); })
            .method(
                "outerjoin", +[](Interpreter& in, const Value& s,
                                 lang::Args& a) { return q_join(in, s, a, true); })
            .method("options", q_options)
            .method(
                "from_statement",
                +[](Interpreter& in, const Value& s, lang::Args& a) {
                    sql::NodePtr stmt = node_of(in, arg_at(in, a, 0), "statement");
                    return generative(in, s,
                                      [&](const orm::Query& q) { return q.from_statement(stmt); });
                })
            .method(
                "union",
                +[](Interpreter& in, const Value& s, lang::Args& a) {
                    return q_set_operation(in, s, a, sql::CompoundSelect::Keyword::Union);
                })
            .method(
                "union_all",
                +[](Interpreter& in, const Value& s, lang::Args& a) {
                    return q_set_operation(in, s, a, sql::CompoundSelect::Keyword::UnionAll);
                })
            .method(
                "except_",
                +[](Interpreter& in, const Value& s, lang::Args& a) {
                    return q_set_operation(in, s, a, sql::CompoundSelect::Keyword::Except);
                })
            .method(
                "except_all",
                +[](Interpreter& in, const Value& s, lang::Args& a) {
                    return q_set_operation(in, s, a, sql::CompoundSelect::Keyword::ExceptAll);
                })
            .method(
                "intersect",
                +[](Interpreter& in, const Value& s, lang::Args& a) {
                    return q_set_operation(in, s, a, sql::CompoundSelect::Keyword::Intersect);
                })
            .method(
                "intersect_all",
                +[](Interpreter& in, const Value& s, lang::Args& a) {
                    return q_set_operation(in, s, a, sql::CompoundSelect::Keyword::IntersectAll);
                })
            .method(
                "with_entities", +[](Interpreter& in, const Value& s,
                                     lang::Args& a) { return q_with_entities(in, s, a, false); })
            .method(
                "add_columns", +[](Interpreter& in, const Value& s,
                                   lang::Args& a) { return q_with_entities(in, s, a, true); })
            .method(
                "add_column", +[](Interpreter& in, const Value& s,
                                  lang::Args& a) { return q_with_entities(in, s, a, true); })
            .method("select_from", q_select_from)
            .method("all", q_all)
            .method("first", q_first)
            .method("one", q_one)
            .method("one_or_none", q_one_or_none)
            .method("scalar", q_scalar)
            .method("count", q_count)
            .method("get", q_get)
            .method("delete", q_delete)
            .method("update", q_update)
            .method("exists", q_exists)
            .method("subquery", q_subquery)
            .method("scalar_subquery", q_scalar_subquery)
            .method("as_scalar", q_scalar_subquery)
            .method("label", q_label)
            .method("with_parent", q_with_parent)
            .method("get_or_404", q_get_or_404)
            .method("first_or_404", q_first_or_404)
            .method("one_or_404", q_one_or_404)
            .method("paginate", q_paginate)
            .method("__iter__", q_iter)
            .method("__getitem__", q_getitem)
            .method("__str__", q_str)
            .property("statement", q_statement);
    } else {
        b.method("append", aq_append).method("remove", aq_remove);
    }
    return b.build();
}

} // namespace

void QueryObj::traverse(lang::Visitor& v) {
    Object::traverse(v);
    if (session.is_obj()) v.visit(session.obj());
    if (parent) v.visit(parent.get());
}

void QueryObj::clear_refs() {
    session = Value();
    parent.reset();
    Object::clear_refs();
}

lang::Type* query_type() {
    static lang::Type* type = build_query_type("Query", nullptr);
    return type;
}

static lang::Type* appender_query_type() {
    static lang::Type* type = build_query_type("AppenderQuery", query_type());
    return type;
}

orm::QueryEntity query_entity(Interpreter& in, const Value& v) {
    if (AliasedClassObj* a = aliased_of(v))
        return orm::QueryEntity::of(*a->mapping->mapper, a->alias);
    if (has_layout(v, lang::Layout::Type)) {
        ClassMapping* m = mapping_of(v.as<lang::Type>());
        if (!m)
            in.raise(exc_type(in, "ArgumentError"),
                     fmt::format("Class '{}' is not mapped", v.as<lang::Type>()->name));
        return orm::QueryEntity::of(*m->mapper);
    }
    if (AttributeObj* attr = attribute_of(v); attr && !attr->rel) {
        // The ORM labels a column entity <table>_<column> (<alias>_<column> for an aliased
        // class); rows know it by the attribute key.
        if (attr->parent_alias && attr->node->is(sql::NodeKind::ColumnRef))
            return orm::QueryEntity::of(sql::alias_label(attr->node, attr->parent_alias,
                                                         attr->node->as<sql::ColumnRef>().name),
                                        attr->key);
        sql::NodePtr col = sql::col(attr->column);
        return orm::QueryEntity::of(
            sql::label(col, attr->column->table()->name() + "_" + attr->column->name), attr->key);
    }
    sql::NodePtr node = node_of(in, v, "query entity");
    std::string key;
    if (node->is(sql::NodeKind::Label))
        key = node->as<sql::Label>().name;
    else if (node->is(sql::NodeKind::ColumnRef))
        key = node->as<sql::ColumnRef>().key;
    else if (node->is(sql::NodeKind::Function))
        key = node->as<sql::Function>().name;
    return orm::QueryEntity::of(node, key);
}

Value make_query(Interpreter& in, const Value& session, orm::Session& core,
                 std::span<const Value> entities) {
    configure_mappers(in);
    std::vector<orm::QueryEntity> list;
    for (const Value& v : entities)
        list.push_back(query_entity(in, v));
    auto* q = new QueryObj(query_type(), orm::Query(core, std::move(list)));
    q->session = session;
    q->track();
    return Value::steal(q);
}

Value make_appender_query(Interpreter& in, ModelObj& parent, orm::RelationshipProperty& rel) {
    configure_mappers(in);
    orm::Session* session = parent.state_.session;
    if (!session && !parent.state_.has_identity()) {
        guard(in, [&] { orm::loaded_slot(parent.state_, rel); });
        return make_pending_appender(in, parent, rel);
    }
    if (!session)
        in.raise(exc_type(in, "DetachedInstanceError"),
                 fmt::format("Parent instance {} is not bound to a Session, and no contextual "
                             "session is established; lazy load operation of attribute '{}' "
                             "cannot proceed",
                             parent.describe(), rel.key()));
    // The criterion binds the parent's key: an expired parent (after commit) reloads first.
    if (parent.state_.any_expired()) guard(in, [&] { session->load_expired(parent.state_); });
    orm::Query query(*session, {orm::QueryEntity::of(*rel.target())});
    query = query.with_parent(parent.state_, rel);
    if (!rel.config().order_by.empty()) query = query.order_by(rel.config().order_by);
    auto* q = new QueryObj(appender_query_type(), std::move(query));
    q->parent = lang::Ref<ModelObj>(&parent);
    q->rel = &rel;
    q->track();
    return Value::steal(q);
}

std::vector<Value> row_values(Interpreter& in, const orm::Query& q, orm::QueryRow& row) {
    std::vector<Value> values;
    values.reserve(row.items.size());
    const auto& entities = q.entities();
    for (std::size_t i = 0; i < row.items.size(); ++i) {
        auto& item = row.items[i];
        if (auto* ref = std::get_if<orm::StateRef>(&item)) {
            values.push_back(value_of(ref->get()));
            continue;
        }
        const auto& value = std::get<engine::Value>(item);
        values.push_back(i < entities.size() && entities[i].column
                             ? from_db(in, value, entities[i].column->type)
                             : from_db(in, value));
    }
    return values;
}

Value query_row_to_value(Interpreter& in, const orm::Query& q, orm::QueryRow row) {
    if (q.entities().size() == 1 && q.entities().front().mapper) {
        auto& ref = std::get<orm::StateRef>(row.items.front());
        return value_of(ref.get());
    }
    auto keys = std::make_shared<RowKeys>();
    keys->names = q.keys();
    return make_row(in, keys, row_values(in, q, row));
}

Value query_rows_to_list(Interpreter& in, const orm::Query& q, std::vector<orm::QueryRow> rows) {
    std::vector<Value> out;
    out.reserve(rows.size());
    bool single = q.entities().size() == 1 && q.entities().front().mapper;
    std::shared_ptr<RowKeys> keys;
    if (!single) {
        keys = std::make_shared<RowKeys>();
        keys->names = q.keys();
    }
    for (auto& row : rows) {
        if (single) {
            out.push_back(value_of(std::get<orm::StateRef>(row.items.front()).get()));
            continue;
        }
        out.push_back(make_row(in, keys, row_values(in, q, row)));
    }
    return lang::new_list(std::move(out));
}

Value paginate_query(Interpreter& in, const Value& query, lang::Args& args) {
    if (!args.pos.empty())
        in.raise("TypeError", "paginate() takes keyword arguments only (page=, per_page=)");
    lang::Module* fsa = in.import_module("flask_sqlalchemy");
    Value cls = fsa->dict->get_str("QueryPagination");
    std::vector<lang::KwArg> kw(args.kw.begin(), args.kw.end());
    kw.push_back(lang::KwArg{lang::intern("query"), query});
    return in.call(cls, {}, std::move(kw));
}

void raise_not_found(Interpreter& in, const std::string& description) {
    lang::Module* wz = in.import_module("werkzeug.exceptions");
    Value abort = wz->dict->get_str("abort");
    in.call(abort, {Value::integer(404),
                    description.empty() ? Value::none() : lang::new_str(description)});
    in.raise("RuntimeError", "abort(404) returned");
}

orm::SynchronizeSession synchronize_session_of(Interpreter& in, const Value& v) {
    if (v.empty() || v.is_none()) return orm::SynchronizeSession::Evaluate;
    if (v.is_bool() && !v.as_bool()) return orm::SynchronizeSession::None;
    if (lang::is_str(v) && lang::as_str(v)->s == "evaluate")
        return orm::SynchronizeSession::Evaluate;
    if (lang::is_str(v) && lang::as_str(v)->s == "fetch") return orm::SynchronizeSession::Fetch;
    in.raise(exc_type(in, "ArgumentError"),
             "Valid strategies for session synchronization are 'evaluate', 'fetch', False");
}

} // namespace ormsh::api
