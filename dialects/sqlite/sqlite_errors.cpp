// SQLite result codes to DB-API error classes, as pysqlite's _pysqlite_seterror() maps them,
// so that `except IntegrityError` catches what it catches under Python.
#include "dialects/sqlite/sqlite_connection.h"

#include <sqlite3.h>

namespace ormsh::dialects {

using engine::DBErrorKind;

DBErrorKind sqlite_error_kind(int code) {
    switch (code & 0xFF) {
    case SQLITE_INTERNAL:
    case SQLITE_NOTFOUND:
        return DBErrorKind::Internal;
    case SQLITE_ERROR:
    case SQLITE_PERM:
    case SQLITE_ABORT:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_READONLY:
    case SQLITE_INTERRUPT:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_PROTOCOL:
    case SQLITE_EMPTY:
    case SQLITE_SCHEMA:
        return DBErrorKind::Operational;
    case SQLITE_CORRUPT:
        return DBErrorKind::Database;
    case SQLITE_TOOBIG:
        return DBErrorKind::Data;
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
        return DBErrorKind::Integrity;
    case SQLITE_MISUSE:
    case SQLITE_RANGE:
        return DBErrorKind::Interface;
    default:
        return DBErrorKind::Database;
    }
}

void throw_sqlite_error(sqlite3* db, int rc, const std::string& sql,
                        const std::vector<engine::Value>& params) {
    std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    int code = db ? sqlite3_extended_errcode(db) : rc;
    if ((code & 0xFF) == SQLITE_OK) code = rc;
    if ((code & 0xFF) == SQLITE_INTERRUPT) throw engine::StatementInterrupted(message);
    throw engine::DBAPIError(sqlite_error_kind(code), "sqlite3", message, sql, params,
                             std::to_string(code));
}

void throw_sqlite_programming_error(const std::string& message, const std::string& sql,
                                    const std::vector<engine::Value>& params) {
    throw engine::DBAPIError(DBErrorKind::Programming, "sqlite3", message, sql, params);
}

} // namespace ormsh::dialects
