// StatementCache: flush and reload statements, keyed by their shape.
#include "core/orm/persistence.h"

#include "core/engine/errors.h"
#include "core/sql/compiler.h"
#include "core/sql/flavor.h"

#include <chrono>
#include <fmt/core.h>
#include <mutex>
#include <unordered_map>

namespace ormsh::orm {
namespace {

// A cache key naming the table, the statement kind and the columns by address: cheap to build
// and unique for the life of the schema objects.
std::string shape_key(char kind, const schema::Table& table,
                      const std::vector<const schema::Column*>& a,
                      const std::vector<const schema::Column*>& b) {
    std::string key;
    key.reserve(16 + 9 * (a.size() + b.size()));
    key += kind;
    auto add_ptr = [&](const void* p) {
        auto bits = reinterpret_cast<std::uintptr_t>(p);
        key.append(reinterpret_cast<const char*>(&bits), sizeof bits);
    };
    add_ptr(&table);
    for (auto* c : a)
        add_ptr(c);
    key += '|';
    for (auto* c : b)
        add_ptr(c);
    return key;
}

using Clock = std::chrono::steady_clock;

// When each statement text first ran in this process, for "[cached since ...]": the compiled
// cache SQLAlchemy keeps is per process too, shared by every session and engine.
struct FirstRuns {
    std::mutex mutex;
    std::unordered_map<std::string, Clock::time_point> at;
};

FirstRuns& first_runs() {
    static auto* runs = new FirstRuns;
    return *runs;
}

} // namespace

const std::string& StatementCache::store(std::string key, std::string sql,
                                         std::chrono::steady_clock::time_point started,
                                         EchoForm echo) {
    const std::string& stored = cache_.emplace(std::move(key), std::move(sql)).first->second;
    Built& built = built_[&stored];
    built.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    if (sql::flavor_for(*dialect_).echo_pyformat) built.pyformat = std::move(echo);
    return stored;
}

std::string StatementCache::echo_label(const std::string& sql) const {
    FirstRuns& runs = first_runs();
    std::lock_guard lock(runs.mutex);
    auto now = Clock::now();
    auto [it, first] = runs.at.emplace(sql, now);
    if (first) {
        auto built = built_.find(&sql);
        return fmt::format("[generated in {:.5f}s]",
                           built == built_.end() ? 0.0 : built->second.seconds);
    }
    double since = std::chrono::duration<double>(now - it->second).count();
    return fmt::format("[cached since {:.4g}s ago]", since);
}

engine::Value bind_value(const schema::Column& column, const engine::Capabilities& caps,
                         engine::Value value) {
    engine::convert_bind_value(column.type, caps, value);
    return value;
}

bool bind_converts(const engine::Capabilities& caps, const engine::Value& value) {
    // convert_bind_value leaves NULL, numbers and text alone whatever the dialect.
    if (std::holds_alternative<engine::Null>(value) ||
        std::holds_alternative<std::int64_t>(value) || std::holds_alternative<double>(value) ||
        std::holds_alternative<std::string>(value))
        return false;
    if (std::holds_alternative<bool>(value)) return !caps.native_boolean;
    return true;
}

bool has_python_default(const schema::ColumnDefault& d) {
    return d.kind == schema::ColumnDefault::Kind::Scalar ||
           d.kind == schema::ColumnDefault::Kind::Callable;
}

std::string inline_default_sql(const schema::Column& column, const engine::Dialect& dialect) {
    std::string sql = column.default_value.expression->render_server_default(dialect);
    if (sql.size() > 1 && sql.front() == '(' && sql.back() == ')')
        sql = sql.substr(1, sql.size() - 2);
    return sql;
}

engine::Result StatementCache::execute(engine::Connection& conn, const std::string& sql,
                                       const std::vector<engine::Value>& params,
                                       const std::vector<engine::TypeSpec>* result_types) {
    try {
        if (!conn.echoing()) return conn.execute(sql, params, result_types);
        std::string label = echo_label(sql);
        auto built = built_.find(&sql);
        if (built == built_.end() || !built->second.pyformat)
            return conn.execute(sql, params, result_types, label);
        // psycopg2's echo: the pyformat text and a dict of the parameters by name.
        const EchoForm& form = *built->second.pyformat;
        std::vector<std::pair<std::string, engine::Value>> pairs;
        for (std::size_t i = 0; i < form.names.size() && i < params.size(); ++i)
            pairs.emplace_back(form.names[i], params[i]);
        return conn.execute_echoed_as(sql, params, result_types, label, form.sql,
                                      sql::repr_param_dict(pairs));
    } catch (engine::DBAPIError& e) {
        // The error names the statement as SQLAlchemy rendered it for psycopg2 too.
        auto built = built_.find(&sql);
        if (e.sql() == sql && built != built_.end() && built->second.pyformat) {
            e.attach_statement(built->second.pyformat->sql, params);
            e.set_param_names(built->second.pyformat->names);
        }
        throw;
    }
}

engine::Connection::ExecutemanyForm StatementCache::executemany_form(
    const engine::Connection& conn, const std::string& sql,
    std::function<std::vector<std::vector<engine::Value>>()> rows) const {
    engine::Connection::ExecutemanyForm form{sql, {}, {}, std::move(rows)};
    auto built = built_.find(&sql);
    if (built != built_.end() && built->second.pyformat) {
        form.sql = built->second.pyformat->sql;
        form.names = built->second.pyformat->names;
    }
    if (conn.echoing()) form.echo_label = echo_label(sql);
    return form;
}

std::string StatementCache::qualified(const schema::Column& column) const {
    return dialect_->quote_identifier(column.table()->name()) + "." +
           dialect_->quote_identifier(column.name);
}

std::string StatementCache::where_clause(const std::vector<const schema::Column*>& where, int first,
                                         KeyNaming naming, EchoForm* echo) const {
    std::string sql;
    for (std::size_t i = 0; i < where.size(); ++i) {
        if (i) sql += " AND ";
        sql += qualified(*where[i]) + " = " + dialect_->placeholder(first + static_cast<int>(i));
        if (!echo) continue;
        std::string name = naming == KeyNaming::ColumnKey ? where[i]->key
                           : naming == KeyNaming::TableColumn
                               ? where[i]->table()->name() + "_" + where[i]->name
                               : "pk_" + std::to_string(i + 1);
        if (i) echo->sql += " AND ";
        echo->sql += qualified(*where[i]) + " = %(" + name + ")s";
        echo->names.push_back(std::move(name));
    }
    return sql;
}

const std::string& StatementCache::insert(const schema::Table& table,
                                          const std::vector<InsertColumn>& columns,
                                          const schema::Column* returning) {
    std::vector<const schema::Column*> cols;
    for (const auto& c : columns)
        cols.push_back(c.column);
    std::vector<const schema::Column*> ret;
    if (returning) ret.push_back(returning);
    std::string key = shape_key('I', table, cols, ret);
    for (const auto& c : columns)
        key += c.inline_sql + '\x1f';
    auto it = cache_.find(key);
    if (it != cache_.end()) return it->second;
    auto started = Clock::now();

    std::string names, values, echo_values;
    EchoForm echo;
    int index = 1;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (i) {
            names += ", ";
            values += ", ";
            echo_values += ", ";
        }
        names += dialect_->quote_identifier(columns[i].column->name);
        if (!columns[i].inline_sql.empty()) {
            values += columns[i].inline_sql;
            echo_values += columns[i].inline_sql;
            continue;
        }
        values += dialect_->placeholder(index++);
        echo_values += "%(" + columns[i].column->key + ")s";
        echo.names.push_back(columns[i].column->key);
    }
    auto render = [&](const std::string& vals) {
        std::string sql = "INSERT INTO " + dialect_->quote_identifier(table.name());
        // A row with no values at all: DEFAULT VALUES, or, when the key comes back through
        // RETURNING, the key column given the DEFAULT metavalue (the ORM binds it as None).
        if (columns.empty() && returning)
            sql += " (" + dialect_->quote_identifier(returning->name) + ") VALUES (DEFAULT)";
        else if (columns.empty())
            sql += " DEFAULT VALUES";
        else
            sql += " (" + names + ") VALUES (" + vals + ")";
        if (returning) sql += " RETURNING " + qualified(*returning);
        return sql;
    };
    echo.sql = render(echo_values);
    return store(std::move(key), render(values), started, std::move(echo));
}

