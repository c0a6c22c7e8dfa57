// The dialect contract: everything core/ needs from a database, in two parts, as SQLAlchemy
// and SOCI split it. `Dialect` is the stateless SQL flavour (capabilities, quoting,
// placeholders, type names, reflection queries); `DriverConnection` is one live connection to
// the database (execute, transactions, savepoints, interrupt). A dialect lives in
// dialects/<name>/ and is registered under its URL scheme in dialects/registry.cpp.
#pragma once

#include "core/engine/reflection.h"
#include "core/engine/type_spec.h"
#include "core/engine/url.h"
#include "core/engine/value.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ormsh::engine {

// What a database can do, as data: code asks caps.insert_returning, never the dialect's name.
struct Capabilities {
    bool insert_returning = false;       // INSERT ... RETURNING
    bool full_returning = false;         // UPDATE / DELETE ... RETURNING (ORM 'fetch' sync)
    bool multi_row_insert = true;        // INSERT ... VALUES (...), (...)
    bool native_boolean = false;         // a real BOOLEAN type (else 0/1 integers)
    bool native_decimal = false;         // NUMERIC comes back as Decimal (else as float)
    bool native_datetime = false;        // dates come back typed (else as ISO text)
    bool native_json = false;            // a JSON column type
    bool native_enum = false;            // CREATE TYPE ... AS ENUM
    bool ilike = false;                  // ILIKE operator (else lower(x) LIKE lower(y))
    bool sequences = false;              // serial columns backed by sequences
    bool transactional_ddl = true;       // DDL can be rolled back
    bool enforces_string_length = false; // VARCHAR(n) rejects longer values
    bool supports_is_distinct_from = true;
    int max_bind_parameters = 32766; // most placeholders one statement may carry
    // executemany() of INSERT ... RETURNING (psycopg2's execute_values), so SQLAlchemy sends a
    // flush's rows that need their keys back as one statement.
    bool insert_executemany_returning = false;
    // Rows a flush hands to one bulk_insert() call: what it holds at once (their converted
    // values) against what each call costs the driver (PostgreSQL's COPY: a savepoint, the
    // keys' reservation and the COPY's own round trips).
    std::size_t bulk_insert_rows = 1000;
};

// One column of a result, as the driver describes it.
struct ResultColumn {
    std::string name;
    // The driver's type name ("INTEGER", "int4", "numeric", or "" when unknown).
    std::string type_name;
};

// A forward-only cursor over the rows of one executed statement. Values are converted by the
// driver to the nearest Value type it knows (PostgreSQL by type OID; SQLite by storage class);
// type-directed conversion (text -> Date for a DATE column on SQLite) happens in core/sql.
class Cursor {
public:
    virtual ~Cursor() = default;
    virtual const std::vector<ResultColumn>& columns() const = 0;
    // Makes the next row the current one and returns true, or returns false at the end. Its
    // cells are then read one by one with read(), in any order and as often as needed, so a
    // loader can put values straight where they belong instead of into a row vector first.
    virtual bool advance() = 0;
    // Reads cell `column` of the current row into `out`, reusing the storage `out` holds (text
    // read into a Value that already holds a string overwrites it in place).
    virtual void read(std::size_t column, Value& out) = 0;
    // Fills `row` with the next row's values and returns true, or returns false at the end.
    // A driver may override it to release the statement as soon as the last row is read.
    virtual bool next(std::vector<Value>& row) {
        if (!advance()) return false;
        row.resize(columns().size());
        for (std::size_t i = 0; i < row.size(); ++i)
            read(i, row[i]);
        return true;
    }
    // Rows changed by an INSERT / UPDATE / DELETE (-1 when not applicable).
    virtual std::int64_t rowcount() const = 0;
};

// One live connection. Not thread-safe, except interrupt(), which another thread may call
// while a statement runs on this one.
// The rows of a bulk insert: `count` rows of one value per column, row after row, by address.
// The values stay where their owner keeps them (a flush binds its objects' slots as they are).
struct BulkRows {
    std::size_t count = 0;
    std::vector<const Value*> cells;

    const Value& at(std::size_t row, std::size_t column, std::size_t width) const {
        return *cells[row * width + column];
    }
    // The rows of a table of values (which must outlive the result).
    static BulkRows of(const std::vector<std::vector<Value>>& rows) {
        BulkRows out;
        out.count = rows.size();
        for (const auto& row : rows)
            for (const auto& value : row)
                out.cells.push_back(&value);
        return out;
    }
};

class DriverConnection {
public:
    DriverConnection();
    virtual ~DriverConnection();
    DriverConnection(const DriverConnection&) = delete;
    DriverConnection& operator=(const DriverConnection&) = delete;

    // Closes the database handle now (an open transaction rolls back, as when a process dies)
    // for a process about to exit without freeing its heap; nothing is called on the
    // connection afterwards. close_all_for_exit() does it for every open connection.
    virtual void close_for_exit() {}
    static void close_all_for_exit();

    // Runs one statement with bound parameters. The SQL uses this dialect's placeholder style
    // (Dialect::placeholder). Prepared statements are cached per connection, keyed by SQL text,
    // so the same text executed again skips parsing. Throws DBAPIError (with the statement and
    // parameters attached) or StatementInterrupted.
    virtual std::unique_ptr<Cursor> execute(const std::string& sql,
                                            const std::vector<Value>& params) = 0;

