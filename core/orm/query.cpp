// Query: building the ORM SELECT (entity labels, eager joins) and the bulk DELETE / UPDATE.
#include "core/orm/query.h"

#include "core/engine/result.h"
#include "core/orm/eager_plan.h"
#include "core/orm/errors.h"
#include "core/orm/join_condition.h"
#include "core/orm/loading.h"
#include "core/sql/dml.h"
#include "core/sql/elements.h"
#include "core/sql/execute.h"
#include "core/sql/selectable.h"

#include <chrono>
#include <fmt/core.h>
#include <fmt/format.h>
#include <map>

namespace ormsh::orm {

Query::Query(Session& session, std::vector<QueryEntity> entities)
    : session_(&session), entities_(std::move(entities)) {}

const Mapper* Query::primary_mapper() const {
    return entities_.empty() ? nullptr : entities_.front().mapper;
}

std::vector<std::string> Query::keys() const {
    std::vector<std::string> out;
    for (const auto& e : entities_)
        out.push_back(e.key);
    return out;
}

// --- generative methods -------------------------------------------------------------------------

Query Query::filter(const sql::NodePtr& criterion) const {
    Query q = *this;
    q.where_.push_back(criterion);
    return q;
}

Query Query::order_by(const sql::NodeList& clauses) const {
    Query q = *this;
    q.order_by_.insert(q.order_by_.end(), clauses.begin(), clauses.end());
    return q;
}

Query Query::reset_order_by() const {
    Query q = *this;
    q.order_by_.clear();
    q.order_by_reset_ = true;
    return q;
}

Query Query::group_by(const sql::NodeList& clauses) const {
    Query q = *this;
    q.group_by_.insert(q.group_by_.end(), clauses.begin(), clauses.end());
    return q;
}

Query Query::having(const sql::NodePtr& criterion) const {
    Query q = *this;
    q.having_.push_back(criterion);
    return q;
}

Query Query::limit(std::optional<std::int64_t> n) const {
    Query q = *this;
    q.limit_ = n;
    return q;
}

Query Query::offset(std::optional<std::int64_t> n) const {
    Query q = *this;
    q.offset_ = n;
    return q;
}

Query Query::distinct() const {
    Query q = *this;
    q.distinct_ = true;
    return q;
}

Query Query::join(const sql::NodePtr& target, const sql::NodePtr& onclause, bool isouter) const {
    Query q = *this;
    q.joins_.push_back(JoinSpec{target, onclause, isouter});
    return q;
}

Query Query::join(const RelationshipProperty& rel, bool isouter) const {
    const schema::TablePtr& target = rel.target()->table_ptr();
    Query q = *this;
    if (rel.direction() == Direction::ManyToMany) {
        const schema::TablePtr& secondary = rel.config().secondary;
        sql::NodeList first, second;
        for (const auto& pair : rel.pairs())
            first.push_back(
                pair_equals(pair, sql::col(pair.referenced), sql::col(pair.referencing)));
        for (const auto& pair : rel.secondary_pairs())
            second.push_back(
                pair_equals(pair, sql::col(pair.referenced), sql::col(pair.referencing)));
        second.insert(second.end(), rel.extra_criteria().begin(), rel.extra_criteria().end());
        q.joins_.push_back(JoinSpec{sql::table(secondary), sql::and_(first), isouter});
        q.joins_.push_back(JoinSpec{sql::table(target), sql::and_(second), isouter});
        return q;
    }
    sql::NodeList on;
    for (const auto& pair : rel.pairs())
        on.push_back(pair_equals(pair, sql::col(pair.referenced), sql::col(pair.referencing)));
    on.insert(on.end(), rel.extra_criteria().begin(), rel.extra_criteria().end());
    q.joins_.push_back(JoinSpec{sql::table(target), sql::and_(on), isouter});
    return q;
}

Query Query::select_from(const sql::NodePtr& from) const {
    Query q = *this;
    q.select_from_ = from;
    return q;
}

Query Query::options(const LoaderOption& option) const {
    Query q = *this;
    q.options_.push_back(option);
    return q;
}

Query Query::add_columns(const std::vector<QueryEntity>& entities) const {
    Query q = *this;
    q.entities_.insert(q.entities_.end(), entities.begin(), entities.end());
    return q;
}

Query Query::with_entities(const std::vector<QueryEntity>& entities) const {
    Query q = *this;
    q.entities_ = entities;
    return q;
}

Query Query::with_parent(const InstanceState& parent, const RelationshipProperty& rel) const {
    return filter(relationship_criterion(rel, parent));
}

// --- building
// -------------------------------------------------------------------------------------

struct Query::Built {
    sql::NodePtr select;
    LoadPlan plan;
};

namespace {

// Appends a mapped entity's labelled columns, reusing a column already selected under the
// same label (a selectin query selects the foreign key first, then the entity without it, as
// SQLAlchemy's SELECT deduplicates); records where each slot sits when not contiguous.
EntitySpan append_entity(const Mapper& mapper, sql::NodeList& columns) {
    sql::NodeList own;
    append_entity_columns(mapper, sql::table(mapper.table_ptr()), mapper.table().name(), own);
    EntitySpan span{&mapper, columns.size(), own.size(), {}};
    std::vector<std::size_t> positions;
    bool reused = false;
    for (const auto& column : own) {
        const std::string& name = column->as<sql::Label>().name;
        std::size_t found = columns.size();
        for (std::size_t i = 0; i < columns.size(); ++i)
            if (columns[i]->kind == sql::NodeKind::Label &&
                columns[i]->as<sql::Label>().name == name)
                found = i;
        if (found == columns.size())
            columns.push_back(column);
        else
            reused = true;
        positions.push_back(found);
    }
    if (reused) span.positions = std::move(positions);
    return span;
}

// Names eager-join aliases as SQLAlchemy's compiler numbers anonymous ones: per table name, in
// the order their columns are rendered.
struct AliasNames {
    std::map<std::string, int> used;
    std::string next(const std::string& table) {
        return table + "_" + std::to_string(++used[table]);
    }
};

bool has_joined_collection(const std::vector<LoaderNode>& nodes) {
    for (const auto& n : nodes)
        if (n.strategy == LoadStrategy::Joined &&
            (n.rel->uselist() || has_joined_collection(n.children)))
            return true;
    return false;
}

// Adds the LEFT OUTER JOINs, columns and ORDER BY of joined eager nodes below `parent_from`
// (the entity's table or a parent eager alias), and the selectin relationships to the plan.
struct EagerBuilder {
    LoadPlan& plan;
    sql::NodeList& columns;
    sql::NodePtr& from;
    sql::NodeList& order;
    AliasNames names;
    bool joins_allowed;

