// Query: building the ORM SELECT (entity labels, eager joins) and the bulk DELETE / UPDATE.
#include "core/orm/query.h"

#include "core/engine/result.h"
#include "core/orm/criteria_evaluator.h"
#include "core/orm/eager_plan.h"
#include "core/orm/errors.h"
#include "core/orm/join_condition.h"
#include "core/orm/loading.h"
#include "core/orm/relationship_join.h"
#include "core/sql/clause_adapter.h"
#include "core/sql/compound_select.h"
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

Query Query::join(const RelationshipProperty& rel, bool isouter, const sql::NodePtr& target,
                  const sql::NodePtr& parent) const {
    Query q = *this;
    for (auto& [from, on] : relationship_join_steps(rel, target, parent))
        q.joins_.push_back(JoinSpec{from, on, isouter});
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

Query Query::from_statement(const sql::NodePtr& statement) const {
    Query q = *this;
    q.from_statement_ = statement;
    return q;
}

Query Query::with_label_style(LabelStyle style) const {
    Query q = *this;
    q.label_style_ = style;
    return q;
}

Query Query::set_operation(sql::CompoundSelect::Keyword keyword,
                           const std::vector<Query>& others) const {
    sql::NodeList selects{plain_statement()};
    for (const auto& other : others)
        selects.push_back(other.plain_statement());
    return from_selectable(sql::subquery(sql::compound(keyword, selects)));
}

Query Query::from_selectable(const sql::NodePtr& subquery) const {
    Query q(*session_, {});
    q.label_style_ = label_style_;
    q.options_ = options_;
    q.adapt_to_ = subquery;
    for (const auto& e : entities_) {
        if (e.mapper) {
            q.entities_.push_back(QueryEntity::of(*e.mapper, subquery));
            continue;
        }
        // A labelled column comes back as the subquery's column, labelled after it.
        sql::NodePtr column = e.column;
        if (column->kind == sql::NodeKind::Label &&
            column->as<sql::Label>().element->kind == sql::NodeKind::ColumnRef) {
            const auto& ref = column->as<sql::Label>().element->as<sql::ColumnRef>();
            if (ref.column)
                if (sql::NodePtr inner = sql::corresponding_column(subquery, *ref.column)) {
                    q.entities_.push_back(QueryEntity::of(
                        sql::alias_label(inner, subquery, inner->as<sql::ColumnRef>().name),
                        e.key));
                    continue;
                }
        }
        q.entities_.push_back(QueryEntity::of(sql::adapt_to_from(column, subquery), e.key));
    }
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

// Whether two selected columns are the same one (same label, or the same bare column).
bool same_selected(const sql::NodePtr& a, const sql::NodePtr& b) {
    if (a->kind != b->kind) return false;
    if (a->kind == sql::NodeKind::Label) {
        const auto& la = a->as<sql::Label>();
        const auto& lb = b->as<sql::Label>();
        return !la.name.empty() && la.name == lb.name && la.alias_prefix == lb.alias_prefix;
    }
    if (a->kind == sql::NodeKind::ColumnRef) {
        const auto& ca = a->as<sql::ColumnRef>();
        const auto& cb = b->as<sql::ColumnRef>();
        return ca.name == cb.name && sql::same_from(ca.from, cb.from);
    }
    return false;
}

// Appends a mapped entity's columns, reusing a column already selected (a selectin query
// selects the foreign key first, then the entity without it, as SQLAlchemy's SELECT
// deduplicates); records where each slot sits when not contiguous.
EntitySpan append_entity(const QueryEntity& entity, LabelStyle style, sql::NodeList& columns) {
    sql::NodeList own;
    append_entity_columns(*entity.mapper, entity.from, style, own);
    EntitySpan span{entity.mapper, columns.size(), own.size(), {}};
    std::vector<std::size_t> positions;
    bool reused = false;
    for (const auto& column : own) {
        std::size_t found = columns.size();
        for (std::size_t i = 0; i < columns.size(); ++i)
            if (same_selected(columns[i], column)) found = i;
        if (found == columns.size())
            columns.push_back(column);
        else
            reused = true;
        positions.push_back(found);
    }
    if (reused) span.positions = std::move(positions);
    return span;
}

bool has_joined_collection(const std::vector<LoaderNode>& nodes) {
    for (const auto& n : nodes)
        if (n.strategy == LoadStrategy::Joined &&
            (n.rel->uselist() || has_joined_collection(n.children)))
            return true;
    return false;
}

// Adds the LEFT OUTER JOINs, columns and ORDER BY of joined eager nodes below `parent_from`
// (the entity's table or alias, or a parent eager alias), and the selectin relationships to
// the plan. The eager aliases are anonymous: the compiler names them users_1, addresses_1 ...
// in the order their columns render, as SQLAlchemy's do.
struct EagerBuilder {
    LoadPlan& plan;
    sql::NodeList& columns;
    sql::NodePtr& from;
    sql::NodeList& order;
    LabelStyle style;
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
        sql::NodePtr alias = sql::alias(sql::table(target.table_ptr()));
        sql::NodePtr right = alias;
        RelationshipJoin on;
        if (rel.direction() == Direction::ManyToMany) {
            sql::NodePtr secondary = sql::alias(sql::table(rel.config().secondary));
            on = relationship_join(rel, parent_from, alias, secondary);
            right = sql::join(secondary, alias, on.secondary_on);
        } else {
            on = relationship_join(rel, parent_from, alias);
        }
        from = sql::outerjoin(from, right, on.parent_on);
        for (const auto& clause : rel.config().order_by)
            order.push_back(adapt_to_alias(clause, target.table(), alias));

        int index = static_cast<int>(plan.eager.size());
        plan.eager.push_back(EagerSpan{&rel, entity, parent_eager, 0});
        // SQLAlchemy renders a nested eager entity's columns before its parent's: children's
        // joins follow this one, their columns come first.
        sql::NodeList own;
        append_entity_columns(target, alias, style, own);
        add(node.children, entity, index, alias);
        plan.eager[static_cast<std::size_t>(index)].first = columns.size();
        columns.insert(columns.end(), own.begin(), own.end());
    }
};

} // namespace

