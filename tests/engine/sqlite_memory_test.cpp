// The memory methods ormsh gives SQLite (dialects/sqlite/sqlite_memory.cpp), exercised through
// real SQLite: values on both sides of the small-block limit, blocks that grow by realloc from
// the smallest class to megabytes, more statements than the statement cache keeps, and threads
// each running their own connection, or sharing one in turn. Every result is checked against
// what the test computes itself.
#include "core/engine/engine.h"
#include "dialects/registry.h"
#include "dialects/sqlite/sqlite_memory.h"

#include <filesystem>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <stdexcept>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

namespace ormsh::engine {
namespace {

// Bytes that differ with position and length, so that a block mixed up with another shows.
std::string pattern(std::size_t size) {
    std::string bytes(size, '\0');
    for (std::size_t i = 0; i < size; ++i)
        bytes[i] = static_cast<char>((i * 31 + size) % 251);
    return bytes;
}

// Letters, for TEXT columns.
std::string text_pattern(std::size_t size) {
    std::string text(size, ' ');
    for (std::size_t i = 0; i < size; ++i)
        text[i] = static_cast<char>('a' + (i * 7 + size) % 26);
    return text;
}

std::int64_t as_int(const Value& value) {
    return std::get<std::int64_t>(value);
}

const std::string& as_text(const Value& value) {
    return std::get<std::string>(value);
}

// Blobs of sizes around every boundary the allocator has, stored, read back and measured by
// SQLite itself; run on whichever thread calls it, against `conn`.
void round_trip_blobs(Connection& conn, const std::string& table) {
    const std::vector<std::size_t> sizes = {0,   1,   7,   8,    9,    16,   503,    504,
                                            505, 512, 513, 4095, 4096, 4097, 100000, 3000000};
    conn.execute("CREATE TABLE " + table + " (id INTEGER PRIMARY KEY, b BLOB)");
    for (std::size_t i = 0; i < sizes.size(); ++i)
        conn.execute("INSERT INTO " + table + " (id, b) VALUES (?, ?)",
                     {Value{static_cast<std::int64_t>(i)}, Value{Blob{pattern(sizes[i])}}});
    auto rows = conn.execute("SELECT id, b, length(b) FROM " + table + " ORDER BY id").fetch_all();
    ASSERT_EQ(rows.size(), sizes.size());
    for (std::size_t i = 0; i < sizes.size(); ++i) {
        EXPECT_EQ(as_int(rows[i][0]), static_cast<std::int64_t>(i));
        // SQLite reads an empty blob back as an empty blob, never as NULL, for a bound blob.
        EXPECT_EQ(std::get<Blob>(rows[i][1]).bytes, pattern(sizes[i])) << sizes[i] << " bytes";
        EXPECT_EQ(as_int(rows[i][2]), static_cast<std::int64_t>(sizes[i]));
    }
}

class SQLiteMemory : public ::testing::Test {
protected:
    void SetUp() override {
        dialects::register_builtin_dialects();
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        dir_ = std::filesystem::temp_directory_path() /
               fmt::format("ormsh_sqlite_memory_{}_{}", ::getpid(), info->name());
        std::filesystem::remove_all(dir_);
        std::filesystem::create_directories(dir_);
        engine_ = Engine::create("sqlite:///" + (dir_ / "test.db").string());
        conn_ = engine_->connect();
    }

    void TearDown() override {
        conn_.reset();
        engine_->dispose();
        std::filesystem::remove_all(dir_);
    }

