// INSERT / UPDATE / DELETE construction: coercion of .values() into typed binds keyed by the
// column, checked against the table's columns as SQLAlchemy does.
#include "core/sql/dml.h"

#include "core/engine/errors.h"

namespace ormsh::sql {
namespace {

schema::TablePtr dml_table(const NodePtr& stmt) {
    switch (stmt->kind) {
    case NodeKind::Insert:
        return stmt->as<Insert>().table;
    case NodeKind::Update:
        return stmt->as<Update>().table;
    case NodeKind::Delete:
        return stmt->as<Delete>().table;
    default:
        throw engine::ArgumentError("values() requires an INSERT or UPDATE statement");
    }
}

NodePtr value_node(const schema::Table& table, const std::string& key, const Operand& v,
                   const std::string& bind_name) {
    auto column = table.c(key);
    if (!column) throw engine::CompileError("Unconsumed column names: " + key);
    if (v.node) return v.node;
    auto b = std::make_shared<BindParam>();
    b->key = bind_name;
    b->unique = false;
    b->value = v.value;
    b->type = column->type;
    return b;
}

void merge(ValuesList& into, const std::string& key, NodePtr node) {
    for (auto& [k, n] : into)
        if (k == key) {
            n = std::move(node);
            return;
        }
    into.emplace_back(key, std::move(node));
}

} // namespace

NodePtr insert(const schema::TablePtr& table) {
    auto i = std::make_shared<Insert>();
    i->table = table;
    return i;
}

NodePtr update(const schema::TablePtr& table) {
    auto u = std::make_shared<Update>();
    u->table = table;
    return u;
}

NodePtr delete_(const schema::TablePtr& table) {
    auto d = std::make_shared<Delete>();
    d->table = table;
    return d;
}

NodePtr values(const NodePtr& stmt, const ValueMap& vals) {
    auto table = dml_table(stmt);
    if (stmt->kind == NodeKind::Insert) {
        auto i = std::make_shared<Insert>(stmt->as<Insert>());
        if (i->rows.size() > 1)
            throw engine::InvalidRequestError(
                "This construct already has multiple parameter sets.");
        if (i->rows.empty()) i->rows.emplace_back();
        for (const auto& [k, v] : vals)
            merge(i->rows.front(), k, value_node(*table, k, v, k));
        return i;
    }
    if (stmt->kind == NodeKind::Update) {
        auto u = std::make_shared<Update>(stmt->as<Update>());
        for (const auto& [k, v] : vals)
            merge(u->values, k, value_node(*table, k, v, k));
        return u;
    }
    throw engine::ArgumentError("values() requires an INSERT or UPDATE statement");
}

NodePtr values_multi(const NodePtr& stmt, const std::vector<ValueMap>& rows) {
    if (stmt->kind != NodeKind::Insert)
        throw engine::ArgumentError("multiple values() require an INSERT statement");
    if (rows.size() == 1) return values(stmt, rows.front());
    auto table = dml_table(stmt);
    auto i = std::make_shared<Insert>(stmt->as<Insert>());
    i->rows.clear();
    for (std::size_t r = 0; r < rows.size(); ++r) {
        ValuesList row;
        for (const auto& [k, v] : rows[r])
            merge(row, k, value_node(*table, k, v, k + "_m" + std::to_string(r)));
        i->rows.push_back(std::move(row));
    }
    return i;
}

NodePtr returning(const NodePtr& stmt, const NodeList& columns) {
    switch (stmt->kind) {
    case NodeKind::Insert: {
        auto i = std::make_shared<Insert>(stmt->as<Insert>());
        i->returning.insert(i->returning.end(), columns.begin(), columns.end());
        return i;
    }
    case NodeKind::Update: {
        auto u = std::make_shared<Update>(stmt->as<Update>());
        u->returning.insert(u->returning.end(), columns.begin(), columns.end());
        return u;
    }
    case NodeKind::Delete: {
        auto d = std::make_shared<Delete>(stmt->as<Delete>());
        d->returning.insert(d->returning.end(), columns.begin(), columns.end());
        return d;
    }
    default:
        throw engine::ArgumentError("returning() requires an INSERT, UPDATE or DELETE");
    }
}

NodePtr from_select(const NodePtr& stmt, std::vector<std::string> keys, const NodePtr& select) {
    if (stmt->kind != NodeKind::Insert)
        throw engine::ArgumentError("from_select() requires an INSERT statement");
    auto i = std::make_shared<Insert>(stmt->as<Insert>());
    i->from_select = select;
    i->from_select_keys = std::move(keys);
    return i;
}

} // namespace ormsh::sql
