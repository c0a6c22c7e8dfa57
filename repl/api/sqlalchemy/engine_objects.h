// The Python wrappers of a live connection and its transaction (sqlalchemy.engine.Connection
// / Transaction), shared by the engine, schema (create_all(conn)) and result bindings.
#pragma once

#include "core/engine/engine.h"
#include "repl/api/sql_objects.h"

#include <memory>

namespace ormsh::api {

struct ConnectionObj : lang::Object {
    explicit ConnectionObj(lang::Type* t) : Object(t) {}
    Value engine; // the EngineObj; declared first so the connection is closed before it goes
    std::unique_ptr<engine::Connection> conn;
    bool future = false;
    // A Transaction object (conn.begin()) is open: no legacy autocommit.
    bool explicit_tx = false;
    void traverse(lang::Visitor& v) override;
    void clear_refs() override;
};

struct TransactionObj : lang::Object {
    explicit TransactionObj(lang::Type* t) : Object(t) {}
    Value connection; // the ConnectionObj
    bool active = true;
    // engine.begin(): closing the transaction also closes the connection.
    bool close_connection = false;
    void traverse(lang::Visitor& v) override;
    void clear_refs() override;
};

ConnectionObj* as_connection(lang::Interpreter& in, const Value& v); // null when not one
EngineObj* as_engine(lang::Interpreter& in, const Value& v);         // null when not one

// Executes `stmt` (a statement object or an SQL string) with execute()'s remaining arguments
// on a connection, applying 1.4's legacy autocommit when no transaction is open.
Value connection_execute(lang::Interpreter& in, ConnectionObj* c, const Value& stmt,
                         lang::Args& rest);

// A Connection object over a connection owned elsewhere (a session's, during its flush), as
// the ORM passes to mapper event listeners. Valid while this guard lives; afterwards the
// object reports itself closed.
class BorrowedConnection {
public:
    BorrowedConnection(const Value& engine, engine::Connection& conn);
    ~BorrowedConnection();
    BorrowedConnection(const BorrowedConnection&) = delete;
    BorrowedConnection& operator=(const BorrowedConnection&) = delete;
    const Value& value() const { return value_; }

private:
    Value value_;
};

// A new Connection wrapper for an engine.
Value connect_engine(lang::Interpreter& in, const Value& engine);

// Turns SQL echo on or off for one engine, as create_engine(echo=...) / engine.echo = ... do.
void set_engine_echo(engine::Engine& e, bool on);
// The shell's `--echo` / `.echo on`: echo every live engine and every engine created
// afterwards (Flask-SQLAlchemy passes echo=False explicitly; the command line wins).
void set_echo_everywhere(bool on);
// The logging module changed a level: engines without echo start or stop sending their
// statements to the "sqlalchemy.engine.Engine" logger (logging calls this through the
// _ormsh_sql_logging module).
void refresh_sql_logging(lang::Interpreter& in);

} // namespace ormsh::api
