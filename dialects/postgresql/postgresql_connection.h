// One connection to PostgreSQL. Statements go through libpq's extended protocol with typed
// text-format parameters (int8, float8, bool, numeric, date, ... chosen from the value, so
// "SELECT $1" comes back typed as psycopg2's literal would); a statement seen twice is
// prepared and reused. BEGIN is sent lazily with the first statement, as psycopg2 does.
//
// libpq rather than libpqxx: pqxx 6.4 keeps the PGconn private and cannot pass parameter
// type OIDs, use pipeline mode or cancel from another thread without its own locking.
#pragma once

#include "core/engine/dialect.h"
#include "core/engine/errors.h"

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

typedef struct pg_conn PGconn;
typedef struct pg_result PGresult;
typedef struct pg_cancel PGcancel;

namespace ormsh::dialects {

class PostgreSQLDialect;

class PostgreSQLConnection : public engine::DriverConnection {
public:
    PostgreSQLConnection(const PostgreSQLDialect& dialect, const engine::Url& url);
    ~PostgreSQLConnection() override;
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

    std::optional<std::int64_t> last_insert_id() override { return std::nullopt; }
    void interrupt() override;
    bool is_alive() const override { return alive_; }

    std::vector<engine::Value> bulk_insert(const std::string& table,
                                           const std::vector<std::string>& columns,
                                           const engine::BulkRows& rows,
                                           const std::optional<std::string>& returning) override;

    std::vector<std::string> table_names() override;
    bool has_table(const std::string& name) override;
    std::optional<engine::TableInfo> reflect_table(const std::string& name) override;

private:
    // Parameters in libpq's form; the strings own the text the pointers point into.
    struct Params {
        std::vector<unsigned int> types;
        std::vector<std::string> texts;
        std::vector<const char*> values;
        void assign(const std::vector<engine::Value>& params, bool typed);
        void append(const engine::Value& value, bool typed);
        void finish();
    };
    struct Prepared {
        std::string name;
        int uses = 0;
        bool prepared = false;
    };

    // Runs one statement; returns its successful result or throws the classified error.
    PGresult* run(const std::string& sql, const std::vector<engine::Value>& params, bool typed,
                  bool allow_prepare);
    // Checks a result: returns it when it succeeded, else frees it and throws.
    PGresult* check(PGresult* result, const std::string& sql,
                    const std::vector<engine::Value>& params);
    void exec_plain(const std::string& sql);
    void begin_if_needed();
    void forget_prepared_after_ddl(const std::string& sql);

    // What bulk_insert needs to know of a table (postgresql_bulk_insert.cpp).
    struct BulkTarget {
        // COPY does what INSERT does: a plain or partitioned table without rules, row-level
        // security or user triggers (a BEFORE trigger could change the key COPY assumes).
        bool copy_safe = false;
        // Each column's declared type (format_type spelling) and default expression.
        std::unordered_map<std::string, std::pair<std::string, std::string>> columns;
    };
    // The catalog's description of `table`, cached until the transaction ends or DDL runs:
    // once a transaction has written to the table, its lock keeps other sessions from adding
    // rules, triggers or columns until then.
    const BulkTarget& bulk_target(const std::string& table);
    // Inserts the rows with COPY, giving the column `key_column` (when set) values reserved
    // from its sequence `key_default` first; returns the keys. nullopt when COPY failed for
    // any reason but a lost connection or a cancel: nothing was inserted, the caller inserts
    // the rows with INSERT, which reports the error as SQLAlchemy's INSERT would.
    std::optional<std::vector<engine::Value>> copy_rows(const std::string& table,
                                                        const std::vector<std::string>& columns,
                                                        const engine::BulkRows& rows,
                                                        const std::string* key_column,
                                                        const std::string* key_default);
    // INSERT ... SELECT FROM unnest(arrays) with `types` as the arrays' element types.
    void insert_unnest(const std::string& head, const std::string& tail,
                       const std::vector<std::string>& types, const engine::BulkRows& rows,
                       std::size_t width, const std::function<void(PGresult*)>& collect);
    // INSERT ... VALUES (...), (...) in batches below the parameter limit.
    void insert_values(const std::string& head, const std::string& tail, std::size_t ncolumns,
                       const engine::BulkRows& rows, const std::function<void(PGresult*)>& collect);
    std::vector<std::vector<engine::Value>> query(const std::string& sql,
                                                  const std::vector<engine::Value>& params = {});

    const PostgreSQLDialect& dialect_;
    PGconn* conn_ = nullptr;
    std::mutex cancel_mutex_; // guards cancel_ against interrupt() racing the destructor
    PGcancel* cancel_ = nullptr;
    bool alive_ = true;
    bool transaction_requested_ = false;
    bool transaction_begun_ = false;
    std::unordered_map<std::string, Prepared> statements_;
    int statement_counter_ = 0;
    std::unordered_map<std::string, BulkTarget> bulk_targets_;
};

// Reads the text of a result cell into `out`, converted by its type OID as psycopg2's
// typecasters do; text reuses the string `out` already holds.
void read_pg_text(unsigned int oid, const char* text, int length, engine::Value& out);
// The text form PostgreSQL accepts for a value; `oid` receives the type OID it has on the
// Python side (left alone for NULL and text).
std::string pg_text(const engine::Value& value, unsigned int& oid);

// postgresql_errors.cpp: the error for a failed result (or a failed connection when
// `result` is null), classified by SQLSTATE as psycopg2 does. Throws StatementInterrupted
// for a cancelled statement.
[[noreturn]] void throw_pg_error(PGconn* conn, const PGresult* result, const std::string& sql,
                                 const std::vector<engine::Value>& params, bool connection_lost);
engine::DBErrorKind pg_error_kind(const std::string& sqlstate);
// psycopg2.errors class name for a SQLSTATE, or "" when psycopg2 would use the base class.
std::string pg_error_class(const std::string& sqlstate);

} // namespace ormsh::dialects
