// Errors raised by core/, named after sqlalchemy.exc so that the language layer can map each
// one to the exception class a user knows. A database error keeps the driver's message, the
// SQL and its parameters, and renders them the way SQLAlchemy does.
#pragma once

#include "core/engine/value.h"

#include <exception>
#include <stdexcept>
#include <string>
#include <vector>

namespace ormsh::engine {

// The base of every error core/ raises on purpose (sqlalchemy.exc.SQLAlchemyError).
class SQLAlchemyError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
    // The sqlalchemy.exc class name ("IntegrityError", "ArgumentError", ...).
    virtual const char* class_name() const { return "SQLAlchemyError"; }
};

#define ORMSH_DECLARE_ERROR(Name, Base)                                                            \
    class Name : public Base {                                                                     \
    public:                                                                                        \
        using Base::Base;                                                                          \
        const char* class_name() const override { return #Name; }                                  \
    };

ORMSH_DECLARE_ERROR(ArgumentError, SQLAlchemyError)
ORMSH_DECLARE_ERROR(CompileError, SQLAlchemyError)
ORMSH_DECLARE_ERROR(InvalidRequestError, SQLAlchemyError)
ORMSH_DECLARE_ERROR(NoSuchTableError, InvalidRequestError)
ORMSH_DECLARE_ERROR(NoSuchModuleError, ArgumentError)
ORMSH_DECLARE_ERROR(ResourceClosedError, InvalidRequestError)
// A Connection whose transaction was lost with its server connection, until rollback().
ORMSH_DECLARE_ERROR(PendingRollbackError, InvalidRequestError)
// A ForeignKey whose target table or column is not in its MetaData.
ORMSH_DECLARE_ERROR(NoReferenceError, InvalidRequestError)
ORMSH_DECLARE_ERROR(NoReferencedTableError, NoReferenceError)
ORMSH_DECLARE_ERROR(NoReferencedColumnError, NoReferenceError)

// Which DB-API error class a driver error falls in (PEP 249 names, as SQLAlchemy wraps them).
enum class DBErrorKind {
    Interface,
    Database,
    Data,
    Operational,
    Integrity,
    Internal,
    Programming,
    NotSupported,
};

const char* db_error_class_name(DBErrorKind kind);

// sqlalchemy.exc.DBAPIError and its subclasses, chosen by kind(). what() is the full
// SQLAlchemy rendering: "(sqlite3.IntegrityError) UNIQUE constraint failed: user.name\n
// [SQL: INSERT ...]\n[parameters: (...)]"; driver_message() is the driver's own text.
class DBAPIError : public SQLAlchemyError {
public:
    DBAPIError(DBErrorKind kind, std::string driver_module, std::string driver_message,
               std::string sql = {}, std::vector<Value> params = {}, std::string sqlstate = {});

    const char* class_name() const override { return db_error_class_name(kind_); }
    DBErrorKind kind() const { return kind_; }
    const std::string& driver_message() const { return driver_message_; }
    const std::string& sql() const { return sql_; }
    const std::vector<Value>& params() const { return params_; }
    // PostgreSQL SQLSTATE or SQLite extended result code as text.
    const std::string& sqlstate() const { return sqlstate_; }
    // "sqlite3" / "psycopg2.errors": the module prefix SQLAlchemy prints in the message.
    const std::string& driver_module() const { return driver_module_; }
    const char* what() const noexcept override { return rendered_.c_str(); }
    // Records the statement it failed on (the driver rarely knows it) and re-renders what().
    void attach_statement(std::string sql, std::vector<Value> params);
    // The same for an executemany(): every parameter set, rendered as SQLAlchemy lists them.
    void attach_statement_many(std::string sql, std::vector<std::vector<Value>> rows);
    // The driver's own exception class when it is finer than the PEP 249 one, as psycopg2's
    // per-SQLSTATE classes ("UniqueViolation"); printed instead of class_name().
    void set_driver_class(std::string name);
    const std::string& driver_class() const { return driver_class_; }
    // The parameters' names, for drivers whose paramstyle is named (psycopg2's pyformat):
    // the parameters then print as a dict, {'username': 'admin'}, as SQLAlchemy shows them.
    void set_param_names(std::vector<std::string> names);
    // True when the connection itself is gone (server restart, broken socket).
    bool connection_invalidated = false;

private:
    void render();
    DBErrorKind kind_;
    std::string driver_module_, driver_message_, sql_;
    std::vector<Value> params_;
    std::vector<std::vector<Value>> param_sets_;
    std::string sqlstate_;
    std::string driver_class_;
    std::vector<std::string> param_names_;
    std::string rendered_;
};

// Raised when a running statement was interrupted (sqlite3_interrupt, PostgreSQL cancel).
// The language layer turns it into KeyboardInterrupt.
class StatementInterrupted : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// An error raised by host code that core/ called back into (an event listener written in
// Python): it passes through core's error handling like any other (a flush marks its session
// failed with what()) and the host restores the original error from `original`.
class HostError : public std::runtime_error {
public:
    HostError(const std::string& message, std::exception_ptr original)
        : std::runtime_error(message), original(std::move(original)) {}
    std::exception_ptr original;
};

// Renders one value the way Python's repr() shows it inside SQLAlchemy's "[parameters: ...]".
std::string repr_value(const Value& v);
// One parameter set as SQLAlchemy prints it: "('admin', 1)", "(5,)", "()".
std::string repr_params(const std::vector<Value>& params);
// One set with names, as printed for a named paramstyle: "{'username': 'admin'}".
std::string repr_named_params(const std::vector<std::string>& names,
                              const std::vector<Value>& params);
// Several sets (executemany), a tuple abbreviated past ten sets as SQLAlchemy does.
std::string repr_param_sets(const std::vector<std::vector<Value>>& rows);
// The same with names: "({'name': 'a'}, {'name': 'b'})".
std::string repr_named_param_sets(const std::vector<std::string>& names,
                                  const std::vector<std::vector<Value>>& rows);

} // namespace ormsh::engine
