// SQLite load baseline: every user read with one prepared SELECT, a struct filled per row, then
// one field read from each. Prints "<rows> <sum of ages>". Usage: bench_sqlite_load PATH
#include "bench/baselines/schema.h"

#include <sqlite3.h>
#include <vector>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s PATH\n", argv[0]);
        return 2;
    }
    sqlite3* db = nullptr;
    if (sqlite3_open(argv[1], &db) != SQLITE_OK) {
        std::fprintf(stderr, "open: %s\n", sqlite3_errmsg(db));
        return 1;
    }
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT id, name, email, age FROM bench_users", -1, &stmt,
                           nullptr) != SQLITE_OK) {
        std::fprintf(stderr, "select: %s\n", sqlite3_errmsg(db));
        return 1;
    }
    std::vector<ormsh::bench::User> users;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        auto& u = users.emplace_back();
        u.id = sqlite3_column_int64(stmt, 0);
        u.name = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 1));
        u.email = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 2));
        u.age = sqlite3_column_int64(stmt, 3);
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    long total = 0;
    for (const auto& u : users)
        total += u.age;
    std::printf("%zu %ld\n", users.size(), total);
    return 0;
}
