// The column and relationship descriptors of mapped classes.
#include "repl/api/orm/attribute_objects.h"

#include "core/orm/attributes.h"
#include "core/orm/join_condition.h"
#include "core/orm/loading.h"
#include "core/sql/selectable.h"
#include "repl/api/convert.h"
#include "repl/api/exc_bridge.h"
#include "repl/api/orm/aliased_object.h"
#include "repl/api/orm/args.h"
#include "repl/api/orm/events.h"
#include "repl/api/orm/query_object.h"
#include "repl/api/sqlalchemy/binding.h"
#include "repl/api/sqlalchemy/enum_classes.h"
#include "repl/lang/native_descriptor.h"

#include <fmt/core.h>

namespace ormsh::api {
namespace {

lang::Object* alloc_attribute(lang::Type* t) {
    return new AttributeObj(t);
}

AttributeObj& self_attr(const Value& self) {
    return *static_cast<AttributeObj*>(self.obj());
}

[[noreturn]] void raise_detached(Interpreter& in, ModelObj& obj, const std::string& what) {
    in.raise(exc_type(in, "DetachedInstanceError"),
             fmt::format("{} {} is not bound to a Session; {} operation cannot proceed "
                         "(Background on this error at: https://sqlalche.me/e/14/bhk3)",
                         what == "attribute refresh" ? "Instance" : "Parent instance",
                         obj.describe(), what));
}

Value get_relationship(Interpreter& in, AttributeObj& attr, ModelObj& obj) {
    orm::InstanceState& st = obj.state_;
    orm::RelationshipProperty& rel = *attr.rel;
    if (rel.config().lazy == orm::LoadStrategy::Dynamic) return make_appender_query(in, obj, rel);
    const orm::RelatedSlot& slot = st.related(rel.slot());
    if (!slot.loaded) {
        if (st.status == orm::Status::Detached && st.has_identity())
            raise_detached(in, obj, fmt::format("lazy load operation of attribute '{}'", attr.key));
        // A collection the user reads is loaded by a query, which flushes pending changes first
        // as SQLAlchemy's lazy loader does (a many-to-one by key looks in the identity map and
        // loads without flushing; loads the ORM makes itself never flush).
        if (st.status == orm::Status::Persistent && st.session &&
            rel.direction() != orm::Direction::ManyToOne)
            guard(in, [&] { st.session->autoflush_if_enabled(); });
        guard(in, [&] { orm::loaded_slot(st, rel); });
    }
    if (rel.uselist()) return make_instrumented_list(in, obj, rel);
    return value_of(st.related(rel.slot()).scalar.get());
}

std::vector<orm::InstanceState*> states_of(Interpreter& in, const Value& iterable) {
    std::vector<orm::InstanceState*> out;
    for (const Value& item : in.to_vector(iterable))
        out.push_back(&require_model(in, item).state_);
    return out;
}

void set_relationship(Interpreter& in, AttributeObj& attr, ModelObj& obj, const Value& value) {
    orm::RelationshipProperty& rel = *attr.rel;
    guard(in, [&] {
        if (rel.uselist()) {
            orm::collection_replace(obj.state_, rel, states_of(in, value));
        } else {
            orm::set_scalar(obj.state_, rel,
                            value.is_none() ? nullptr : &require_model(in, value).state_);
        }
    });
}

// Instance access through the interpreter's native descriptor hooks (no __get__ call per read).
Value descr_get(Interpreter& in, const Value& self, const Value& instance, lang::Type*) {
    AttributeObj& attr = self_attr(self);
    ModelObj* obj = as_model(instance);
    if (!obj) return self;
    if (attr.rel) return get_relationship(in, attr, *obj);
    Value v = read_column(in, *obj, attr.slot);
    if (attr.column->type.enum_class_id >= 0) return enum_member_from_db(in, attr.column->type, v);
    return v;
}

void descr_set(Interpreter& in, const Value& self, const Value& instance, const Value& value) {
    set_attribute(in, self_attr(self), require_model(in, instance), value);
}

} // namespace

void set_attribute(Interpreter& in, AttributeObj& attr, ModelObj& obj, const Value& value) {
    if (attr.rel) {
        set_relationship(in, attr, obj, value);
        return;
    }
    if (attr.hooks) {
        Value hooked = run_column_set_hooks(in, *attr.hooks, obj, attr.slot, value);
        obj.state_.set_value(attr.slot, to_db(in, hooked));
        return;
    }
    // Text, the common case, goes into the slot without an intermediate engine::Value.
    if (value.is_obj() && value.type()->layout == lang::Layout::Str) {
        obj.state_.set_text(attr.slot, lang::as_str(value)->s);
        return;
    }
    obj.state_.set_value(attr.slot, to_db(in, value));
}

namespace {

Value attr_get(Interpreter& in, const Value& self, lang::Args& args) {
    if (args.pos.empty() || args.pos[0].is_none()) return self;
    return descr_get(in, self, args.pos[0], nullptr);
}

Value attr_set(Interpreter& in, const Value& self, lang::Args& args) {
    if (args.pos.size() < 2) in.raise("TypeError", "__set__ expected 2 arguments");
    descr_set(in, self, args.pos[0], args.pos[1]);
    return Value::none();
}

Value attr_delete(Interpreter& in, const Value& self, lang::Args& args) {
    lang::Args set_args;
    std::vector<Value> pos{args.pos.empty() ? Value::none() : args.pos[0], Value::none()};
    set_args.pos = pos;
    return attr_set(in, self, set_args);
}

// Post.category == some_category: the foreign key columns compared with its key values.
sql::NodePtr relationship_compare(Interpreter& in, AttributeObj& attr, const Value& other,
                                  bool negate) {
    orm::RelationshipProperty& rel = *attr.rel;
    configure_mappers(in);
    if (rel.direction() != orm::Direction::ManyToOne)
        in.raise(exc_type(in, "InvalidRequestError"),
                 "Can't compare a collection to an object or collection; use contains() to test "
                 "for membership.");
    sql::NodeList clauses;
    ModelObj* target = other.is_none() ? nullptr : &require_model(in, other);
    for (const auto& pair : rel.pairs()) {
        sql::NodePtr column = sql::col(pair.referencing);
        if (!target) {
            clauses.push_back(negate ? sql::is_not(column, nullptr) : sql::is_(column, nullptr));
            continue;
        }
        orm::InstanceState& ts = target->state_;
        std::size_t slot = ts.mapper().slot_of(*pair.referenced);
        if (!ts.is_loaded(slot) && ts.session) guard(in, [&] { ts.session->load_expired(ts); });
        engine::Value key = ts.value(slot);
        clauses.push_back(negate ? sql::ne(column, key) : sql::eq(column, key));
    }
    return clauses.size() == 1 ? clauses.front() : sql::and_(clauses);
}

Value attr_eq(Interpreter& in, const Value& self, lang::Args& args, bool negate) {
    AttributeObj& attr = self_attr(self);
    if (attr.rel)
        return wrap_clause(in, relationship_compare(in, attr, arg_at(in, args, 0), negate));
    Value base = api_types().column_element->lookup(negate ? "__ne__" : "__eq__");
    return in.call(base, {self, arg_at(in, args, 0)});
}

// EXISTS (SELECT 1 FROM [secondary,] target WHERE <relationship join> AND <criteria>): the
// clause behind any(), has() and a negated many-to-many contains(). A self-referential
// relationship names the target (and secondary) through aliases, as SQLAlchemy does.
sql::NodePtr relationship_exists(const orm::RelationshipProperty& rel, sql::NodeList criteria) {
    const orm::Mapper& target = *rel.target();
    const schema::TablePtr& secondary_table = rel.config().secondary;
    bool self_ref = rel.self_referential();
    sql::NodePtr target_from = sql::table(target.table_ptr());
    sql::NodePtr secondary = secondary_table ? sql::table(secondary_table) : nullptr;
    if (self_ref) {
        target_from = sql::alias(target_from, target.table().name() + "_1");
        if (secondary) secondary = sql::alias(secondary, secondary_table->name() + "_1");
    }
    // Columns of the target (and secondary) as this EXISTS names them.
    auto inner = [&](const sql::NodePtr& clause) {
        if (!self_ref) return clause;
        sql::NodePtr adapted = orm::adapt_columns_to(clause, target.table(), target_from);
        return secondary ? orm::adapt_columns_to(adapted, *secondary_table, secondary) : adapted;
    };
    auto column = [&](const schema::ColumnPtr& c, bool on_target_side) {
        sql::NodePtr node = sql::col(c);
        return on_target_side ? inner(node) : node;
    };
    sql::NodeList where;
    bool many_to_one = rel.direction() == orm::Direction::ManyToOne;
    for (const auto& pair : rel.pairs()) {
        // The referenced column is the target's for many-to-one, the parent's otherwise.
        where.push_back(orm::pair_equals(pair, column(pair.referenced, many_to_one),
                                         column(pair.referencing, !many_to_one)));
    }
    for (const auto& pair : rel.secondary_pairs())
        where.push_back(
            orm::pair_equals(pair, column(pair.referenced, true), column(pair.referencing, true)));
    for (const auto& clause : rel.extra_criteria())
        where.push_back(inner(clause));
    for (const auto& clause : criteria)
        where.push_back(inner(clause));
    sql::NodePtr select = sql::select({sql::literal_column("1")});
    if (self_ref && secondary) select = sql::select_from(select, secondary);
    select = sql::select_from(select, target_from);
    if (secondary && !self_ref) select = sql::select_from(select, secondary);
    select = sql::where(select, where.size() == 1 ? where.front() : sql::and_(where));
    return sql::exists(select);
}

// Parent.children.any(...) / Child.parent.has(...): EXISTS over the related table.
Value attr_exists(Interpreter& in, const Value& self, lang::Args& args) {
    AttributeObj& attr = self_attr(self);
    if (!attr.rel) in.raise("AttributeError", "any() / has() apply to relationships");
    configure_mappers(in);
    orm::RelationshipProperty& rel = *attr.rel;
    sql::NodeList criteria;
    if (!args.pos.empty() && !args.pos[0].is_none()) criteria.push_back(node_of(in, args.pos[0]));
    const orm::Mapper& target = *rel.target();
    for (const auto& kw : args.kw) {
        const orm::ColumnProperty* prop = target.column_property(kw.name->s);
        if (!prop)
            in.raise(exc_type(in, "InvalidRequestError"),
                     fmt::format("Entity namespace for \"{}\" has no property \"{}\"",
                                 target.table().name(), kw.name->s));
        criteria.push_back(sql::eq(sql::col(prop->column), to_operand(in, kw.value)));
    }
    return wrap_clause(in, relationship_exists(rel, std::move(criteria)));
}

// The value of `column` on a related object, reloading it first when it was expired.
engine::Value related_value(Interpreter& in, ModelObj& obj, const schema::Column& column) {
    orm::InstanceState& st = obj.state_;
    std::size_t slot = st.mapper().slot_of(column);
    if (!st.is_loaded(slot) && st.session) guard(in, [&] { st.session->load_expired(st); });
    return st.value(slot);
}

// Parent.children.contains(child): one-to-many compares the parent's key with the child's
// foreign key; many-to-many joins an anonymous alias of the secondary table, as SQLAlchemy does.
Value attr_contains(Interpreter& in, const Value& self, lang::Args& args) {
    AttributeObj& attr = self_attr(self);
    if (!attr.rel) {
        Value base = api_types().column_element->lookup("contains");
        std::vector<Value> pos{self};
        pos.insert(pos.end(), args.pos.begin(), args.pos.end());
        return in.call(base, pos, std::vector<lang::KwArg>(args.kw.begin(), args.kw.end()));
    }
    configure_mappers(in);
    orm::RelationshipProperty& rel = *attr.rel;
    if (!rel.uselist())
        in.raise(exc_type(in, "InvalidRequestError"),
                 "'contains' not implemented for scalar attributes.  Use ==");
    ModelObj& target = require_model(in, arg_at(in, args, 0));
    sql::NodeList clauses;
    if (!rel.config().secondary) {
        for (const auto& pair : rel.pairs())
            clauses.push_back(
                sql::eq(sql::col(pair.referenced), related_value(in, target, *pair.referencing)));
    } else {
        sql::NodeList target_key;
        for (const auto& pair : rel.secondary_pairs())
            target_key.push_back(
                sql::eq(sql::col(pair.referenced), related_value(in, target, *pair.referenced)));
        sql::NodePtr negation = sql::not_(relationship_exists(rel, std::move(target_key)));
        sql::NodePtr secondary = sql::alias(sql::table(rel.config().secondary));
        for (const auto& pair : rel.pairs())
            clauses.push_back(orm::pair_equals(pair, sql::col(pair.referenced),
                                               sql::c(secondary, pair.referencing->name)));
        for (const auto& pair : rel.secondary_pairs()) {
            engine::Value key = related_value(in, target, *pair.referenced);
            sql::NodePtr fk = sql::c(secondary, pair.referencing->name);
            clauses.push_back(pair.referencing_first ? sql::eq(fk, key)
                                                     : sql::reverse_binary(key, sql::Op::eq, fk));
        }
        return wrap_clause(in, sql::with_negation(sql::and_(clauses), negation));
    }
    return wrap_clause(in, clauses.size() == 1 ? clauses.front() : sql::and_(clauses));
}

// str(User.name) is "User.name"; an aliased class's attribute "AliasedClass_User.name".
Value attr_str(Interpreter&, const Value& self, lang::Args&) {
    AttributeObj& attr = self_attr(self);
    std::string owner = attr.mapping && attr.mapping->cls ? attr.mapping->cls->name : "?";
    if (attr.parent_alias) owner = "AliasedClass_" + owner;
    return lang::new_str(owner + "." + attr.key);
}

// User.addresses.of_type(A): the relationship joined to the alias A instead of its table.
Value attr_of_type(Interpreter& in, const Value& self, lang::Args& args) {
    AttributeObj& attr = self_attr(self);
    if (!attr.rel) in.raise("AttributeError", "of_type() applies to relationships");
    sql::NodePtr target = entity_from_of(in, arg_at(in, args, 0));
    if (!target)
        in.raise(exc_type(in, "ArgumentError"),
                 "of_type() expects a mapped class or an aliased() class");
    auto* a = new AttributeObj(instrumented_attribute_type());
    a->mapping = attr.mapping;
    a->key = attr.key;
    a->rel = attr.rel;
    a->parent_alias = attr.parent_alias;
    a->of_type = target;
    return Value::steal(a);
}

} // namespace

lang::Type* instrumented_attribute_type() {
    static lang::Type* type = [] {
        lang::Type* t = lang::TypeBuilder("InstrumentedAttribute", {api_types().column_element},
                                          "sqlalchemy.orm.attributes")
                            .layout(lang::Layout::Object, alloc_attribute)
                            .method("__get__", attr_get)
                            .method("__set__", attr_set)
                            .method("__delete__", attr_delete)
                            .method(
                                "__eq__", +[](Interpreter& in, const Value& s,
                                              lang::Args& a) { return attr_eq(in, s, a, false); })
                            .method(
                                "__ne__", +[](Interpreter& in, const Value& s,
                                              lang::Args& a) { return attr_eq(in, s, a, true); })
                            // The attribute's name on the class, which a column may not
                            // share (mapped_column("author_code") under `code`).
                            .property("key",
                                      [](Interpreter&, const Value& self) -> Value {
                                          return lang::new_str(self.as<AttributeObj>()->key);
                                      })
                            .method("any", attr_exists)
                            .method("has", attr_exists)
                            .method("contains", attr_contains)
                            .method("of_type", attr_of_type)
                            .method("__str__", attr_str)
                            .build();
        // Expressions compare with == into SQL, so they are not hashable by value.
        t->set_attr("__hash__", api_types().column_element->lookup("__hash__"));
        lang::register_native_descriptor(t, descr_get, descr_set);
        return t;
    }();
    return type;
}

AttributeObj* attribute_of(const Value& v) {
    return dynamic_cast<AttributeObj*>(v.obj_or_null());
}

Value make_column_attribute(Interpreter&, ClassMapping& mapping, const orm::ColumnProperty& prop) {
    auto* a = new AttributeObj(instrumented_attribute_type());
    a->mapping = &mapping;
    a->key = prop.key;
    a->slot = prop.slot;
    a->column = prop.column;
    a->node = sql::col(prop.column);
    return Value::steal(a);
}

Value aliased_attribute(Interpreter&, const AttributeObj& attr, const sql::NodePtr& alias) {
    auto* a = new AttributeObj(instrumented_attribute_type());
    a->mapping = attr.mapping;
    a->key = attr.key;
    a->slot = attr.slot;
    a->column = attr.column;
    a->rel = attr.rel;
    a->parent_alias = alias;
    if (attr.column) a->node = orm::entity_column(alias, attr.column);
    return Value::steal(a);
}

Value make_relationship_attribute(Interpreter&, ClassMapping& mapping,
                                  orm::RelationshipProperty& rel) {
    auto* a = new AttributeObj(instrumented_attribute_type());
    a->mapping = &mapping;
    a->key = rel.key();
    a->rel = &rel;
    return Value::steal(a);
}

Value read_column(Interpreter& in, ModelObj& obj, std::size_t slot) {
    orm::InstanceState& st = obj.state_;
    if (!st.is_loaded(slot)) {
        switch (st.status) {
        case orm::Status::Transient:
        case orm::Status::Pending:
            return Value::none();
        case orm::Status::Detached:
            if (st.has_identity()) raise_detached(in, obj, "attribute refresh");
            return Value::none();
        default:
            if (!st.session) raise_detached(in, obj, "attribute refresh");
            guard(in, [&] { st.session->load_expired(st); });
        }
    }
    // Slots are numbered in column order.
    const auto& columns = st.mapper().columns();
    if (slot < columns.size() && columns[slot].slot == slot)
        return from_db(in, st.value(slot), columns[slot].column->type);
    for (const auto& prop : columns)
        if (prop.slot == slot) return from_db(in, st.value(slot), prop.column->type);
    return from_db(in, st.value(slot));
}

// --- InstrumentedList ---------------------------------------------------------------------------

namespace {

struct ListObj : lang::Object {
    explicit ListObj(lang::Type* t) : Object(t) {}
    lang::Ref<ModelObj> owner;
    orm::RelationshipProperty* rel = nullptr;
    void traverse(lang::Visitor& v) override {
        Object::traverse(v);
        if (owner) v.visit(owner.get());
    }
    void clear_refs() override {
        owner.reset();
        Object::clear_refs();
    }
    const std::vector<orm::StateRef>& items() { return owner->state_.related(rel->slot()).items; }
};

ListObj& self_list(const Value& v) {
    return *static_cast<ListObj*>(v.obj());
}

std::vector<Value> list_values(ListObj& l) {
    std::vector<Value> out;
    for (const auto& ref : l.items())
        out.push_back(value_of(ref.get()));
    return out;
}

Value list_append(Interpreter& in, const Value& self, lang::Args& args) {
    ListObj& l = self_list(self);
    if (args.pos.size() != 1) in.raise("TypeError", "append() takes exactly one argument");
    ModelObj& item = require_model(in, args.pos[0]);
    guard(in, [&] { orm::collection_append(l.owner->state_, *l.rel, item.state_); });
    return Value::none();
}

Value list_remove(Interpreter& in, const Value& self, lang::Args& args) {
    ListObj& l = self_list(self);
    if (args.pos.size() != 1) in.raise("TypeError", "remove() takes exactly one argument");
    ModelObj* item = as_model(args.pos[0]);
    bool removed = false;
    if (item)
        guard(in, [&] { removed = orm::collection_remove(l.owner->state_, *l.rel, item->state_); });
    if (!removed) in.raise("ValueError", "list.remove(x): x not in list");
    return Value::none();
}

Value list_extend(Interpreter& in, const Value& self, lang::Args& args) {
    ListObj& l = self_list(self);
    for (const Value& v : in.to_vector(arg_at(in, args, 0))) {
        ModelObj& item = require_model(in, v);
        guard(in, [&] { orm::collection_append(l.owner->state_, *l.rel, item.state_); });
    }
    return Value::none();
}

Value list_pop(Interpreter& in, const Value& self, lang::Args& args) {
    ListObj& l = self_list(self);
    std::int64_t n = static_cast<std::int64_t>(l.items().size());
    if (n == 0) in.raise("IndexError", "pop from empty list");
    std::int64_t i = args.pos.empty() ? n - 1 : in.index_value(args.pos[0]);
    if (i < 0) i += n;
    if (i < 0 || i >= n) in.raise("IndexError", "pop index out of range");
    Value item = value_of(l.items()[static_cast<std::size_t>(i)].get());
    guard(in, [&] { orm::collection_remove(l.owner->state_, *l.rel, as_model(item)->state_); });
    return item;
}

Value list_clear(Interpreter& in, const Value& self, lang::Args&) {
    ListObj& l = self_list(self);
    guard(in, [&] { orm::collection_replace(l.owner->state_, *l.rel, {}); });
    return Value::none();
}

std::vector<orm::InstanceState*> list_states(ListObj& l) {
    std::vector<orm::InstanceState*> states;
    for (const auto& ref : l.items())
        states.push_back(ref.get());
    return states;
}

// The position `index` names in a list of `n` items (negative from the end), or IndexError.
std::size_t list_position(Interpreter& in, const Value& index, std::size_t n, const char* what) {
    std::int64_t i = in.index_value(index);
    if (i < 0) i += static_cast<std::int64_t>(n);
    if (i < 0 || i >= static_cast<std::int64_t>(n))
        in.raise("IndexError", fmt::format("list {} index out of range", what));
    return static_cast<std::size_t>(i);
}

// del collection[i] / del collection[a:b]: the removed members count as removed from the
// relationship (delete-orphan applies at the flush).
Value list_delitem(Interpreter& in, const Value& self, lang::Args& args) {
    ListObj& l = self_list(self);
    Value index = arg_at(in, args, 0);
    std::vector<orm::InstanceState*> doomed;
    if (lang::has_layout(index, lang::Layout::Slice)) {
        Value positions =
            in.getitem(lang::new_list([&] {
                           std::vector<Value> v;
                           for (std::size_t i = 0; i < l.items().size(); ++i)
                               v.push_back(Value::integer(static_cast<std::int64_t>(i)));
                           return v;
                       }()),
                       index);
        for (const Value& p : in.to_vector(positions))
            doomed.push_back(l.items()[static_cast<std::size_t>(p.as_int())].get());
    } else {
        doomed.push_back(l.items()[list_position(in, index, l.items().size(), "assignment")].get());
    }
    guard(in, [&] {
        for (orm::InstanceState* state : doomed)
            orm::collection_remove(l.owner->state_, *l.rel, *state);
    });
    return Value::none();
}

Value list_setitem(Interpreter& in, const Value& self, lang::Args& args) {
    ListObj& l = self_list(self);
    std::size_t i = list_position(in, arg_at(in, args, 0), l.items().size(), "assignment");
    ModelObj& item = require_model(in, arg_at(in, args, 1));
    std::vector<orm::InstanceState*> states = list_states(l);
    states[i] = &item.state_;
    guard(in, [&] { orm::collection_replace(l.owner->state_, *l.rel, states); });
    return Value::none();
}

Value list_insert(Interpreter& in, const Value& self, lang::Args& args) {
    ListObj& l = self_list(self);
    auto n = static_cast<std::int64_t>(l.items().size());
    std::int64_t i = in.index_value(arg_at(in, args, 0));
    if (i < 0) i = std::max<std::int64_t>(0, i + n);
    i = std::min(i, n);
    ModelObj& item = require_model(in, arg_at(in, args, 1));
    std::vector<orm::InstanceState*> states = list_states(l);
    states.insert(states.begin() + i, &item.state_);
    guard(in, [&] { orm::collection_replace(l.owner->state_, *l.rel, states); });
    return Value::none();
}

Value list_len(Interpreter&, const Value& self, lang::Args&) {
    return Value::integer(static_cast<std::int64_t>(self_list(self).items().size()));
}

Value list_iter(Interpreter& in, const Value& self, lang::Args&) {
    return in.iter(lang::new_list(list_values(self_list(self))));
}

Value list_getitem(Interpreter& in, const Value& self, lang::Args& args) {
    return in.getitem(lang::new_list(list_values(self_list(self))), arg_at(in, args, 0));
}

Value list_contains(Interpreter& in, const Value& self, lang::Args& args) {
    ModelObj* item = as_model(arg_at(in, args, 0));
    if (!item) return Value::boolean(false);
    for (const auto& ref : self_list(self).items())
        if (ref.get() == &item->state_) return Value::boolean(true);
    return Value::boolean(false);
}

Value list_repr(Interpreter& in, const Value& self, lang::Args&) {
    return lang::new_str(in.repr(lang::new_list(list_values(self_list(self)))));
}

Value list_eq(Interpreter& in, const Value& self, lang::Args& args) {
    Value other = arg_at(in, args, 0);
    if (auto* o = dynamic_cast<ListObj*>(other.obj_or_null()))
        other = lang::new_list(list_values(*o));
    return Value::boolean(in.eq(lang::new_list(list_values(self_list(self))), other));
}

// instrumented + [..] is a plain list, as list.__add__ gives for SQLAlchemy's list subclass.
Value list_add(Interpreter& in, const Value& self, lang::Args& args) {
    std::vector<Value> items = list_values(self_list(self));
    for (const Value& v : in.to_vector(arg_at(in, args, 0)))
        items.push_back(v);
    return lang::new_list(std::move(items));
}

Value list_iadd(Interpreter& in, const Value& self, lang::Args& args) {
    list_extend(in, self, args);
    return self;
}

Value list_index(Interpreter& in, const Value& self, lang::Args& args) {
    return in.call_method(lang::new_list(list_values(self_list(self))), "index",
                          {arg_at(in, args, 0)});
}

Value list_count(Interpreter& in, const Value& self, lang::Args& args) {
    return in.call_method(lang::new_list(list_values(self_list(self))), "count",
                          {arg_at(in, args, 0)});
}

lang::Type* instrumented_list_type() {
    static lang::Type* type =
        lang::TypeBuilder("InstrumentedList", {}, "sqlalchemy.orm.collections")
            .method("append", list_append)
            .method("remove", list_remove)
            .method("extend", list_extend)
            .method("pop", list_pop)
            .method("insert", list_insert)
            .method("clear", list_clear)
            .method("index", list_index)
            .method("count", list_count)
            .method("__len__", list_len)
            .method("__iter__", list_iter)
            .method("__getitem__", list_getitem)
            .method("__setitem__", list_setitem)
            .method("__delitem__", list_delitem)
            .method("__contains__", list_contains)
            .method("__repr__", list_repr)
            .method("__eq__", list_eq)
            .method("__add__", list_add)
            .method("__iadd__", list_iadd)
            .build();
    return type;
}

// A dynamic relationship of an object not in a session yet: what is appended is kept in the
// collection's history until the flush, and reading shows those pending members, as
// SQLAlchemy's AppenderQuery does without a session.
lang::Type* pending_appender_type() {
    static lang::Type* type =
        lang::TypeBuilder("AppenderQuery", {instrumented_list_type()}, "sqlalchemy.orm.dynamic")
            .method(
                "all", +[](Interpreter&, const Value& self,
                           lang::Args&) { return lang::new_list(list_values(self_list(self))); })
            .method("count", list_len)
            .method(
                "first",
                +[](Interpreter&, const Value& self, lang::Args&) {
                    auto& items = self_list(self).items();
                    return items.empty() ? Value::none() : value_of(items.front().get());
                })
            .build();
    return type;
}

} // namespace

Value make_pending_appender(Interpreter&, ModelObj& owner, orm::RelationshipProperty& rel) {
    auto* l = new ListObj(pending_appender_type());
    l->owner = lang::Ref<ModelObj>(&owner);
    l->rel = &rel;
    l->track();
    return Value::steal(l);
}

Value make_instrumented_list(Interpreter&, ModelObj& owner, orm::RelationshipProperty& rel) {
    auto* l = new ListObj(instrumented_list_type());
    l->owner = lang::Ref<ModelObj>(&owner);
    l->rel = &rel;
    l->track();
    return Value::steal(l);
}

} // namespace ormsh::api
