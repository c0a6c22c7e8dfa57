// Rewriting expressions: a generic bottom-up replacement, and the adaptation SQLAlchemy's
// ClauseAdapter performs when an entity is selected from an alias or a subquery instead of
// its table (aliased(User), query.union(...)): each column of the table becomes the
// corresponding column of that FROM clause.
#pragma once

#include "core/sql/nodes.h"

#include <functional>

namespace ormsh::sql {

// Asked about every node before its children: a non-null answer replaces the node as is.
using Replacer = std::function<NodePtr(const NodePtr&)>;

// Rewrites `e`, copying only the nodes on the path to a replacement. Nested statements
// (scalar subqueries, EXISTS, IN (SELECT ...)) are left alone.
NodePtr replace(const NodePtr& e, const Replacer& replacer);

// Column references to `table` become the columns of `from` that correspond to them (same
// schema column); references `from` cannot provide are kept.
NodePtr adapt_table_columns(const NodePtr& e, const schema::Table& table, const NodePtr& from);

// Column references to any table become the columns of `from` that correspond to them, for
// criteria on a query selected from a subquery of itself.
NodePtr adapt_to_from(const NodePtr& e, const NodePtr& from);

} // namespace ormsh::sql