    // Runs one statement once per parameter row, as fast as the driver allows (SQLite: one
    // prepared statement re-bound; PostgreSQL: pipelined). Returns the total rowcount.
    virtual std::int64_t execute_many(const std::string& sql,
                                      const std::vector<std::vector<Value>>& rows) = 0;

    // Runs a plain SQL string with no parameters, possibly several statements (DDL, PRAGMA).
    virtual void execute_script(const std::string& sql) = 0;

    // Transactions. begin() starts one explicitly; the driver never autocommits between begin
    // and commit/rollback. Outside a transaction each statement commits on its own.
    virtual void begin() = 0;
    virtual void commit() = 0;
    virtual void rollback() = 0;
    virtual bool in_transaction() const = 0;
    virtual void savepoint(const std::string& name) = 0;
    virtual void release_savepoint(const std::string& name) = 0;
    virtual void rollback_to_savepoint(const std::string& name) = 0;

    // The rowid / serial value of the last INSERT on this connection, where the database has
    // such a notion without RETURNING (SQLite's last_insert_rowid); nullopt otherwise.
    virtual std::optional<std::int64_t> last_insert_id() = 0;

    // Asks the running statement to stop; it then throws StatementInterrupted. Safe to call
    // from another thread (or a signal handler's helper thread) at any time.
    virtual void interrupt() = 0;

    // False once the connection is known broken (server gone); the engine then reconnects.
    virtual bool is_alive() const = 0;

    // Bulk insert fit for seeding: inserts every row of `rows` into `table` (columns named in
    // `columns`, already quoted by the caller is NOT assumed: pass plain names) and, when
    // `returning` names a column, returns its value per row in order. PostgreSQL uses COPY
    // with keys reserved from the column's sequence, or INSERT ... RETURNING in batches (no
    // round trip per row); SQLite re-binds a prepared INSERT of 32 rows and derives the keys
    // from last_insert_rowid(), or inserts row by row where keys would not follow row order.
    virtual std::vector<Value> bulk_insert(const std::string& table,
                                           const std::vector<std::string>& columns,
                                           const BulkRows& rows,
                                           const std::optional<std::string>& returning) = 0;

    // Reflection of what the database holds (see reflection.h).
    virtual std::vector<std::string> table_names() = 0;
    virtual bool has_table(const std::string& name) = 0;
    virtual std::optional<TableInfo> reflect_table(const std::string& name) = 0;
};

class Dialect {
public:
    virtual ~Dialect() = default;

    // "sqlite", "postgresql": what engine.dialect.name prints.
    virtual std::string_view name() const = 0;
    // The DB-API module SQLAlchemy would use, for messages: "sqlite3", "psycopg2".
    virtual std::string_view driver_module() const = 0;
    // The default driver name in a URL without "+driver": "pysqlite", "psycopg2".
    virtual std::string_view default_driver() const = 0;
    virtual const Capabilities& caps() const = 0;

    // Quotes an identifier when it needs it (reserved word, upper case, odd characters), as
    // SQLAlchemy's IdentifierPreparer does; plain lower-case names are returned unchanged.
    virtual std::string quote_identifier(std::string_view name) const = 0;
    // Always quotes, for names that must survive any content.
    virtual std::string force_quote_identifier(std::string_view name) const = 0;
    // The placeholder for the 1-based parameter `index`: "?" for SQLite, "$1" for PostgreSQL.
    virtual std::string placeholder(int index) const = 0;
    // The DDL type name for a column type: "VARCHAR(80)", "INTEGER", "TIMESTAMP WITHOUT TIME
    // ZONE"; throws CompileError naming the dialect for a type it lacks.
    virtual std::string type_ddl(const TypeSpec& type) const = 0;
    // The column definition suffix for an autoincrementing integer primary key: SQLite keeps
    // "INTEGER NOT NULL" + PRIMARY KEY; PostgreSQL uses "SERIAL" / "BIGSERIAL".
    virtual std::string autoincrement_type_ddl(const TypeSpec& type) const = 0;

    // Opens a new connection for `url`; throws DBAPIError (Operational) when it cannot.
    virtual std::unique_ptr<DriverConnection> connect(const Url& url) const = 0;

    // True when every connection to `url` would be a different database (SQLite :memory:),
    // so the engine must keep exactly one connection for its lifetime.
    virtual bool single_connection(const Url& url) const {
        (void)url;
        return false;
    }
};

// Looks up the dialect registered for url.backend; throws NoSuchModuleError
// ("Can't load plugin: sqlalchemy.dialects:mysql") for an unknown one.
const Dialect& dialect_for(const Url& url);

// Registration, called once per dialect from dialects/registry.cpp.
void register_dialect(std::string backend, std::unique_ptr<Dialect> dialect);
// Another URL scheme for a registered backend ("postgres" -> "postgresql").
void register_dialect_alias(std::string alias, std::string backend);
// The backend an URL scheme names, after aliases; unknown names come back unchanged.
std::string resolve_backend_alias(const std::string& scheme);

} // namespace ormsh::engine
