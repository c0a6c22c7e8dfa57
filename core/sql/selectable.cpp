// FROM clause construction, foreign-key join inference and the generative Select methods.
#include "core/sql/selectable.h"

#include "core/engine/errors.h"
#include "core/schema/types.h"
#include "core/sql/compound_select.h"

#include <algorithm>

namespace ormsh::sql {
namespace {

template <class T> std::shared_ptr<T> clone(const NodePtr& n) {
    return std::make_shared<T>(n->as<T>());
}

const Select& as_select(const NodePtr& n, const char* what) {
    if (!n || n->kind != NodeKind::Select)
        throw engine::ArgumentError(std::string(what) + "() requires a SELECT statement");
    return n->as<Select>();
}

// A foreign key as seen from a FROM clause: the key and its parent column in that clause.
struct FromForeignKey {
    std::shared_ptr<schema::ForeignKey> fk;
    NodePtr parent;
    const void* constraint;
};

void collect_foreign_keys(const NodePtr& from, std::vector<FromForeignKey>& out) {
    switch (from->kind) {
    case NodeKind::TableRef:
    case NodeKind::Alias: {
        const schema::Table* t = nullptr;
        if (from->kind == NodeKind::TableRef)
            t = from->as<TableRef>().table.get();
        else if (from->as<Alias>().element->kind == NodeKind::TableRef)
            t = from->as<Alias>().element->as<TableRef>().table.get();
        if (!t) return;
        for (const auto* fkc : t->foreign_key_constraints())
            for (const auto& fk : fkc->elements)
                if (fk->parent()) out.push_back({fk, c(from, fk->parent()->key), fkc});
        return;
    }
    case NodeKind::Join:
        collect_foreign_keys(from->as<Join>().left, out);
        collect_foreign_keys(from->as<Join>().right, out);
        return;
    default:
        return;
    }
}

// The column of `from` that corresponds to the schema column `target`, or nullptr.
NodePtr corresponding_in(const NodePtr& from, const schema::Column& target) {
    switch (from->kind) {
    case NodeKind::TableRef:
        if (from->as<TableRef>().table.get() == target.table()) return c(from, target.key);
        return nullptr;
    case NodeKind::Alias:
        for (const auto& ec : from->as<Alias>().columns)
            if (ec.column.get() == &target) return c(from, ec.key);
        return nullptr;
    case NodeKind::Join:
        if (auto l = corresponding_in(from->as<Join>().left, target)) return l;
        return corresponding_in(from->as<Join>().right, target);
    default:
        return nullptr;
    }
}

std::string from_description(const NodePtr& from) {
    switch (from->kind) {
    case NodeKind::TableRef:
        return from->as<TableRef>().table->name();
    case NodeKind::Alias:
        return from->as<Alias>().name.empty() ? "anon" : from->as<Alias>().name;
    case NodeKind::Join:
        return "Join object on " + from_description(from->as<Join>().left) + " and " +
               from_description(from->as<Join>().right);
    default:
        return "?";
    }
}

bool can_join(const NodePtr& a, const NodePtr& b) {
    try {
        join_condition(a, b);
        return true;
    } catch (const engine::ArgumentError& e) {
        return std::string(e.what()).find("more than one") != std::string::npos;
    }
}

void add_unique_from(NodeList& out, const NodePtr& f) {
    for (const auto& existing : out)
        if (same_from(existing, f)) return;
    out.push_back(f);
}

void collect_from_objects(const NodePtr& e, NodeList& out) {
    if (!e) return;
    switch (e->kind) {
    case NodeKind::ColumnRef:
        if (e->as<ColumnRef>().from) add_unique_from(out, e->as<ColumnRef>().from);
        return;
    case NodeKind::TableRef:
    case NodeKind::Alias:
    case NodeKind::Join:
        add_unique_from(out, e);
        return;
    case NodeKind::Binary:
        collect_from_objects(e->as<Binary>().left, out);
        collect_from_objects(e->as<Binary>().right, out);
        collect_from_objects(e->as<Binary>().right2, out);
        return;
    case NodeKind::Unary:
        collect_from_objects(e->as<Unary>().element, out);
        return;
    case NodeKind::AsBoolean:
        collect_from_objects(e->as<AsBoolean>().element, out);
        return;
    case NodeKind::ClauseList:
        for (const auto& c : e->as<ClauseList>().clauses)
            collect_from_objects(c, out);
        return;
    case NodeKind::Grouping:
        if (e->as<Grouping>().element->kind != NodeKind::Select)
            collect_from_objects(e->as<Grouping>().element, out);
        return;
    case NodeKind::Function:
        for (const auto& a : e->as<Function>().args)
            collect_from_objects(a, out);
        return;
    case NodeKind::Label:
        collect_from_objects(e->as<Label>().element, out);
        return;
    case NodeKind::Cast:
        collect_from_objects(e->as<Cast>().element, out);
        return;
    case NodeKind::Case:
        collect_from_objects(e->as<Case>().value, out);
        for (const auto& [w, r] : e->as<Case>().whens) {
            collect_from_objects(w, out);
            collect_from_objects(r, out);
        }
        collect_from_objects(e->as<Case>().else_, out);
        return;
    default:
        return;
    }
}

} // namespace

NodePtr corresponding_column(const NodePtr& from, const schema::Column& target) {
    return from ? corresponding_in(from, target) : nullptr;
}

NodePtr table(const schema::TablePtr& t) {
    auto r = std::make_shared<TableRef>();
    r->table = t;
    return r;
}

NodePtr c(const NodePtr& from, std::string_view key) {
    if (!from) return nullptr;
    if (from->kind == NodeKind::TableRef) {
        auto column = from->as<TableRef>().table->c(key);
        if (!column) return nullptr;
        auto r = std::make_shared<ColumnRef>();
        r->from = from;
        r->column = column;
        r->name = column->name;
        r->key = column->key;
        r->type = column->type;
        return r;
    }
    if (from->kind == NodeKind::Alias) {
        for (const auto& ec : from->as<Alias>().columns) {
            if (ec.key != key) continue;
            auto r = std::make_shared<ColumnRef>();
            r->from = from;
            r->column = ec.column;
            r->name = ec.name;
            r->key = ec.key;
            r->type = ec.type;
            r->anon_source = ec.anon_source;
            r->anon_base = ec.anon_base;
            return r;
        }
        return nullptr;
    }
    if (from->kind == NodeKind::Join) {
        if (auto l = c(from->as<Join>().left, key)) return l;
        return c(from->as<Join>().right, key);
    }
    return nullptr;
}

NodePtr col(const schema::TablePtr& t, std::string_view key) {
    auto r = c(table(t), key);
    if (!r)
        throw engine::InvalidRequestError("Table '" + t->name() + "' has no column '" +
                                          std::string(key) + "'");
    return r;
}

NodePtr col(const schema::ColumnPtr& column) {
    if (!column->table()) return sql::column(column->name, column->type);
    return col(column->table()->shared_from_this(), column->key);
}

NodeList exported_columns(const NodePtr& from) {
    NodeList out;
    if (from->kind == NodeKind::TableRef) {
        for (const auto& column : from->as<TableRef>().table->columns())
            out.push_back(c(from, column->key));
    } else if (from->kind == NodeKind::Alias) {
        for (const auto& ec : from->as<Alias>().columns)
            out.push_back(c(from, ec.key));
    } else if (from->kind == NodeKind::Join) {
        for (const auto& n : exported_columns(from->as<Join>().left))
            out.push_back(n);
        for (const auto& n : exported_columns(from->as<Join>().right))
            out.push_back(n);
    }
    return out;
}

NodePtr alias(const NodePtr& from, std::string name) {
    if (from->kind == NodeKind::Select) return subquery(from, std::move(name));
    auto a = std::make_shared<Alias>();
    a->element = from;
    a->name = std::move(name);
    if (from->kind == NodeKind::TableRef) {
        for (const auto& column : from->as<TableRef>().table->columns())
            a->columns.push_back({column->key, column->name, column->type, column, nullptr, {}});
    } else if (from->kind == NodeKind::Alias) {
        a->columns = from->as<Alias>().columns;
    }
    return a;
}

NodePtr subquery(const NodePtr& select_node, std::string name) {
    const Select& s = select_node && select_node->kind == NodeKind::CompoundSelect
                          ? first_select(select_node)
                          : as_select(select_node, "subquery");
    auto a = std::make_shared<Alias>();
    a->element = select_node;
    a->name = std::move(name);
    for (const auto& e : expanded_columns(s)) {
        switch (e->kind) {
        case NodeKind::ColumnRef: {
            const auto& cr = e->as<ColumnRef>();
            a->columns.push_back({cr.key, cr.name, cr.type, cr.column, nullptr, {}});
            break;
        }
        case NodeKind::Label: {
            const auto& l = e->as<Label>();
            if (!l.name.empty()) {
                schema::ColumnPtr under;
                if (l.element->kind == NodeKind::ColumnRef)
                    under = l.element->as<ColumnRef>().column;
                a->columns.push_back({l.name, l.name, l.type, under, nullptr, {}});
            }
            break;
        }
        case NodeKind::Function:
            a->columns.push_back({e->as<Function>().name,
                                  e->as<Function>().name,
                                  e->type,
                                  {},
                                  e,
                                  e->as<Function>().name});
            break;
        default:
            break;
        }
    }
    return a;
}

NodePtr join_condition(const NodePtr& left, const NodePtr& right) {
    std::vector<FromForeignKey> right_fks, left_fks;
    collect_foreign_keys(right, right_fks);
    NodePtr a_subset = left->kind == NodeKind::Join ? left->as<Join>().right : nullptr;
    std::vector<std::pair<NodePtr, NodePtr>> crit;
    std::vector<const void*> constraints;
    for (const NodePtr& l : {a_subset, left}) {
        if (!l) continue;
        for (const auto& f : right_fks) {
            try {
                auto target = f.fk->column();
                if (auto referent = corresponding_in(l, *target)) {
                    crit.emplace_back(referent, f.parent);
                    if (std::find(constraints.begin(), constraints.end(), f.constraint) ==
                        constraints.end())
                        constraints.push_back(f.constraint);
                }
            } catch (const engine::InvalidRequestError&) {
            }
        }
        if (!same_from(l, right)) {
            left_fks.clear();
            collect_foreign_keys(l, left_fks);
            for (const auto& f : left_fks) {
                try {
                    auto target = f.fk->column();
                    if (auto referent = corresponding_in(right, *target)) {
                        crit.emplace_back(referent, f.parent);
                        if (std::find(constraints.begin(), constraints.end(), f.constraint) ==
                            constraints.end())
                            constraints.push_back(f.constraint);
                    }
                } catch (const engine::InvalidRequestError&) {
                }
            }
        }
        if (!crit.empty()) break;
    }
    if (constraints.size() > 1)
        throw engine::ArgumentError(
            "Can't determine join between '" + from_description(left) + "' and '" +
            from_description(right) +
            "'; tables have more than one foreign key constraint relationship between them. "
            "Please specify the 'onclause' of this join explicitly.");
    if (crit.empty())
        throw engine::ArgumentError("Can't find any foreign key relationships between '" +
                                    from_description(left) + "' and '" + from_description(right) +
                                    "'.");
    NodeList parts;
    for (const auto& [a, b] : crit)
        parts.push_back(eq(a, b));
    return parts.size() == 1 ? parts.front() : and_(parts);
}

NodePtr join(const NodePtr& left, const NodePtr& right, const NodePtr& onclause, bool isouter,
             bool full) {
    auto j = std::make_shared<Join>();
    j->left = left;
    j->right = right;
    j->onclause = onclause ? onclause : join_condition(left, right);
    j->isouter = isouter || full;
    j->full = full;
    return j;
}

NodePtr outerjoin(const NodePtr& left, const NodePtr& right, const NodePtr& onclause) {
    return join(left, right, onclause, true, false);
}

std::vector<const schema::Table*> tables_of(const NodePtr& from) {
    std::vector<const schema::Table*> out;
    if (!from) return out;
    if (from->kind == NodeKind::TableRef)
        out.push_back(from->as<TableRef>().table.get());
    else if (from->kind == NodeKind::Alias && from->as<Alias>().element->kind == NodeKind::TableRef)
        out.push_back(from->as<Alias>().element->as<TableRef>().table.get());
    else if (from->kind == NodeKind::Join) {
        for (auto* t : tables_of(from->as<Join>().left))
            out.push_back(t);
        for (auto* t : tables_of(from->as<Join>().right))
            out.push_back(t);
    }
    return out;
}

bool same_from(const NodePtr& a, const NodePtr& b) {
    if (a == b) return true;
    if (!a || !b) return false;
    return a->kind == NodeKind::TableRef && b->kind == NodeKind::TableRef &&
           a->as<TableRef>().table == b->as<TableRef>().table;
}

NodeList from_objects(const NodePtr& e) {
    NodeList out;
    collect_from_objects(e, out);
    return out;
}

NodePtr select(const NodeList& columns) {
    auto s = std::make_shared<Select>();
    s->columns = columns;
    return s;
}

NodeList expanded_columns(const Select& s) {
    NodeList out;
    for (const auto& e : s.columns) {
        if (e->is_from_clause()) {
            for (const auto& c : exported_columns(e))
                out.push_back(c);
        } else {
            out.push_back(e);
        }
    }
    return out;
}

NodePtr where(const NodePtr& stmt, const NodePtr& criterion) {
    switch (stmt->kind) {
    case NodeKind::Select: {
        auto s = clone<Select>(stmt);
        s->where.push_back(criterion);
        return s;
    }
    case NodeKind::Update: {
        auto u = clone<Update>(stmt);
        u->where.push_back(criterion);
        return u;
    }
    case NodeKind::Delete: {
        auto d = clone<Delete>(stmt);
        d->where.push_back(criterion);
        return d;
    }
    case NodeKind::Unary:
        if (stmt->as<Unary>().op == Op::exists) return exists_where(stmt, criterion);
        break;
    default:
        break;
    }
    throw engine::ArgumentError("where() requires a SELECT, UPDATE or DELETE statement");
}

NodePtr having(const NodePtr& select_node, const NodePtr& criterion) {
    auto s = clone<Select>(select_node);
    as_select(select_node, "having");
    s->having.push_back(criterion);
    return s;
}

NodePtr select_from(const NodePtr& select_node, const NodePtr& from) {
    as_select(select_node, "select_from");
    auto s = clone<Select>(select_node);
    add_unique_from(s->from_clauses, from);
    return s;
}

NodePtr join(const NodePtr& select_node, const NodePtr& right, const NodePtr& onclause,
             bool isouter, bool full, bool) {
    const Select& orig = as_select(select_node, "join");
    auto s = clone<Select>(select_node);
    auto pick = [&](const NodeList& candidates) {
        std::vector<std::size_t> idx;
        for (std::size_t i = 0; i < candidates.size(); ++i) {
            const NodePtr& f = candidates[i];
            if (same_from(f, right)) continue;
            if (onclause && candidates.size() > 1) {
                auto refs = from_objects(onclause);
                auto surface = tables_of(f);
                bool hit = false;
                for (const auto& r : refs) {
                    for (auto* t : tables_of(r))
                        if (std::find(surface.begin(), surface.end(), t) != surface.end())
                            hit = true;
                    if (same_from(r, f)) hit = true;
                }
                if (hit) idx.push_back(i);
            } else if (onclause || can_join(f, right)) {
                idx.push_back(i);
            }
        }
        if (idx.empty() && onclause)
            for (std::size_t i = 0; i < candidates.size(); ++i)
                idx.push_back(i);
        if (idx.size() > 1)
            throw engine::InvalidRequestError(
                "Can't determine which FROM clause to join from, there are multiple FROMS which "
                "can join to this entity. Please use the .select_from() method to establish an "
                "explicit left side, as well as providing an explicit ON clause if not present "
                "already to help resolve the ambiguity.");
        if (idx.empty())
            throw engine::InvalidRequestError(
                "Don't know how to join to " + from_description(right) +
                ". Please use the .select_from() method to establish an explicit left side, as "
                "well as providing an explicit ON clause if not present already to help resolve "
                "the ambiguity.");
        return idx.front();
    };
    if (!orig.from_clauses.empty()) {
        std::size_t i = pick(orig.from_clauses);
        s->from_clauses[i] = join(orig.from_clauses[i], right, onclause, isouter, full);
    } else {
        NodeList potential;
        for (const auto& e : orig.columns)
            for (const auto& f : from_objects(e))
                add_unique_from(potential, f);
        for (const auto& e : orig.where)
            for (const auto& f : from_objects(e))
                add_unique_from(potential, f);
        std::size_t i = pick(potential);
        s->from_clauses.push_back(join(potential[i], right, onclause, isouter, full));
    }
    return s;
}

NodePtr join_from(const NodePtr& select_node, const NodePtr& left, const NodePtr& right,
                  const NodePtr& onclause, bool isouter) {
    as_select(select_node, "join_from");
    auto s = clone<Select>(select_node);
    // An earlier join_from() / join() that already contains `left` is extended in place.
    for (auto& f : s->from_clauses) {
        for (const auto* t : tables_of(f))
            if (left->kind == NodeKind::TableRef && t == left->as<TableRef>().table.get()) {
                f = join(f, right, onclause, isouter, false);
                return s;
            }
        if (same_from(f, left)) {
            f = join(f, right, onclause, isouter, false);
            return s;
        }
    }
    s->from_clauses.push_back(join(left, right, onclause, isouter, false));
    return s;
}

NodePtr order_by(const NodePtr& select_node, const NodeList& clauses) {
    if (select_node && select_node->kind == NodeKind::CompoundSelect)
        return compound_order_by(select_node, clauses);
    as_select(select_node, "order_by");
    auto s = clone<Select>(select_node);
    for (const auto& c : clauses)
        if (c)
            s->order_by.push_back(c);
        else
            s->order_by.clear(); // order_by(None) resets
    return s;
}

NodePtr group_by(const NodePtr& select_node, const NodeList& clauses) {
    as_select(select_node, "group_by");
    auto s = clone<Select>(select_node);
    for (const auto& c : clauses)
        s->group_by.push_back(c);
    return s;
}

NodePtr limit(const NodePtr& select_node, const NodePtr& count) {
    if (select_node && select_node->kind == NodeKind::CompoundSelect)
        return compound_limit(select_node, count);
    as_select(select_node, "limit");
    auto s = clone<Select>(select_node);
    s->limit = count;
    return s;
}

NodePtr limit(const NodePtr& select_node, std::int64_t count) {
    return limit(select_node, literal(Value{count}, schema::Integer()));
}

NodePtr offset(const NodePtr& select_node, const NodePtr& count) {
    if (select_node && select_node->kind == NodeKind::CompoundSelect)
        return compound_offset(select_node, count);
    as_select(select_node, "offset");
    auto s = clone<Select>(select_node);
    s->offset = count;
    return s;
}

NodePtr offset(const NodePtr& select_node, std::int64_t count) {
    return offset(select_node, literal(Value{count}, schema::Integer()));
}

NodePtr select_distinct(const NodePtr& select_node) {
    as_select(select_node, "distinct");
    auto s = clone<Select>(select_node);
    s->distinct = true;
    return s;
}

NodePtr add_columns(const NodePtr& select_node, const NodeList& columns) {
    as_select(select_node, "add_columns");
    auto s = clone<Select>(select_node);
    for (const auto& c : columns)
        s->columns.push_back(c);
    return s;
}

NodePtr with_only_columns(const NodePtr& select_node, const NodeList& columns) {
    as_select(select_node, "with_only_columns");
    auto s = clone<Select>(select_node);
    s->columns = columns;
    return s;
}

NodePtr correlate_none(const NodePtr& select_node) {
    as_select(select_node, "correlate");
    auto s = clone<Select>(select_node);
    s->auto_correlate = false;
    return s;
}

NodePtr scalar_subquery(const NodePtr& select_node) {
    const Select& s = as_select(select_node, "scalar_subquery");
    auto ss = std::make_shared<ScalarSelect>();
    ss->select = select_node;
    auto cols = expanded_columns(s);
    if (!cols.empty()) ss->type = cols.front()->type;
    return ss;
}

NodePtr exists(const NodePtr& select_node) {
    NodePtr inner = select_node ? select_node : select({literal_column("*")});
    auto u = std::make_shared<Unary>();
    u->op = Op::exists;
    u->element = self_group(inner, Op::exists);
    u->type = schema::Boolean();
    return u;
}

NodePtr exists_where(const NodePtr& exists_node, const NodePtr& criterion) {
    const auto& u = exists_node->as<Unary>();
    NodePtr inner = u.element;
    if (inner->kind == NodeKind::Grouping) inner = inner->as<Grouping>().element;
    return exists(where(inner, criterion));
}

} // namespace ormsh::sql
