// The eager-loading tree of a query: which relationships below its entity load together with
// it (joined into the same SELECT, or by one extra IN query per relationship), from the
// query's options and each relationship's own lazy= setting.
#pragma once

#include "core/orm/query.h"

#include <vector>

namespace ormsh::orm {

struct LoaderNode {
    const RelationshipProperty* rel;
    LoadStrategy strategy; // Joined or Selectin
    std::vector<LoaderNode> children;
};

// Explicit options (paths from `mapper`, as joinedload(A.b).selectinload(B.c) gives) win over
// a relationship's lazy= default. Defaults stop where the target mapper is already on the path,
// as SQLAlchemy's eager loaders do without join_depth, so self-referential lazy='joined'
// loads one level.
std::vector<LoaderNode> eager_tree(const Mapper& mapper, const std::vector<LoaderOption>& options);

// The options a query of `node`'s target needs to load the node's children (paths re-rooted
// at the target), for a selectin query that carries the tree on.
std::vector<LoaderOption> options_below(const LoaderNode& node);

} // namespace ormsh::orm
