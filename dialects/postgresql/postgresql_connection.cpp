// PostgreSQL connections and cursors over libpq. Values travel as text in both directions:
// parameters carry a type OID chosen from the value, results are converted by column OID the
// way psycopg2's typecasters do (int8 -> int, numeric -> Decimal, bytea hex -> bytes, ...).
#include "dialects/postgresql/postgresql_connection.h"

#include "dialects/postgresql/libpq_api.h"
#include "dialects/postgresql/postgresql_dialect.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <fmt/format.h>
#include <limits>
#include <stdexcept>

namespace ormsh::dialects {

using engine::Value;

namespace {

// Type OIDs from pg_type.h, the ones psycopg2 has typecasters for.
enum PgOid : unsigned int {
    kBool = 16,
    kBytea = 17,
    kChar = 18,
    kName = 19,
    kInt8 = 20,
    kInt2 = 21,
    kInt4 = 23,
    kText = 25,
    kOid = 26,
    kJson = 114,
    kFloat4 = 700,
    kFloat8 = 701,
    kBpchar = 1042,
    kVarchar = 1043,
    kDate = 1082,
    kTime = 1083,
    kTimestamp = 1114,
    kTimestamptz = 1184,
    kInterval = 1186,
    kTimetz = 1266,
    kNumeric = 1700,
    kJsonb = 3802,
};

// execute_many() syncs the pipeline this often so neither side's socket buffer fills.
constexpr std::size_t kPipelineChunk = 500;

std::string_view oid_name(unsigned int oid) {
    switch (oid) {
    case kBool:
        return "bool";
    case kBytea:
        return "bytea";
    case kChar:
        return "char";
    case kName:
        return "name";
    case kInt8:
        return "int8";
    case kInt2:
        return "int2";
    case kInt4:
        return "int4";
    case kText:
        return "text";
    case kOid:
        return "oid";
    case kJson:
        return "json";
    case kFloat4:
        return "float4";
    case kFloat8:
        return "float8";
    case kBpchar:
        return "bpchar";
    case kVarchar:
        return "varchar";
    case kDate:
        return "date";
    case kTime:
        return "time";
    case kTimestamp:
        return "timestamp";
    case kTimestamptz:
        return "timestamptz";
    case kInterval:
        return "interval";
    case kTimetz:
        return "timetz";
    case kNumeric:
        return "numeric";
    case kJsonb:
        return "jsonb";
    default:
        return "";
    }
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return 0;
}

std::string double_text(double d) {
    if (d != d) return "NaN";
    if (d == std::numeric_limits<double>::infinity()) return "Infinity";
    if (d == -std::numeric_limits<double>::infinity()) return "-Infinity";
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, d);
    return std::string(buf, res.ptr);
}

std::string bytea_hex(const std::string& bytes) {
    static const char* digits = "0123456789abcdef";
    std::string out = "\\x";
    out.reserve(2 + bytes.size() * 2);
    for (unsigned char c : bytes) {
        out += digits[c >> 4];
        out += digits[c & 0xF];
    }
    return out;
}

class PgCursor : public engine::Cursor {
public:
    explicit PgCursor(PGresult* result) : result_(result) {
        int n = pq().PQnfields(result_);
        for (int i = 0; i < n; ++i) {
            oids_.push_back(pq().PQftype(result_, i));
            columns_.push_back({pq().PQfname(result_, i), std::string(oid_name(oids_.back()))});
        }
        rows_ = pq().PQntuples(result_);
        const char* tuples = pq().PQcmdTuples(result_);
        if (tuples && *tuples) rowcount_ = std::strtoll(tuples, nullptr, 10);
    }
    ~PgCursor() override { pq().PQclear(result_); }

    const std::vector<engine::ResultColumn>& columns() const override { return columns_; }
    std::int64_t rowcount() const override { return rowcount_; }
    bool advance() override {
        if (row_ + 1 >= rows_) return false;
        ++row_;
        return true;
    }