    std::filesystem::path dir_;
    std::shared_ptr<Engine> engine_;
    std::unique_ptr<Connection> conn_;
};

TEST_F(SQLiteMemory, BlobsOnBothSidesOfTheSmallBlockLimitRoundTrip) {
    round_trip_blobs(*conn_, "blobs");
    conn_->commit();
    // SQLite makes big values itself too: a 5 MB blob and its hex text.
    auto rows =
        conn_->execute("SELECT length(zeroblob(5000000)), hex(zeroblob(60000))").fetch_all();
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(as_int(rows[0][0]), 5000000);
    EXPECT_EQ(as_text(rows[0][1]), std::string(120000, '0'));
}

TEST_F(SQLiteMemory, ValuesThatGrowByReallocKeepTheirBytes) {
    // A string built one character a step: SQLite reallocates it through every small class and
    // on into large blocks, copying what it holds each time.
    auto grown = conn_
                     ->execute("WITH RECURSIVE r(i, s) AS (SELECT 1, 'a' UNION ALL "
                               "SELECT i + 1, s || char(97 + i % 26) FROM r WHERE i < 3000) "
                               "SELECT s FROM r WHERE i = 3000")
                     .fetch_all();
    std::string expected;
    for (int i = 0; i < 3000; ++i)
        expected += static_cast<char>('a' + i % 26);
    ASSERT_EQ(grown.size(), 1u);
    EXPECT_EQ(as_text(grown[0][0]), expected);

    // group_concat's buffer doubles as rows arrive.
    conn_->execute("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT)");
    std::string joined;
    for (int i = 0; i < 20000; ++i) {
        std::string name = fmt::format("item{}", i);
        conn_->execute("INSERT INTO items (name) VALUES (?)", {Value{name}});
        joined += (i ? "," : "") + name;
    }
    conn_->commit();
    auto concat =
        conn_->execute("SELECT group_concat(name, ',') FROM (SELECT name FROM items ORDER BY id)")
            .fetch_all();
    ASSERT_EQ(concat.size(), 1u);
    EXPECT_EQ(as_text(concat[0][0]), joined);
    auto padded = conn_->execute("SELECT printf('%.*c', 1000000, 'x')").fetch_all();
    EXPECT_EQ(as_text(padded[0][0]), std::string(1000000, 'x'));
}

TEST_F(SQLiteMemory, MoreStatementsThanTheCacheKeepsAllAnswer) {
    conn_->execute("CREATE TABLE numbers (n INTEGER)");
    for (std::int64_t i = 0; i < 100; ++i)
        conn_->execute("INSERT INTO numbers (n) VALUES (?)", {Value{i}});
    // Each text a new statement, prepared and, once the cache is full, finalized again.
    for (int i = 0; i < 1500; ++i) {
        auto rows = conn_
                        ->execute(fmt::format("SELECT count(*), sum(n + {0}), '{0}' || ? "
                                              "FROM numbers WHERE n >= ?",
                                              i),
                                  {Value{std::string("x")}, Value{std::int64_t{i % 100}}})
                        .fetch_all();
        std::int64_t count = 100 - i % 100;
        std::int64_t sum = 0;
        for (std::int64_t n = i % 100; n < 100; ++n)
            sum += n + i;
        ASSERT_EQ(rows.size(), 1u);
        EXPECT_EQ(as_int(rows[0][0]), count);
        EXPECT_EQ(as_int(rows[0][1]), sum);
        EXPECT_EQ(as_text(rows[0][2]), fmt::format("{}x", i));
    }
    conn_->commit();
}

TEST_F(SQLiteMemory, FreedBlocksAreKeptForReuseUpToTheLimit) {
    conn_->execute("CREATE TABLE kept (id INTEGER PRIMARY KEY, name TEXT UNIQUE)");
    for (int i = 0; i < 1000; ++i)
        conn_->execute("INSERT INTO kept (name) VALUES (?)", {Value{fmt::format("n{}", i)}});
    conn_->commit();
    // Steps free their cursors on this thread, so some of them wait here for the next step;
    // never more than the limit however much SQLite frees.
    EXPECT_GT(dialects::sqlite_cached_block_bytes(), 0u);
    EXPECT_LE(dialects::sqlite_cached_block_bytes(), dialects::sqlite_cached_block_limit());
    auto rows = conn_->execute("SELECT count(*), min(name), max(name) FROM kept").fetch_all();
    EXPECT_EQ(as_int(rows[0][0]), 1000);
    EXPECT_EQ(as_text(rows[0][1]), "n0");
    EXPECT_EQ(as_text(rows[0][2]), "n999");
}

TEST_F(SQLiteMemory, ThreadsEachWithTheirOwnConnection) {
    // Several threads at once, each on its own in-memory database, allocate and free through
    // their own lists, while the main thread's list holds blocks of its own connection, which
    // it uses again afterwards. (The main thread does not run SQLite meanwhile: ormsh sets
    // SQLite up single-threaded, whose few globals, such as its random number generator, are
    // unguarded; a connection per thread touches nothing else in common.)
    round_trip_blobs(*conn_, "main_blobs");
    std::size_t main_cached = dialects::sqlite_cached_block_bytes();
    EXPECT_GT(main_cached, 0u);
    constexpr int kThreads = 3;
    std::vector<std::string> failures(kThreads);
    std::vector<std::size_t> cached(kThreads);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([t, &failures, &cached] {
            try {
                auto engine = Engine::create("sqlite://");
                auto conn = engine->connect();
                conn->execute(
                    "CREATE TABLE rows (id INTEGER PRIMARY KEY, name TEXT UNIQUE, b BLOB)");
                for (std::int64_t i = 0; i < 3000; ++i)
                    conn->execute("INSERT INTO rows (name, b) VALUES (?, ?)",
                                  {Value{fmt::format("t{}-{}", t, i)},
                                   Value{Blob{pattern(static_cast<std::size_t>(i % 700))}}});
                auto rows = conn->execute("SELECT id, name, b FROM rows ORDER BY id").fetch_all();
                if (rows.size() != 3000) throw std::runtime_error("wrong row count");
                for (std::int64_t i = 0; i < 3000; ++i) {
                    if (as_text(rows[i][1]) != fmt::format("t{}-{}", t, i) ||
                        std::get<Blob>(rows[i][2]).bytes !=
                            pattern(static_cast<std::size_t>(i % 700)))
                        throw std::runtime_error(fmt::format("row {} differs", i));
                }
                cached[t] = dialects::sqlite_cached_block_bytes();
                conn.reset();
                engine->dispose();
            } catch (const std::exception& e) {
                failures[t] = e.what();
            }
        });
    }
    for (auto& thread : threads)
        thread.join();
    EXPECT_EQ(dialects::sqlite_cached_block_bytes(), main_cached);
    round_trip_blobs(*conn_, "more_main_blobs");
    for (int t = 0; t < kThreads; ++t) {
        EXPECT_EQ(failures[t], "") << "thread " << t;
        EXPECT_GT(cached[t], 0u) << "thread " << t;
        EXPECT_LE(cached[t], dialects::sqlite_cached_block_limit()) << "thread " << t;
    }
}

TEST_F(SQLiteMemory, AConnectionHandedBetweenThreads) {
    // Blocks made on one thread are freed on another: the worker steps the statement this
    // thread prepared, and this thread then frees, reading and closing, what the worker's
    // steps allocated.
    conn_->execute("CREATE TABLE handed (id INTEGER PRIMARY KEY, v TEXT)");
    for (int i = 0; i < 200; ++i)
        conn_->execute("INSERT INTO handed (v) VALUES (?)", {Value{text_pattern(i * 5)}});
    std::string failure;
    std::thread worker([&] {
        try {
            for (int i = 200; i < 400; ++i)
                conn_->execute("INSERT INTO handed (v) VALUES (?)", {Value{text_pattern(i * 5)}});
            conn_->commit();
        } catch (const std::exception& e) {
            failure = e.what();
        }
    });
    worker.join();
    EXPECT_EQ(failure, "");
    auto rows = conn_->execute("SELECT v FROM handed ORDER BY id").fetch_all();
    ASSERT_EQ(rows.size(), 400u);
    for (std::size_t i = 0; i < rows.size(); ++i)
        EXPECT_EQ(as_text(rows[i][0]), text_pattern(i * 5)) << "row " << i;
    conn_->commit();
    conn_.reset();
    engine_->dispose();
    conn_ = engine_->connect();
}

} // namespace
} // namespace ormsh::engine
