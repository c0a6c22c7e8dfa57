// PostgreSQL errors as psycopg2 raises them: the DB-API class follows the SQLSTATE class
// (psycopg2's exception_from_sqlstate), the exception is psycopg2.errors.<Name> for the
// SQLSTATEs it names, and the message is the server's, severity prefix stripped, DETAIL kept.
#include "dialects/postgresql/libpq_api.h"
#include "dialects/postgresql/postgresql_connection.h"

#include <unordered_map>

namespace ormsh::dialects {

using engine::DBErrorKind;

DBErrorKind pg_error_kind(const std::string& sqlstate) {
    if (sqlstate.size() < 2) return DBErrorKind::Operational;
    char a = sqlstate[0], b = sqlstate[1];
    switch (a) {
    case '0':
        if (b == 'A') return DBErrorKind::NotSupported;
        if (b == '8') return DBErrorKind::Operational;
        break;
    case '2':
        switch (b) {
        case '0':
        case '1':
            return DBErrorKind::Programming;
        case '2':
            return DBErrorKind::Data;
        case '3':
            return DBErrorKind::Integrity;
        case '4':
        case '5':
            return DBErrorKind::Internal;
        case '6':
        case '7':
        case '8':
            return DBErrorKind::Operational;
        case 'B':
        case 'D':
        case 'F':
            return DBErrorKind::Internal;
        }
        break;
    case '3':
        switch (b) {
        case '4':
            return DBErrorKind::Operational;
        case '8':
        case '9':
        case 'B':
            return DBErrorKind::Internal;
        case 'D':
        case 'F':
            return DBErrorKind::Programming;
        }
        break;
    case '4':
        if (b == '0') return DBErrorKind::Operational; // TransactionRollbackError
        if (b == '2' || b == '4') return DBErrorKind::Programming;
        break;
    case '5':
    case 'F':
    case 'H':
        return DBErrorKind::Operational;
    case 'P':
    case 'X':
        return DBErrorKind::Internal;
    }
    return DBErrorKind::Database;
}

std::string pg_error_class(const std::string& sqlstate) {
    static const std::unordered_map<std::string, std::string> names = {
        {"0A000", "FeatureNotSupported"},
        {"21000", "CardinalityViolation"},
        {"22001", "StringDataRightTruncation"},
        {"22003", "NumericValueOutOfRange"},
        {"22004", "NullValueNotAllowed"},
        {"22007", "InvalidDatetimeFormat"},
        {"22008", "DatetimeFieldOverflow"},
        {"22012", "DivisionByZero"},
        {"22P02", "InvalidTextRepresentation"},
        {"23000", "IntegrityConstraintViolation"},
        {"23001", "RestrictViolation"},
        {"23502", "NotNullViolation"},
        {"23503", "ForeignKeyViolation"},
        {"23505", "UniqueViolation"},
        {"23514", "CheckViolation"},
        {"25P02", "InFailedSqlTransaction"},
        {"28P01", "InvalidPassword"},
        {"2BP01", "DependentObjectsStillExist"},
        {"3D000", "InvalidCatalogName"},
        {"3F000", "InvalidSchemaName"},
        {"40001", "SerializationFailure"},
        {"40P01", "DeadlockDetected"},
        {"42501", "InsufficientPrivilege"},
        {"42601", "SyntaxError"},
        {"42702", "AmbiguousColumn"},
        {"42703", "UndefinedColumn"},
        {"42710", "DuplicateObject"},
        {"42803", "GroupingError"},
        {"42804", "DatatypeMismatch"},
        {"42830", "InvalidForeignKey"},
        {"42846", "CannotCoerce"},
        {"42883", "UndefinedFunction"},
        {"42P01", "UndefinedTable"},
        {"42P02", "UndefinedParameter"},
        {"42P07", "DuplicateTable"},
        {"42P10", "InvalidColumnReference"},
        {"42P18", "IndeterminateDatatype"},
        {"53300", "TooManyConnections"},
        {"57014", "QueryCanceled"},
        {"57P01", "AdminShutdown"},
    };
    auto it = names.find(sqlstate);
    return it == names.end() ? std::string() : it->second;
}

namespace {

// Whether an error means the server connection is gone, even when libpq has not noticed yet
// (its status stays OK until it reads the socket's end): SQLSTATE class 08, the 57P0x
// shutdowns, and the messages SQLAlchemy's psycopg2 dialect treats as disconnects.
bool is_disconnect(const std::string& sqlstate, const std::string& message) {
    if (sqlstate.rfind("08", 0) == 0 || sqlstate == "57P01" || sqlstate == "57P02" ||
        sqlstate == "57P03")
        return true;
    for (const char* text :
         {"terminating connection", "closed the connection", "connection not open",
          "could not receive data from server", "could not send data to server",
          "connection already closed", "no connection to the server",
          "connection has been closed unexpectedly", "SSL SYSCALL error"})
        if (message.find(text) != std::string::npos) return true;
    return false;
}

} // namespace

void throw_pg_error(PGconn* conn, const PGresult* result, const std::string& sql,
                    const std::vector<engine::Value>& params, bool connection_lost) {
    std::string sqlstate;
    std::string message;
    if (result) {
        if (const char* state = pq().PQresultErrorField(result, PG_DIAG_SQLSTATE)) sqlstate = state;
        message = pq().PQresultErrorMessage(result);
    }
    if (message.empty() && conn) message = pq().PQerrorMessage(conn);
    // psycopg2 strips the "ERROR:  " / "FATAL:  " severity prefix and keeps the rest,
    // trailing newline included.
    for (const char* prefix : {"ERROR:  ", "FATAL:  ", "PANIC:  "}) {
        if (message.rfind(prefix, 0) == 0) {
            message.erase(0, std::char_traits<char>::length(prefix));
            break;
        }
    }
    if (sqlstate == "57014" && !connection_lost) throw engine::StatementInterrupted(message);
    DBErrorKind kind = connection_lost ? DBErrorKind::Operational : pg_error_kind(sqlstate);
    std::string cls = connection_lost ? std::string() : pg_error_class(sqlstate);
    engine::DBAPIError err(kind, cls.empty() ? "psycopg2" : "psycopg2.errors", message, sql, params,
                           sqlstate);
    if (!cls.empty()) err.set_driver_class(cls);
    err.connection_invalidated = connection_lost || is_disconnect(sqlstate, message);
    throw err;
}

} // namespace ormsh::dialects