    void read(std::size_t column, Value& out) override {
        int i = static_cast<int>(column);
        if (api_.PQgetisnull(result_, row_, i))
            out = engine::Null{};
        else
            read_pg_text(oids_[column], api_.PQgetvalue(result_, row_, i),
                         api_.PQgetlength(result_, row_, i), out);
    }

private:
    // libpq's entry points, looked up once per cursor rather than once per cell.
    const LibPq& api_ = pq();
    PGresult* result_;
    std::vector<engine::ResultColumn> columns_;
    std::vector<unsigned int> oids_; // each column's type OID
    int rows_ = 0;
    int row_ = -1; // the current row; -1 before the first
    std::int64_t rowcount_ = -1;
};

} // namespace

std::string pg_text(const Value& value, unsigned int& oid) {
    struct Text {
        unsigned int& oid;
        std::string operator()(const engine::Null&) const { return {}; }
        std::string operator()(bool b) const {
            oid = kBool;
            return b ? "true" : "false";
        }
        // psycopg2 sends an int as a literal, which PostgreSQL types int4 when it fits
        // (so repeat('x', 3) resolves) and int8 beyond.
        std::string operator()(std::int64_t i) const {
            oid = i >= std::numeric_limits<std::int32_t>::min() &&
                          i <= std::numeric_limits<std::int32_t>::max()
                      ? kInt4
                      : kInt8;
            return std::to_string(i);
        }
        std::string operator()(double d) const {
            oid = kFloat8;
            return double_text(d);
        }
        std::string operator()(const std::string& s) const { return s; }
        std::string operator()(const engine::Blob& b) const {
            oid = kBytea;
            return bytea_hex(b.bytes);
        }
        std::string operator()(const engine::Decimal& d) const {
            oid = kNumeric;
            return d.text;
        }
        std::string operator()(const engine::Date& d) const {
            oid = kDate;
            return engine::to_iso(d);
        }
        std::string operator()(const engine::Time& t) const {
            oid = kTime;
            return engine::to_iso(t);
        }
        std::string operator()(const engine::DateTime& dt) const {
            oid = kTimestamp;
            return engine::to_iso(dt);
        }
    };
    return std::visit(Text{oid}, value);
}

void read_pg_text(unsigned int oid, const char* text, int length, Value& out) {
    std::string_view s(text, length);
    switch (oid) {
    case kBool:
        out = s == "t";
        return;
    case kInt2:
    case kInt4:
    case kInt8:
    case kOid: {
        std::int64_t v = 0;
        std::from_chars(s.data(), s.data() + s.size(), v);
        out = v;
        return;
    }
    case kFloat4:
    case kFloat8:
        out = std::strtod(text, nullptr);
        return;
    case kNumeric:
        out = engine::Decimal{std::string(s)};
        return;
    case kBytea: {
        if (s.size() >= 2 && s[0] == '\\' && s[1] == 'x') {
            std::string bytes;
            bytes.reserve((s.size() - 2) / 2);
            for (std::size_t i = 2; i + 1 < s.size(); i += 2)
                bytes += static_cast<char>(hex_digit(s[i]) * 16 + hex_digit(s[i + 1]));
            out = engine::Blob{std::move(bytes)};
            return;
        }
        out = engine::Blob{std::string(s)};
        return;
    }
    case kDate: {
        engine::Date d;
        if (engine::parse_iso(s, d) && s.size() == 10) {
            out = d;
            return;
        }
        break;
    }
    case kTimestamp:
    case kTimestamptz: {
        engine::DateTime dt;
        if (engine::parse_iso(s, dt)) {
            out = dt;
            return;
        }
        break;
    }
    case kTime:
    case kTimetz: {
        engine::Time t;
        if (engine::parse_iso(s, t)) {
            out = t;
            return;
        }
        break;
    }
    default:
        break;
    }
    engine::assign_text(out, s.data(), s.size());
}

// ---- parameters --------------------------------------------------------------------------

void PostgreSQLConnection::Params::append(const Value& value, bool typed) {
    unsigned int oid = 0;
    texts.push_back(pg_text(value, oid));
    // PostgreSQL text cannot hold NUL and libpq would cut the value there: refuse it, as
    // psycopg2 does (a ValueError in Python), rather than store a truncated string.
    if (texts.back().find('\0') != std::string::npos)
        throw std::invalid_argument("A string literal cannot contain NUL (0x00) characters.");
    types.push_back(typed ? oid : 0);
    values.push_back(engine::is_null(value) ? nullptr : reinterpret_cast<const char*>(1));
}

