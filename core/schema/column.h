// Column and ForeignKey: one column of a Table, as SQLAlchemy's schema.Column, with its
// defaults (constant, callable or SQL expression), server default and foreign keys. A
// ForeignKey names its target as "table.column" and resolves it lazily through the MetaData.
#pragma once

#include "core/engine/dialect.h"
#include "core/engine/value.h"
#include "core/schema/types.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ormsh::schema {

class Column;
class Table;

// An SQL expression built by core/sql (func.now(), text("0")), seen here only through what
// DDL needs: schema sits below sql, so it holds expressions behind this interface.
class SqlExpression {
public:
    virtual ~SqlExpression() = default;
    // The expression as it appears after DEFAULT in a column definition for `dialect`,
    // parentheses included where the dialect wants them ("(CURRENT_TIMESTAMP)", "now()").
    virtual std::string render_server_default(const engine::Dialect& dialect) const = 0;
};

// Column(default=...) and Column(onupdate=...): what an INSERT / UPDATE uses when the statement
// gives no value for the column.
struct ColumnDefault {
    enum class Kind { None, Scalar, Callable, Expression };
    Kind kind = Kind::None;
    engine::Value value;
    // A Python callable from the language layer, or any C++ function; called once per row.
    std::function<engine::Value()> callable;
    std::shared_ptr<const SqlExpression> expression;

    static ColumnDefault scalar(engine::Value v) {
        ColumnDefault d;
        d.kind = Kind::Scalar;
        d.value = std::move(v);
        return d;
    }
    static ColumnDefault from_callable(std::function<engine::Value()> fn) {
        ColumnDefault d;
        d.kind = Kind::Callable;
        d.callable = std::move(fn);
        return d;
    }
    static ColumnDefault sql(std::shared_ptr<const SqlExpression> expr) {
        ColumnDefault d;
        d.kind = Kind::Expression;
        d.expression = std::move(expr);
        return d;
    }
    bool is_set() const { return kind != Kind::None; }
    // The value of a Scalar or Callable default (Null for the other kinds).
    engine::Value evaluate() const;
};

// Column(server_default=...): a DEFAULT clause in the table's DDL.
struct ServerDefault {
    // server_default='1': a string rendered as a quoted SQL literal.
    std::optional<std::string> literal;
    // server_default=text('0') or func.now().
    std::shared_ptr<const SqlExpression> expression;

    static ServerDefault from_literal(std::string s) {
        ServerDefault d;
        d.literal = std::move(s);
        return d;
    }
    static ServerDefault from_expression(std::shared_ptr<const SqlExpression> e) {
        ServerDefault d;
        d.expression = std::move(e);
        return d;
    }
    std::string render(const engine::Dialect& dialect) const;
};

// ForeignKey('users.id', ondelete='CASCADE') or ForeignKey(users.c.id).
class ForeignKey {
public:
    explicit ForeignKey(std::string target_fullname) : spec_(std::move(target_fullname)) {}
    explicit ForeignKey(std::shared_ptr<Column> target);

    std::optional<std::string> name;
    std::optional<std::string> ondelete;
    std::optional<std::string> onupdate;

    // "users.id": the referenced table and column.
    std::string target_fullname() const;
    std::string target_table_name() const;
    std::string target_column_name() const;
    // The referenced column, found through the parent table's MetaData; throws
    // InvalidRequestError (SQLAlchemy's NoReferencedTableError / NoReferencedColumnError)
    // when it does not exist (yet).
    std::shared_ptr<Column> column() const;
    // The column this key belongs to (set when the key is attached to a column).
    Column* parent() const { return parent_; }
    bool references(const Table& table) const;

private:
    friend class Column;
    friend class Table;
    std::string spec_;
    std::weak_ptr<Column> target_;
    Column* parent_ = nullptr;
};

// Column('name', String(50), nullable=False, unique=True).
class Column {
public:
    Column(std::string name, TypeSpec type);
    static std::shared_ptr<Column> make(std::string name, TypeSpec type) {
        return std::make_shared<Column>(std::move(name), std::move(type));
    }
    Column(const Column&) = delete;
    Column& operator=(const Column&) = delete;

    std::string name;
    // The key in table.c; equal to name unless Column(..., key='other').
    std::string key;
    TypeSpec type;
    bool primary_key = false;
    // autoincrement: nullopt means SQLAlchemy's "auto" (a lone integer primary key without a
    // default or foreign key autoincrements).
    std::optional<bool> autoincrement;
    // nullable: nullopt means the default, "not nullable when primary key".
    std::optional<bool> nullable_flag;
    bool unique = false;
    bool index = false;
    ColumnDefault default_value;
    ColumnDefault onupdate;
    std::optional<ServerDefault> server_default;
    std::optional<ServerDefault> server_onupdate;
    std::optional<std::string> comment;

    bool nullable() const { return nullable_flag.value_or(!primary_key); }
    const std::vector<std::shared_ptr<ForeignKey>>& foreign_keys() const { return foreign_keys_; }
    void add_foreign_key(std::shared_ptr<ForeignKey> fk);

    // The table this column was added to, or nullptr.
    Table* table() const { return table_; }
    // "users.id", or the bare name when not in a table.
    std::string fullname() const;
    // True when one of this column's foreign keys points at `other`.
    bool references(const Column& other) const;

    // Copies the target's type into a column declared without one (Column(ForeignKey(...)));
    // called when the MetaData learns a new table.
    void resolve_type_from_foreign_key();

private:
    friend class Table;
    std::vector<std::shared_ptr<ForeignKey>> foreign_keys_;
    Table* table_ = nullptr;
};

using ColumnPtr = std::shared_ptr<Column>;

} // namespace ormsh::schema
