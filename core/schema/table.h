// Table and its constraints, as SQLAlchemy's schema.Table: columns in declaration order, the
// .c collection by key, the primary key, foreign key / unique / check constraints in creation
// order (the order CREATE TABLE lists them) and indexes.
#pragma once

#include "core/schema/column.h"

#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace ormsh::schema {

class MetaData;

struct PrimaryKeyConstraint {
    std::optional<std::string> name;
    std::vector<std::string> columns; // column keys, in key order
};

struct UniqueConstraint {
    std::optional<std::string> name;
    std::vector<std::string> columns; // column keys
};

struct CheckConstraint {
    std::optional<std::string> name;
    std::string sqltext;
};

// FOREIGN KEY(a, b) REFERENCES t (x, y). A column-level ForeignKey makes a one-column one.
struct ForeignKeyConstraint {
    std::optional<std::string> name;
    std::vector<std::string> columns;    // local column keys
    std::vector<std::string> refcolumns; // "table.column" targets, parallel to columns
    std::optional<std::string> ondelete;
    std::optional<std::string> onupdate;
    // The ForeignKey objects on the local columns, parallel to columns.
    std::vector<std::shared_ptr<ForeignKey>> elements;

    std::string referred_table_name() const;
};

struct Index {
    std::string name;
    std::vector<std::string> columns; // column keys
    bool unique = false;
};

using Constraint = std::variant<UniqueConstraint, CheckConstraint, ForeignKeyConstraint>;

class Table : public std::enable_shared_from_this<Table> {
public:
    // Table(name, metadata, *columns): registers the table in `metadata` (which must outlive
    // it). Throws InvalidRequestError when the name is taken, as SQLAlchemy does without
    // extend_existing.
    static std::shared_ptr<Table> make(MetaData& metadata, std::string name,
                                       std::vector<ColumnPtr> columns = {});
    // A table outside any MetaData (for tests and ad-hoc statements).
    static std::shared_ptr<Table> make_detached(std::string name,
                                                std::vector<ColumnPtr> columns = {});
    Table(const Table&) = delete;
    Table& operator=(const Table&) = delete;

    const std::string& name() const { return name_; }
    MetaData* metadata() const { return metadata_; }

    void append_column(ColumnPtr column);
    // Table-level constraints and indexes: Table(..., UniqueConstraint('a', 'b')).
    void append_constraint(Constraint constraint);
    void set_primary_key(PrimaryKeyConstraint pk);
    void append_index(Index index);

    const std::vector<ColumnPtr>& columns() const { return columns_; }
    // table.c[key]; nullptr when absent.
    ColumnPtr c(std::string_view key) const;
    ColumnPtr column_by_name(std::string_view name) const;
    std::vector<std::string> column_keys() const;

    std::vector<ColumnPtr> primary_key() const;
    const std::optional<std::string>& primary_key_name() const { return pk_name_; }
    // The column that autoincrements (SQLAlchemy's table._autoincrement_column), or nullptr.
    ColumnPtr autoincrement_column() const;

    const std::vector<Constraint>& constraints() const { return constraints_; }
    std::vector<const ForeignKeyConstraint*> foreign_key_constraints() const;
    std::vector<std::shared_ptr<ForeignKey>> foreign_keys() const;
    const std::vector<Index>& indexes() const { return indexes_; }
    // Names of other tables this one's foreign keys point at (self references excluded).
    std::vector<std::string> referred_table_names() const;

private:
    Table(MetaData* metadata, std::string name) : metadata_(metadata), name_(std::move(name)) {}
    MetaData* metadata_;
    std::string name_;
    std::vector<ColumnPtr> columns_;
    std::optional<std::vector<std::string>> explicit_pk_;
    std::optional<std::string> pk_name_;
    std::vector<Constraint> constraints_;
    std::vector<Index> indexes_;
};

using TablePtr = std::shared_ptr<Table>;

} // namespace ormsh::schema