void PostgreSQLConnection::Params::assign(const std::vector<Value>& params, bool typed) {
    types.clear();
    texts.clear();
    values.clear();
    texts.reserve(params.size());
    for (const auto& v : params)
        append(v, typed);
    finish();
}

// Points each non-null value at its text once `texts` has stopped growing.
void PostgreSQLConnection::Params::finish() {
    for (std::size_t i = 0; i < values.size(); ++i)
        if (values[i]) values[i] = texts[i].c_str();
}

// ---- connection --------------------------------------------------------------------------

PostgreSQLConnection::PostgreSQLConnection(const PostgreSQLDialect& dialect, const engine::Url& url)
    : dialect_(dialect) {
    std::vector<std::string> keys, values;
    auto add = [&](const std::string& k, const std::optional<std::string>& v) {
        if (v) {
            keys.push_back(k);
            values.push_back(*v);
        }
    };
    add("host", url.host);
    if (url.port) add("port", std::to_string(*url.port));
    add("user", url.username);
    add("password", url.password);
    add("dbname", url.database);
    // Query parameters are libpq connection parameters (sslmode, connect_timeout, ...).
    for (const auto& [k, v] : url.query)
        add(k, v);
    add("client_encoding", std::string("UTF8"));
    std::vector<const char*> key_ptrs, value_ptrs;
    for (std::size_t i = 0; i < keys.size(); ++i) {
        key_ptrs.push_back(keys[i].c_str());
        value_ptrs.push_back(values[i].c_str());
    }
    key_ptrs.push_back(nullptr);
    value_ptrs.push_back(nullptr);
    conn_ = pq().PQconnectdbParams(key_ptrs.data(), value_ptrs.data(), 0);
    if (!conn_ || pq().PQstatus(conn_) != CONNECTION_OK) {
        std::string message = conn_ ? pq().PQerrorMessage(conn_) : "out of memory";
        pq().PQfinish(conn_);
        conn_ = nullptr;
        alive_ = false;
        engine::DBAPIError err(engine::DBErrorKind::Operational, "psycopg2", message);
        throw err;
    }
    cancel_ = pq().PQgetCancel(conn_);
    // Notices (e.g. "table does not exist, skipping") are not errors; psycopg2 keeps them
    // out of sight too.
    pq().PQsetNoticeProcessor(
        conn_, [](void*, const char*) {}, nullptr);
}

PostgreSQLConnection::~PostgreSQLConnection() {
    close_for_exit();
}

void PostgreSQLConnection::close_for_exit() {
    {
        std::lock_guard lock(cancel_mutex_);
        if (cancel_) pq().PQfreeCancel(cancel_);
        cancel_ = nullptr;
    }
    if (conn_) pq().PQfinish(conn_);
    conn_ = nullptr;
}

PGresult* PostgreSQLConnection::check(PGresult* result, const std::string& sql,
                                      const std::vector<Value>& params) {
    ExecStatusType status = result ? pq().PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY)
        return result;
    bool lost = pq().PQstatus(conn_) != CONNECTION_OK;
    if (lost) alive_ = false;
    // A failed statement aborts the server-side transaction; it stays "begun" until ROLLBACK.
    try {
        throw_pg_error(conn_, result, sql, params, lost);
    } catch (...) {
        pq().PQclear(result);
        throw;
    }
}

void PostgreSQLConnection::exec_plain(const std::string& sql) {
    if (!alive_) throw_pg_error(conn_, nullptr, sql, {}, true);
    pq().PQclear(check(pq().PQexec(conn_, sql.c_str()), sql, {}));
}

void PostgreSQLConnection::begin_if_needed() {
    if (transaction_requested_ && !transaction_begun_) {
        exec_plain("BEGIN");
        transaction_begun_ = true;
    }
}

