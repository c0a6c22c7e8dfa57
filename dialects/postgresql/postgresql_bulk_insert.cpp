// PostgreSQLConnection::bulk_insert, the flush's path for many rows. Where COPY does exactly
// what INSERT would (postgresql_connection.h, BulkTarget), the rows stream through COPY, the
// fastest way into PostgreSQL, with keys reserved from the column's sequence beforehand so
// they are known without RETURNING. Elsewhere, and when COPY fails (the INSERT then reports the
// error as SQLAlchemy's would), an INSERT from unnest() arrays, or a multi-row VALUES list for
// a few rows.
#include "dialects/postgresql/libpq_api.h"
#include "dialects/postgresql/postgresql_connection.h"
#include "dialects/postgresql/postgresql_dialect.h"

#include <algorithm>
#include <bit>
#include <charconv>
#include <fmt/format.h>
#include <limits>
#include <type_traits>

namespace ormsh::dialects {

using engine::Value;

namespace {

// Rows per multi-row INSERT: large enough that round trips vanish, small enough to stay far
// below the protocol's 65535-parameter limit for wide tables.
constexpr std::size_t kBulkBatchRows = 1000;
constexpr std::size_t kMaxParams = 65535;
// From this many rows on, bulk_insert uses COPY or sends each column as one array parameter
// and inserts from unnest(): the server parses a few values instead of thousands of
// parameters. Below it, a multi-row VALUES list costs no catalog lookup.
constexpr std::size_t kBulkMinRows = 200;
// Rows per unnest() INSERT; bounds the size of one message, not the parameter count.
constexpr std::size_t kUnnestBatchRows = 20000;
// COPY data goes to libpq in pieces of about this size, so the server parses rows while the
// next ones are being encoded.
constexpr std::size_t kCopyChunkBytes = 64 * 1024;
// The savepoint that lets a failed COPY be retried as an INSERT in the same transaction.
constexpr const char* kCopySavepoint = "ormsh_bulk_copy";
constexpr const char* kQueryCanceled = "57014";

// Whether a column default is exactly nextval('name'::regclass), as pg_get_expr prints a
// serial column's default: evaluating it gives the keys INSERT would have given.
bool is_sequence_default(const std::string& expression) {
    static const std::string head = "nextval('", tail = "'::regclass)";
    return expression.size() > head.size() + tail.size() && expression.starts_with(head) &&
           expression.ends_with(tail) &&
           expression.find('\'', head.size()) == expression.size() - tail.size();
}

// Appends `text` as one field of COPY's text format: backslash, tab, newline and carriage
// return are escaped, everything else is data.
void append_copy_text(std::string& out, std::string_view text) {
    std::size_t done = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        // Most characters need nothing: one comparison rules out all four specials.
        if (static_cast<unsigned char>(c) > '\r' && c != '\\') continue;
        const char* escape = c == '\\'   ? "\\\\"
                             : c == '\t' ? "\\t"
                             : c == '\n' ? "\\n"
                             : c == '\r' ? "\\r"
                                         : nullptr;
        if (!escape) continue;
        out.append(text.substr(done, i - done));
        out += escape;
        done = i + 1;
    }
    out.append(text.substr(done));
}

// Appends one value as a COPY field; false for a value COPY cannot carry the way INSERT
// would (text holding NUL, which INSERT refuses with its own error).
bool append_copy_field(std::string& out, const Value& value) {
    if (engine::is_null(value)) {
        out += "\\N";
        return true;
    }
    if (const auto* i = std::get_if<std::int64_t>(&value)) {
        char buf[24];
        out.append(buf, std::to_chars(buf, buf + sizeof buf, *i).ptr);
        return true;
    }
    if (const auto* s = std::get_if<std::string>(&value)) {
        if (s->find('\0') != std::string::npos) return false;
        append_copy_text(out, *s);
        return true;
    }
    unsigned int oid = 0;
    append_copy_text(out, pg_text(value, oid));
    return true;
}

// How a column's values travel in COPY's binary format, by its declared type (format_type
// spelling); None where the binary form would need a conversion this side does not make.
enum class BinaryKind { None, Int2, Int4, Int8, Text, Bool, Float8 };

BinaryKind binary_kind(const std::string& type) {
    if (type == "integer") return BinaryKind::Int4;
    if (type == "bigint") return BinaryKind::Int8;
    if (type == "smallint") return BinaryKind::Int2;
    if (type == "text" || type.starts_with("character varying")) return BinaryKind::Text;
    if (type == "boolean") return BinaryKind::Bool;
    if (type == "double precision") return BinaryKind::Float8;
    return BinaryKind::None;
}

// Whether `value` goes into a column of that kind as the value it is, the way the text form
// would be read: anything else (an int for a text column, a number out of range) goes as text.
bool fits_binary(BinaryKind kind, const Value& value) {
    if (engine::is_null(value)) return true;
    const auto* i = std::get_if<std::int64_t>(&value);
    switch (kind) {
    case BinaryKind::Int2:
        return i && *i >= std::numeric_limits<std::int16_t>::min() &&
               *i <= std::numeric_limits<std::int16_t>::max();
    case BinaryKind::Int4:
        return i && *i >= std::numeric_limits<std::int32_t>::min() &&
               *i <= std::numeric_limits<std::int32_t>::max();
    case BinaryKind::Int8:
        return i != nullptr;
    case BinaryKind::Text: {
        const auto* s = std::get_if<std::string>(&value);
        return s && s->find('\0') == std::string::npos;
    }
    case BinaryKind::Bool:
        return std::holds_alternative<bool>(value);
    case BinaryKind::Float8:
        return std::holds_alternative<double>(value);
    case BinaryKind::None:
        break;
    }
    return false;
}

// Appends an integer in network byte order, as COPY's binary format wants every number.
template <class Int> void append_big_endian(std::string& out, Int value) {
    auto bits = static_cast<std::make_unsigned_t<Int>>(value);
    char bytes[sizeof(Int)];
    for (std::size_t i = 0; i < sizeof(Int); ++i)
        bytes[i] = static_cast<char>(bits >> (8 * (sizeof(Int) - 1 - i)));
    out.append(bytes, sizeof bytes);
}

// Appends one field of COPY's binary format (its length, then its bytes) for a value that
// fits_binary() the column.
void append_binary_field(std::string& out, BinaryKind kind, const Value& value) {
    if (engine::is_null(value)) {
        append_big_endian<std::int32_t>(out, -1);
        return;
    }
    switch (kind) {
    case BinaryKind::Int2:
        append_big_endian<std::int32_t>(out, 2);
        append_big_endian(out, static_cast<std::int16_t>(std::get<std::int64_t>(value)));
        return;
    case BinaryKind::Int4:
        append_big_endian<std::int32_t>(out, 4);
        append_big_endian(out, static_cast<std::int32_t>(std::get<std::int64_t>(value)));
        return;
    case BinaryKind::Int8:
        append_big_endian<std::int32_t>(out, 8);
        append_big_endian(out, std::get<std::int64_t>(value));
        return;
    case BinaryKind::Text: {
        const std::string& s = std::get<std::string>(value);
        append_big_endian(out, static_cast<std::int32_t>(s.size()));
        out += s;
        return;
    }
    case BinaryKind::Bool:
        append_big_endian<std::int32_t>(out, 1);
        out += std::get<bool>(value) ? '\1' : '\0';
        return;
    case BinaryKind::Float8:
        append_big_endian<std::int32_t>(out, 8);
        append_big_endian(out, std::bit_cast<std::int64_t>(std::get<double>(value)));
        return;
    case BinaryKind::None:
        break;
    }
}

// The start and end of COPY's binary format: signature, flags and header extension length;
// then a field count of -1.
constexpr std::string_view kBinaryCopyHeader{"PGCOPY\n\377\r\n\0\0\0\0\0\0\0\0\0", 19};
constexpr std::int16_t kBinaryCopyTrailer = -1;

// One array element in PostgreSQL's array literal syntax: always quoted, so that commas,
// braces, quotes, backslashes and the word NULL inside a value stay data.
void append_array_element(std::string& out, const Value& value) {
    if (engine::is_null(value)) {
        out += "NULL";
        return;
    }
    if (const auto* i = std::get_if<std::int64_t>(&value)) {
        char buf[24];
        out += '"';
        out.append(buf, std::to_chars(buf, buf + sizeof buf, *i).ptr);
        out += '"';
        return;
    }
    unsigned int oid = 0;
    const auto* s = std::get_if<std::string>(&value);
    std::string converted = s ? std::string() : pg_text(value, oid);
    std::string_view text = s ? std::string_view(*s) : std::string_view(converted);
    out += '"';
    for (char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    out += '"';
}

} // namespace

const PostgreSQLConnection::BulkTarget&
PostgreSQLConnection::bulk_target(const std::string& table) {
    auto found = bulk_targets_.find(table);
    if (found != bulk_targets_.end()) return found->second;
    // to_regclass() resolves the quoted name through search_path, as the INSERT will.
    auto rows = query(
        "SELECT a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), "
        "pg_catalog.pg_get_expr(d.adbin, d.adrelid), "
        "c.relkind IN ('r', 'p') AND NOT c.relhasrules AND NOT c.relrowsecurity AND NOT EXISTS "
        "(SELECT 1 FROM pg_catalog.pg_trigger t WHERE t.tgrelid = c.oid AND NOT t.tgisinternal) "
        "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid "
        "LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum "
        "WHERE c.oid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped",
        {dialect_.force_quote_identifier(table)});
    BulkTarget target;
    for (const auto& row : rows) {
        auto text = [&](std::size_t i) {
            const auto* s = std::get_if<std::string>(&row[i]);
            return s ? *s : std::string();
        };
        target.copy_safe = std::get_if<bool>(&row[3]) && std::get<bool>(row[3]);
        target.columns[text(0)] = {text(1), text(2)};
    }
    // Outside a transaction nothing holds the table still: only this call uses the entry.
    if (!transaction_begun_) bulk_targets_.clear();
    return bulk_targets_.emplace(table, std::move(target)).first->second;
}

std::optional<std::vector<Value>>
PostgreSQLConnection::copy_rows(const std::string& table, const std::vector<std::string>& columns,
                                const engine::BulkRows& rows, const std::string* key_column,
                                const std::string* key_default) {
    const LibPq& api = pq();
    std::string copy = "COPY " + dialect_.quote_identifier(table) + " (";
    if (key_column) copy += dialect_.quote_identifier(*key_column) + ", ";
    for (std::size_t i = 0; i < columns.size(); ++i)
        copy += (i ? ", " : "") + dialect_.quote_identifier(columns[i]);
    copy += ") FROM STDIN";

    // A failed statement inside a transaction aborts it; the savepoint takes the failed COPY
    // back so the INSERT can run. Outside one, a failed COPY leaves nothing behind.
    bool savepoint_set = false;
    // Set when this side ends the COPY because a value cannot go through it.
    const char* refused = nullptr;
    auto give_up = [&](PGresult* result) -> std::optional<std::vector<Value>> {
        bool lost = api.PQstatus(conn_) != CONNECTION_OK;
        const char* state = result ? api.PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
        bool cancelled = !refused && state && std::string_view(state) == kQueryCanceled;
        if (lost || cancelled) {
            if (lost) alive_ = false;
            try {
                throw_pg_error(conn_, result, copy, {}, lost);
            } catch (...) {
                api.PQclear(result);
                throw;
            }
        }
        api.PQclear(result);
        while (PGresult* rest = api.PQgetResult(conn_))
            api.PQclear(rest);
        if (savepoint_set) {
            exec_plain(fmt::format("ROLLBACK TO SAVEPOINT {}", kCopySavepoint));
            exec_plain(fmt::format("RELEASE SAVEPOINT {}", kCopySavepoint));
        }
        return std::nullopt;
    };
    auto succeeded = [&](PGresult* result, ExecStatusType wanted) {
        return result && api.PQresultStatus(result) == wanted;
    };

    if (transaction_begun_) {
        PGresult* result = api.PQexec(conn_, fmt::format("SAVEPOINT {}", kCopySavepoint).c_str());
        if (!succeeded(result, PGRES_COMMAND_OK)) return give_up(result);
        api.PQclear(result);
        savepoint_set = true;
    }
    std::vector<Value> keys;
    if (key_default) {
        // The column's default evaluated once per row, as INSERT would, before the rows exist;
        // one array rather than a row per key, which libpq would allocate one by one.
        std::string reserve =
            fmt::format("SELECT pg_catalog.array_agg({}) FROM pg_catalog.generate_series(1, {})",
                        *key_default, rows.count);
        PGresult* result = api.PQexec(conn_, reserve.c_str());
        if (!succeeded(result, PGRES_TUPLES_OK) || api.PQntuples(result) != 1)
            return give_up(result);
        keys.reserve(rows.count);
        // "{1,2,3}": integers between braces and commas.
        const char* at = api.PQgetvalue(result, 0, 0);
        const char* end = at + api.PQgetlength(result, 0, 0);
        while (at < end) {
            std::int64_t key = 0;
            auto parsed = std::from_chars(at + 1, end, key);
            if (parsed.ec != std::errc()) break;
            keys.emplace_back(key);
            at = parsed.ptr;
        }
        if (keys.size() != rows.count) return give_up(result);
        api.PQclear(result);
    }

    // Binary when every value already is what its column holds: the server then parses no
    // text (a tenth of the COPY's work). Else text, which each column reads as INSERT does.
    const std::size_t width = columns.size();
    const BulkTarget& target = bulk_target(table);
    std::vector<BinaryKind> kinds;
    for (const auto& column : columns)
        kinds.push_back(binary_kind(target.columns.at(column).first));
    BinaryKind key_kind =
        key_column ? binary_kind(target.columns.at(*key_column).first) : BinaryKind::Int8;
    bool binary = key_kind != BinaryKind::None &&
                  std::find(kinds.begin(), kinds.end(), BinaryKind::None) == kinds.end();
    for (std::size_t r = 0; r < rows.count && binary; ++r) {
        if (key_column && !fits_binary(key_kind, keys[r])) binary = false;
        for (std::size_t c = 0; c < width && binary; ++c)
            binary = fits_binary(kinds[c], rows.at(r, c, width));
    }
    if (binary) copy += " (FORMAT binary)";

    PGresult* started = api.PQexec(conn_, copy.c_str());
    if (!succeeded(started, PGRES_COPY_IN)) return give_up(started);
    api.PQclear(started);

    std::string buffer;
    buffer.reserve(kCopyChunkBytes + 4096);
    if (binary) buffer += kBinaryCopyHeader;
    const auto fields = static_cast<std::int16_t>(width + (key_column ? 1 : 0));
    for (std::size_t r = 0; r < rows.count && !refused; ++r) {
        if (binary) {
            append_big_endian(buffer, fields);
            if (key_column) append_binary_field(buffer, key_kind, keys[r]);
            for (std::size_t c = 0; c < width; ++c)
                append_binary_field(buffer, kinds[c], rows.at(r, c, width));
        } else {
            if (key_column) {
                char digits[24];
                buffer.append(digits, std::to_chars(digits, digits + sizeof digits,
                                                    std::get<std::int64_t>(keys[r]))
                                          .ptr);
                buffer += '\t';
            }
            for (std::size_t c = 0; c < width; ++c) {
                if (c) buffer += '\t';
                if (!append_copy_field(buffer, rows.at(r, c, width))) refused = "NUL in text";
            }
            buffer += '\n';
        }
        if (buffer.size() >= kCopyChunkBytes) {
            if (!refused &&
                api.PQputCopyData(conn_, buffer.data(), static_cast<int>(buffer.size())) != 1)
                return give_up(nullptr);
            buffer.clear();
        }
    }
    if (binary) append_big_endian(buffer, kBinaryCopyTrailer);
    if (!refused && !buffer.empty() &&
        api.PQputCopyData(conn_, buffer.data(), static_cast<int>(buffer.size())) != 1)
        return give_up(nullptr);
    // Ending the COPY with an error message makes the server fail it, so nothing is inserted.
    if (api.PQputCopyEnd(conn_, refused) != 1) return give_up(nullptr);
    PGresult* done = api.PQgetResult(conn_);
    if (!succeeded(done, PGRES_COMMAND_OK)) return give_up(done);
    api.PQclear(done);
    while (PGresult* rest = api.PQgetResult(conn_))
        api.PQclear(rest);
    if (savepoint_set) exec_plain(fmt::format("RELEASE SAVEPOINT {}", kCopySavepoint));
    return keys;
}

void PostgreSQLConnection::insert_unnest(const std::string& head, const std::string& tail,
                                         const std::vector<std::string>& types,
                                         const engine::BulkRows& rows, std::size_t width,
                                         const std::function<void(PGresult*)>& collect) {
    // RETURNING follows the order unnest() produces the rows in, which is array order.
    std::string sql = head + "SELECT * FROM unnest(";
    for (std::size_t c = 0; c < types.size(); ++c)
        sql += fmt::format("{}${}::{}[]", c ? ", " : "", c + 1, types[c]);
    sql += ")" + tail;
    std::vector<Value> arrays(types.size());
    for (std::size_t start = 0; start < rows.count; start += kUnnestBatchRows) {
        std::size_t end = std::min(rows.count, start + kUnnestBatchRows);
        for (std::size_t c = 0; c < types.size(); ++c) {
            std::string literal = "{";
            for (std::size_t r = start; r < end; ++r) {
                if (r != start) literal += ',';
                append_array_element(literal, rows.at(r, c, width));
            }
            literal += '}';
            arrays[c] = std::move(literal);
        }
        collect(run(sql, arrays, false, true));
    }
}

void PostgreSQLConnection::insert_values(const std::string& head, const std::string& tail,
                                         std::size_t ncolumns, const engine::BulkRows& rows,
                                         const std::function<void(PGresult*)>& collect) {
    std::size_t batch_rows =
        std::min(kBulkBatchRows, kMaxParams / std::max<std::size_t>(ncolumns, 1));
    auto statement_for = [&](std::size_t nrows) {
        std::string sql = head + "VALUES ";
        int index = 1;
        for (std::size_t r = 0; r < nrows; ++r) {
            sql += r ? ", (" : "(";
            for (std::size_t c = 0; c < ncolumns; ++c)
                sql += (c ? ", $" : "$") + std::to_string(index++);
            sql += ")";
        }
        return sql + tail;
    };
    std::string full_sql;
    std::vector<Value> flat;
    for (std::size_t start = 0; start < rows.count; start += batch_rows) {
        std::size_t n = std::min(batch_rows, rows.count - start);
        if (n == batch_rows && full_sql.empty()) full_sql = statement_for(n);
        std::string partial_sql = n == batch_rows ? std::string() : statement_for(n);
        const std::string& sql = n == batch_rows ? full_sql : partial_sql;
        flat.clear();
        flat.reserve(n * ncolumns);
        for (std::size_t r = start; r < start + n; ++r)
            for (std::size_t c = 0; c < ncolumns; ++c)
                flat.push_back(rows.at(r, c, ncolumns));
        // Untyped: each value takes its target column's type, as a literal would.
        collect(run(sql, flat, false, n == batch_rows));
    }
}

std::vector<Value> PostgreSQLConnection::bulk_insert(const std::string& table,
                                                     const std::vector<std::string>& columns,
                                                     const engine::BulkRows& rows,
                                                     const std::optional<std::string>& returning) {
    std::vector<Value> ids;
    if (rows.count == 0) return ids;
    std::string head = "INSERT INTO " + dialect_.quote_identifier(table) + " (";
    for (std::size_t i = 0; i < columns.size(); ++i)
        head += (i ? ", " : "") + dialect_.quote_identifier(columns[i]);
    head += ") ";
    std::string tail = returning ? " RETURNING " + dialect_.quote_identifier(*returning) : "";
    if (!alive_) throw_pg_error(conn_, nullptr, head, {}, true);
    begin_if_needed();
    const std::size_t width = columns.size();

    const BulkTarget* target = nullptr;
    if (rows.count >= kBulkMinRows && !columns.empty()) {
        target = &bulk_target(table);
        for (const auto& column : columns)
            if (!target->columns.count(column)) target = nullptr;
    }
    if (target && target->copy_safe) {
        // COPY cannot return what it inserted: only a key the sequence gives can be known.
        const std::string* key_default = nullptr;
        if (returning && std::find(columns.begin(), columns.end(), *returning) == columns.end()) {
            auto key = target->columns.find(*returning);
            if (key != target->columns.end() && is_sequence_default(key->second.second))
                key_default = &key->second.second;
        }
        if (!returning || key_default) {
            if (auto keys =
                    copy_rows(table, columns, rows, returning ? &*returning : nullptr, key_default))
                return std::move(*keys);
            // The COPY failed and was undone: the INSERT below runs and reports the error.
        }
    }

    if (returning) ids.reserve(rows.count);
    const LibPq& api = pq();
    auto collect = [&](PGresult* result) {
        if (returning) {
            unsigned int oid = api.PQftype(result, 0);
            int n = api.PQntuples(result);
            for (int r = 0; r < n; ++r) {
                Value& id = ids.emplace_back();
                if (api.PQgetisnull(result, r, 0))
                    id = engine::Null{};
                else
                    read_pg_text(oid, api.PQgetvalue(result, r, 0), api.PQgetlength(result, r, 0),
                                 id);
            }
        }
        api.PQclear(result);
    };
    if (target) {
        std::vector<std::string> types;
        for (const auto& column : columns)
            types.push_back(target->columns.at(column).first);
        insert_unnest(head, tail, types, rows, width, collect);
    } else {
        insert_values(head, tail, width, rows, collect);
    }
    return ids;
}

} // namespace ormsh::dialects
