// SQLite connections, cursors and the statement cache. Statements are prepared once with
// SQLITE_PREPARE_PERSISTENT and re-bound (reset + clear bindings) on reuse; values bind the
// way pysqlite adapts Python values, so the stored bytes match what SQLAlchemy writes.
#include "dialects/sqlite/sqlite_connection.h"

#include "dialects/sqlite/sqlite_dialect.h"
#include "dialects/sqlite/sqlite_memory.h"

#include <cctype>
#include <cstdlib>
#include <fmt/format.h>
#include <sqlite3.h>

namespace ormsh::dialects {

using engine::Value;

namespace {

// pysqlite's default busy timeout: 5.0 seconds.
constexpr int kDefaultBusyTimeoutMs = 5000;
// Statements kept prepared per connection; beyond this the idle ones are dropped.
constexpr std::size_t kStatementCacheSize = 256;

// pysqlite (Python 3.11, legacy transaction control) begins a transaction implicitly only
// before these statements.
bool is_dml(const std::string& sql) {
    std::size_t i = 0;
    while (i < sql.size()) {
        if (std::isspace(static_cast<unsigned char>(sql[i]))) {
            ++i;
        } else if (sql.compare(i, 2, "--") == 0) {
            i = sql.find('\n', i);
            if (i == std::string::npos) return false;
        } else if (sql.compare(i, 2, "/*") == 0) {
            i = sql.find("*/", i);
            if (i == std::string::npos) return false;
            i += 2;
        } else {
            break;
        }
    }
    std::string word;
    while (i < sql.size() && std::isalpha(static_cast<unsigned char>(sql[i])))
        word += static_cast<char>(std::toupper(static_cast<unsigned char>(sql[i++])));
    return word == "INSERT" || word == "UPDATE" || word == "DELETE" || word == "REPLACE";
}

bool only_whitespace_or_comments(const char* tail) {
    std::string rest = tail ? tail : "";
    std::size_t i = 0;
    while (i < rest.size()) {
        if (std::isspace(static_cast<unsigned char>(rest[i])) || rest[i] == ';') {
            ++i;
        } else if (rest.compare(i, 2, "--") == 0) {
            i = rest.find('\n', i);
            if (i == std::string::npos) return true;
        } else if (rest.compare(i, 2, "/*") == 0) {
            i = rest.find("*/", i);
            if (i == std::string::npos) return true;
            i += 2;
        } else {
            return false;
        }
    }
    return true;
}

class SQLiteCursor : public engine::Cursor {
public:
    SQLiteCursor(std::shared_ptr<SQLiteStatementCache> cache, std::string sql,
                 SQLiteStatementCache::Lease lease)
        : cache_(std::move(cache)), sql_(std::move(sql)), lease_(lease) {}
    ~SQLiteCursor() override { finish(); }

    // Runs the first step; rows are then read one step ahead.
    void start(const std::vector<Value>& params) {
        step(&params);
        // Columns are read after the first step: a schema change re-prepares the statement
        // there, and "SELECT *" may then have other columns than when it was first prepared.
        int n = sqlite3_column_count(lease_.stmt);
        for (int i = 0; i < n; ++i) {
            const char* name = sqlite3_column_name(lease_.stmt, i);
            const char* decl = sqlite3_column_decltype(lease_.stmt, i);
            columns_.push_back({name ? name : "", decl ? decl : ""});
        }
        if (!has_row_ && columns_.empty() && !sqlite3_stmt_readonly(lease_.stmt))
            rowcount_ = sqlite3_changes64(cache_->db());
        if (!has_row_) finish();
    }

    const std::vector<engine::ResultColumn>& columns() const override { return columns_; }
    std::int64_t rowcount() const override { return rowcount_; }

    bool advance() override {
        if (current_) {
            current_ = false;
            step();
        }
        if (!has_row_) {
            finish();
            return false;
        }
        current_ = true;
        return true;
    }

    void read(std::size_t column, Value& out) override {
        read_sqlite_column(lease_.stmt, static_cast<int>(column), out);
    }

