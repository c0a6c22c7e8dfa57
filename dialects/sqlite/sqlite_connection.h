// One connection to a SQLite database through libsqlite3, with a prepared-statement cache
// keyed by SQL text and pysqlite's transaction behaviour (BEGIN is deferred to the first
// INSERT/UPDATE/DELETE/REPLACE, so PRAGMAs and DDL before it run outside any transaction).
#pragma once

#include "core/engine/dialect.h"
#include "core/engine/errors.h"

#include <atomic>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace ormsh::dialects {

class SQLiteDialect;

// Prepared statements by SQL text. Shared with live cursors so that a cursor outliving its
// connection still finalizes its statement (the database closes with sqlite3_close_v2).
class SQLiteStatementCache {
public:
    explicit SQLiteStatementCache(sqlite3* db) : db_(db) {}
    ~SQLiteStatementCache();
    SQLiteStatementCache(const SQLiteStatementCache&) = delete;
    SQLiteStatementCache& operator=(const SQLiteStatementCache&) = delete;

    struct Lease {
        sqlite3_stmt* stmt = nullptr;
        bool cached = false; // false: a private copy because the cached one is in use
        bool dml = false;    // pysqlite begins a transaction before these
    };
    // Prepares or reuses the statement for `sql`; throws DBAPIError on a prepare error.
    Lease acquire(const std::string& sql);
    // Resets the statement and clears its bindings, making it reusable.
    void release(const std::string& sql, const Lease& lease);
    sqlite3* db() const { return db_; }

private:
    struct Entry {
        sqlite3_stmt* stmt;
        bool in_use;
        bool dml;
    };
    sqlite3* db_;
    std::unordered_map<std::string, Entry> entries_;
};

class SQLiteConnection : public engine::DriverConnection {
public:
    SQLiteConnection(const SQLiteDialect& dialect, const engine::Url& url);
    ~SQLiteConnection() override;
    void close_for_exit() override;

    std::unique_ptr<engine::Cursor> execute(const std::string& sql,
                                            const std::vector<engine::Value>& params) override;
    std::int64_t execute_many(const std::string& sql,
                              const std::vector<std::vector<engine::Value>>& rows) override;
    void execute_script(const std::string& sql) override;

    void begin() override;
    void commit() override;
    void rollback() override;
    bool in_transaction() const override { return transaction_requested_; }
    void savepoint(const std::string& name) override;
    void release_savepoint(const std::string& name) override;
    void rollback_to_savepoint(const std::string& name) override;

    std::optional<std::int64_t> last_insert_id() override;
    void interrupt() override;
    bool is_alive() const override { return db_ != nullptr; }

    std::vector<engine::Value> bulk_insert(const std::string& table,
                                           const std::vector<std::string>& columns,
                                           const engine::BulkRows& rows,
                                           const std::optional<std::string>& returning) override;

    std::vector<std::string> table_names() override;
    bool has_table(const std::string& name) override;
    std::optional<engine::TableInfo> reflect_table(const std::string& name) override;

private:
    // Issues the deferred BEGIN before a data-changing statement, as pysqlite does.
    void begin_if_needed(bool dml);
    // sqlite_bulk_insert.cpp: how many rows one INSERT of bulk_insert() takes (1: one by one),
    // and whether a multi-row INSERT does what one INSERT per row would: the same keys, in the
    // order of its rows, and on an error none of its rows left in.
    std::size_t rows_per_insert(const std::string& table, std::size_t width, std::size_t rows);
    bool multi_row_insert_is_faithful(const std::string& table, std::size_t rows);
    // Inserts rows [first, rows.count) one INSERT each, adding their keys to `keys` if given.
    void insert_one_by_one(const std::string& sql, const engine::BulkRows& rows, std::size_t width,
                           std::size_t first, std::vector<engine::Value>* keys);
    // The cached statement for `sql`; a prepare error carries the statement and parameters.
    SQLiteStatementCache::Lease acquire(const std::string& sql,
                                        const std::vector<engine::Value>& params);
    // Runs a statement and reads all its rows (reflection queries, PRAGMAs).
    std::vector<std::vector<engine::Value>> query(const std::string& sql,
                                                  const std::vector<engine::Value>& params = {});
    void exec_plain(const std::string& sql);

    const SQLiteDialect& dialect_;
    sqlite3* db_ = nullptr;
    std::shared_ptr<SQLiteStatementCache> cache_;
    bool transaction_requested_ = false;
};

// Binds one value the way pysqlite adapts the Python value (sqlite_connection.cpp).
void sqlite_bind_value(sqlite3_stmt* stmt, int index, const engine::Value& value, bool copy);
// Reads column `i` of the current row by its storage class into `out`, reusing the string it
// holds for text.
void read_sqlite_column(sqlite3_stmt* stmt, int i, engine::Value& out);

// sqlite_errors.cpp: the DB-API class pysqlite raises for a result code.
engine::DBErrorKind sqlite_error_kind(int code);
// Throws the error for `rc` (StatementInterrupted for SQLITE_INTERRUPT), carrying the
// connection's message and, when given, the statement and its parameters.
[[noreturn]] void throw_sqlite_error(sqlite3* db, int rc, const std::string& sql = {},
                                     const std::vector<engine::Value>& params = {});
// A DB-API error pysqlite raises itself, before SQLite sees the statement.
[[noreturn]] void throw_sqlite_programming_error(const std::string& message, const std::string& sql,
                                                 const std::vector<engine::Value>& params);

} // namespace ormsh::dialects
