// analyze_join_condition and the column-rewriting helpers behind primaryjoin / secondaryjoin.
#include "core/orm/join_condition.h"

#include "core/sql/elements.h"
#include "core/sql/selectable.h"

#include <algorithm>
#include <memory>
#include <utility>

namespace ormsh::orm {
namespace {

// The annotated column references alive, with their marks. Relationship arguments are few, so
// a list pruned of expired entries is enough.
std::vector<std::pair<std::weak_ptr<const sql::Node>, JoinAnnotation>>& annotations() {
    static auto* marks = new std::vector<std::pair<std::weak_ptr<const sql::Node>, JoinAnnotation>>;
    return *marks;
}

// The conjuncts of a condition: a AND (b AND c) gives a, b, c.
void conjuncts(const sql::NodePtr& node, sql::NodeList& out) {
    if (!node) return;
    if (node->is(sql::NodeKind::Grouping)) {
        conjuncts(node->as<sql::Grouping>().element, out);
        return;
    }
    if (node->is(sql::NodeKind::ClauseList) && node->as<sql::ClauseList>().op == sql::Op::and_) {
        for (const auto& clause : node->as<sql::ClauseList>().clauses)
            conjuncts(clause, out);
        return;
    }
    out.push_back(node);
}

// The table column behind a plain column reference (not one of an alias or subquery).
schema::ColumnPtr table_column(const sql::NodePtr& node) {
    if (!node || !node->is(sql::NodeKind::ColumnRef)) return nullptr;
    const auto& ref = node->as<sql::ColumnRef>();
    if (ref.from && !ref.from->is(sql::NodeKind::TableRef)) return nullptr;
    return ref.column && ref.column->table() ? ref.column : nullptr;
}

bool named_in(const std::vector<std::string>& names, const schema::Column& column) {
    return std::find(names.begin(), names.end(), column.fullname()) != names.end() ||
           std::find(names.begin(), names.end(), column.name) != names.end();
}

bool has_key_to(const schema::Column& from, const schema::Column& to) {
    for (const auto& fk : from.foreign_keys()) {
        if (!to.table() || !fk->references(*to.table())) continue;
        if (fk->column().get() == &to) return true;
    }
    return false;
}

// Which side of `a = b` is the foreign key, or none.
std::optional<ColumnPair> pair_of(const sql::Binary& binary, const schema::ColumnPtr& a,
                                  const schema::ColumnPtr& b,
                                  const std::vector<std::string>& foreign_keys,
                                  const schema::Table* secondary) {
    const ColumnPair a_references_b{b, a, true};
    const ColumnPair b_references_a{a, b, false};
    if (is_annotated(binary.left.get(), JoinAnnotation::Foreign)) return a_references_b;
    if (is_annotated(binary.right.get(), JoinAnnotation::Foreign)) return b_references_a;
    if (!foreign_keys.empty()) {
        if (named_in(foreign_keys, *a)) return a_references_b;
        if (named_in(foreign_keys, *b)) return b_references_a;
        return std::nullopt;
    }
    if (has_key_to(*a, *b)) return a_references_b;
    if (has_key_to(*b, *a)) return b_references_a;
    if (secondary && a->table() == secondary) return a_references_b;
    if (secondary && b->table() == secondary) return b_references_a;
    return std::nullopt;
}

} // namespace

sql::NodePtr pair_equals(const ColumnPair& pair, const sql::NodePtr& referenced,
                         const sql::NodePtr& referencing) {
    return pair.referencing_first ? sql::eq(referencing, referenced)
                                  : sql::eq(referenced, referencing);
}

JoinCondition analyze_join_condition(const sql::NodePtr& condition,
                                     const std::vector<std::string>& foreign_keys,
                                     const schema::Table* secondary) {
    JoinCondition result;
    sql::NodeList parts;
    conjuncts(condition, parts);
    for (const auto& part : parts) {
        if (part->is(sql::NodeKind::Binary) && part->as<sql::Binary>().op == sql::Op::eq) {
            const auto& binary = part->as<sql::Binary>();
            schema::ColumnPtr left = table_column(binary.left);
            schema::ColumnPtr right = table_column(binary.right);
            if (left && right) {
                for (const auto& [node, column] : {std::pair{binary.left, left},
                                                   std::pair{binary.right, right}})
                    if (is_annotated(node.get(), JoinAnnotation::Remote))
                        result.remote_columns.push_back(column);
                if (auto pair = pair_of(binary, left, right, foreign_keys, secondary)) {
                    result.pairs.push_back(*pair);
                    continue;
                }
            }
        }
        result.extra_criteria.push_back(place_columns(part));
    }
    return result;
}

sql::NodePtr annotate_column(const sql::NodePtr& column, JoinAnnotation annotation) {
    if (!column || !column->is(sql::NodeKind::ColumnRef)) return column;
    auto copy = std::make_shared<sql::ColumnRef>(column->as<sql::ColumnRef>());
    auto& marks = annotations();
    std::erase_if(marks, [](const auto& mark) { return mark.first.expired(); });
    marks.emplace_back(copy, annotation);
    return copy;
}

bool is_annotated(const sql::Node* node, JoinAnnotation annotation) {
    if (!node) return false;
    for (const auto& [weak, mark] : annotations())
        if (mark == annotation && weak.lock().get() == node) return true;
    return false;
}

sql::NodePtr replace_columns(const sql::NodePtr& clause,
                             const std::function<sql::NodePtr(const sql::ColumnRef&)>& replace) {
    if (!clause) return clause;
    auto sub = [&](const sql::NodePtr& n) { return replace_columns(n, replace); };
    switch (clause->kind) {
    case sql::NodeKind::ColumnRef: {
        sql::NodePtr replaced = replace(clause->as<sql::ColumnRef>());
        return replaced ? replaced : clause;
    }
    case sql::NodeKind::Binary: {
        auto copy = std::make_shared<sql::Binary>(clause->as<sql::Binary>());
        copy->left = sub(copy->left);
        copy->right = sub(copy->right);
        copy->right2 = sub(copy->right2);
        return copy;
    }
    case sql::NodeKind::Unary: {
        auto copy = std::make_shared<sql::Unary>(clause->as<sql::Unary>());
        copy->element = sub(copy->element);
        return copy;
    }
    case sql::NodeKind::AsBoolean: {
        auto copy = std::make_shared<sql::AsBoolean>(clause->as<sql::AsBoolean>());
        copy->element = sub(copy->element);
        return copy;
    }
    case sql::NodeKind::ClauseList: {
        auto copy = std::make_shared<sql::ClauseList>(clause->as<sql::ClauseList>());
        for (auto& c : copy->clauses)
            c = sub(c);
        copy->negation = sub(copy->negation);
        return copy;
    }
    case sql::NodeKind::Grouping: {
        auto copy = std::make_shared<sql::Grouping>(clause->as<sql::Grouping>());
        copy->element = sub(copy->element);
        return copy;
    }
    case sql::NodeKind::Function: {
        auto copy = std::make_shared<sql::Function>(clause->as<sql::Function>());
        for (auto& a : copy->args)
            a = sub(a);
        return copy;
    }
    case sql::NodeKind::Label: {
        auto copy = std::make_shared<sql::Label>(clause->as<sql::Label>());
        copy->element = sub(copy->element);
        return copy;
    }
    case sql::NodeKind::Cast: {
        auto copy = std::make_shared<sql::Cast>(clause->as<sql::Cast>());
        copy->element = sub(copy->element);
        return copy;
    }
    case sql::NodeKind::Case: {
        auto copy = std::make_shared<sql::Case>(clause->as<sql::Case>());
        copy->value = sub(copy->value);
        for (auto& [when, then] : copy->whens) {
            when = sub(when);
            then = sub(then);
        }
        copy->else_ = sub(copy->else_);
        return copy;
    }
    default:
        return clause;
    }
}

sql::NodePtr place_columns(const sql::NodePtr& clause) {
    return replace_columns(clause, [](const sql::ColumnRef& ref) -> sql::NodePtr {
        if (ref.from || !ref.column || !ref.column->table()) return nullptr;
        return sql::col(ref.column);
    });
}

sql::NodePtr adapt_columns_to(const sql::NodePtr& clause, const schema::Table& table,
                              const sql::NodePtr& alias) {
    return replace_columns(clause, [&](const sql::ColumnRef& ref) -> sql::NodePtr {
        if (!ref.column || ref.column->table() != &table) return nullptr;
        if (ref.from && !ref.from->is(sql::NodeKind::TableRef)) return nullptr;
        return sql::c(alias, ref.key);
    });
}

} // namespace ormsh::orm
