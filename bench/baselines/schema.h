// The benchmark's tables and rows, shared by every C++ baseline so they hold the same data as
// the ormsh / SQLAlchemy workload scripts in bench/workloads: user i is
// ("user<i>", "user<i>@example.com", i % 90); category c (1-based) is "category<c>" and owns
// posts (c-1)*10+1 .. c*10, post p titled "post<p>".
#pragma once

#include <cstdio>
#include <string>

namespace ormsh::bench {

constexpr long kAgeModulus = 90;
constexpr long kCategories = 1000;
constexpr long kPostsPerCategory = 10;

inline std::string user_name(long i) {
    return "user" + std::to_string(i);
}
inline std::string user_email(long i) {
    return "user" + std::to_string(i) + "@example.com";
}

// The DDL Flask-SQLAlchemy's create_all emits for the workload models; the SQLite and
// PostgreSQL forms differ only in the autoincrementing key.
inline std::string users_ddl(const char* id_type) {
    return std::string("CREATE TABLE bench_users (id ") + id_type +
           " NOT NULL, name VARCHAR(80) NOT NULL, email VARCHAR(120), age INTEGER, "
           "PRIMARY KEY (id), UNIQUE (name))";
}
inline std::string categories_ddl(const char* id_type) {
    return std::string("CREATE TABLE bench_categories (id ") + id_type +
           " NOT NULL, name VARCHAR(50) NOT NULL, PRIMARY KEY (id))";
}
inline std::string posts_ddl(const char* id_type) {
    return std::string("CREATE TABLE bench_posts (id ") + id_type +
           " NOT NULL, title VARCHAR(100) NOT NULL, category_id INTEGER NOT NULL, "
           "PRIMARY KEY (id), FOREIGN KEY(category_id) REFERENCES bench_categories (id))";
}

// The joined read every joinedload baseline runs: categories with their posts, in order.
constexpr const char* kJoinedQuery =
    "SELECT c.id, c.name, p.id, p.title, p.category_id FROM bench_categories AS c "
    "LEFT OUTER JOIN bench_posts AS p ON c.id = p.category_id";

// One row read by the load baselines, filled field by field as an ORM object would be.
struct User {
    long id = 0;
    std::string name;
    std::string email;
    long age = 0;
};

struct Post {
    long id = 0;
    std::string title;
    long category_id = 0;
};

} // namespace ormsh::bench
