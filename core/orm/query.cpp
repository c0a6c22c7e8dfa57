// Query: building the ORM SELECT (entity labels, eager joins) and the bulk DELETE / UPDATE.
#include "core/orm/query.h"

#include <fmt/core.h>

#include "core/engine/result.h"
#include "core/orm/errors.h"
#include "core/orm/loading.h"
#include "core/sql/dml.h"
#include "core/sql/elements.h"
#include "core/sql/selectable.h"

namespace ormsh::orm {

Query::Query(Session& session, std::vector<QueryEntity> entities)
    : session_(&session), entities_(std::move(entities)) {}

const Mapper* Query::primary_mapper() const {
    return entities_.empty() ? nullptr : entities_.front().mapper;
}

std::vector<std::string> Query::keys() const {
    std::vector<std::string> out;
    for (const auto& e : entities_) out.push_back(e.key);
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
            first.push_back(sql::eq(sql::col(pair.referenced), sql::col(pair.referencing)));
        for (const auto& pair : rel.secondary_pairs())
            second.push_back(sql::eq(sql::col(pair.referenced), sql::col(pair.referencing)));
        q.joins_.push_back(JoinSpec{sql::table(secondary), sql::and_(first), isouter});
        q.joins_.push_back(JoinSpec{sql::table(target), sql::and_(second), isouter});
        return q;
    }
    sql::NodeList on;
    for (const auto& pair : rel.pairs())
        on.push_back(sql::eq(sql::col(pair.referenced), sql::col(pair.referencing)));
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

// --- building -------------------------------------------------------------------------------------

struct Query::Built {
    sql::NodePtr select;
    LoadPlan plan;
};

Query::Built Query::build(bool with_eager) const {
    Built built;
    sql::NodeList columns;
    for (const auto& entity : entities_) {
        if (entity.mapper) {
            built.plan.entities.push_back(
                EntitySpan{entity.mapper, columns.size(), entity.mapper->columns().size()});
            append_entity_columns(*entity.mapper, sql::table(entity.mapper->table_ptr()),
                                  entity.mapper->table().name(), columns);
        } else {
            built.plan.entities.push_back(EntitySpan{nullptr, columns.size(), 1});
            columns.push_back(entity.column);
        }
    }

    sql::NodeList eager_order;
    sql::NodePtr eager_from;
    const Mapper* root = primary_mapper();
    if (with_eager && root) {
        int alias_counter = 0;
        for (const auto& option : options_) {
            if (option.path.size() != 1) continue;
            const RelationshipProperty& rel = *option.path.front();
            if (option.strategy != LoadStrategy::Joined) {
                if (option.strategy == LoadStrategy::Selectin)
                    built.plan.selectin.push_back(&rel);
                continue;
            }
            if (rel.direction() == Direction::ManyToMany) {
                built.plan.selectin.push_back(&rel);
                continue;
            }
            const Mapper& target = *rel.target();
            std::string alias_name = target.table().name() + "_" + std::to_string(++alias_counter);
            sql::NodePtr alias = sql::alias(sql::table(target.table_ptr()), alias_name);
            built.plan.eager.push_back(EagerSpan{&rel, 0, columns.size()});
            append_entity_columns(target, alias, alias_name, columns);
            sql::NodeList on;
            for (const auto& pair : rel.pairs()) {
                bool referenced_on_target = rel.direction() == Direction::ManyToOne;
                sql::NodePtr referenced =
                    referenced_on_target ? sql::c(alias, pair.referenced->key)
                                         : sql::col(pair.referenced);
                sql::NodePtr referencing =
                    referenced_on_target ? sql::col(pair.referencing)
                                         : sql::c(alias, pair.referencing->key);
                on.push_back(sql::eq(referenced, referencing));
            }
            sql::NodePtr left = eager_from ? eager_from : sql::table(root->table_ptr());
            eager_from = sql::outerjoin(left, alias, on.size() == 1 ? on.front() : sql::and_(on));
            for (const auto& clause : rel.config().order_by)
                eager_order.push_back(adapt_to_alias(clause, target.table(), alias));
        }
    }

    sql::NodePtr select = sql::select(columns);
    if (select_from_) select = sql::select_from(select, select_from_);
    for (const auto& j : joins_) select = sql::join(select, j.target, j.onclause, j.isouter, false, true);
    for (const auto& w : where_) select = sql::where(select, w);
    if (!group_by_.empty()) select = sql::group_by(select, group_by_);
    for (const auto& h : having_) select = sql::having(select, h);
    if (!order_by_.empty()) select = sql::order_by(select, order_by_);
    if (distinct_) select = sql::select_distinct(select);
    bool limited = limit_ || offset_;
    if (eager_from && limited) {
        // LIMIT applies to the parent rows: limit an inner query of the parents, then join
        // the eager rows to it, as SQLAlchemy does with its anon_1 subquery.
        built.plan.eager.clear();
        built.plan.selectin.clear();
        for (const auto& option : options_)
            if (option.path.size() == 1 &&
                (option.strategy == LoadStrategy::Joined || option.strategy == LoadStrategy::Selectin))
                built.plan.selectin.push_back(option.path.front());
        eager_from = nullptr;
        eager_order.clear();
        columns.resize(built.plan.entities.empty() ? 0
                                                   : built.plan.entities.back().first +
                                                         built.plan.entities.back().count);
    }
    if (limit_) select = sql::limit(select, *limit_);
    if (offset_) select = sql::offset(select, *offset_);
    if (eager_from) {
        select = sql::with_only_columns(select, columns);
        select = sql::select_from(select, eager_from);
        if (!eager_order.empty()) select = sql::order_by(select, eager_order);
    }
    built.select = select;
    return built;
}

sql::NodePtr Query::statement() const { return build(true).select; }

// --- execution ----------------------------------------------------------------------------------

engine::Result execute_statement(Session& session, const sql::NodePtr& statement,
                                 const sql::ParamMap& params) {
    engine::Connection& conn = session.connection();
    sql::Compiled compiled = sql::compile(statement, conn.dialect());
    std::vector<engine::Value> values = compiled.bind_values(params);
    for (std::size_t i = 0; i < values.size() && i < compiled.params.size(); ++i)
        engine::convert_bind_value(compiled.params[i].type, conn.dialect().caps(), values[i]);
    std::vector<engine::TypeSpec> types = compiled.result_types();
    return conn.execute(compiled.sql, values, &types, "[generated]");
}

std::vector<QueryRow> Query::run(const sql::NodePtr& statement, const Built& built) const {
    engine::Result result = execute_statement(*session_, statement);
    Loader loader(*session_, built.plan, entities_.size() == 1 && entities_.front().mapper);
    std::vector<engine::Value> row;
    while (result.next(row)) loader.add_row(row);
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
    if (rows.size() > 1) throw MultipleResultsFound("Multiple rows were found when exactly one was required");
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
    for (std::size_t i = 0; i < pk_slots.size(); ++i)
        q = q.filter(sql::eq(sql::col(mapper->columns()[pk_slots[i]].column), primary_key[i]));
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
        for (const auto& item : row.items) key.primary_key.push_back(std::get<engine::Value>(item));
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
    for (const auto& w : where_) stmt = sql::where(stmt, w);
    engine::Result result = execute_statement(*session_, stmt);
    for (const auto& ref : matched) session_->mark_bulk_deleted(*ref);
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
    for (const auto& w : where_) stmt = sql::where(stmt, w);
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
