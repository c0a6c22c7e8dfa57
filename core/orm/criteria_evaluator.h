// synchronize_session='evaluate': the WHERE criteria of a bulk UPDATE / DELETE, and the
// values of its SET clause, evaluated in memory against the objects already in the session,
// as SQLAlchemy's evaluator does, so matching objects follow the statement without another
// query. Supports columns of the mapped table, bound values, comparisons, IS, IN, AND / OR /
// NOT and arithmetic; anything else cannot be evaluated.
#pragma once

#include "core/orm/instance_state.h"
#include "core/sql/nodes.h"

#include <optional>

namespace ormsh::orm {

// Thrown for a construct the evaluator does not know (SQLAlchemy's UnevaluatableError).
struct UnevaluatableError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Whether `state` matches `criterion`; nullopt when a column it needs is not loaded.
std::optional<bool> evaluate_criterion(const sql::NodePtr& criterion, const InstanceState& state);

// The value `expr` has for `state` (users.age + 1); nullopt when it needs an unloaded column.
std::optional<engine::Value> evaluate_value(const sql::NodePtr& expr, const InstanceState& state);

} // namespace ormsh::orm