    // Steps one row ahead after reading a row, so that the statement goes back to the cache
    // (and SQLite sees it finished) as soon as its last row is read, even when the caller
    // keeps the cursor.
    bool next(std::vector<Value>& row) override {
        if (!advance()) return false;
        int n = static_cast<int>(columns_.size());
        row.resize(n);
        for (int i = 0; i < n; ++i)
            read_sqlite_column(lease_.stmt, i, row[i]);
        current_ = false;
        step();
        if (!has_row_) finish();
        return true;
    }

private:
    // Steps to the next row. `params`, shown by an error, are the statement's parameters on
    // the first step and null on the steps that read further rows.
    void step(const std::vector<Value>* params = nullptr) {
        int rc = sqlite3_step(lease_.stmt);
        has_row_ = rc == SQLITE_ROW;
        if (!has_row_ && rc != SQLITE_DONE) fail(params);
    }

    // Out of line, so that a step that succeeds pays nothing for building the error.
    [[noreturn, gnu::cold, gnu::noinline]] void fail(const std::vector<Value>* params) {
        sqlite3* db = cache_->db();
        // The message belongs to the failed step; read it before reset could change it.
        std::string message = sqlite3_errmsg(db);
        int code = sqlite3_extended_errcode(db);
        finish();
        if ((code & 0xFF) == SQLITE_INTERRUPT) throw engine::StatementInterrupted(message);
        engine::DBAPIError err(sqlite_error_kind(code), "sqlite3", message, sql_,
                               params ? *params : std::vector<Value>{}, std::to_string(code));
        throw err;
    }

    void finish() {
        if (lease_.stmt) {
            cache_->release(sql_, lease_);
            lease_.stmt = nullptr;
        }
    }

    std::shared_ptr<SQLiteStatementCache> cache_;
    std::string sql_;
    SQLiteStatementCache::Lease lease_;
    std::vector<engine::ResultColumn> columns_;
    // has_row_: a stepped row is waiting; current_: advance() handed it out, so the next
    // advance() steps first.
    bool has_row_ = false;
    bool current_ = false;
    std::int64_t rowcount_ = -1;
};

} // namespace

// ---- statement cache ---------------------------------------------------------------------

SQLiteStatementCache::~SQLiteStatementCache() {
    for (auto& [sql, entry] : entries_)
        sqlite3_finalize(entry.stmt);
}

SQLiteStatementCache::Lease SQLiteStatementCache::acquire(const std::string& sql) {
    auto it = entries_.find(sql);
    if (it != entries_.end() && !it->second.in_use) {
        it->second.in_use = true;
        return {it->second.stmt, true, it->second.dml};
    }
    bool cacheable = it == entries_.end();
    if (cacheable && entries_.size() >= kStatementCacheSize) {
        for (auto e = entries_.begin(); e != entries_.end();) {
            if (e->second.in_use) {
                ++e;
            } else {
                sqlite3_finalize(e->second.stmt);
                e = entries_.erase(e);
            }
        }
    }
    sqlite3_stmt* stmt = nullptr;
    const char* tail = nullptr;
    int rc = sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()) + 1,
                                cacheable ? SQLITE_PREPARE_PERSISTENT : 0, &stmt, &tail);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        throw_sqlite_error(db_, rc, sql);
    }
    if (!only_whitespace_or_comments(tail)) {
        sqlite3_finalize(stmt);
        throw_sqlite_programming_error("You can only execute one statement at a time.", sql, {});
    }
    if (!stmt) {
        // Empty or comment-only SQL: prepare a no-op so callers always get a statement.
        sqlite3_prepare_v3(db_, "SELECT 1 WHERE 0", -1, 0, &stmt, nullptr);
        return {stmt, false, false};
    }
    bool dml = is_dml(sql);
    if (cacheable) entries_.emplace(sql, Entry{stmt, true, dml});
    return {stmt, cacheable, dml};
}

void SQLiteStatementCache::release(const std::string& sql, const Lease& lease) {
    sqlite3_reset(lease.stmt);
    sqlite3_clear_bindings(lease.stmt);
    if (!lease.cached) {
        sqlite3_finalize(lease.stmt);
        return;
    }
    auto it = entries_.find(sql);
    if (it != entries_.end() && it->second.stmt == lease.stmt) it->second.in_use = false;
}

// ---- values ------------------------------------------------------------------------------

