// Statement execution with a small compile cache. The cache is keyed by the statement
// object's identity (trees are immutable, so the same object always compiles the same way)
// plus the dialect and the options that change the text; it holds a reference to the tree so
// the key's address cannot be reused while cached.
#include "core/sql/execute.h"

#include "core/engine/errors.h"
#include "core/sql/flavor.h"

#include <chrono>
#include <cstdio>
#include <list>
#include <map>
#include <mutex>
#include <tuple>

namespace ormsh::sql {
namespace {

using Clock = std::chrono::steady_clock;
constexpr std::size_t kCacheCapacity = 512;

struct CacheKey {
    const Node* statement;
    const engine::Dialect* dialect;
    int style;
    bool postcompile;
    bool executemany;
    std::vector<std::string> param_keys;
    bool has_param_keys;
    bool operator<(const CacheKey& o) const {
        return std::tie(statement, dialect, style, postcompile, executemany, has_param_keys,
                        param_keys) < std::tie(o.statement, o.dialect, o.style, o.postcompile,
                                               o.executemany, o.has_param_keys, o.param_keys);
    }
};

struct CacheEntry {
    NodePtr pin;
    std::shared_ptr<const Compiled> compiled;
    Clock::time_point created;
    std::list<CacheKey>::iterator lru;
};

struct Cache {
    std::mutex mutex;
    std::map<CacheKey, CacheEntry> entries;
    std::list<CacheKey> order; // most recent first
};

Cache& cache() {
    static Cache c;
    return c;
}

std::string format_label(bool hit, double seconds) {
    char buf[64];
    if (hit)
        std::snprintf(buf, sizeof buf, "[cached since %.4gs ago]", seconds);
    else
        std::snprintf(buf, sizeof buf, "[generated in %.5fs]", seconds);
    return buf;
}

std::vector<Value> converted(const Compiled& compiled, const ParamMap& params,
                             const engine::Capabilities& caps) {
    std::vector<Value> values = compiled.bind_values(params);
    for (std::size_t i = 0; i < values.size(); ++i)
        engine::convert_bind_value(compiled.params[i].type, caps, values[i]);
    return values;
}

} // namespace

std::shared_ptr<const Compiled> compiled_for(const engine::Dialect& dialect,
                                             const NodePtr& statement,
                                             const CompileOptions& options, bool* cache_hit,
                                             double* age_seconds) {
    CacheKey key{statement.get(),
                 &dialect,
                 static_cast<int>(options.style),
                 options.render_postcompile,
                 options.for_executemany,
                 options.param_keys.value_or(std::vector<std::string>{}),
                 options.param_keys.has_value()};
    Cache& c = cache();
    {
        std::lock_guard lock(c.mutex);
        auto it = c.entries.find(key);
        if (it != c.entries.end()) {
            c.order.splice(c.order.begin(), c.order, it->second.lru);
            if (cache_hit) *cache_hit = true;
            if (age_seconds)
                *age_seconds =
                    std::chrono::duration<double>(Clock::now() - it->second.created).count();
            return it->second.compiled;
        }
    }
    auto start = Clock::now();
    auto compiled = std::make_shared<const Compiled>(compile(statement, dialect, options));
    auto done = Clock::now();
    if (cache_hit) *cache_hit = false;
    if (age_seconds) *age_seconds = std::chrono::duration<double>(done - start).count();
    std::lock_guard lock(c.mutex);
    if (c.entries.size() >= kCacheCapacity) {
        c.entries.erase(c.order.back());
        c.order.pop_back();
    }
    c.order.push_front(key);
    c.entries[key] = CacheEntry{statement, compiled, done, c.order.begin()};
    return compiled;
}

void clear_compile_cache() {
    Cache& c = cache();
    std::lock_guard lock(c.mutex);
    c.entries.clear();
    c.order.clear();
}

EchoForm echo_form(const engine::Dialect& dialect, const NodePtr& statement,
                   const ParamMap& params) {
    CompileOptions options;
    bool pyformat = flavor_for(dialect).echo_pyformat;
    options.style = pyformat ? ParamStyle::Pyformat : ParamStyle::Dialect;
    if (!params.empty() &&
        (statement->kind == NodeKind::Insert || statement->kind == NodeKind::Update)) {
        std::vector<std::string> keys;
        for (const auto& [k, v] : params)
            keys.push_back(k);
        options.param_keys = std::move(keys);
    }
    auto compiled = compiled_for(dialect, statement, options);
    if (pyformat) return {compiled->sql, repr_param_dict(compiled->bind_pairs(params))};
    return {compiled->sql, engine::repr_params(compiled->bind_values(params))};
}

engine::Result execute_compiled(engine::Connection& conn, const Compiled& compiled,
                                const NodePtr& statement, const ParamMap& params,
                                const std::vector<Value>& values,
                                const std::vector<TypeSpec>& result_types,
                                const std::string& echo_label) {
    if (conn.echoing() && flavor_for(conn.dialect()).echo_pyformat) {
        EchoForm form = echo_form(conn.dialect(), statement, params);
        return conn.execute_echoed_as(compiled.sql, values, &result_types, echo_label, form.sql,
                                      form.params);
    }
    return conn.execute(compiled.sql, values, &result_types, echo_label);
}

engine::Result execute(engine::Connection& conn, const NodePtr& statement, const ParamMap& params) {
    const engine::Dialect& dialect = conn.dialect();
    CompileOptions options;
    if (!params.empty() &&
        (statement->kind == NodeKind::Insert || statement->kind == NodeKind::Update)) {
        std::vector<std::string> keys;
        for (const auto& [k, v] : params)
            keys.push_back(k);
        options.param_keys = std::move(keys);
    }
    bool hit = false;
    double seconds = 0;
    auto compiled = compiled_for(dialect, statement, options, &hit, &seconds);
    std::vector<Value> values = converted(*compiled, params, dialect.caps());
    std::vector<TypeSpec> types = compiled->result_types();
    engine::Result result = execute_compiled(conn, *compiled, statement, params, values, types,
                                             format_label(hit, seconds));

    if (compiled->statement_kind == NodeKind::Insert && compiled->table) {
        // The primary key: given values first, then what the database generated.
        const schema::Table& table = *compiled->table;
        auto pairs = compiled->bind_pairs(params);
        std::optional<Value> generated;
        if (compiled->implicit_returning_pk) {
            std::vector<Value> row;
            if (result.next(row) && !row.empty()) generated = row.front();
        } else if (auto autoinc = table.autoincrement_column()) {
            bool given = false;
            for (const auto& [k, v] : pairs)
                if (k == autoinc->key && !engine::is_null(v)) given = true;
            if (!given)
                if (auto id = conn.driver().last_insert_id()) generated = Value{*id};
        }
        auto autoinc = table.autoincrement_column();
        for (const auto& pk : table.primary_key()) {
            Value v = engine::Null{};
            for (const auto& [k, val] : pairs)
                if (k == pk->key) v = val;
            if (engine::is_null(v) && generated && pk == autoinc) v = *generated;
            result.inserted_primary_key.push_back(v);
        }
    }
    return result;
}

std::int64_t execute_many(engine::Connection& conn, const NodePtr& statement,
                          const std::vector<ParamMap>& rows) {
    if (rows.empty()) return 0;
    if (rows.size() == 1) return execute(conn, statement, rows.front()).rowcount();
    const engine::Dialect& dialect = conn.dialect();
    CompileOptions options;
    options.for_executemany = true;
    std::vector<std::string> keys;
    for (const auto& [k, v] : rows.front())
        keys.push_back(k);
    options.param_keys = std::move(keys);
    bool hit = false;
    double seconds = 0;
    auto compiled = compiled_for(dialect, statement, options, &hit, &seconds);
    std::vector<std::vector<Value>> sets;
    sets.reserve(rows.size());
    for (const auto& row : rows)
        sets.push_back(converted(*compiled, row, dialect.caps()));
    return conn.execute_many(compiled->sql, sets, format_label(hit, seconds));
}

} // namespace ormsh::sql
