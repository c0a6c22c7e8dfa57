// Query: the ORM query, as SQLAlchemy's legacy Query (session.query(User).filter(...)) and the
// ORM side of select(User). It holds entities (mapped classes or column expressions), criteria
// and options, builds one sql::Select with SQLAlchemy's <table>_<column> labels, and loads the
// rows into objects through the session's identity map. Every method that changes the query
// returns a new one, so a query can be reused and extended.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/orm/mapper.h"
#include "core/orm/session.h"
#include "core/sql/compiler.h"
#include "core/sql/elements.h"
#include "core/sql/nodes.h"
#include "core/sql/selectable.h"

namespace ormsh::orm {

// One thing a query returns per row: a whole mapped object, or a column expression.
struct QueryEntity {
    const Mapper* mapper = nullptr;
    sql::NodePtr column;
    // The key of a column entity in result rows ("name", "count").
    std::string key;
    // Where a mapped entity's columns come from: its table, or an alias / subquery standing
    // for it (aliased(User), a union's anon_1).
    sql::NodePtr from;

    static QueryEntity of(const Mapper& m, sql::NodePtr from = nullptr) {
        if (!from) from = sql::table(m.table_ptr());
        return QueryEntity{&m, nullptr, m.class_name(), std::move(from)};
    }
    static QueryEntity of(sql::NodePtr expr, std::string key) {
        return QueryEntity{nullptr, std::move(expr), std::move(key), nullptr};
    }
};

// synchronize_session= of a bulk UPDATE / DELETE: 'evaluate', 'fetch' or False.
enum class SynchronizeSession { Evaluate, Fetch, None };

// How the ORM labels selected columns: the legacy Query's <table>_<column> labels, or a
// 2.0-style select()'s bare columns, labelled only to tell repeated names apart.
enum class LabelStyle { TablenamePlusCol, DisambiguateOnly };

// joinedload(User.posts) / selectinload(...) / lazyload(...): a strategy for one relationship
// path (a chain of relationships from the query's first entity).
struct LoaderOption {
    std::vector<const RelationshipProperty*> path;
    LoadStrategy strategy = LoadStrategy::Select;
};

using ResultItem = std::variant<StateRef, engine::Value>;
struct QueryRow {
    std::vector<ResultItem> items;
};

class Query {
public:
    Query(Session& session, std::vector<QueryEntity> entities);

    Session& session() const { return *session_; }
    const std::vector<QueryEntity>& entities() const { return entities_; }
    // The mapper of the first entity, if it is a mapped class (filter_by works on it).
    const Mapper* primary_mapper() const;
    // Row keys, for column queries ("name", "count").
    std::vector<std::string> keys() const;

    // Generative methods ----------------------------------------------------------------------
    Query filter(const sql::NodePtr& criterion) const;
    Query order_by(const sql::NodeList& clauses) const;
    // order_by(None): drops earlier ordering, including a relationship's default order.
    Query reset_order_by() const;
    Query group_by(const sql::NodeList& clauses) const;
    Query having(const sql::NodePtr& criterion) const;
    Query limit(std::optional<std::int64_t> n) const;
    Query offset(std::optional<std::int64_t> n) const;
    Query distinct() const;
    // join(Target) / join(Parent.rel) / join(Target, onclause), as inner or outer join.
    Query join(const sql::NodePtr& target, const sql::NodePtr& onclause, bool isouter) const;
    // join(Parent.rel) / join(Alias, Parent.rel) / join(Parent.rel.of_type(Alias)): `target`
    // is the alias standing for the related class, `parent` the alias the relationship is
    // read from (null: their tables).
    Query join(const RelationshipProperty& rel, bool isouter, const sql::NodePtr& target = nullptr,
               const sql::NodePtr& parent = nullptr) const;
    Query select_from(const sql::NodePtr& from) const;
    Query options(const LoaderOption& option) const;
    Query add_columns(const std::vector<QueryEntity>& entities) const;
    Query with_entities(const std::vector<QueryEntity>& entities) const;
    // Restricts to the children of `parent` along `rel` (with_parent, dynamic relationships).
    Query with_parent(const InstanceState& parent, const RelationshipProperty& rel) const;
    // from_statement(text(...) / a compound select): the statement's rows loaded as this
    // query's entities, their columns matched by name.
    Query from_statement(const sql::NodePtr& statement) const;
    Query with_label_style(LabelStyle style) const;
    // union / union_all / except_ / intersect with other queries: the result is a query of the
    // same entities selected from the compound as the subquery anon_1, to which later
    // criteria are adapted (SQLAlchemy's Query._set_op / _from_selectable).
    Query set_operation(sql::CompoundSelect::Keyword keyword,
                        const std::vector<Query>& others) const;
    // The query's entities selected from `subquery` (a subquery of this query's statement).
    Query from_selectable(const sql::NodePtr& subquery) const;
    std::optional<std::int64_t> limit_value() const { return limit_; }
    std::optional<std::int64_t> offset_value() const { return offset_; }

