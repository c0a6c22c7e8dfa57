// PostgreSQL load baseline: every user read with one SELECT through libpqxx, a struct filled
// per row, then one field read from each. Prints "<rows> <sum of ages>".
// Usage: bench_pg_load URL
#include "bench/baselines/schema.h"

#include <pqxx/pqxx>
#include <vector>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s URL\n", argv[0]);
        return 2;
    }
    std::vector<ormsh::bench::User> users;
    try {
        pqxx::connection conn(argv[1]);
        pqxx::work tx(conn);
        pqxx::result rows = tx.exec("SELECT id, name, email, age FROM bench_users");
        users.reserve(rows.size());
        for (const auto& row : rows) {
            auto& u = users.emplace_back();
            u.id = row[0].as<long>();
            u.name = row[1].c_str();
            u.email = row[2].c_str();
            u.age = row[3].as<long>();
        }
        tx.commit();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
    long total = 0;
    for (const auto& u : users)
        total += u.age;
    std::printf("%zu %ld\n", users.size(), total);
    return 0;
}
