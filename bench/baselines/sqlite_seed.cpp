// SQLite seed baseline: the users table filled through one prepared INSERT, re-bound per row,
// in one transaction (or one per COMMIT_EVERY rows), the fastest plain use of the C API.
// Usage: bench_sqlite_seed N PATH [COMMIT_EVERY]
#include "bench/baselines/schema.h"

#include <cstdlib>
#include <sqlite3.h>

namespace {

void exec_or_die(sqlite3* db, const std::string& sql) {
    char* error = nullptr;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
        std::fprintf(stderr, "%s: %s\n", sql.c_str(), error);
        std::exit(1);
    }
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 3 && argc != 4) {
        std::fprintf(stderr, "usage: %s N PATH [COMMIT_EVERY]\n", argv[0]);
        return 2;
    }
    long n = std::atol(argv[1]);
    long commit_every = argc == 4 ? std::atol(argv[3]) : 0;
    sqlite3* db = nullptr;
    if (sqlite3_open(argv[2], &db) != SQLITE_OK) {
        std::fprintf(stderr, "open: %s\n", sqlite3_errmsg(db));
        return 1;
    }
    exec_or_die(db, "DROP TABLE IF EXISTS bench_users");
    exec_or_die(db, ormsh::bench::users_ddl("INTEGER"));
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO bench_users (name, email, age) VALUES (?, ?, ?)", -1, &stmt,
                       nullptr);
    exec_or_die(db, "BEGIN");
    for (long i = 0; i < n; ++i) {
        std::string name = ormsh::bench::user_name(i), email = ormsh::bench::user_email(i);
        sqlite3_bind_text(stmt, 1, name.data(), static_cast<int>(name.size()), SQLITE_STATIC);
        sqlite3_bind_text(stmt, 2, email.data(), static_cast<int>(email.size()), SQLITE_STATIC);
        sqlite3_bind_int64(stmt, 3, i % ormsh::bench::kAgeModulus);
        if (sqlite3_step(stmt) != SQLITE_DONE) {
            std::fprintf(stderr, "insert: %s\n", sqlite3_errmsg(db));
            return 1;
        }
        sqlite3_reset(stmt);
        if (commit_every > 0 && (i + 1) % commit_every == 0) {
            exec_or_die(db, "COMMIT");
            exec_or_die(db, "BEGIN");
        }
    }
    exec_or_die(db, "COMMIT");
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    std::printf("seeded %ld\n", n);
    return 0;
}
