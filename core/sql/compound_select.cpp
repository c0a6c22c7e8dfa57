// Building compound selects; the compiler renders them in compiler_statements.cpp.
#include "core/sql/compound_select.h"

#include "core/engine/errors.h"

namespace ormsh::sql {
namespace {

std::shared_ptr<CompoundSelect> clone(const NodePtr& n) {
    if (!n || n->kind != NodeKind::CompoundSelect)
        throw engine::ArgumentError("expected a compound SELECT (union, except_, intersect)");
    return std::make_shared<CompoundSelect>(n->as<CompoundSelect>());
}

} // namespace

NodePtr compound(CompoundSelect::Keyword keyword, const NodeList& selects) {
    if (selects.empty()) throw engine::ArgumentError("a compound select needs at least one SELECT");
    for (const auto& s : selects)
        if (!s || (s->kind != NodeKind::Select && s->kind != NodeKind::CompoundSelect))
            throw engine::ArgumentError(
                "union(), except_() and intersect() take SELECT statements");
    auto c = std::make_shared<CompoundSelect>();
    c->keyword = keyword;
    c->selects = selects;
    return c;
}

const char* compound_keyword(CompoundSelect::Keyword keyword) {
    switch (keyword) {
    case CompoundSelect::Keyword::Union:
        return "UNION";
    case CompoundSelect::Keyword::UnionAll:
        return "UNION ALL";
    case CompoundSelect::Keyword::Except:
        return "EXCEPT";
    case CompoundSelect::Keyword::ExceptAll:
        return "EXCEPT ALL";
    case CompoundSelect::Keyword::Intersect:
        return "INTERSECT";
    case CompoundSelect::Keyword::IntersectAll:
        return "INTERSECT ALL";
    }
    return "UNION";
}

NodePtr compound_order_by(const NodePtr& compound_node, const NodeList& clauses) {
    auto c = clone(compound_node);
    for (const auto& clause : clauses)
        if (clause)
            c->order_by.push_back(clause);
        else
            c->order_by.clear(); // order_by(None) resets
    return c;
}

NodePtr compound_limit(const NodePtr& compound_node, const NodePtr& count) {
    auto c = clone(compound_node);
    c->limit = count;
    return c;
}

NodePtr compound_offset(const NodePtr& compound_node, const NodePtr& count) {
    auto c = clone(compound_node);
    c->offset = count;
    return c;
}

const Select& first_select(const NodePtr& node) {
    if (node && node->kind == NodeKind::Select) return node->as<Select>();
    if (node && node->kind == NodeKind::CompoundSelect)
        return first_select(node->as<CompoundSelect>().selects.front());
    throw engine::ArgumentError("expected a SELECT statement");
}

} // namespace ormsh::sql