PGresult* PostgreSQLConnection::run(const std::string& sql, const std::vector<Value>& params,
                                    bool typed, bool allow_prepare) {
    if (!alive_) throw_pg_error(conn_, nullptr, sql, params, true);
    begin_if_needed();
    Params p;
    p.assign(params, typed);
    // Statements without parameters go as simple queries: several may share one string
    // (DDL scripts) and there is nothing to bind, so preparing saves little.
    if (params.empty()) {
        PGresult* result = check(pq().PQexec(conn_, sql.c_str()), sql, params);
        forget_prepared_after_ddl(sql);
        return result;
    }
    if (!allow_prepare)
        return check(pq().PQexecParams(conn_, sql.c_str(), static_cast<int>(p.values.size()),
                                       p.types.data(), p.values.data(), nullptr, nullptr, 0),
                     sql, params);

    // Cache key: the SQL plus the parameter types it is prepared with.
    std::string key = sql;
    key += '\0';
    for (unsigned int t : p.types)
        key += std::to_string(t) + ",";
    Prepared& entry = statements_[key];
    ++entry.uses;
    // Prepare on second use: a statement run once costs one round trip, not two. A failed
    // PREPARE reports the error the execution would have reported.
    if (!entry.prepared && entry.uses >= 2) {
        std::string name = fmt::format("ormsh_{}", ++statement_counter_);
        pq().PQclear(check(pq().PQprepare(conn_, name.c_str(), sql.c_str(),
                                          static_cast<int>(p.types.size()), p.types.data()),
                           sql, params));
        entry.name = std::move(name);
        entry.prepared = true;
    }
    PGresult* result;
    if (entry.prepared) {
        result = pq().PQexecPrepared(conn_, entry.name.c_str(), static_cast<int>(p.values.size()),
                                     p.values.data(), nullptr, nullptr, 0);
    } else {
        result = pq().PQexecParams(conn_, sql.c_str(), static_cast<int>(p.values.size()),
                                   p.types.data(), p.values.data(), nullptr, nullptr, 0);
    }
    return check(result, sql, params);
}

std::unique_ptr<engine::Cursor> PostgreSQLConnection::execute(const std::string& sql,
                                                              const std::vector<Value>& params) {
    return std::make_unique<PgCursor>(run(sql, params, true, true));
}

std::int64_t PostgreSQLConnection::execute_many(const std::string& sql,
                                                const std::vector<std::vector<Value>>& rows) {
    if (rows.empty()) return 0;
    if (!alive_) throw_pg_error(conn_, nullptr, sql, {}, true);
    begin_if_needed();
    // Untyped parameters: the server infers each from its context, so rows whose values
    // differ in kind (a NULL here, an int there) share one prepared statement.
    Params p;
    p.assign(rows.front(), false);
    std::string key = sql + '\0' + "many";
    Prepared& entry = statements_[key];
    if (!entry.prepared) {
        entry.name = fmt::format("ormsh_{}", ++statement_counter_);
        PGresult* prep = pq().PQprepare(conn_, entry.name.c_str(), sql.c_str(),
                                        static_cast<int>(p.types.size()), p.types.data());
        pq().PQclear(check(prep, sql, rows.front()));
        entry.prepared = true;
    }
    std::int64_t total = 0;
    pq().PQenterPipelineMode(conn_);
    std::optional<engine::DBAPIError> failure;
    bool interrupted = false;
    std::string interrupt_message;
    for (std::size_t start = 0; start < rows.size(); start += kPipelineChunk) {
        std::size_t end = std::min(rows.size(), start + kPipelineChunk);
        std::vector<Params> batch(end - start);
        for (std::size_t i = start; i < end; ++i) {
            Params& bp = batch[i - start];
            bp.assign(rows[i], false);
            pq().PQsendQueryPrepared(conn_, entry.name.c_str(), static_cast<int>(bp.values.size()),
                                     bp.values.data(), nullptr, nullptr, 0);
        }
        pq().PQpipelineSync(conn_);
        // Read each query's result (terminated by a null), then the sync marker.
        for (;;) {
            PGresult* r = pq().PQgetResult(conn_);
            if (!r) {
                if (pq().PQstatus(conn_) != CONNECTION_OK) {
                    alive_ = false;
                    break;
                }
                continue;
            }
            ExecStatusType st = pq().PQresultStatus(r);
            if (st == PGRES_PIPELINE_SYNC) {
                pq().PQclear(r);
                break;
            }
            if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) {
                const char* n = pq().PQcmdTuples(r);
                if (n && *n) total += std::strtoll(n, nullptr, 10);
            } else if (st == PGRES_FATAL_ERROR && !failure && !interrupted) {
                bool lost = pq().PQstatus(conn_) != CONNECTION_OK;
                try {
                    throw_pg_error(conn_, r, sql, {}, lost);
                } catch (engine::DBAPIError& err) {
                    failure = err;
                } catch (engine::StatementInterrupted& stop) {
                    interrupted = true;
                    interrupt_message = stop.what();
                }
            }
            pq().PQclear(r);
            if (pq().PQstatus(conn_) != CONNECTION_OK) {
                alive_ = false;
                break;
            }
        }
        if (failure || interrupted || !alive_) break;
    }
    pq().PQexitPipelineMode(conn_);
    if (interrupted) throw engine::StatementInterrupted(interrupt_message);
    if (failure) {
        failure->attach_statement_many(sql, rows);
        throw *failure;
    }
    if (!alive_) throw_pg_error(conn_, nullptr, sql, {}, true);
    return total;
}

