// MetaData: table registry, dependency sorting (SQLAlchemy's sort_as_subsets rounds), DDL
// emission for create_all / drop_all, and reflection from engine::TableInfo.
#include "core/schema/metadata.h"

#include "core/engine/errors.h"
#include "core/schema/ddl.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <set>

namespace ormsh::schema {
namespace {

// A reflected server default: the database's own SQL text, rendered back as is.
class ReflectedDefault : public SqlExpression {
public:
    explicit ReflectedDefault(std::string text) : text_(std::move(text)) {}
    std::string render_server_default(const engine::Dialect&) const override { return text_; }

private:
    std::string text_;
};

// Runs one DDL statement, labelled in echo output as SQLAlchemy labels uncached DDL.
void execute_ddl(engine::Connection& conn, const std::function<std::string()>& render) {
    auto start = std::chrono::steady_clock::now();
    std::string sql = render();
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    char label[48];
    std::snprintf(label, sizeof label, "[no key %.5fs]", seconds);
    conn.execute(sql, {}, nullptr, label);
}

} // namespace

TablePtr MetaData::table(std::string_view name) const {
    auto it = by_name_.find(name);
    return it == by_name_.end() ? nullptr : it->second;
}

void MetaData::add_table(TablePtr table) {
    by_name_[table->name()] = table;
    tables_.push_back(table);
    // Columns declared as Column(ForeignKey('t.id')) take their type once 't' is known.
    for (const auto& t : tables_)
        for (const auto& col : t->columns())
            col->resolve_type_from_foreign_key();
}

void MetaData::remove(const Table& table) {
    by_name_.erase(table.name());
    tables_.erase(std::remove_if(tables_.begin(), tables_.end(),
                                 [&](const TablePtr& t) { return t.get() == &table; }),
                  tables_.end());
}

void MetaData::clear() {
    by_name_.clear();
    tables_.clear();
}

std::vector<TablePtr> sort_tables(const std::vector<TablePtr>& tables) {
    std::vector<TablePtr> todo = tables;
    std::set<std::string> pending;
    for (const auto& t : tables)
        pending.insert(t->name());
    std::vector<TablePtr> out;
    while (!todo.empty()) {
        std::vector<TablePtr> round;
        for (const auto& t : todo) {
            bool ready = true;
            for (const auto& parent : t->referred_table_names())
                if (pending.count(parent)) ready = false;
            if (ready) round.push_back(t);
        }
        if (round.empty()) {
            std::string names;
            for (const auto& t : todo)
                names += (names.empty() ? "" : ", ") + t->name();
            throw engine::InvalidRequestError("Circular dependency detected. Cycles: " + names);
        }
        for (const auto& t : round) {
            pending.erase(t->name());
            out.push_back(t);
        }
        todo.erase(std::remove_if(todo.begin(), todo.end(),
                                  [&](const TablePtr& t) { return !pending.count(t->name()); }),
                   todo.end());
    }
    return out;
}

std::vector<TablePtr> MetaData::sorted_tables() const {
    std::vector<TablePtr> by_key = tables_;
    std::sort(by_key.begin(), by_key.end(),
              [](const TablePtr& a, const TablePtr& b) { return a->name() < b->name(); });
    return sort_tables(by_key);
}

void MetaData::create_all(engine::Connection& conn, bool checkfirst) const {
    const engine::Dialect& dialect = conn.dialect();
    std::vector<TablePtr> to_create;
    for (const auto& t : sort_tables(tables_))
        if (!checkfirst || !conn.driver().has_table(t->name())) to_create.push_back(t);
    std::set<std::string> types_done;
    for (const auto& t : to_create) {
        auto names = enum_type_names(*t);
        auto types = create_enum_types_sql(*t, dialect);
        for (std::size_t i = 0; i < types.size(); ++i)
            if (types_done.insert(i < names.size() ? names[i] : types[i]).second)
                execute_ddl(conn, [&] { return types[i]; });
    }
    for (const auto& t : to_create) {
        execute_ddl(conn, [&] { return create_table_sql(*t, dialect); });
        for (const auto& index : t->indexes())
            execute_ddl(conn, [&] { return create_index_sql(*t, index, dialect); });
    }
}

void MetaData::drop_all(engine::Connection& conn, bool checkfirst) const {
    const engine::Dialect& dialect = conn.dialect();
    auto order = sort_tables(tables_);
    std::reverse(order.begin(), order.end());
    std::vector<std::string> dropped_types;
    for (const auto& t : order) {
        if (checkfirst && !conn.driver().has_table(t->name())) continue;
        execute_ddl(conn, [&] { return drop_table_sql(*t, dialect); });
        if (dialect.caps().native_enum)
            for (const auto& name : enum_type_names(*t))
                if (std::find(dropped_types.begin(), dropped_types.end(), name) ==
                    dropped_types.end())
                    dropped_types.push_back(name);
    }
    for (const auto& name : dropped_types)
        execute_ddl(conn, [&] { return "\nDROP TYPE " + dialect.quote_identifier(name); });
}

TablePtr table_from_info(MetaData& metadata, const engine::TableInfo& info) {
    std::vector<ColumnPtr> columns;
    for (const auto& ci : info.columns) {
        auto col = Column::make(ci.name, ci.type);
        col->nullable_flag = ci.nullable;
        // PostgreSQL reports serial columns (a nextval() default) as autoincrementing; the
        // flag is explicit there, as SQLAlchemy's reflection sets autoincrement=True.
        if (ci.autoincrement) col->autoincrement = true;
        if (ci.default_sql)
            col->server_default =
                ServerDefault::from_expression(std::make_shared<ReflectedDefault>(*ci.default_sql));
        col->primary_key = std::find(info.primary_key.begin(), info.primary_key.end(), ci.name) !=
                           info.primary_key.end();
        columns.push_back(col);
    }
    TablePtr table = Table::make(metadata, info.name, std::move(columns));
    if (info.primary_key.size() > 1)
        table->set_primary_key(PrimaryKeyConstraint{std::nullopt, info.primary_key});
    for (const auto& fk : info.foreign_keys) {
        ForeignKeyConstraint c;
        c.name = fk.name;
        c.columns = fk.constrained_columns;
        for (const auto& rc : fk.referred_columns)
            c.refcolumns.push_back(fk.referred_table + "." + rc);
        c.ondelete = fk.ondelete;
        table->append_constraint(std::move(c));
    }
    for (const auto& uq : info.unique_constraints)
        table->append_constraint(UniqueConstraint{uq.name, uq.columns});
    for (const auto& ix : info.indexes)
        table->append_index(Index{ix.name, ix.columns, ix.unique});
    return table;
}

TablePtr MetaData::reflect_table(engine::Connection& conn, const std::string& name) {
    if (auto existing = table(name)) return existing;
    auto info = conn.driver().reflect_table(name);
    if (!info) throw engine::NoSuchTableError(name);
    TablePtr t = table_from_info(*this, *info);
    // SQLAlchemy loads the tables a reflected table's foreign keys refer to as well.
    for (const auto& fk : info->foreign_keys)
        if (!contains(fk.referred_table)) reflect_table(conn, fk.referred_table);
    for (const auto& col : t->columns())
        col->resolve_type_from_foreign_key();
    return t;
}

void MetaData::reflect(engine::Connection& conn,
                       const std::optional<std::vector<std::string>>& only) {
    auto names = conn.driver().table_names();
    if (only) {
        for (const auto& wanted : *only)
            if (std::find(names.begin(), names.end(), wanted) == names.end())
                throw engine::InvalidRequestError(
                    "Could not reflect: requested table(s) not available in Engine(" +
                    conn.engine().url().to_string() + "): (" + wanted + ")");
        names = *only;
    }
    for (const auto& name : names)
        reflect_table(conn, name);
}

} // namespace ormsh::schema
