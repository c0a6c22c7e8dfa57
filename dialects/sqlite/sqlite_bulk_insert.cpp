// SQLiteConnection::bulk_insert, the flush's path for many rows of one table: multi-row
// INSERTs of kRowsPerInsert rows, the rest one INSERT per row.
//
// Each statement step costs SQLite a fixed amount besides the rows it writes: it opens a cursor
// on the table and on each index, begins and ends a statement and clears its registers, about
// a fifth of a one-row INSERT of a small row (seeding 20,000 users: 160M instructions in
// sqlite3_step one row a statement, 116M at 32 rows).
//
// Keys: SQLite gives a new row of a rowid table the largest rowid plus one, so the rows of one
// INSERT get consecutive rowids in VALUES order and sqlite3_last_insert_rowid() reports the
// last. That fails only when a trigger on the table inserts rows of its own in between, when the
// table's definition has a conflict clause (IGNORE skips a row, REPLACE deletes one), or when
// the table already holds the largest possible rowid (SQLite then picks rowids at random); these
// are checked before the first multi-row INSERT, and the rows go one by one if any may hold.
//
// Errors: a multi-row INSERT that fails undoes its own rows (SQLite's ABORT); its rows are then
// inserted one by one, so the error raised, and the rows in before it, are exactly those of
// one INSERT per row. A conflict clause or a trigger's RAISE(FAIL) would keep the rows before
// the failing one, so the same check sends such tables one row per INSERT, keys or not.
#include "dialects/sqlite/sqlite_connection.h"
#include "dialects/sqlite/sqlite_dialect.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <sqlite3.h>

