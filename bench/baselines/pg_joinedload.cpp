// PostgreSQL joinedload baseline: categories and their posts read with the one LEFT OUTER JOIN
// the ORM's joinedload emits, through libpqxx, grouped into structs, every post touched.
// Usage: bench_pg_joinedload URL [setup]  (setup creates and fills the two tables)
#include "bench/baselines/joined_result.h"

#include <cstring>
#include <pqxx/pqxx>

namespace {

void setup(pqxx::connection& conn) {
    using namespace ormsh::bench;
    pqxx::work tx(conn);
    tx.exec("DROP TABLE IF EXISTS bench_posts");
    tx.exec("DROP TABLE IF EXISTS bench_categories");
    tx.exec(categories_ddl("SERIAL"));
    tx.exec(posts_ddl("SERIAL"));
    tx.exec("INSERT INTO bench_categories (id, name) SELECT c, 'category' || c FROM "
            "generate_series(1, " +
            std::to_string(kCategories) + ") AS c");
    tx.exec("INSERT INTO bench_posts (id, title, category_id) SELECT p, 'post' || p, (p - 1) / " +
            std::to_string(kPostsPerCategory) + " + 1 FROM generate_series(1, " +
            std::to_string(kCategories * kPostsPerCategory) + ") AS p");
    // The rows carry explicit ids; move the sequences past them as the ORM would expect.
    tx.exec("SELECT setval('bench_categories_id_seq', " + std::to_string(kCategories) + ")");
    tx.exec("SELECT setval('bench_posts_id_seq', " +
            std::to_string(kCategories * kPostsPerCategory) + ")");
    tx.commit();
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2 && !(argc == 3 && std::strcmp(argv[2], "setup") == 0)) {
        std::fprintf(stderr, "usage: %s URL [setup]\n", argv[0]);
        return 2;
    }
    ormsh::bench::CategoryCollector collector;
    try {
        pqxx::connection conn(argv[1]);
        if (argc == 3) {
            setup(conn);
            return 0;
        }
        pqxx::work tx(conn);
        pqxx::result rows = tx.exec(ormsh::bench::kJoinedQuery);
        for (const auto& row : rows) {
            auto& category = collector.category(row[0].as<long>(), row[1].c_str());
            if (!row[2].is_null())
                category.posts.push_back({row[2].as<long>(), row[3].c_str(), row[4].as<long>()});
        }
        tx.commit();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
    collector.print_checksum();
    return 0;
}