    void add(const std::vector<LoaderNode>& nodes, std::size_t entity, int parent_eager,
             const sql::NodePtr& parent_from) {
        for (const auto& node : nodes) {
            if (node.strategy == LoadStrategy::Joined && joins_allowed)
                add_joined(node, entity, parent_eager, parent_from);
            else
                plan.selectin.push_back(
                    SelectinSpec{node.rel, entity, parent_eager, options_below(node)});
        }
    }

    void add_joined(const LoaderNode& node, std::size_t entity, int parent_eager,
                    const sql::NodePtr& parent_from) {
        const RelationshipProperty& rel = *node.rel;
        const Mapper& target = *rel.target();
        // SQLAlchemy renders a nested eager entity's columns before its parent's; the alias
        // names follow that order.
        std::string alias_name;
        std::string secondary_name;
        reserve_names(node, alias_name, secondary_name);
        sql::NodePtr alias = sql::alias(sql::table(target.table_ptr()), alias_name);
        sql::NodePtr right = alias;
        sql::NodeList on;
        if (rel.direction() == Direction::ManyToMany) {
            sql::NodePtr secondary = sql::alias(sql::table(rel.config().secondary), secondary_name);
            sql::NodeList inner;
            for (const auto& pair : rel.secondary_pairs())
                inner.push_back(pair_equals(pair, sql::c(alias, pair.referenced->key),
                                            sql::c(secondary, pair.referencing->key)));
            right =
                sql::join(secondary, alias, inner.size() == 1 ? inner.front() : sql::and_(inner));
            for (const auto& pair : rel.pairs())
                on.push_back(pair_equals(pair, sql::c(parent_from, pair.referenced->key),
                                         sql::c(secondary, pair.referencing->key)));
        } else {
            bool referenced_on_target = rel.direction() == Direction::ManyToOne;
            for (const auto& pair : rel.pairs()) {
                sql::NodePtr referenced = referenced_on_target
                                              ? sql::c(alias, pair.referenced->key)
                                              : sql::c(parent_from, pair.referenced->key);
                sql::NodePtr referencing = referenced_on_target
                                               ? sql::c(parent_from, pair.referencing->key)
                                               : sql::c(alias, pair.referencing->key);
                on.push_back(pair_equals(pair, referenced, referencing));
            }
        }
        for (const auto& clause : rel.extra_criteria())
            on.push_back(adapt_columns_to(clause, target.table(), alias));
        from = sql::outerjoin(from, right, on.size() == 1 ? on.front() : sql::and_(on));
        for (const auto& clause : rel.config().order_by)
            order.push_back(adapt_to_alias(clause, target.table(), alias));

        int index = static_cast<int>(plan.eager.size());
        plan.eager.push_back(EagerSpan{&rel, entity, parent_eager, 0});
        // Children's joins follow this one; their columns come first.
        sql::NodeList own;
        append_entity_columns(target, alias, alias_name, own);
        add(node.children, entity, index, alias);
        plan.eager[static_cast<std::size_t>(index)].first = columns.size();
        columns.insert(columns.end(), own.begin(), own.end());
    }