namespace ormsh::dialects {

using engine::Value;

namespace {

// Past 32 rows a statement the saving flattens (64 rows: 2% more) while the statement's text
// and its parameter slots grow.
constexpr std::size_t kRowsPerInsert = 32;

std::string insert_sql(const std::string& quoted_table, const std::string& quoted_columns,
                       std::size_t width, std::size_t rows) {
    std::string row = "(";
    for (std::size_t c = 0; c < width; ++c)
        row += c ? ", ?" : "?";
    row += ")";
    std::string sql = "INSERT INTO " + quoted_table + " (" + quoted_columns + ") VALUES " + row;
    for (std::size_t r = 1; r < rows; ++r)
        sql += ", " + row;
    return sql;
}

std::vector<Value> row_values(const engine::BulkRows& rows, std::size_t r, std::size_t width) {
    std::vector<Value> values;
    for (std::size_t c = 0; c < width; ++c)
        values.push_back(rows.at(r, c, width));
    return values;
}

} // namespace

std::vector<Value> SQLiteConnection::bulk_insert(const std::string& table,
                                                 const std::vector<std::string>& columns,
                                                 const engine::BulkRows& rows,
                                                 const std::optional<std::string>& returning) {
    const std::string quoted_table = dialect_.quote_identifier(table);
    std::string quoted_columns;
    for (std::size_t i = 0; i < columns.size(); ++i)
        quoted_columns += (i ? ", " : "") + dialect_.quote_identifier(columns[i]);
    const std::size_t width = columns.size();
    const std::string single = insert_sql(quoted_table, quoted_columns, width, 1);

    std::vector<Value> keys;
    if (returning) keys.reserve(rows.count);
    // Prepared before the transaction begins: a missing table fails here, with nothing begun.
    auto lease = cache_->acquire(single);
    cache_->release(single, lease);
    begin_if_needed(true);

    std::size_t done = 0;
    std::size_t per_insert = rows_per_insert(table, width, rows.count);
    if (per_insert > 1) {
        const std::string multi = insert_sql(quoted_table, quoted_columns, width, per_insert);
        auto many = cache_->acquire(multi);
        const bool in_transaction = !sqlite3_get_autocommit(db_);
        try {
            for (; done + per_insert <= rows.count; done += per_insert) {
                // The values outlive the step: bound without a copy.
                for (std::size_t r = 0; r < per_insert; ++r)
                    for (std::size_t c = 0; c < width; ++c)
                        sqlite_bind_value(many.stmt, static_cast<int>(r * width + c + 1),
                                          rows.at(done + r, c, width), false);
                int rc = sqlite3_step(many.stmt);
                if (rc != SQLITE_DONE) {
                    // An interrupt, or an error that ended the transaction (a full disk),
                    // is raised as it is; any other is left to the one-row INSERTs to meet
                    // again at its row.
                    if ((rc & 0xFF) == SQLITE_INTERRUPT ||
                        (in_transaction && sqlite3_get_autocommit(db_)))
                        throw_sqlite_error(db_, rc, single, row_values(rows, done, width));
                    sqlite3_reset(many.stmt);
                    break;
                }
                sqlite3_reset(many.stmt);
                if (returning) {
                    auto last = static_cast<std::int64_t>(sqlite3_last_insert_rowid(db_));
                    for (std::size_t r = 0; r < per_insert; ++r)
                        keys.emplace_back(last - static_cast<std::int64_t>(per_insert - 1 - r));
                }
            }
        } catch (...) {
            cache_->release(multi, many);
            throw;
        }
        cache_->release(multi, many);
    }
    insert_one_by_one(single, rows, width, done, returning ? &keys : nullptr);
    return keys;
}

std::size_t SQLiteConnection::rows_per_insert(const std::string& table, std::size_t width,
                                              std::size_t rows) {
    if (width == 0 || rows < kRowsPerInsert) return 1;
    auto variables = static_cast<std::size_t>(sqlite3_limit(db_, SQLITE_LIMIT_VARIABLE_NUMBER, -1));
    std::size_t per_insert = std::min(kRowsPerInsert, variables / width);
    if (per_insert < 2) return 1;
    if (!multi_row_insert_is_faithful(table, rows)) return 1;
    return per_insert;
}

bool SQLiteConnection::multi_row_insert_is_faithful(const std::string& table, std::size_t rows) {
    std::vector<std::vector<Value>> found;
    try {
        // Triggers of the main and temp schemas are listed; with another database attached,
        // where the table may be, none is assumed absent. A conflict clause in the table's
        // definition (ON CONFLICT IGNORE skips rows, REPLACE deletes them) is looked for in its
        // text, erring on the side of one row per INSERT.
        found = query("SELECT (SELECT count(*) FROM sqlite_master WHERE tbl_name = ?1 COLLATE "
                      "NOCASE AND (type = 'trigger' OR (type = 'table' AND sql LIKE "
                      "'%CONFLICT%'))) + (SELECT count(*) FROM sqlite_temp_master WHERE tbl_name "
                      "= ?1 COLLATE NOCASE AND (type = 'trigger' OR (type = 'table' AND sql LIKE "
                      "'%CONFLICT%'))) + (SELECT count(*) FROM pragma_database_list WHERE name "
                      "NOT IN ('main', 'temp')), "
                      "(SELECT max(_rowid_) FROM " +
                          dialect_.quote_identifier(table) + ")",
                      {Value{table}});
    } catch (const engine::DBAPIError&) {
        return false; // a table without rowids
    }
    if (found.size() != 1 || found[0].size() != 2) return false;
    const auto* unknowns = std::get_if<std::int64_t>(&found[0][0]);
    if (!unknowns || *unknowns != 0) return false;
    if (engine::is_null(found[0][1])) return true;
    const auto* largest = std::get_if<std::int64_t>(&found[0][1]);
    return largest &&
           *largest <= std::numeric_limits<std::int64_t>::max() - static_cast<std::int64_t>(rows);
}

void SQLiteConnection::insert_one_by_one(const std::string& sql, const engine::BulkRows& rows,
                                         std::size_t width, std::size_t first,
                                         std::vector<Value>* keys) {
    if (first >= rows.count) return;
    auto lease = cache_->acquire(sql);
    try {
        for (std::size_t r = first; r < rows.count; ++r) {
            for (std::size_t c = 0; c < width; ++c)
                sqlite_bind_value(lease.stmt, static_cast<int>(c + 1), rows.at(r, c, width), false);
            int rc = sqlite3_step(lease.stmt);
            if (rc != SQLITE_DONE) throw_sqlite_error(db_, rc, sql, row_values(rows, r, width));
            sqlite3_reset(lease.stmt);
            if (keys) keys->emplace_back(static_cast<std::int64_t>(sqlite3_last_insert_rowid(db_)));
        }
    } catch (...) {
        cache_->release(sql, lease);
        throw;
    }
    cache_->release(sql, lease);
}

} // namespace ormsh::dialects
