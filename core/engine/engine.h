// Engine and Connection: the front door to a database, as in SQLAlchemy's engine layer.
// An Engine holds the URL, the dialect and a small pool of driver connections; a Connection
// borrows one, runs statements through it and manages its transaction. Echo output goes
// through a callback, never straight to stdout (the core reports, the shell renders).
#pragma once

#include "core/engine/dialect.h"
#include "core/engine/result.h"
#include "core/engine/url.h"

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace ormsh::engine {

// Receives each statement and its parameters when echo is on; `message` is one log line's
// text as SQLAlchemy logs it ("SELECT ...", "[generated in 0.00012s] (1,)", "COMMIT").
using EchoSink = std::function<void(const std::string& message)>;

class Engine;

// A borrowed driver connection. Statements run in autocommit-off mode the way SQLAlchemy
// 1.4's "autobegin" works: the first execute() begins a transaction implicitly unless one is
// open; commit()/rollback() end it. Returned to the engine's pool when destroyed.
class Connection {
public:
    Connection(Engine& engine, std::shared_ptr<DriverConnection> driver);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    Engine& engine() const { return *engine_; }
    const Dialect& dialect() const;
    DriverConnection& driver() { return *driver_; }

    // Executes SQL in the dialect's placeholder style with bound parameters. `types`, when
    // given, says what each result column should become (type-directed conversion, e.g. an
    // SQLite TEXT cell for a DATE column becomes a Date).
    // `echo_label` is what the echo line before the parameters says, as SQLAlchemy's
    // "[generated in 0.00012s]" / "[cached since 2.1s ago]"; the compiler passes its own.
    Result execute(const std::string& sql, const std::vector<Value>& params = {},
                   const std::vector<TypeSpec>* result_types = nullptr,
                   const std::string& echo_label = "[raw sql]");
    // Whether statements are being echoed (so callers compute an echo form only when needed).
    bool echoing() const;
    // Like execute(), but echo shows `echo_sql` and `echo_params` instead of the driver's SQL
    // and a tuple: PostgreSQL statements echo in SQLAlchemy's pyformat with a parameter dict.
    Result execute_echoed_as(const std::string& sql, const std::vector<Value>& params,
                             const std::vector<TypeSpec>* result_types,
                             const std::string& echo_label, const std::string& echo_sql,
                             const std::string& echo_params);
    std::int64_t execute_many(const std::string& sql, const std::vector<std::vector<Value>>& rows,
                              const std::string& echo_label = "[raw sql]");
    // How a bulk insert shows when it stands for SQLAlchemy's executemany() of one INSERT:
    // echo prints `sql` once with every row's parameters (a dict per row with `names`, as
    // psycopg2's pyformat), and a database error names them. The rows are built only then.
    struct ExecutemanyForm {
        std::string sql;
        std::vector<std::string> names;
        std::string echo_label;
        std::function<std::vector<std::vector<Value>>()> rows;
    };
    // DriverConnection::bulk_insert inside this connection's (auto-begun) transaction. With
    // `shown`, echo and errors show it as that executemany(); without, nothing is echoed.
    std::vector<Value> bulk_insert(const std::string& table,
                                   const std::vector<std::string>& columns, const BulkRows& rows,
                                   const std::optional<std::string>& returning = std::nullopt,
                                   const ExecutemanyForm* shown = nullptr);
    bool closed() const { return !driver_; }

    void begin();
    void commit();
    void rollback();
    bool in_transaction() const;
    void savepoint(const std::string& name);
    void release_savepoint(const std::string& name);
    void rollback_to_savepoint(const std::string& name);
    void close();

private:
    void echo(const std::string& message) const;
    // Begins the implicit transaction before a statement, as SQLAlchemy 1.4's autobegin.
    void autobegin();
    DriverConnection& open_driver() const;
    // Runs a driver call; a disconnect error invalidates the pool before propagating.
    template <class Fn> decltype(auto) guarded(Fn&& fn);
    Engine* engine_;
    // Keeps the engine (and so the pool this connection returns to) alive as long as the
    // connection, as a SQLAlchemy Connection references its Engine.
    std::shared_ptr<Engine> engine_owner_;
    std::shared_ptr<DriverConnection> driver_;
    // The server connection broke inside a transaction: statements raise PendingRollbackError
    // until rollback() replaces it with a fresh one, as SQLAlchemy's invalidated Connection.
    bool invalidated_ = false;
};

class Engine : public std::enable_shared_from_this<Engine> {
public:
    static std::shared_ptr<Engine> create(const Url& url);
    static std::shared_ptr<Engine> create(std::string_view url) { return create(Url::parse(url)); }

    const Url& url() const { return url_; }
    const Dialect& dialect() const { return *dialect_; }
    std::unique_ptr<Connection> connect();

    void set_echo(EchoSink sink) { echo_ = std::move(sink); }
    const EchoSink& echo() const { return echo_; }

    // Interrupts every statement running on this engine's connections (Ctrl-C).
    void interrupt_all();
    // Every engine alive in the process, for the shell's Ctrl-C and `.echo on`, which act on
    // engines a script created without the shell knowing them. Takes a lock: not for signal
    // handlers.
    static std::vector<std::shared_ptr<Engine>> live_engines();
    // The shell's --sandbox: engines created from now on run on one SandboxConnection each,
    // so every commit is a savepoint in a transaction rolled back when the engine goes.
    static void sandbox_new_engines(bool on);
    bool sandboxed() const { return sandboxed_; }
    // Drops pooled connections (dispose()).
    void dispose();
    // Drops the idle pooled connections after one was found disconnected (a server restart
    // breaks them all), as SQLAlchemy's pool invalidates its older connections.
    void invalidate_idle();

    // Internal: the pool. SQLite in-memory databases keep exactly one connection for the
    // engine's lifetime (as SQLAlchemy's SingletonThreadPool does), since each new connection
    // would be a new empty database.
    std::shared_ptr<DriverConnection> checkout();
    void checkin(std::shared_ptr<DriverConnection> conn);

private:
    Engine(Url url, const Dialect& dialect);
    Url url_;
    const Dialect* dialect_;
    EchoSink echo_;
    std::mutex mutex_;
    std::vector<std::shared_ptr<DriverConnection>> idle_;
    std::vector<std::weak_ptr<DriverConnection>> all_;
    // The one connection of a SQLite :memory: engine, kept until dispose().
    std::shared_ptr<DriverConnection> singleton_;
    bool single_connection_ = false;
    bool sandboxed_ = false;
};

} // namespace ormsh::engine
