// FROM clauses and SELECT statements: tables, aliases, subqueries and joins (with the ON
// clause inferred from foreign keys as SQLAlchemy's join_condition does), and the generative
// Select methods (where, join, order_by, limit ...), each returning a new statement.
#pragma once

#include "core/sql/elements.h"

#include <string>
#include <vector>

namespace ormsh::sql {

// ---- FROM clauses -------------------------------------------------------------------------

NodePtr table(const schema::TablePtr& t);
// from.c[key] for a table, alias or subquery; nullptr when there is no such column.
NodePtr c(const NodePtr& from, std::string_view key);
// table.c.key for a schema table; throws InvalidRequestError naming the missing column.
NodePtr col(const schema::TablePtr& t, std::string_view key);
// The ColumnRef for a schema column, in its own table.
NodePtr col(const schema::ColumnPtr& column);
// All columns a FROM clause exports, in order (select(users) selects these).
NodeList exported_columns(const NodePtr& from);
// users.alias('u2') / users.alias() (anonymous: rendered users_1).
NodePtr alias(const NodePtr& from, std::string name = {});
// select(...).subquery('name') / .subquery() (anonymous: rendered anon_1).
NodePtr subquery(const NodePtr& select, std::string name = {});
// join(a, b, onclause): without an onclause it is inferred from foreign keys.
NodePtr join(const NodePtr& left, const NodePtr& right, const NodePtr& onclause = nullptr,
             bool isouter = false, bool full = false);
NodePtr outerjoin(const NodePtr& left, const NodePtr& right, const NodePtr& onclause = nullptr);
// The ON clause between two FROM clauses from their foreign keys; throws ArgumentError
// (NoForeignKeysError / AmbiguousForeignKeysError) when there is not exactly one.
NodePtr join_condition(const NodePtr& left, const NodePtr& right);
// The column of a FROM clause (table, alias, subquery, join) that stands for the schema
// column `target`, or nullptr (SQLAlchemy's corresponding_column).
NodePtr corresponding_column(const NodePtr& from, const schema::Column& target);
// The schema tables a FROM clause (or a column expression) draws on.
std::vector<const schema::Table*> tables_of(const NodePtr& from);
// Whether two FROM clauses are the same one (tables compare by identity of the schema table).
bool same_from(const NodePtr& a, const NodePtr& b);
// The FROM clauses an expression refers to, in first-seen order, not looking inside
// subqueries (SQLAlchemy's _from_objects).
NodeList from_objects(const NodePtr& e);

// ---- SELECT -------------------------------------------------------------------------------

// select(users.c.id, users.c.name) / select(users): columns may include FROM clauses.
NodePtr select(const NodeList& columns);
// Works on Select, Update and Delete: criteria are ANDed together.
NodePtr where(const NodePtr& stmt, const NodePtr& criterion);
NodePtr having(const NodePtr& select, const NodePtr& criterion);
NodePtr select_from(const NodePtr& select, const NodePtr& from);
// Select.join(target, onclause, isouter): joins from the FROM clause that can reach target.
NodePtr join(const NodePtr& select, const NodePtr& right, const NodePtr& onclause, bool isouter,
             bool full, bool is_select_join);
NodePtr join_from(const NodePtr& select, const NodePtr& left, const NodePtr& right,
                  const NodePtr& onclause = nullptr, bool isouter = false);
NodePtr order_by(const NodePtr& select, const NodeList& clauses);
NodePtr group_by(const NodePtr& select, const NodeList& clauses);
NodePtr limit(const NodePtr& select, const NodePtr& count);
NodePtr limit(const NodePtr& select, std::int64_t count);
NodePtr offset(const NodePtr& select, const NodePtr& count);
NodePtr offset(const NodePtr& select, std::int64_t count);
NodePtr select_distinct(const NodePtr& select);
NodePtr add_columns(const NodePtr& select, const NodeList& columns);
NodePtr with_only_columns(const NodePtr& select, const NodeList& columns);
NodePtr correlate_none(const NodePtr& select);
// (SELECT ...) as a column value.
NodePtr scalar_subquery(const NodePtr& select);
// EXISTS (SELECT ...); exists() with no select is EXISTS (SELECT * ...) to be completed by
// where().
NodePtr exists(const NodePtr& select = nullptr);
// exists().where(...): adds criteria to the select inside an EXISTS.
NodePtr exists_where(const NodePtr& exists_node, const NodePtr& criterion);

// The expanded list of selected column expressions (tables replaced by their columns).
NodeList expanded_columns(const Select& select);

} // namespace ormsh::sql
