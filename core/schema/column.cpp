// Column and ForeignKey behaviour: default evaluation, lazy resolution of "table.column"
// foreign key targets through the MetaData, and the FK-implied column type.
#include "core/schema/column.h"

#include "core/engine/errors.h"
#include "core/schema/ddl.h"
#include "core/schema/metadata.h"
#include "core/schema/table.h"

namespace ormsh::schema {

engine::Value ColumnDefault::evaluate() const {
    switch (kind) {
    case Kind::Scalar:
        return value;
    case Kind::Callable:
        return callable ? callable() : engine::Value{};
    default:
        return engine::Null{};
    }
}

std::string ServerDefault::render(const engine::Dialect& dialect) const {
    if (literal) return quote_string_literal(*literal);
    if (expression) return expression->render_server_default(dialect);
    return {};
}

ForeignKey::ForeignKey(std::shared_ptr<Column> target) : target_(target) {
    spec_ = target->fullname();
}

std::string ForeignKey::target_fullname() const {
    if (auto t = target_.lock()) return t->fullname();
    return spec_;
}

std::string ForeignKey::target_table_name() const {
    std::string full = target_fullname();
    auto dot = full.rfind('.');
    return dot == std::string::npos ? std::string{} : full.substr(0, dot);
}

std::string ForeignKey::target_column_name() const {
    std::string full = target_fullname();
    auto dot = full.rfind('.');
    return dot == std::string::npos ? full : full.substr(dot + 1);
}

std::shared_ptr<Column> ForeignKey::column() const {
    if (auto t = target_.lock()) return t;
    std::string parent_name = parent_ ? parent_->fullname() : std::string("?");
    std::string table_name = target_table_name();
    MetaData* md = parent_ && parent_->table() ? parent_->table()->metadata() : nullptr;
    TablePtr table = md ? md->table(table_name) : nullptr;
    if (!table)
        throw engine::NoReferencedTableError(
            "Foreign key associated with column '" + parent_name + "' could not find table '" +
            table_name + "' with which to generate a foreign key to target column '" +
            target_column_name() + "'");
    ColumnPtr col = table->c(target_column_name());
    if (!col)
        throw engine::NoReferencedColumnError(
            "Could not initialize target column for ForeignKey '" + spec_ + "' on table '" +
            (parent_ && parent_->table() ? parent_->table()->name() : std::string()) +
            "': table '" + table_name + "' has no column named '" + target_column_name() + "'");
    return col;
}

bool ForeignKey::references(const Table& table) const {
    return target_table_name() == table.name();
}

Column::Column(std::string name_, TypeSpec type_)
    : name(std::move(name_)), key(name), type(std::move(type_)) {}

void Column::add_foreign_key(std::shared_ptr<ForeignKey> fk) {
    fk->parent_ = this;
    foreign_keys_.push_back(fk);
    if (table_) {
        ForeignKeyConstraint c;
        c.name = fk->name;
        c.columns = {key};
        c.refcolumns = {fk->target_fullname()};
        c.ondelete = fk->ondelete;
        c.onupdate = fk->onupdate;
        c.elements = {fk};
        table_->append_constraint(std::move(c));
    }
}

std::string Column::fullname() const {
    return table_ ? table_->name() + "." + name : name;
}

bool Column::references(const Column& other) const {
    for (const auto& fk : foreign_keys_) {
        if (auto t = fk->target_.lock()) {
            if (t.get() == &other) return true;
            continue;
        }
        if (other.table() && fk->target_table_name() == other.table()->name() &&
            (fk->target_column_name() == other.key || fk->target_column_name() == other.name))
            return true;
    }
    return false;
}

void Column::resolve_type_from_foreign_key() {
    if (type.kind != TypeKind::Null || foreign_keys_.empty()) return;
    try {
        ColumnPtr target = foreign_keys_.front()->column();
        target->resolve_type_from_foreign_key();
        type = target->type;
    } catch (const engine::InvalidRequestError&) {
        // The target table is not declared yet; resolved when it is.
    }
}

} // namespace ormsh::schema
