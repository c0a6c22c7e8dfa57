// A relationship's primaryjoin / secondaryjoin given as an expression, taken apart the way the
// rest of the ORM uses it: the column equalities become ColumnPairs (what a flush copies and a
// lazy load binds), everything else (Address.email.like('%@x')) stays as extra criteria that
// every load and join of the relationship adds.
#pragma once

#include "core/orm/relationship.h"
#include "core/sql/nodes.h"

#include <functional>
#include <string>
#include <vector>

namespace ormsh::orm {

struct JoinCondition {
    std::vector<ColumnPair> pairs;
    sql::NodeList extra_criteria;
    // Columns written as remote(...): for a self-referential relationship, the far side.
    std::vector<schema::ColumnPtr> remote_columns;
};

// foreign(col) / remote(col) in a primaryjoin: a copy of the column reference, marked so that
// analyze_join_condition takes it as the foreign key side / the remote side. The mark lives
// beside the node (weakly held), so the SQL tree itself is unchanged and compiles as before.
enum class JoinAnnotation { Foreign, Remote };
sql::NodePtr annotate_column(const sql::NodePtr& column, JoinAnnotation annotation);
bool is_annotated(const sql::Node* node, JoinAnnotation annotation);

// Splits `condition` at its ANDs. An equality between two table columns is a pair when one of
// them is the foreign key side: written foreign(...), or named in `foreign_keys` (by
// "table.column" or name) when that is given, else the column with a ForeignKey to the other,
// else the one in `secondary`.
JoinCondition analyze_join_condition(const sql::NodePtr& condition,
                                     const std::vector<std::string>& foreign_keys,
                                     const schema::Table* secondary);

// referenced = referencing, in the order the join condition was written.
sql::NodePtr pair_equals(const ColumnPair& pair, const sql::NodePtr& referenced,
                         const sql::NodePtr& referencing);

// A copy of `clause` with every column reference passed through `replace` (which returns the
// node to use, or null to keep it); shared subtrees without columns are not copied.
sql::NodePtr replace_columns(const sql::NodePtr& clause,
                             const std::function<sql::NodePtr(const sql::ColumnRef&)>& replace);

// `clause` with the columns that a class body compared before their table existed (a bare
// `id` in primaryjoin=...) named through their table now.
sql::NodePtr place_columns(const sql::NodePtr& clause);

// `clause` with the columns of `table` taken from `alias` instead (self-referential joins and
// EXISTS clauses name the target through an alias).
sql::NodePtr adapt_columns_to(const sql::NodePtr& clause, const schema::Table& table,
                              const sql::NodePtr& alias);

} // namespace ormsh::orm