const std::string& StatementCache::update(const schema::Table& table,
                                          const std::vector<const schema::Column*>& set,
                                          const std::vector<const schema::Column*>& where) {
    std::string key = shape_key('U', table, set, where);
    auto it = cache_.find(key);
    if (it != cache_.end()) return it->second;
    auto started = Clock::now();
    std::string sql = "UPDATE " + dialect_->quote_identifier(table.name()) + " SET ";
    EchoForm echo{sql, {}};
    for (std::size_t i = 0; i < set.size(); ++i) {
        if (i) {
            sql += ", ";
            echo.sql += ", ";
        }
        sql += dialect_->quote_identifier(set[i]->name) + "=" +
               dialect_->placeholder(static_cast<int>(i) + 1);
        echo.sql += dialect_->quote_identifier(set[i]->name) + "=%(" + set[i]->key + ")s";
        echo.names.push_back(set[i]->key);
    }
    sql += " WHERE ";
    echo.sql += " WHERE ";
    // The flush names the key parameters <table>_<column>, as the row's loaded columns.
    sql += where_clause(where, static_cast<int>(set.size()) + 1, KeyNaming::TableColumn, &echo);
    return store(std::move(key), std::move(sql), started, std::move(echo));
}

const std::string& StatementCache::delete_(const schema::Table& table,
                                           const std::vector<const schema::Column*>& where) {
    std::string key = shape_key('D', table, {}, where);
    auto it = cache_.find(key);
    if (it != cache_.end()) return it->second;
    auto started = Clock::now();
    std::string head = "DELETE FROM " + dialect_->quote_identifier(table.name()) + " WHERE ";
    EchoForm echo{head, {}};
    std::string sql = head + where_clause(where, 1, KeyNaming::ColumnKey, &echo);
    return store(std::move(key), std::move(sql), started, std::move(echo));
}

const std::string& StatementCache::select_by_key(const schema::Table& table,
                                                 const std::vector<const schema::Column*>& columns,
                                                 const std::vector<const schema::Column*>& where) {
    std::string key = shape_key('S', table, columns, where);
    auto it = cache_.find(key);
    if (it != cache_.end()) return it->second;
    auto started = Clock::now();
    std::string sql = "SELECT ";
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (i) sql += ", ";
        // SQLAlchemy labels each column <table>_<column>.
        sql += qualified(*columns[i]) + " AS " +
               dialect_->quote_identifier(table.name() + "_" + columns[i]->name);
    }
    sql += " \nFROM " + dialect_->quote_identifier(table.name()) + " \nWHERE ";
    EchoForm echo{sql, {}};
    sql += where_clause(where, 1, KeyNaming::PrimaryKeyN, &echo);
    return store(std::move(key), std::move(sql), started, std::move(echo));
}

} // namespace ormsh::orm