    // The SELECT this query runs, with its eager-load joins.
    sql::NodePtr statement() const;
    // The SELECT without eager loading (count(), subqueries of set operations).
    sql::NodePtr plain_statement() const;
    // Whether running it joins a collection eagerly, so rows repeat their parent (a 2.0-style
    // result then needs unique()).
    bool joins_collection_eagerly() const;

    // Execution ---------------------------------------------------------------------------------
    std::vector<QueryRow> all() const;
    std::optional<QueryRow> first() const;
    // Exactly one row, else NoResultFound / MultipleResultsFound.
    QueryRow one() const;
    std::optional<QueryRow> one_or_none() const;
    // SELECT count(*) FROM (<this query>) AS anon_1.
    std::int64_t count() const;
    // get(pk): the identity map first, then a SELECT by primary key.
    StateRef get(const std::vector<engine::Value>& primary_key) const;
    // Bulk DELETE / UPDATE with this query's criteria, keeping the objects in the session in
    // step as synchronize_session asks: Evaluate runs the criteria (and SET values) in memory
    // against them, Fetch finds the matching rows' keys (RETURNING where the dialect has it,
    // else a SELECT first), None leaves them as they are. Returns the rowcount.
    std::int64_t delete_(SynchronizeSession sync = SynchronizeSession::Evaluate) const;
    std::int64_t update(const std::vector<std::pair<std::string, sql::Operand>>& values,
                        SynchronizeSession sync = SynchronizeSession::Evaluate) const;

private:
    struct Built;
    Built build(bool with_eager) const;
    std::vector<QueryRow> run(const sql::NodePtr& statement, const Built& built) const;
    std::vector<QueryRow> load_from_statement() const;

    Session* session_;
    std::vector<QueryEntity> entities_;
    sql::NodeList where_;
    sql::NodeList order_by_;
    bool order_by_reset_ = false;
    sql::NodeList group_by_;
    sql::NodeList having_;
    std::optional<std::int64_t> limit_, offset_;
    bool distinct_ = false;
    struct JoinSpec {
        sql::NodePtr target;
        sql::NodePtr onclause;
        bool isouter;
    };
    std::vector<JoinSpec> joins_;
    sql::NodePtr select_from_;
    std::vector<LoaderOption> options_;
    LabelStyle label_style_ = LabelStyle::TablenamePlusCol;
    // The subquery criteria are adapted to (from_selectable).
    sql::NodePtr adapt_to_;
    sql::NodePtr from_statement_;
};

// Loads a relationship of a persistent object with its lazy strategy (SELECT on access;
// many-to-one tries the identity map first). Installed as Session::relationship_loader.
void lazy_load(InstanceState& state, const RelationshipProperty& rel);

// Compiles and runs a statement on the session's connection, echoing as SQLAlchemy does.
engine::Result execute_statement(Session& session, const sql::NodePtr& statement,
                                 const sql::ParamMap& params = {});

} // namespace ormsh::orm
