// Building column expressions: the functions behind Python's operators on columns
// (users.c.name == 'x', a & b, ~c, col.in_([...]), func.count(), label, cast, case ...). They
// apply SQLAlchemy's coercions as they build: Python values become bound parameters typed
// after the other side, == None becomes IS NULL, + on strings becomes ||, and sub-expressions
// are wrapped in Grouping where precedence requires, so the compiler only renders.
#pragma once

#include "core/sql/nodes.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ormsh::sql {

// Either side of an operator: an expression, or a plain value to bind.
struct Operand {
    NodePtr node;
    Value value;
    Operand(NodePtr n) : node(std::move(n)) {}
    Operand(Value v) : value(std::move(v)) {}
    Operand(std::nullptr_t) : value(engine::Null{}) {}
    Operand(bool b) : value(b) {}
    Operand(int i) : value(std::int64_t{i}) {}
    Operand(std::int64_t i) : value(i) {}
    Operand(double d) : value(d) {}
    Operand(const char* s) : value(std::string(s)) {}
    Operand(std::string s) : value(std::move(s)) {}
};

// ---- leaves -------------------------------------------------------------------------------

// A bound literal value (SQLAlchemy's literal()): renders as :param_N.
NodePtr literal(Value v, std::optional<TypeSpec> type = std::nullopt);
// bindparam('key', value): a parameter with a fixed name; without a value it is a slot filled
// from the execution parameters.
NodePtr bindparam(std::string key, std::optional<Value> value = std::nullopt,
                  std::optional<TypeSpec> type = std::nullopt, bool unique = false);
NodePtr null();
NodePtr true_();
NodePtr false_();
NodePtr literal_column(std::string text, TypeSpec type = {});
NodePtr text(std::string sql);
// column('x'): a column with no table.
NodePtr column(std::string name, TypeSpec type = {});
// The type SQLAlchemy infers for a Python value (int -> Integer, str -> String ...).
TypeSpec type_for_value(const Value& v);

// Coerces an operand into an expression; values become binds named after `against`.
NodePtr coerce(const Operand& o, const NodePtr& against = nullptr);

// ---- operators ----------------------------------------------------------------------------

NodePtr binary(const NodePtr& left, Op op, const Operand& right);
NodePtr eq(const NodePtr& l, const Operand& r);
NodePtr ne(const NodePtr& l, const Operand& r);
NodePtr lt(const NodePtr& l, const Operand& r);
NodePtr le(const NodePtr& l, const Operand& r);
NodePtr gt(const NodePtr& l, const Operand& r);
NodePtr ge(const NodePtr& l, const Operand& r);
NodePtr is_(const NodePtr& l, const Operand& r);
NodePtr is_not(const NodePtr& l, const Operand& r);
NodePtr like(const NodePtr& l, const Operand& r);
NodePtr not_like(const NodePtr& l, const Operand& r);
NodePtr ilike(const NodePtr& l, const Operand& r);
NodePtr not_ilike(const NodePtr& l, const Operand& r);
NodePtr startswith(const NodePtr& l, const Operand& r);
NodePtr endswith(const NodePtr& l, const Operand& r);
NodePtr contains(const NodePtr& l, const Operand& r);
// With `key`, the expanding parameter has that fixed name (SQLAlchemy's selectin loader
// binds "primary_keys": primary_keys_1, primary_keys_2 ...).
NodePtr in_(const NodePtr& l, std::vector<Value> values, const std::string& key = {});
NodePtr in_(const NodePtr& l, const NodePtr& select_or_list);
NodePtr not_in(const NodePtr& l, std::vector<Value> values);
NodePtr between(const NodePtr& l, const Operand& lower, const Operand& upper);
NodePtr is_distinct_from(const NodePtr& l, const Operand& r);
NodePtr is_not_distinct_from(const NodePtr& l, const Operand& r);
// col.op('&')(r): a custom binary operator, grouped like SQLAlchemy's (precedence 0).
NodePtr custom_op(const NodePtr& l, std::string op_text, const Operand& r);
// + - * / % ; add() on string-typed operands becomes || (concat).
NodePtr add(const NodePtr& l, const Operand& r);
NodePtr sub(const NodePtr& l, const Operand& r);
NodePtr mul(const NodePtr& l, const Operand& r);
NodePtr div(const NodePtr& l, const Operand& r);
NodePtr mod(const NodePtr& l, const Operand& r);
NodePtr concat(const NodePtr& l, const Operand& r);
// 5 + col (Python's __radd__): the value goes on the left.
NodePtr reverse_binary(const Operand& l, Op op, const NodePtr& r);
NodePtr neg(const NodePtr& e);

NodePtr and_(const NodeList& clauses);
NodePtr or_(const NodeList& clauses);
// not_(x) / ~x: negates comparisons in place (= to !=, LIKE to NOT LIKE, IN to NOT IN).
NodePtr not_(const NodePtr& e);
// A copy of an AND/OR list whose negation renders as `negation`.
NodePtr with_negation(const NodePtr& list, NodePtr negation);

NodePtr desc(const NodePtr& e);
NodePtr asc(const NodePtr& e);
NodePtr nulls_first(const NodePtr& e);
NodePtr nulls_last(const NodePtr& e);
NodePtr distinct(const NodePtr& e);

// ---- functions, labels, CAST, CASE ----------------------------------------------------------

// func.<name>(args...): count() with no arguments renders count(*). The result type follows
// SQLAlchemy's known functions (count -> Integer, sum/max/min/coalesce -> first argument's).
NodePtr func(std::string name, const std::vector<Operand>& args = {});
NodePtr label(const NodePtr& e, std::string name);
// expr AS <alias name>_<name>, named when the alias is (users_1_id, anon_1_users_id).
NodePtr alias_label(const NodePtr& e, const NodePtr& alias, std::string name);
NodePtr cast(const NodePtr& e, TypeSpec type);
// case((cond, value), ..., else_=...) and case({...}, value=expr).
NodePtr case_(const std::vector<std::pair<Operand, Operand>>& whens,
              const std::optional<Operand>& else_ = std::nullopt, const NodePtr& value = nullptr);

// ---- grouping rules -------------------------------------------------------------------------

// Wraps `e` in Grouping (or AsBoolean for a bare boolean column in a condition) when it must
// be parenthesised inside an `against` expression; SQLAlchemy's self_group().
NodePtr self_group(const NodePtr& e, Op against);
// and_() / where() clause processing: drops true, collapses on false, groups each clause.
NodeList process_boolean_clauses(Op op, const NodeList& clauses, Op* against_used = nullptr);
// The name a bind compared against `e` is given: the column key, the function name, "param".
std::string bind_key_for(const NodePtr& e);

} // namespace ormsh::sql
