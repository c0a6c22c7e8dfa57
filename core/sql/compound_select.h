// Compound selects: union(a, b), a.union_all(b), except_, intersect, and the ORDER BY / LIMIT
// of the whole compound. Its result columns, and the columns it exports as a subquery, are
// those of its first member, as in SQLAlchemy.
#pragma once

#include "core/sql/nodes.h"

#include <cstdint>

namespace ormsh::sql {

// A compound of two or more SELECTs (or compounds, which are then parenthesised).
NodePtr compound(CompoundSelect::Keyword keyword, const NodeList& selects);
// "UNION", "UNION ALL", "EXCEPT" ...
const char* compound_keyword(CompoundSelect::Keyword keyword);

NodePtr compound_order_by(const NodePtr& compound, const NodeList& clauses);
NodePtr compound_limit(const NodePtr& compound, const NodePtr& count);
NodePtr compound_offset(const NodePtr& compound, const NodePtr& count);

// The SELECT whose columns a Select or CompoundSelect returns (a compound's first member).
const Select& first_select(const NodePtr& select_or_compound);

} // namespace ormsh::sql
