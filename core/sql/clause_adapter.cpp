// The tree rewrite behind clause adaptation: one case per node kind that has children.
#include "core/sql/clause_adapter.h"

#include "core/sql/selectable.h"

namespace ormsh::sql {
namespace {

template <class T> std::shared_ptr<T> copy_of(const NodePtr& n) {
    return std::make_shared<T>(n->as<T>());
}

// Rewrites one child; records whether anything changed.
struct Rewriter {
    const Replacer& replacer;

    NodePtr operator()(const NodePtr& e) { return rewrite(e); }

    NodePtr rewrite(const NodePtr& e) {
        if (!e) return e;
        if (NodePtr r = replacer(e)) return r;
        switch (e->kind) {
        case NodeKind::Binary: {
            const auto& b = e->as<Binary>();
            NodePtr l = rewrite(b.left), r = rewrite(b.right), r2 = rewrite(b.right2);
            if (l == b.left && r == b.right && r2 == b.right2) return e;
            auto c = copy_of<Binary>(e);
            c->left = l;
            c->right = r;
            c->right2 = r2;
            return c;
        }
        case NodeKind::Unary:
            return with_element<Unary>(e, e->as<Unary>().element);
        case NodeKind::AsBoolean:
            return with_element<AsBoolean>(e, e->as<AsBoolean>().element);
        case NodeKind::Grouping:
            if (e->as<Grouping>().element->kind == NodeKind::Select) return e;
            return with_element<Grouping>(e, e->as<Grouping>().element);
        case NodeKind::Label:
            return with_element<Label>(e, e->as<Label>().element);
        case NodeKind::Cast:
            return with_element<Cast>(e, e->as<Cast>().element);
        case NodeKind::ClauseList: {
            const auto& l = e->as<ClauseList>();
            NodeList clauses;
            bool changed = false;
            for (const auto& c : l.clauses) {
                clauses.push_back(rewrite(c));
                changed |= clauses.back() != c;
            }
            NodePtr negation = rewrite(l.negation);
            if (!changed && negation == l.negation) return e;
            auto c = copy_of<ClauseList>(e);
            c->clauses = std::move(clauses);
            c->negation = negation;
            return c;
        }
        case NodeKind::Function: {
            const auto& f = e->as<Function>();
            NodeList args;
            bool changed = false;
            for (const auto& a : f.args) {
                args.push_back(rewrite(a));
                changed |= args.back() != a;
            }
            if (!changed) return e;
            auto c = copy_of<Function>(e);
            c->args = std::move(args);
            return c;
        }
        case NodeKind::Case: {
            const auto& k = e->as<Case>();
            auto c = copy_of<Case>(e);
            bool changed = false;
            c->value = rewrite(k.value);
            c->else_ = rewrite(k.else_);
            changed = c->value != k.value || c->else_ != k.else_;
            for (auto& [when, then] : c->whens) {
                NodePtr w = rewrite(when), t = rewrite(then);
                changed |= w != when || t != then;
                when = w;
                then = t;
            }
            return changed ? NodePtr(c) : e;
        }
        case NodeKind::Join: {
            const auto& j = e->as<Join>();
            NodePtr l = rewrite(j.left), r = rewrite(j.right), on = rewrite(j.onclause);
            if (l == j.left && r == j.right && on == j.onclause) return e;
            auto c = copy_of<Join>(e);
            c->left = l;
            c->right = r;
            c->onclause = on;
            return c;
        }
        default:
            return e;
        }
    }

    template <class T> NodePtr with_element(const NodePtr& e, const NodePtr& element) {
        NodePtr rewritten = rewrite(element);
        if (rewritten == element) return e;
        auto c = copy_of<T>(e);
        c->element = rewritten;
        return c;
    }
};

} // namespace

NodePtr replace(const NodePtr& e, const Replacer& replacer) {
    return Rewriter{replacer}(e);
}

NodePtr adapt_table_columns(const NodePtr& e, const schema::Table& table, const NodePtr& from) {
    return replace(e, [&](const NodePtr& n) -> NodePtr {
        if (n->kind != NodeKind::ColumnRef) return nullptr;
        const auto& ref = n->as<ColumnRef>();
        if (!ref.from || ref.from->kind != NodeKind::TableRef || !ref.column ||
            ref.column->table() != &table)
            return nullptr;
        return corresponding_column(from, *ref.column);
    });
}

NodePtr adapt_to_from(const NodePtr& e, const NodePtr& from) {
    return replace(e, [&](const NodePtr& n) -> NodePtr {
        if (n->kind != NodeKind::ColumnRef) return nullptr;
        const auto& ref = n->as<ColumnRef>();
        if (!ref.from || ref.from->kind != NodeKind::TableRef || !ref.column) return nullptr;
        return corresponding_column(from, *ref.column);
    });
}

} // namespace ormsh::sql
