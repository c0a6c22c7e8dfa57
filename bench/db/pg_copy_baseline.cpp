// PostgreSQL baseline: N rows through COPY with libpqxx's stream_to in one transaction, the
// fastest way to load rows from a client. Usage: bench_pg_copy_baseline N URL
#include "bench/db/rows.h"

#include <cstdio>
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
            setup.exec("CREATE TABLE bench_users (id SERIAL NOT NULL, name TEXT, email TEXT, "
                       "n INTEGER, PRIMARY KEY (id))");
            setup.commit();
        }
        auto start = std::chrono::steady_clock::now();
        pqxx::work tx(conn);
        pqxx::stream_to stream(tx, "bench_users", std::vector<std::string>{"name", "email", "n"});
        for (long i = 0; i < n; ++i)
            stream << std::make_tuple(ormsh::bench::row_name(i), ormsh::bench::row_email(i), i);
        stream.complete();
        tx.commit();
        ormsh::bench::report("pg_copy", n, start);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
    return 0;
}