void PostgreSQLConnection::execute_script(const std::string& sql) {
    begin_if_needed();
    exec_plain(sql);
    forget_prepared_after_ddl(sql);
}

// A prepared "SELECT * FROM t" fails with "cached plan must not change result type" once t
// is recreated with other columns, which psycopg2 (no server-side statements) never shows.
// So schema changes drop every prepared statement; DDL is rare next to DML.
void PostgreSQLConnection::forget_prepared_after_ddl(const std::string& sql) {
    if (statements_.empty() && bulk_targets_.empty()) return;
    std::size_t i = 0;
    while (i < sql.size() && std::isspace(static_cast<unsigned char>(sql[i])))
        ++i;
    std::string word;
    while (i < sql.size() && std::isalpha(static_cast<unsigned char>(sql[i])))
        word += static_cast<char>(std::toupper(static_cast<unsigned char>(sql[i++])));
    if (word != "CREATE" && word != "ALTER" && word != "DROP") return;
    bulk_targets_.clear();
    if (statements_.empty()) return;
    statements_.clear();
    exec_plain("DEALLOCATE ALL");
}

void PostgreSQLConnection::begin() {
    transaction_requested_ = true;
}

void PostgreSQLConnection::commit() {
    bulk_targets_.clear();
    bool begun = transaction_begun_;
    transaction_requested_ = transaction_begun_ = false;
    if (begun) exec_plain("COMMIT");
}

void PostgreSQLConnection::rollback() {
    bulk_targets_.clear();
    bool begun = transaction_begun_;
    transaction_requested_ = transaction_begun_ = false;
    if (begun && alive_) exec_plain("ROLLBACK");
}

void PostgreSQLConnection::savepoint(const std::string& name) {
    transaction_requested_ = true;
    begin_if_needed();
    exec_plain("SAVEPOINT " + name);
}

void PostgreSQLConnection::release_savepoint(const std::string& name) {
    exec_plain("RELEASE SAVEPOINT " + name);
}

void PostgreSQLConnection::rollback_to_savepoint(const std::string& name) {
    bulk_targets_.clear();
    exec_plain("ROLLBACK TO SAVEPOINT " + name);
}

void PostgreSQLConnection::interrupt() {
    std::lock_guard lock(cancel_mutex_);
    if (!cancel_) return;
    char errbuf[256];
    pq().PQcancel(cancel_, errbuf, sizeof errbuf);
}

std::vector<std::vector<Value>> PostgreSQLConnection::query(const std::string& sql,
                                                            const std::vector<Value>& params) {
    PgCursor cursor(run(sql, params, true, false));
    std::vector<std::vector<Value>> rows;
    std::vector<Value> row;
    while (cursor.next(row))
        rows.push_back(row);
    return rows;
}

} // namespace ormsh::dialects
