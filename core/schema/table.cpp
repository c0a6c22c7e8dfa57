// Table: column and constraint bookkeeping. Column flags (unique=True, index=True,
// ForeignKey) become table constraints when the column is attached, in the same order
// SQLAlchemy creates them, because CREATE TABLE lists constraints in creation order.
#include "core/schema/table.h"

#include "core/engine/errors.h"
#include "core/schema/metadata.h"

#include <algorithm>

namespace ormsh::schema {

std::string ForeignKeyConstraint::referred_table_name() const {
    if (!elements.empty()) return elements.front()->target_table_name();
    if (refcolumns.empty()) return {};
    auto dot = refcolumns.front().rfind('.');
    return dot == std::string::npos ? std::string{} : refcolumns.front().substr(0, dot);
}

TablePtr Table::make(MetaData& metadata, std::string name, std::vector<ColumnPtr> columns) {
    if (metadata.contains(name))
        throw engine::InvalidRequestError(
            "Table '" + name +
            "' is already defined for this MetaData instance.  Specify 'extend_existing=True' "
            "to redefine options and columns on an existing Table object.");
    TablePtr t(new Table(&metadata, std::move(name)));
    for (auto& c : columns)
        t->append_column(std::move(c));
    metadata.add_table(t);
    return t;
}

TablePtr Table::make_detached(std::string name, std::vector<ColumnPtr> columns) {
    TablePtr t(new Table(nullptr, std::move(name)));
    for (auto& c : columns)
        t->append_column(std::move(c));
    return t;
}

void Table::append_column(ColumnPtr column) {
    if (column->table_ && column->table_ != this)
        throw engine::ArgumentError("Column object '" + column->name +
                                    "' already assigned to Table '" + column->table_->name() + "'");
    // Replacing a column of the same key keeps the position, as extend_existing does.
    auto same = std::find_if(columns_.begin(), columns_.end(),
                             [&](const ColumnPtr& c) { return c->key == column->key; });
    if (same != columns_.end())
        *same = column;
    else
        columns_.push_back(column);
    column->table_ = this;
    if (column->index) {
        indexes_.push_back(
            Index{"ix_" + name_ + "_" + column->name, {column->key}, column->unique});
    } else if (column->unique) {
        constraints_.push_back(UniqueConstraint{std::nullopt, {column->key}});
    }
    for (const auto& fk : column->foreign_keys()) {
        ForeignKeyConstraint c;
        c.name = fk->name;
        c.columns = {column->key};
        c.refcolumns = {fk->target_fullname()};
        c.ondelete = fk->ondelete;
        c.onupdate = fk->onupdate;
        c.elements = {fk};
        constraints_.push_back(std::move(c));
    }
    if (metadata_) column->resolve_type_from_foreign_key();
}

void Table::append_constraint(Constraint constraint) {
    if (auto* fkc = std::get_if<ForeignKeyConstraint>(&constraint)) {
        // A table-level ForeignKeyConstraint puts a ForeignKey on each local column.
        if (fkc->elements.empty()) {
            for (std::size_t i = 0; i < fkc->columns.size() && i < fkc->refcolumns.size(); ++i) {
                ColumnPtr col = c(fkc->columns[i]);
                if (!col)
                    throw engine::ArgumentError("Can't create ForeignKeyConstraint on table '" +
                                                name_ + "': no column named '" + fkc->columns[i] +
                                                "' is present.");
                auto fk = std::make_shared<ForeignKey>(fkc->refcolumns[i]);
                fk->name = fkc->name;
                fk->ondelete = fkc->ondelete;
                fk->onupdate = fkc->onupdate;
                fk->parent_ = col.get();
                col->foreign_keys_.push_back(fk);
                fkc->elements.push_back(fk);
                if (metadata_) col->resolve_type_from_foreign_key();
            }
        }
    }
    constraints_.push_back(std::move(constraint));
}

void Table::set_primary_key(PrimaryKeyConstraint pk) {
    for (const auto& key : pk.columns) {
        ColumnPtr col = c(key);
        if (!col)
            throw engine::ArgumentError("Can't create PrimaryKeyConstraint on table '" + name_ +
                                        "': no column named '" + key + "' is present.");
        col->primary_key = true;
    }
    explicit_pk_ = std::move(pk.columns);
    pk_name_ = std::move(pk.name);
}

void Table::append_index(Index index) {
    indexes_.push_back(std::move(index));
}

ColumnPtr Table::c(std::string_view key) const {
    for (const auto& col : columns_)
        if (col->key == key) return col;
    return nullptr;
}

ColumnPtr Table::column_by_name(std::string_view name) const {
    for (const auto& col : columns_)
        if (col->name == name) return col;
    return nullptr;
}

std::vector<std::string> Table::column_keys() const {
    std::vector<std::string> keys;
    for (const auto& col : columns_)
        keys.push_back(col->key);
    return keys;
}

std::vector<ColumnPtr> Table::primary_key() const {
    std::vector<ColumnPtr> pk;
    if (explicit_pk_) {
        for (const auto& key : *explicit_pk_)
            if (auto col = c(key)) pk.push_back(col);
        return pk;
    }
    for (const auto& col : columns_)
        if (col->primary_key) pk.push_back(col);
    return pk;
}

ColumnPtr Table::autoincrement_column() const {
    auto pk = primary_key();
    auto eligible = [](const Column& col, bool explicit_true) {
        bool numeric = col.type.is_integer() || col.type.kind == TypeKind::Numeric;
        if (!numeric) return false;
        if (explicit_true) return true;
        if (col.default_value.is_set() || col.server_default) return false;
        if (!col.foreign_keys().empty()) return false;
        return true;
    };
    if (pk.size() == 1) {
        const Column& col = *pk.front();
        if (col.autoincrement == std::optional<bool>(false)) return nullptr;
        bool explicit_true = col.autoincrement == std::optional<bool>(true);
        // A lone integer key autoincrements even when declared Integer without a flag.
        if (explicit_true && !(col.type.is_integer() || col.type.kind == TypeKind::Numeric))
            throw engine::ArgumentError("Column type " + col.type.sqlalchemy_str() +
                                        " on column '" + col.fullname() +
                                        "' is not compatible with autoincrement=True");
        return eligible(col, explicit_true) ? pk.front() : nullptr;
    }
    for (const auto& col : pk)
        if (col->autoincrement == std::optional<bool>(true)) return col;
    return nullptr;
}

std::vector<const ForeignKeyConstraint*> Table::foreign_key_constraints() const {
    std::vector<const ForeignKeyConstraint*> out;
    for (const auto& c : constraints_)
        if (auto* fkc = std::get_if<ForeignKeyConstraint>(&c)) out.push_back(fkc);
    return out;
}

std::vector<std::shared_ptr<ForeignKey>> Table::foreign_keys() const {
    std::vector<std::shared_ptr<ForeignKey>> out;
    for (const auto* fkc : foreign_key_constraints())
        for (const auto& fk : fkc->elements)
            out.push_back(fk);
    return out;
}

std::vector<std::string> Table::referred_table_names() const {
    std::vector<std::string> out;
    for (const auto* fkc : foreign_key_constraints()) {
        std::string t = fkc->referred_table_name();
        if (t != name_ && std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
    }
    return out;
}

} // namespace ormsh::schema
