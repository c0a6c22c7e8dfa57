// PostgreSQL seed baseline: the users table filled through COPY (libpqxx's stream_to) in one
// transaction, the fastest way to load rows from a client. Usage: bench_pg_copy_seed N URL
#include "bench/baselines/schema.h"

#include <cstdlib>
#include <pqxx/pqxx>
#include <tuple>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s N URL\n", argv[0]);
        return 2;
    }
    long n = std::atol(argv[1]);
    try {
        pqxx::connection conn(argv[2]);
        {
            pqxx::work setup(conn);
            setup.exec("DROP TABLE IF EXISTS bench_users");
            setup.exec(ormsh::bench::users_ddl("SERIAL"));
            setup.commit();
        }
        pqxx::work tx(conn);
        pqxx::stream_to stream(tx, "bench_users", std::vector<std::string>{"name", "email", "age"});
        for (long i = 0; i < n; ++i)
            stream << std::make_tuple(ormsh::bench::user_name(i), ormsh::bench::user_email(i),
                                      i % ormsh::bench::kAgeModulus);
        stream.complete();
        tx.commit();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
    std::printf("seeded %ld\n", n);
    return 0;
}
