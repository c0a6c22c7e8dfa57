// Engine (URL + dialect + pool) and Connection (a borrowed driver connection with SQLAlchemy
// 1.4's transaction semantics). The pool is deliberately small: a shell has one user, so a
// handful of idle connections covers an ORM session plus an engine.connect() or two.
#include "core/engine/engine.h"

#include "core/engine/errors.h"
#include "core/engine/sandbox_connection.h"

#include <algorithm>
#include <atomic>

namespace ormsh::engine {

namespace {

// Idle connections kept for reuse, as QueuePool's default pool_size.
constexpr std::size_t kPoolSize = 5;

// Every engine created, held weakly, for interrupt_every_engine(). Leaked on purpose so that
// engines destroyed during static destruction find it still alive.
std::mutex& live_engines_mutex() {
    static auto* mutex = new std::mutex;
    return *mutex;
}

std::atomic<bool> g_sandbox_new_engines{false};

std::vector<std::weak_ptr<Engine>>& engine_registry() {
    static auto* engines = new std::vector<std::weak_ptr<Engine>>;
    return *engines;
}

} // namespace

// ---- Engine ----------------------------------------------------------------------------

Engine::Engine(Url url, const Dialect& dialect)
    : url_(std::move(url)), dialect_(&dialect),
      single_connection_(dialect.single_connection(url_)) {}

std::shared_ptr<Engine> Engine::create(const Url& url) {
    const Dialect& dialect = dialect_for(url);
    auto engine = std::shared_ptr<Engine>(new Engine(url, dialect));
    if (g_sandbox_new_engines) {
        // One connection for the engine's life: the sandbox transaction lives on it.
        engine->sandboxed_ = true;
        engine->single_connection_ = true;
    }
    std::lock_guard lock(live_engines_mutex());
    std::erase_if(engine_registry(), [](const auto& weak) { return weak.expired(); });
    engine_registry().push_back(engine);
    return engine;
}

void Engine::sandbox_new_engines(bool on) {
    g_sandbox_new_engines = on;
}

std::vector<std::shared_ptr<Engine>> Engine::live_engines() {
    std::vector<std::shared_ptr<Engine>> engines;
    std::lock_guard lock(live_engines_mutex());
    for (const auto& weak : engine_registry())
        if (auto engine = weak.lock()) engines.push_back(std::move(engine));
    return engines;
}

std::unique_ptr<Connection> Engine::connect() {
    return std::make_unique<Connection>(*this, checkout());
}

std::shared_ptr<DriverConnection> Engine::checkout() {
    std::unique_lock lock(mutex_);
    if (single_connection_) {
        if (!singleton_ || !singleton_->is_alive()) {
            if (sandboxed_) singleton_ = std::make_shared<SandboxConnection>(dialect_->connect(url_));
            else singleton_ = dialect_->connect(url_);
            all_.push_back(singleton_);
        }
        return singleton_;
    }
    while (!idle_.empty()) {
        auto conn = std::move(idle_.back());
        idle_.pop_back();
        if (conn->is_alive()) return conn;
    }
    lock.unlock();
    std::shared_ptr<DriverConnection> conn = dialect_->connect(url_);
    lock.lock();
    std::erase_if(all_, [](const auto& weak) { return weak.expired(); });
    all_.push_back(conn);
    return conn;
}

void Engine::checkin(std::shared_ptr<DriverConnection> conn) {
    if (!conn) return;
    // "Reset on return": a connection goes back to the pool with no transaction open.
    if (conn->is_alive() && conn->in_transaction()) {
        try {
            conn->rollback();
        } catch (const std::exception&) {
            return; // a connection that cannot roll back is not worth keeping
        }
    }
    std::lock_guard lock(mutex_);
    if (single_connection_ || !conn->is_alive()) return;
    if (idle_.size() < kPoolSize) idle_.push_back(std::move(conn));
}

void Engine::interrupt_all() {
    std::vector<std::shared_ptr<DriverConnection>> live;
    {
        std::lock_guard lock(mutex_);
        for (const auto& weak : all_)
            if (auto conn = weak.lock()) live.push_back(std::move(conn));
    }
    for (const auto& conn : live)
        conn->interrupt();
}

void Engine::dispose() {
    std::lock_guard lock(mutex_);
    idle_.clear();
    singleton_.reset();
}

void Engine::invalidate_idle() {
    std::lock_guard lock(mutex_);
    idle_.clear();
}

// ---- Connection ------------------------------------------------------------------------

Connection::Connection(Engine& engine, std::shared_ptr<DriverConnection> driver)
    : engine_(&engine), engine_owner_(engine.weak_from_this().lock()), driver_(std::move(driver)) {}

Connection::~Connection() {
    try {
        close();
    } catch (const std::exception&) {
        // Destructors must not throw; a failed rollback leaves a connection the pool drops.
    }
}

const Dialect& Connection::dialect() const {
    return engine_->dialect();
}

DriverConnection& Connection::open_driver() const {
    if (!driver_) throw ResourceClosedError("This Connection is closed");
    if (invalidated_)
        throw PendingRollbackError("Can't reconnect until invalid transaction is rolled back. "
                                   "(Background on this error at: https://sqlalche.me/e/14/8s2b)");
    return *driver_;
}

template <class Fn> decltype(auto) Connection::guarded(Fn&& fn) {
    try {
        return fn();
    } catch (const DBAPIError& e) {
        if (e.connection_invalidated) {
            invalidated_ = true;
            engine_->invalidate_idle();
        }
        throw;
    }
}

void Connection::echo(const std::string& message) const {
    if (const auto& sink = engine_->echo()) sink(message);
}

void Connection::autobegin() {
    DriverConnection& d = open_driver();
    if (!d.in_transaction()) {
        echo("BEGIN (implicit)");
        guarded([&] { d.begin(); });
    }
}

Result Connection::execute(const std::string& sql, const std::vector<Value>& params,
                           const std::vector<TypeSpec>* result_types,
                           const std::string& echo_label) {
    autobegin();
    if (engine_->echo()) {
        echo(sql);
        echo(echo_label + " " + repr_params(params));
    }
    auto cursor = guarded([&] { return driver_->execute(sql, params); });
    return Result(std::move(cursor), result_types ? *result_types : std::vector<TypeSpec>{},
                  &dialect().caps());
}

bool Connection::echoing() const { return static_cast<bool>(engine_->echo()); }

Result Connection::execute_echoed_as(const std::string& sql, const std::vector<Value>& params,
                                     const std::vector<TypeSpec>* result_types,
                                     const std::string& echo_label, const std::string& echo_sql,
                                     const std::string& echo_params) {
    autobegin();
    if (engine_->echo()) {
        echo(echo_sql);
        echo(echo_label + " " + echo_params);
    }
    auto cursor = driver_->execute(sql, params);
    return Result(std::move(cursor), result_types ? *result_types : std::vector<TypeSpec>{},
                  &dialect().caps());
}

std::int64_t Connection::execute_many(const std::string& sql,
                                      const std::vector<std::vector<Value>>& rows,
                                      const std::string& echo_label) {
    autobegin();
    if (engine_->echo()) {
        echo(sql);
        echo(echo_label + " " + repr_param_sets(rows));
    }
    return guarded([&] { return driver_->execute_many(sql, rows); });
}

std::vector<Value> Connection::bulk_insert(const std::string& table,
                                           const std::vector<std::string>& columns,
                                           const BulkRows& rows,
                                           const std::optional<std::string>& returning,
                                           const ExecutemanyForm* shown) {
    autobegin();
    if (shown && engine_->echo()) {
        auto sets = shown->rows();
        echo(shown->sql);
        echo(shown->echo_label + " " +
             (shown->names.empty() ? repr_param_sets(sets)
                                   : repr_named_param_sets(shown->names, sets)));
    }
    try {
        return guarded([&] { return driver_->bulk_insert(table, columns, rows, returning); });
    } catch (DBAPIError& e) {
        if (!shown) throw;
        e.attach_statement_many(shown->sql, shown->rows());
        if (!shown->names.empty()) e.set_param_names(shown->names);
        throw;
    }
}

void Connection::begin() {
    DriverConnection& d = open_driver();
    if (d.in_transaction())
        throw InvalidRequestError("a transaction is already begun on this Connection");
    echo("BEGIN (implicit)");
    d.begin();
}

void Connection::commit() {
    DriverConnection& d = open_driver();
    if (!d.in_transaction()) return;
    echo("COMMIT");
    guarded([&] { d.commit(); });
}

void Connection::rollback() {
    if (driver_ && invalidated_) {
        // Nothing to roll back on a dead connection: reconnect for the next statement.
        echo("ROLLBACK");
        driver_ = engine_->checkout();
        invalidated_ = false;
        return;
    }
    DriverConnection& d = open_driver();
    if (!d.in_transaction()) return;
    echo("ROLLBACK");
    guarded([&] { d.rollback(); });
}

bool Connection::in_transaction() const {
    return driver_ && (invalidated_ || driver_->in_transaction());
}

void Connection::savepoint(const std::string& name) {
    autobegin();
    echo("SAVEPOINT " + name);
    driver_->savepoint(name);
}

void Connection::release_savepoint(const std::string& name) {
    echo("RELEASE SAVEPOINT " + name);
    open_driver().release_savepoint(name);
}

void Connection::rollback_to_savepoint(const std::string& name) {
    echo("ROLLBACK TO SAVEPOINT " + name);
    open_driver().rollback_to_savepoint(name);
}

void Connection::close() {
    if (!driver_) return;
    if (invalidated_) {
        driver_.reset(); // dead: not returned to the pool
        invalidated_ = false;
        return;
    }
    auto driver = std::move(driver_);
    driver_.reset();
    if (driver->is_alive() && driver->in_transaction()) {
        echo("ROLLBACK");
        try {
            driver->rollback();
        } catch (const std::exception&) {
            return; // dropped rather than pooled
        }
    }
    engine_->checkin(std::move(driver));
}

} // namespace ormsh::engine
