// The ON clauses of a join along a relationship, with each side read from the FROM clause
// that stands for it (the table itself, an aliased() class's alias, an eager loader's
// anonymous alias, or a subquery): Query.join(User.addresses), join(A, User.manager),
// User.addresses.of_type(A) and joined eager loading all build their ON clauses here.
#pragma once

#include "core/orm/relationship.h"
#include "core/sql/nodes.h"

#include <utility>
#include <vector>

namespace ormsh::orm {

struct RelationshipJoin {
    // Many-to-many: parent -> secondary; otherwise parent -> target.
    sql::NodePtr parent_on;
    // Many-to-many only: target <-> secondary.
    sql::NodePtr secondary_on;
};

// Null FROM clauses mean the tables themselves.
RelationshipJoin relationship_join(const RelationshipProperty& rel, const sql::NodePtr& parent_from,
                                   const sql::NodePtr& target_from,
                                   const sql::NodePtr& secondary_from = nullptr);

// The joins that take a query from the relationship's parent to its target: (FROM clause, ON
// clause) pairs, the secondary table first for a many-to-many. `target` / `parent` are the
// aliases standing for either side (null: their tables).
std::vector<std::pair<sql::NodePtr, sql::NodePtr>>
relationship_join_steps(const RelationshipProperty& rel, const sql::NodePtr& target,
                        const sql::NodePtr& parent);

} // namespace ormsh::orm
