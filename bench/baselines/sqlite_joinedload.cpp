// SQLite joinedload baseline: categories and their posts read with the one LEFT OUTER JOIN the
// ORM's joinedload emits, grouped into structs, every post touched.
// Usage: bench_sqlite_joinedload PATH [setup]  (setup creates and fills the two tables)
#include "bench/baselines/joined_result.h"

#include <cstdlib>
#include <cstring>
#include <sqlite3.h>

namespace {

void exec_or_die(sqlite3* db, const std::string& sql) {
    char* error = nullptr;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
        std::fprintf(stderr, "%s: %s\n", sql.c_str(), error);
        std::exit(1);
    }
}

void setup(sqlite3* db) {
    using namespace ormsh::bench;
    exec_or_die(db, "DROP TABLE IF EXISTS bench_posts");
    exec_or_die(db, "DROP TABLE IF EXISTS bench_categories");
    exec_or_die(db, categories_ddl("INTEGER"));
    exec_or_die(db, posts_ddl("INTEGER"));
    exec_or_die(db, "BEGIN");
    long post = 0;
    for (long c = 1; c <= kCategories; ++c) {
        exec_or_die(db, "INSERT INTO bench_categories (id, name) VALUES (" + std::to_string(c) +
                            ", 'category" + std::to_string(c) + "')");
        for (long k = 0; k < kPostsPerCategory; ++k) {
            ++post;
            exec_or_die(db, "INSERT INTO bench_posts (id, title, category_id) VALUES (" +
                                std::to_string(post) + ", 'post" + std::to_string(post) + "', " +
                                std::to_string(c) + ")");
        }
    }
    exec_or_die(db, "COMMIT");
}

const char* text(sqlite3_stmt* stmt, int column) {
    return reinterpret_cast<const char*>(sqlite3_column_text(stmt, column));
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2 && !(argc == 3 && std::strcmp(argv[2], "setup") == 0)) {
        std::fprintf(stderr, "usage: %s PATH [setup]\n", argv[0]);
        return 2;
    }
    sqlite3* db = nullptr;
    if (sqlite3_open(argv[1], &db) != SQLITE_OK) {
        std::fprintf(stderr, "open: %s\n", sqlite3_errmsg(db));
        return 1;
    }
    if (argc == 3) {
        setup(db);
        sqlite3_close(db);
        return 0;
    }
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, ormsh::bench::kJoinedQuery, -1, &stmt, nullptr) != SQLITE_OK) {
        std::fprintf(stderr, "select: %s\n", sqlite3_errmsg(db));
        return 1;
    }
    ormsh::bench::CategoryCollector collector;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        auto& category = collector.category(sqlite3_column_int64(stmt, 0), text(stmt, 1));
        if (sqlite3_column_type(stmt, 2) != SQLITE_NULL)
            category.posts.push_back(
                {sqlite3_column_int64(stmt, 2), text(stmt, 3), sqlite3_column_int64(stmt, 4)});
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    collector.print_checksum();
    return 0;
}
