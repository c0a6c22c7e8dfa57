// SQLite baseline: N rows through one prepared INSERT, re-bound per row, in one transaction,
// the fastest plain use of the C API. Usage: bench_sqlite_baseline N PATH
#include "bench/db/rows.h"

#include <cstdio>
#include <cstdlib>
#include <sqlite3.h>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s N PATH\n", argv[0]);
        return 2;
    }
    long n = std::atol(argv[1]);
    sqlite3* db = nullptr;
    if (sqlite3_open(argv[2], &db) != SQLITE_OK) {
        std::fprintf(stderr, "open: %s\n", sqlite3_errmsg(db));
        return 1;
    }
    sqlite3_exec(db,
                 "DROP TABLE IF EXISTS bench_users; CREATE TABLE bench_users (id INTEGER NOT "
                 "NULL, name TEXT, email TEXT, n INTEGER, PRIMARY KEY (id))",
                 nullptr, nullptr, nullptr);
    auto start = std::chrono::steady_clock::now();
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO bench_users (name, email, n) VALUES (?, ?, ?)", -1, &stmt,
                       nullptr);
    for (long i = 0; i < n; ++i) {
        std::string name = ormsh::bench::row_name(i), email = ormsh::bench::row_email(i);
        sqlite3_bind_text(stmt, 1, name.data(), static_cast<int>(name.size()), SQLITE_STATIC);
        sqlite3_bind_text(stmt, 2, email.data(), static_cast<int>(email.size()), SQLITE_STATIC);
        sqlite3_bind_int64(stmt, 3, i);
        if (sqlite3_step(stmt) != SQLITE_DONE) {
            std::fprintf(stderr, "insert: %s\n", sqlite3_errmsg(db));
            return 1;
        }
        sqlite3_reset(stmt);
    }
    sqlite3_finalize(stmt);
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    ormsh::bench::report("sqlite_prepared_insert", n, start);
    sqlite3_close(db);
    return 0;
}