    // Allocates the alias names of `node` after those of its joined children (post-order).
    std::map<const LoaderNode*, std::pair<std::string, std::string>> reserved;
    void reserve_names(const LoaderNode& node, std::string& alias_name,
                       std::string& secondary_name) {
        auto it = reserved.find(&node);
        if (it == reserved.end()) {
            reserve_tree(node);
            it = reserved.find(&node);
        }
        alias_name = it->second.first;
        secondary_name = it->second.second;
    }
    void reserve_tree(const LoaderNode& node) {
        for (const auto& child : node.children)
            if (child.strategy == LoadStrategy::Joined) reserve_tree(child);
        std::string secondary;
        std::string alias = names.next(node.rel->target()->table().name());
        if (node.rel->config().secondary)
            secondary = names.next(node.rel->config().secondary->name());
        reserved[&node] = {alias, secondary};
    }
};

} // namespace

Query::Built Query::build(bool with_eager) const {
    Built built;
    sql::NodeList columns;
    for (std::size_t i = 0; i < entities_.size(); ++i) {
        const auto& entity = entities_[i];
        if (entity.mapper) {
            built.plan.entities.push_back(append_entity(*entity.mapper, columns));
        } else {
            built.plan.entities.push_back(EntitySpan{nullptr, columns.size(), 1, {}});
            columns.push_back(entity.column);
        }
    }

    sql::NodeList eager_order;
    sql::NodePtr eager_from;
    std::size_t root_index = entities_.size();
    for (std::size_t i = 0; i < entities_.size(); ++i)
        if (entities_[i].mapper) {
            root_index = i;
            break;
        }
    std::vector<LoaderNode> tree;
    if (with_eager && root_index < entities_.size())
        tree = eager_tree(*entities_[root_index].mapper, options_);
    bool limited = limit_ || offset_;
    if (!tree.empty()) {
        const Mapper& root = *entities_[root_index].mapper;
        sql::NodePtr root_from = sql::table(root.table_ptr());
        sql::NodePtr from = root_from;
        // A LIMIT counts parent rows, so collections are not joined under one (SQLAlchemy
        // wraps the limited query in a subquery; ormsh loads them with an IN query instead).
        EagerBuilder builder{built.plan,  columns, from,
                             eager_order, {},      !(limited && has_joined_collection(tree)),
                             {}};
        builder.add(tree, root_index, -1, root_from);
        if (from != root_from) eager_from = from;
    }

    sql::NodePtr select = sql::select(columns);
    if (select_from_) select = sql::select_from(select, select_from_);
    for (const auto& j : joins_)
        select = sql::join(select, j.target, j.onclause, j.isouter, false, true);
    for (const auto& w : where_)
        select = sql::where(select, w);
    if (!group_by_.empty()) select = sql::group_by(select, group_by_);
    for (const auto& h : having_)
        select = sql::having(select, h);
    if (!order_by_.empty()) select = sql::order_by(select, order_by_);
    if (distinct_) select = sql::select_distinct(select);
    if (limit_) select = sql::limit(select, *limit_);
    if (offset_) select = sql::offset(select, *offset_);
    if (eager_from) {
        select = sql::select_from(select, eager_from);
        if (!eager_order.empty()) select = sql::order_by(select, eager_order);
    }
    built.select = select;
    return built;
}

sql::NodePtr Query::statement() const {
    return build(true).select;
}

// --- execution ----------------------------------------------------------------------------------

engine::Result execute_statement(Session& session, const sql::NodePtr& statement,
                                 const sql::ParamMap& params) {
    engine::Connection& conn = session.connection();
    auto started = std::chrono::steady_clock::now();
    sql::Compiled compiled = sql::compile(statement, conn.dialect());
    std::chrono::duration<double> compile_time = std::chrono::steady_clock::now() - started;
    std::vector<engine::Value> values = compiled.bind_values(params);
    for (std::size_t i = 0; i < values.size() && i < compiled.params.size(); ++i)
        engine::convert_bind_value(compiled.params[i].type, conn.dialect().caps(), values[i]);
    std::vector<engine::TypeSpec> types = compiled.result_types();
    std::string label = conn.echoing() ? fmt::format("[generated in {:.5f}s]", compile_time.count())
                                       : std::string();
    return sql::execute_compiled(conn, compiled, statement, params, values, types, label);
}

std::vector<QueryRow> Query::run(const sql::NodePtr& statement, const Built& built) const {
    engine::Result result = execute_statement(*session_, statement);
    Loader loader(*session_, built.plan, entities_.size() == 1 && entities_.front().mapper);
    std::vector<engine::Value> row;
    while (result.next(row))
        loader.add_row(row);
    return loader.finish();
}

std::vector<QueryRow> Query::all() const {
    session_->autoflush_if_enabled();
    Built built = build(true);
    return run(built.select, built);
}

std::optional<QueryRow> Query::first() const {
    auto rows = limit(1).all();
    if (rows.empty()) return std::nullopt;
    return std::move(rows.front());
}

QueryRow Query::one() const {
    auto rows = all();
    if (rows.empty()) throw NoResultFound("No row was found when one was required");
    if (rows.size() > 1)
        throw MultipleResultsFound("Multiple rows were found when exactly one was required");
    return std::move(rows.front());
}

std::optional<QueryRow> Query::one_or_none() const {
    auto rows = all();
    if (rows.size() > 1)
        throw MultipleResultsFound("Multiple rows were found when one or none was required");
    if (rows.empty()) return std::nullopt;
    return std::move(rows.front());
}

std::int64_t Query::count() const {
    session_->autoflush_if_enabled();
    sql::NodePtr inner = build(false).select;
    sql::NodePtr outer = sql::select({sql::label(sql::func("count"), "count_1")});
    outer = sql::select_from(outer, sql::subquery(inner, "anon_1"));
    engine::Result result = execute_statement(*session_, outer);
    std::vector<engine::Value> row;
    if (!result.next(row) || row.empty()) return 0;
    if (auto* n = std::get_if<std::int64_t>(&row[0])) return *n;
    return 0;
}

StateRef Query::get(const std::vector<engine::Value>& primary_key) const {
    const Mapper* mapper = primary_mapper();
    if (!mapper) throw engine::InvalidRequestError("get() needs a query of one mapped class");
    const auto& pk_slots = mapper->primary_key_slots();
    if (primary_key.size() != pk_slots.size())
        throw engine::InvalidRequestError(fmt::format(
            "Incorrect number of values in identifier formed from argument to get(); primary "
            "key columns are {}",
            pk_slots.size()));
    IdentityKey key{mapper, primary_key};
    if (InstanceState* found = session_->lookup(key)) {
        if (found->marked_deleted) return StateRef();
        StateRef ref(found);
        if (found->any_expired()) session_->load_expired(*found);
        return ref;
    }
    Query q = *this;
    for (std::size_t i = 0; i < pk_slots.size(); ++i) {
        // SQLAlchemy's get() binds the key as pk_1, pk_2 ...
        const auto& column = mapper->columns()[pk_slots[i]].column;
        q = q.filter(
            sql::eq(sql::col(column), sql::bindparam("pk", primary_key[i], column->type, true)));
    }
    auto row = q.one_or_none();
    if (!row) return StateRef();
    return std::get<StateRef>(row->items.front());
}

namespace {

// The objects in the session whose rows `query` matches, found by their primary keys.
std::vector<StateRef> matching_objects(const Query& query) {
    const Mapper* mapper = query.primary_mapper();
    std::vector<StateRef> out;
    if (!mapper || query.session().identity_map().size() == 0) return out;
    sql::NodeList pk_columns;
    for (std::size_t slot : mapper->primary_key_slots())
        pk_columns.push_back(sql::col(mapper->columns()[slot].column));
    std::vector<QueryEntity> entities;
    for (std::size_t i = 0; i < pk_columns.size(); ++i)
        entities.push_back(QueryEntity::of(pk_columns[i], "pk"));
    auto rows = query.with_entities(entities).all();
    for (const auto& row : rows) {
        IdentityKey key{mapper, {}};
        for (const auto& item : row.items)
            key.primary_key.push_back(std::get<engine::Value>(item));
        if (InstanceState* state = query.session().lookup(key)) out.emplace_back(state);
    }
    return out;
}

} // namespace

std::int64_t Query::delete_(bool synchronize) const {
    const Mapper* mapper = primary_mapper();
    if (!mapper) throw engine::InvalidRequestError("delete() needs a query of one mapped class");
    session_->autoflush_if_enabled();
    auto matched = synchronize ? matching_objects(*this) : std::vector<StateRef>{};
    sql::NodePtr stmt = sql::delete_(mapper->table_ptr());
    for (const auto& w : where_)
        stmt = sql::where(stmt, w);
    engine::Result result = execute_statement(*session_, stmt);
    for (const auto& ref : matched)
        session_->mark_bulk_deleted(*ref);
    return result.rowcount();
}

std::int64_t Query::update(const std::vector<std::pair<std::string, sql::Operand>>& values,
                           bool synchronize) const {
    const Mapper* mapper = primary_mapper();
    if (!mapper) throw engine::InvalidRequestError("update() needs a query of one mapped class");
    session_->autoflush_if_enabled();
    auto matched = synchronize ? matching_objects(*this) : std::vector<StateRef>{};
    sql::NodePtr stmt = sql::update(mapper->table_ptr());
    sql::ValueMap map;
    for (const auto& [key, value] : values) {
        const ColumnProperty* prop = mapper->column_property(key);
        map.emplace_back(prop ? prop->column->key : key, value);
    }
    stmt = sql::values(stmt, map);
    for (const auto& w : where_)
        stmt = sql::where(stmt, w);
    engine::Result result = execute_statement(*session_, stmt);
    for (const auto& ref : matched) {
        for (const auto& [key, value] : values) {
            const ColumnProperty* prop = mapper->column_property(key);
            if (!prop) continue;
            // Plain values are known; expressions (x = x + 1) are reloaded on next access.
            if (!value.node && !ref->is_modified(prop->slot)) {
                engine::Value v = value.value;
                ref->load_value(prop->slot, std::move(v));
            } else if (!ref->is_modified(prop->slot)) {
                ref->expire(prop->slot);
            }
        }
    }
    return result.rowcount();
}

} // namespace ormsh::orm
