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
    // The declared types (format_type spelling) of `columns` in `table`, or nullopt when any
    // is missing; bulk_insert casts its array parameters to them.
    std::optional<std::vector<std::string>> column_types(const std::string& table,
                                                         const std::vector<std::string>& columns);
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
};

// Reads the text of a result cell into `out`, converted by its type OID as psycopg2's
// typecasters do; text reuses the string `out` already holds.
void read_pg_text(unsigned int oid, const char* text, int length, engine::Value& out);

// postgresql_errors.cpp: the error for a failed result (or a failed connection when
// `result` is null), classified by SQLSTATE as psycopg2 does. Throws StatementInterrupted
// for a cancelled statement.
[[noreturn]] void throw_pg_error(PGconn* conn, const PGresult* result, const std::string& sql,
                                 const std::vector<engine::Value>& params, bool connection_lost);
engine::DBErrorKind pg_error_kind(const std::string& sqlstate);
// psycopg2.errors class name for a SQLSTATE, or "" when psycopg2 would use the base class.
std::string pg_error_class(const std::string& sqlstate);

} // namespace ormsh::dialects