void sqlite_bind_value(sqlite3_stmt* stmt, int index, const Value& value, bool copy) {
    auto destructor = copy ? SQLITE_TRANSIENT : SQLITE_STATIC;
    struct Binder {
        sqlite3_stmt* stmt;
        int index;
        sqlite3_destructor_type destructor;
        int operator()(const engine::Null&) const { return sqlite3_bind_null(stmt, index); }
        int operator()(bool b) const { return sqlite3_bind_int64(stmt, index, b ? 1 : 0); }
        int operator()(std::int64_t i) const { return sqlite3_bind_int64(stmt, index, i); }
        int operator()(double d) const { return sqlite3_bind_double(stmt, index, d); }
        int operator()(const std::string& s) const {
            return sqlite3_bind_text64(stmt, index, s.data(), s.size(), destructor, SQLITE_UTF8);
        }
        int operator()(const engine::Blob& b) const {
            return sqlite3_bind_blob64(stmt, index, b.bytes.data(), b.bytes.size(), destructor);
        }
        // SQLAlchemy's SQLite Numeric binds Decimal as a float.
        int operator()(const engine::Decimal& d) const {
            return sqlite3_bind_double(stmt, index, std::strtod(d.text.c_str(), nullptr));
        }
        int text(const std::string& s) const {
            return sqlite3_bind_text64(stmt, index, s.data(), s.size(), SQLITE_TRANSIENT,
                                       SQLITE_UTF8);
        }
        int operator()(const engine::Date& d) const { return text(engine::to_iso(d)); }
        int operator()(const engine::Time& t) const { return text(engine::to_iso_micro(t)); }
        int operator()(const engine::DateTime& dt) const { return text(engine::to_iso_micro(dt)); }
    };
    std::visit(Binder{stmt, index, destructor}, value);
}

void read_sqlite_column(sqlite3_stmt* stmt, int i, Value& out) {
    // One sqlite3_column_* call per cell (each locks the connection and checks for malloc
    // failure); the value it returns is then read with the plain sqlite3_value_* accessors,
    // which is safe because only this connection's thread reads its statements.
    sqlite3_value* value = sqlite3_column_value(stmt, i);
    switch (sqlite3_value_type(value)) {
    case SQLITE_INTEGER:
        out = static_cast<std::int64_t>(sqlite3_value_int64(value));
        break;
    case SQLITE_FLOAT:
        out = sqlite3_value_double(value);
        break;
    case SQLITE_TEXT: {
        // The text first, then its length (the order SQLite's documentation asks for).
        const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(value));
        engine::assign_text(out, text, static_cast<std::size_t>(sqlite3_value_bytes(value)));
        break;
    }
    case SQLITE_BLOB: {
        const auto* data = static_cast<const char*>(sqlite3_value_blob(value));
        int size = sqlite3_value_bytes(value);
        out = engine::Blob{data ? std::string(data, size) : std::string()};
        break;
    }
    default:
        out = engine::Null{};
        break;
    }
}

namespace {

void bind_all(sqlite3_stmt* stmt, const std::string& sql, const std::vector<Value>& params,
              bool copy) {
    int expected = sqlite3_bind_parameter_count(stmt);
    if (expected != static_cast<int>(params.size()))
        throw_sqlite_programming_error(
            fmt::format("Incorrect number of bindings supplied. The current statement uses {}, "
                        "and there are {} supplied.",
                        expected, params.size()),
            sql, params);
    for (int i = 0; i < expected; ++i)
        sqlite_bind_value(stmt, i + 1, params[i], copy);
}

// ormsh runs every statement on one thread (another thread only ever calls sqlite3_interrupt(),
// which takes no lock), so the library's own mutexes and its memory statistics, which take a
// mutex per allocation, are pure cost: about 500 instructions per inserted row. SQLite accepts
// this only before it initialises; a host that initialised it first keeps its settings. Its
// small allocations are recycled by sqlite_memory.cpp, standing in for the lookaside
// allocator Debian's build leaves out.
void configure_sqlite_library_once() {
    static const bool configured = [] {
        sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        install_sqlite_memory_methods();
        return true;
    }();
    (void)configured;
}

} // namespace

// ---- connection --------------------------------------------------------------------------

SQLiteConnection::SQLiteConnection(const SQLiteDialect& dialect, const engine::Url& url)
    : dialect_(dialect) {
    configure_sqlite_library_once();
    std::string file = SQLiteDialect::filename(url);
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX;
    int rc = sqlite3_open_v2(file.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
        if ((rc & 0xFF) == SQLITE_CANTOPEN) message = "unable to open database file";
        sqlite3_close_v2(db_);
        db_ = nullptr;
        throw engine::DBAPIError(engine::DBErrorKind::Operational, "sqlite3", message, {}, {},
                                 std::to_string(rc));
    }
    sqlite3_extended_result_codes(db_, 1);
    int timeout_ms = kDefaultBusyTimeoutMs;
    if (auto it = url.query.find("timeout"); it != url.query.end())
        timeout_ms = static_cast<int>(std::strtod(it->second.c_str(), nullptr) * 1000);
    sqlite3_busy_timeout(db_, timeout_ms);
    cache_ = std::make_shared<SQLiteStatementCache>(db_);
    // Python's sqlite3 leaves foreign keys off; the compat cases switch them on by PRAGMA.
    exec_plain("PRAGMA foreign_keys=OFF");
}

