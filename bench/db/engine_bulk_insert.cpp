// The same rows through ormsh's engine: Connection::bulk_insert with RETURNING id, as the
// ORM's flush uses it, in one transaction. Usage: bench_engine_bulk_insert N URL [noreturning]
#include "bench/db/rows.h"
#include "core/engine/engine.h"
#include "dialects/registry.h"

#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv) {
    using namespace ormsh::engine;
    if (argc != 3 && argc != 4) {
        std::fprintf(stderr, "usage: %s N URL [noreturning]\n", argv[0]);
        return 2;
    }
    long n = std::atol(argv[1]);
    try {
        ormsh::dialects::register_builtin_dialects();
        auto engine = Engine::create(argv[2]);
        auto conn = engine->connect();
        TypeSpec integer;
        integer.kind = TypeKind::Integer;
        conn->execute("DROP TABLE IF EXISTS bench_users");
        conn->execute("CREATE TABLE bench_users (id " +
                      engine->dialect().autoincrement_type_ddl(integer) +
                      " NOT NULL, name TEXT, email TEXT, n INTEGER, PRIMARY KEY (id))");
        conn->commit();
        // Building the rows is the caller's work, timed too: the ORM pays it as well.
        auto start = std::chrono::steady_clock::now();
        std::vector<std::vector<Value>> rows;
        rows.reserve(n);
        for (long i = 0; i < n; ++i)
            rows.push_back({ormsh::bench::row_name(i), ormsh::bench::row_email(i),
                            static_cast<std::int64_t>(i)});
        bool returning = argc == 3;
        auto ids = conn->bulk_insert("bench_users", {"name", "email", "n"}, rows,
                                     returning ? std::optional<std::string>("id") : std::nullopt);
        conn->commit();
        ormsh::bench::report(
            ("engine_bulk_insert_" + std::string(engine->dialect().name())).c_str(),
            static_cast<long>(returning ? ids.size() : rows.size()), start);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
    return 0;
}