Query::Built Query::build(bool with_eager) const {
    std::size_t root_index = entities_.size();
    for (std::size_t i = 0; i < entities_.size(); ++i)
        if (entities_[i].mapper) {
            root_index = i;
            break;
        }
    std::vector<LoaderNode> tree;
    if (with_eager && root_index < entities_.size())
        tree = eager_tree(*entities_[root_index].mapper, options_);
    if ((limit_ || offset_) && has_joined_collection(tree)) {
        // A LIMIT counts parent rows: the limited query becomes a subquery, and the
        // collections are joined to it (SQLAlchemy's eager-join wrapping).
        Query inner = *this;
        inner.options_.clear();
        Query outer = from_selectable(sql::subquery(inner.build(false).select));
        outer.order_by_ = order_by_;
        outer.order_by_reset_ = order_by_reset_;
        return outer.build(true);
    }
    auto adapted = [&](const sql::NodePtr& e) {
        return adapt_to_ ? sql::adapt_to_from(e, adapt_to_) : e;
    };
    auto adapted_list = [&](const sql::NodeList& list) {
        sql::NodeList out;
        for (const auto& e : list)
            out.push_back(adapted(e));
        return out;
    };

    Built built;
    sql::NodeList columns;
    for (const auto& entity : entities_) {
        if (entity.mapper) {
            built.plan.entities.push_back(append_entity(entity, label_style_, columns));
        } else {
            built.plan.entities.push_back(EntitySpan{nullptr, columns.size(), 1, {}});
            columns.push_back(entity.column);
        }
    }

    sql::NodeList eager_order;
    sql::NodePtr eager_from;
    if (!tree.empty()) {
        sql::NodePtr root_from = entities_[root_index].from;
        sql::NodePtr from = root_from;
        EagerBuilder builder{built.plan, columns, from, eager_order, label_style_, true};
        builder.add(tree, root_index, -1, root_from);
        if (from != root_from) eager_from = from;
    }

    sql::NodePtr select = sql::select(columns);
    if (select_from_) select = sql::select_from(select, select_from_);
    if (adapt_to_ && !select_from_) select = sql::select_from(select, adapt_to_);
    for (const auto& j : joins_)
        select = sql::join(select, j.target, adapted(j.onclause), j.isouter, false, true);
    for (const auto& w : where_)
        select = sql::where(select, adapted(w));
    if (!group_by_.empty()) select = sql::group_by(select, adapted_list(group_by_));
    for (const auto& h : having_)
        select = sql::having(select, adapted(h));
    if (!order_by_.empty()) select = sql::order_by(select, adapted_list(order_by_));
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

sql::NodePtr Query::plain_statement() const {
    return build(false).select;
}

bool Query::joins_collection_eagerly() const {
    const Mapper* root = nullptr;
    for (const auto& e : entities_)
        if (e.mapper) {
            root = e.mapper;
            break;
        }
    return root && has_joined_collection(eager_tree(*root, options_));
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
    while (result.advance())
        loader.add_row(result);
    return loader.finish();
}

std::vector<QueryRow> Query::all() const {
    session_->autoflush_if_enabled();
    if (from_statement_) return load_from_statement();
    Built built = build(true);
    return run(built.select, built);
}

std::vector<QueryRow> Query::load_from_statement() const {
    engine::Result result = execute_statement(*session_, from_statement_);
    std::vector<std::string> keys = result.keys();
    auto position = [&](const std::string& name) {
        for (std::size_t i = 0; i < keys.size(); ++i)
            if (keys[i] == name) return i;
        throw engine::InvalidRequestError(
            fmt::format("Could not locate column in row for column '{}'", name));
    };
    Built built;
    for (const auto& entity : entities_) {
        if (!entity.mapper) {
            built.plan.entities.push_back(EntitySpan{nullptr, position(entity.key), 1, {}});
            continue;
        }
        EntitySpan span{entity.mapper, 0, entity.mapper->columns().size(), {}};
        for (const auto& prop : entity.mapper->columns())
            span.positions.push_back(position(prop.column->name));
        built.plan.entities.push_back(std::move(span));
    }
    Loader loader(*session_, built.plan, entities_.size() == 1 && entities_.front().mapper);
    while (result.advance())
        loader.add_row(result);
    return loader.finish();
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
    outer = sql::select_from(outer, sql::subquery(inner));
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

// The objects in the session whose rows `query` matches, found by their primary keys (a SELECT
// before the statement: 'fetch' where the dialect has no UPDATE ... RETURNING).
std::vector<StateRef> matching_objects(const Query& query) {
    const Mapper* mapper = query.primary_mapper();
    std::vector<StateRef> out;
    if (!mapper || query.session().identity_map().size() == 0) return out;
    std::vector<QueryEntity> entities;
    for (std::size_t slot : mapper->primary_key_slots())
        entities.push_back(QueryEntity::of(sql::col(mapper->columns()[slot].column), "pk"));
    auto rows = query.with_entities(entities).with_label_style(LabelStyle::DisambiguateOnly).all();
    for (const auto& row : rows) {
        IdentityKey key{mapper, {}};
        for (const auto& item : row.items)
            key.primary_key.push_back(std::get<engine::Value>(item));
        if (InstanceState* state = query.session().lookup(key)) out.emplace_back(state);
    }
    return out;
}

// The objects of `mapper` in the session the criteria select, evaluated in memory.
std::vector<StateRef> evaluated_objects(Session& session, const Mapper& mapper,
                                        const sql::NodeList& criteria) {
    std::vector<StateRef> out;
    sql::NodePtr all = criteria.empty()       ? nullptr
                       : criteria.size() == 1 ? criteria.front()
                                              : sql::and_(criteria);
    try {
        for (InstanceState* state : session.identity_map().states()) {
            if (&state->mapper() != &mapper || state->marked_deleted) continue;
            if (!all || evaluate_criterion(all, *state).value_or(false)) out.emplace_back(state);
        }
    } catch (const UnevaluatableError& e) {
        throw engine::InvalidRequestError(
            fmt::format("Could not evaluate current criteria in Python: \"{}\". Specify 'fetch' "
                        "or False for the synchronize_session execution option.",
                        e.what()));
    }
    return out;
}

// Runs a bulk UPDATE / DELETE; with `fetch_keys` it RETURNs the primary keys of the rows it
// touched and looks them up in the session.
engine::Result run_bulk(Session& session, const Mapper& mapper, sql::NodePtr stmt, bool fetch_keys,
                        std::vector<StateRef>& matched) {
    if (fetch_keys) {
        sql::NodeList pk;
        for (std::size_t slot : mapper.primary_key_slots())
            pk.push_back(sql::col(mapper.columns()[slot].column));
        stmt = sql::returning(stmt, pk);
    }
    engine::Result result = execute_statement(session, stmt);
    if (fetch_keys) {
        std::vector<engine::Value> row;
        while (result.next(row)) {
            IdentityKey key{&mapper, row};
            if (InstanceState* state = session.lookup(key)) matched.emplace_back(state);
        }
    }
    return result;
}

} // namespace

std::int64_t Query::delete_(SynchronizeSession sync) const {
    const Mapper* mapper = primary_mapper();
    if (!mapper) throw engine::InvalidRequestError("delete() needs a query of one mapped class");
    session_->autoflush_if_enabled();
    bool returning =
        sync == SynchronizeSession::Fetch && session_->connection().dialect().caps().full_returning;
    std::vector<StateRef> matched;
    if (sync == SynchronizeSession::Evaluate)
        matched = evaluated_objects(*session_, *mapper, where_);
    else if (sync == SynchronizeSession::Fetch && !returning)
        matched = matching_objects(*this);
    sql::NodePtr stmt = sql::delete_(mapper->table_ptr());
    for (const auto& w : where_)
        stmt = sql::where(stmt, w);
    engine::Result result = run_bulk(*session_, *mapper, stmt, returning, matched);
    for (const auto& ref : matched)
        session_->mark_bulk_deleted(*ref);
    return result.rowcount();
}

std::int64_t Query::update(const std::vector<std::pair<std::string, sql::Operand>>& values,
                           SynchronizeSession sync) const {
    const Mapper* mapper = primary_mapper();
    if (!mapper) throw engine::InvalidRequestError("update() needs a query of one mapped class");
    session_->autoflush_if_enabled();
    bool returning =
        sync == SynchronizeSession::Fetch && session_->connection().dialect().caps().full_returning;
    std::vector<StateRef> matched;
    if (sync == SynchronizeSession::Evaluate)
        matched = evaluated_objects(*session_, *mapper, where_);
    else if (sync == SynchronizeSession::Fetch && !returning)
        matched = matching_objects(*this);
    // The new values as the matched objects will see them, worked out before the UPDATE
    // changes nothing in memory: plain values as given, expressions evaluated per object
    // (expired when they cannot be).
    struct NewValue {
        StateRef state;
        std::size_t slot;
        std::optional<engine::Value> value;
    };
    auto new_values = [&](const std::vector<StateRef>& objects) {
        std::vector<NewValue> out;
        for (const auto& ref : objects)
            for (const auto& [key, value] : values) {
                const ColumnProperty* prop = mapper->column_property(key);
                if (!prop || ref->is_modified(prop->slot)) continue;
                std::optional<engine::Value> v;
                if (!value.node) {
                    v = value.value;
                } else {
                    try {
                        v = evaluate_value(value.node, *ref);
                    } catch (const UnevaluatableError&) {
                    }
                }
                out.push_back(NewValue{ref, prop->slot, std::move(v)});
            }
        return out;
    };
    std::vector<NewValue> changes = new_values(matched);
    sql::NodePtr stmt = sql::update(mapper->table_ptr());
    sql::ValueMap map;
    for (const auto& [key, value] : values) {
        const ColumnProperty* prop = mapper->column_property(key);
        map.emplace_back(prop ? prop->column->key : key, value);
    }
    stmt = sql::values(stmt, map);
    for (const auto& w : where_)
        stmt = sql::where(stmt, w);
    std::vector<StateRef> returned;
    engine::Result result = run_bulk(*session_, *mapper, stmt, returning, returned);
    if (returning) changes = new_values(returned);
    for (auto& change : changes) {
        if (change.value)
            change.state->load_value(change.slot, std::move(*change.value));
        else
            change.state->expire(change.slot);
    }
    return result.rowcount();
}

} // namespace ormsh::orm