SQLiteConnection::~SQLiteConnection() {
    close_for_exit();
}

void SQLiteConnection::close_for_exit() {
    cache_.reset();
    // close_v2: statements still held by live cursors keep the handle until finalized.
    if (db_) sqlite3_close_v2(db_);
    db_ = nullptr;
}

void SQLiteConnection::exec_plain(const std::string& sql) {
    char* errmsg = nullptr;
    int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &errmsg);
    sqlite3_free(errmsg);
    if (rc != SQLITE_OK) throw_sqlite_error(db_, rc, sql);
}

void SQLiteConnection::begin_if_needed(bool dml) {
    if (dml && transaction_requested_ && sqlite3_get_autocommit(db_)) exec_plain("BEGIN");
}

SQLiteStatementCache::Lease SQLiteConnection::acquire(const std::string& sql,
                                                      const std::vector<Value>& params) {
    try {
        return cache_->acquire(sql);
    } catch (engine::DBAPIError& err) {
        err.attach_statement(sql, params);
        throw;
    }
}

std::unique_ptr<engine::Cursor> SQLiteConnection::execute(const std::string& sql,
                                                          const std::vector<Value>& params) {
    auto lease = acquire(sql, params);
    auto cursor = std::make_unique<SQLiteCursor>(cache_, sql, lease);
    bind_all(lease.stmt, sql, params, true);
    begin_if_needed(lease.dml);
    cursor->start(params);
    return cursor;
}

std::int64_t SQLiteConnection::execute_many(const std::string& sql,
                                            const std::vector<std::vector<Value>>& rows) {
    SQLiteStatementCache::Lease lease;
    try {
        lease = cache_->acquire(sql);
    } catch (engine::DBAPIError& err) {
        err.attach_statement_many(sql, rows);
        throw;
    }
    begin_if_needed(lease.dml);
    std::int64_t total = 0;
    try {
        for (const auto& row : rows) {
            bind_all(lease.stmt, sql, row, false);
            int rc = sqlite3_step(lease.stmt);
            if (rc != SQLITE_DONE && rc != SQLITE_ROW) throw_sqlite_error(db_, rc);
            total += sqlite3_changes64(db_);
            sqlite3_reset(lease.stmt);
        }
    } catch (engine::DBAPIError& err) {
        cache_->release(sql, lease);
        err.attach_statement_many(sql, rows);
        throw;
    } catch (...) {
        cache_->release(sql, lease);
        throw;
    }
    cache_->release(sql, lease);
    return total;
}

void SQLiteConnection::execute_script(const std::string& sql) {
    exec_plain(sql);
}

void SQLiteConnection::begin() {
    transaction_requested_ = true;
}

void SQLiteConnection::commit() {
    transaction_requested_ = false;
    if (!sqlite3_get_autocommit(db_)) exec_plain("COMMIT");
}

void SQLiteConnection::rollback() {
    transaction_requested_ = false;
    if (!sqlite3_get_autocommit(db_)) exec_plain("ROLLBACK");
}

void SQLiteConnection::savepoint(const std::string& name) {
    transaction_requested_ = true;
    exec_plain("SAVEPOINT " + name);
}

void SQLiteConnection::release_savepoint(const std::string& name) {
    exec_plain("RELEASE SAVEPOINT " + name);
}

void SQLiteConnection::rollback_to_savepoint(const std::string& name) {
    exec_plain("ROLLBACK TO SAVEPOINT " + name);
}

std::optional<std::int64_t> SQLiteConnection::last_insert_id() {
    return sqlite3_last_insert_rowid(db_);
}

void SQLiteConnection::interrupt() {
    if (db_) sqlite3_interrupt(db_);
}

std::vector<std::vector<Value>> SQLiteConnection::query(const std::string& sql,
                                                        const std::vector<Value>& params) {
    auto cursor = execute(sql, params);
    std::vector<std::vector<Value>> rows;
    std::vector<Value> row;
    while (cursor->next(row))
        rows.push_back(row);
    return rows;
}

} // namespace ormsh::dialects
