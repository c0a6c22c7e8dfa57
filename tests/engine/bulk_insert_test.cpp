// DriverConnection::bulk_insert, the flush's path for many rows, against SQLite and PostgreSQL
// (ORMSH_TEST_PG_URL, skipped when unset). On PostgreSQL the rows go through COPY where it does
// what INSERT does, else through INSERT: both must store the same rows, return the same keys
// and fail with the INSERT's error.
#include "core/engine/engine.h"
#include "core/engine/errors.h"
#include "tests/engine/backend_engine.h"

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <stdexcept>
#include <unistd.h>

namespace ormsh::engine {
namespace {

// More rows than the multi-row VALUES path takes, so PostgreSQL uses COPY or unnest().
constexpr std::int64_t kRows = 500;

class BulkInsert : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override {
        engine_ = open_backend_engine(GetParam(), "ormsh_bulk", dir_);
        if (!engine_) GTEST_SKIP() << "ORMSH_TEST_PG_URL is not set";
        conn_ = engine_->connect();
        // A table per test: the PostgreSQL cases of several tests may run at once.
        for (char c : std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()))
            if (std::isalnum(static_cast<unsigned char>(c)))
                table_ += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }

    void TearDown() override {
        if (conn_) {
            conn_->rollback();
            conn_->execute(named("DROP TABLE IF EXISTS bt_rows"));
            conn_->commit();
        }
        conn_.reset();
        if (engine_) engine_->dispose();
        if (!dir_.empty()) std::filesystem::remove_all(dir_);
    }

    bool pg() const { return GetParam() == Backend::PostgreSQL; }
    // `sql` with "bt_rows" naming this test's table.
    std::string named(std::string sql) const {
        for (auto at = sql.find("bt_rows"); at != std::string::npos; at = sql.find("bt_rows", at))
            sql.replace(at, 7, table_);
        return sql;
    }

    // The test's table with an autoincrementing key and `columns` ("name TYPE, ...").
    void create(const std::string& columns) {
        conn_->execute(named("DROP TABLE IF EXISTS bt_rows"));
        TypeSpec integer;
        integer.kind = TypeKind::Integer;
        conn_->execute(named("CREATE TABLE bt_rows (id " +
                             engine_->dialect().autoincrement_type_ddl(integer) + " NOT NULL, " +
                             columns + ", PRIMARY KEY (id))"));
        conn_->commit();
    }

    std::vector<Value> insert(const std::vector<std::string>& columns,
                              const std::vector<std::vector<Value>>& rows,
                              std::optional<std::string> returning = std::string("id")) {
        return conn_->bulk_insert(table_, columns, BulkRows::of(rows), returning);
    }

    std::vector<std::vector<Value>> select(const std::string& columns) {
        return conn_->execute(named("SELECT " + columns + " FROM bt_rows ORDER BY id")).fetch_all();
    }

    static std::vector<Value> keys(std::int64_t from, std::int64_t count) {
        std::vector<Value> out;
        for (std::int64_t i = 0; i < count; ++i)
            out.emplace_back(from + i);
        return out;
    }

    std::shared_ptr<Engine> engine_;
    std::unique_ptr<Connection> conn_;
    std::filesystem::path dir_;
    std::string table_ = "bt_";
};

TEST_P(BulkInsert, TextThatLooksLikeSyntaxStaysData) {
    create("t TEXT, n INTEGER");
    const std::vector<std::string> awkward = {
        "tab\there", "line\nbreak", "cr\rhere",   "back\\slash", "\\N",
        "\\.",       "NULL",        "\"quoted\"", "{a,b}",       "",
        "日本 🎉",    "it's; --",    "\\x41",      "end\\",       "two\t\ttabs"};
    std::vector<std::vector<Value>> rows;
    for (std::int64_t i = 0; i < kRows; ++i) {
        Value text = i % 17 == 0 ? Value{Null{}} : Value{awkward[i % awkward.size()]};
        rows.push_back({text, i % 13 == 0 ? Value{Null{}} : Value{i - 250}});
    }
    EXPECT_EQ(insert({"t", "n"}, rows), keys(1, kRows));
    EXPECT_EQ(select("t, n"), rows);
}

TEST_P(BulkInsert, ValuesOfOtherTypesAreReadAsInsertReadsThem) {
    create("t VARCHAR(10), f FLOAT, small INTEGER");
    std::vector<std::vector<Value>> rows;
    for (std::int64_t i = 0; i < kRows; ++i)
        rows.push_back({Value{i}, Value{i}, Value{i % 2 ? Value{i} : Value{Null{}}}});
    EXPECT_EQ(insert({"t", "f", "small"}, rows), keys(1, kRows));
    auto stored = select("t, f, small");
    ASSERT_EQ(stored.size(), rows.size());
    for (std::int64_t i = 0; i < kRows; ++i)
        EXPECT_EQ(stored[i], (std::vector<Value>{Value{std::to_string(i)},
                                                 Value{static_cast<double>(i)}, rows[i][2]}));
    conn_->commit();
    if (!pg()) return;
    // Out of INTEGER's range: the error of the INSERT the rows then go through.
    rows[400][2] = Value{std::int64_t{1} << 40};
    try {
        insert({"t", "f", "small"}, rows);
        ADD_FAILURE() << "no error for an out-of-range integer";
    } catch (const DBAPIError& e) {
        EXPECT_NE(e.driver_message().find("out of range for type integer"), std::string::npos);
        EXPECT_EQ(e.sql().substr(0, 12), "INSERT INTO ");
    }
}

TEST_P(BulkInsert, GivenKeysGoInAsGiven) {
    create("n INTEGER");
    std::vector<std::vector<Value>> rows;
    for (std::int64_t i = 0; i < kRows; ++i)
        rows.push_back({Value{1000 + 2 * i}, Value{i}});
    EXPECT_TRUE(insert({"id", "n"}, rows, std::nullopt).empty());
    EXPECT_EQ(select("id, n"), rows);
}

TEST_P(BulkInsert, FailureReportsTheInsertError) {
    create("name VARCHAR(20) NOT NULL UNIQUE");
    std::vector<std::vector<Value>> rows;
    for (std::int64_t i = 0; i < kRows; ++i)
        rows.push_back({Value{fmt::format("n{}", i == 250 ? 7 : i)}});
    std::string single_message;
    try {
        conn_->execute(named("INSERT INTO bt_rows (name) VALUES ('n7'), ('n7')"));
        ADD_FAILURE() << "no error for a duplicate";
    } catch (const DBAPIError& e) {
        single_message = e.driver_message();
    }
    conn_->rollback();
    try {
        insert({"name"}, rows);
        ADD_FAILURE() << "no error for a duplicate";
    } catch (const DBAPIError& e) {
        EXPECT_EQ(e.kind(), DBErrorKind::Integrity);
        EXPECT_EQ(e.driver_message(), single_message);
        EXPECT_EQ(e.sql().substr(0, 12), "INSERT INTO ");
    }
    conn_->rollback();
    EXPECT_TRUE(select("name").empty());
    // The connection is as usable as after a failed INSERT.
    rows[250] = {Value{std::string("n250")}};
    EXPECT_EQ(insert({"name"}, rows).size(), static_cast<std::size_t>(kRows));
    conn_->commit();
    EXPECT_EQ(select("name"), rows);
}

// A conflict clause of FAIL keeps the rows before the failing one: the rows in, and the row
// the error names, are those of one INSERT per row, whether keys are wanted or given.
TEST_P(BulkInsert, FailConflictClauseStopsAtTheFailingRow) {
    if (pg()) GTEST_SKIP() << "SQLite's conflict clauses";
    create("name VARCHAR(20) NOT NULL UNIQUE ON CONFLICT FAIL");
    std::vector<std::vector<Value>> named_rows, keyed_rows;
    for (std::int64_t i = 0; i < kRows; ++i) {
        Value name{fmt::format("n{}", i == 40 ? 7 : i)};
        named_rows.push_back({name});
        keyed_rows.push_back({Value{i + 1}, name});
    }
    for (bool keyed : {false, true}) {
        try {
            if (keyed)
                insert({"id", "name"}, keyed_rows, std::nullopt);
            else
                insert({"name"}, named_rows);
            ADD_FAILURE() << "no error for a duplicate";
        } catch (const DBAPIError& e) {
            EXPECT_EQ(e.kind(), DBErrorKind::Integrity);
            EXPECT_EQ(e.params().back(), Value{std::string("n7")});
        }
        EXPECT_EQ(select("name").size(), 40u) << (keyed ? "keys given" : "keys wanted");
        conn_->rollback();
    }
}

TEST_P(BulkInsert, TextWithNulIsRefusedAsByExecute) {
    if (!pg()) GTEST_SKIP() << "SQLite stores NUL in text";
    create("t TEXT");
    std::vector<std::vector<Value>> rows(kRows, {Value{std::string("plain")}});
    rows[300] = {Value{std::string("a\0b", 3)}};
    std::string single_message;
    try {
        conn_->execute(named("INSERT INTO bt_rows (t) VALUES ($1)"), rows[300]);
    } catch (const std::invalid_argument& e) {
        single_message = e.what();
    }
    EXPECT_FALSE(single_message.empty());
    try {
        insert({"t"}, rows);
        ADD_FAILURE() << "no error for NUL";
    } catch (const std::invalid_argument& e) {
        EXPECT_EQ(e.what(), single_message);
    }
    // Nothing went in, and the transaction goes on.
    rows[300] = {Value{std::string("ab")}};
    EXPECT_EQ(insert({"t"}, rows).size(), static_cast<std::size_t>(kRows));
    EXPECT_EQ(select("t").size(), static_cast<std::size_t>(kRows));
}

TEST_P(BulkInsert, SchemaChangesInOneTransactionAreSeen) {
    create("a INTEGER");
    std::vector<std::vector<Value>> ints;
    for (std::int64_t i = 0; i < kRows; ++i)
        ints.push_back({Value{i}});
    EXPECT_EQ(insert({"a"}, ints), keys(1, kRows));
    conn_->execute(named("ALTER TABLE bt_rows ADD COLUMN b VARCHAR(10)"));
    std::vector<std::vector<Value>> pairs;
    for (std::int64_t i = 0; i < kRows; ++i)
        pairs.push_back({Value{i}, Value{fmt::format("b{}", i)}});
    EXPECT_EQ(insert({"a", "b"}, pairs), keys(kRows + 1, kRows));
    conn_->execute(named("DROP TABLE bt_rows"));
    conn_->execute(named("CREATE TABLE bt_rows (id INTEGER NOT NULL PRIMARY KEY, a TEXT)"));
    std::vector<std::vector<Value>> texts;
    for (std::int64_t i = 0; i < kRows; ++i)
        texts.push_back({Value{i}, Value{fmt::format("t{}", i)}});
    EXPECT_TRUE(insert({"id", "a"}, texts, std::nullopt).empty());
    conn_->commit();
    EXPECT_EQ(select("id, a"), texts);
}

TEST_P(BulkInsert, UserSavepointRollsBackBulkRows) {
    create("n INTEGER");
    std::vector<std::vector<Value>> rows;
    for (std::int64_t i = 0; i < kRows; ++i)
        rows.push_back({Value{i}});
    EXPECT_EQ(insert({"n"}, rows), keys(1, kRows));
    conn_->savepoint("sa_savepoint_1");
    EXPECT_EQ(insert({"n"}, rows), keys(kRows + 1, kRows));
    conn_->rollback_to_savepoint("sa_savepoint_1");
    conn_->commit();
    EXPECT_EQ(select("n"), rows);
}

// What only PostgreSQL has: tables where COPY would not do what INSERT does.
TEST_P(BulkInsert, KeysComeFromWhatInsertWouldDo) {
    if (!pg()) GTEST_SKIP() << "PostgreSQL triggers and identity columns";
    std::vector<std::vector<Value>> rows;
    for (std::int64_t i = 0; i < kRows; ++i)
        rows.push_back({Value{i}});
    // A trigger that moves the key: the keys returned are the ones stored.
    create("n INTEGER");
    conn_->execute("CREATE FUNCTION bt_shift() RETURNS trigger LANGUAGE plpgsql AS "
                   "$$BEGIN NEW.id := NEW.id + 1000; RETURN NEW; END$$");
    conn_->execute(named("CREATE TRIGGER bt_shift BEFORE INSERT ON bt_rows "
                         "FOR EACH ROW EXECUTE FUNCTION bt_shift()"));
    EXPECT_EQ(insert({"n"}, rows), keys(1001, kRows));
    EXPECT_EQ(select("id").front().front(), Value{std::int64_t{1001}});
    conn_->rollback();
    // An identity column has no sequence default to read keys from.
    conn_->execute(named("DROP TABLE IF EXISTS bt_rows"));
    conn_->execute(named("CREATE TABLE bt_rows (id INTEGER GENERATED BY DEFAULT AS IDENTITY "
                         "(START WITH 40) PRIMARY KEY, n INTEGER)"));
    EXPECT_EQ(insert({"n"}, rows), keys(40, kRows));
    conn_->commit();
    EXPECT_EQ(select("n"), rows);
}

TEST_P(BulkInsert, KeysAreTheRowidsSQLiteGaveTheRows) {
    if (pg()) GTEST_SKIP() << "SQLite's rowids";
    std::vector<std::vector<Value>> rows;
    for (std::int64_t i = 0; i < kRows; ++i)
        rows.push_back({Value{i}});
    // The stored key of each inserted row, in the order of `rows`.
    auto stored_keys = [&] {
        std::vector<Value> by_n(rows.size());
        for (const auto& row : select("n, id"))
            if (auto n = std::get<std::int64_t>(row[0]); n >= 0) by_n[n] = row[1];
        return by_n;
    };
    // A trigger that inserts a row of its own after each one: keys are not consecutive.
    create("n INTEGER");
    conn_->execute(named("CREATE TRIGGER bt_echo AFTER INSERT ON bt_rows WHEN NEW.n >= 0 "
                         "BEGIN INSERT INTO bt_rows (n) VALUES (-1 - NEW.n); END"));
    auto inserted = insert({"n"}, rows);
    EXPECT_EQ(inserted, stored_keys());
    EXPECT_EQ(inserted[1], Value{std::int64_t{3}});
    conn_->rollback();
    // The table holds the largest rowid: SQLite picks the others at random.
    create("n INTEGER");
    conn_->execute(named("INSERT INTO bt_rows (id, n) VALUES (9223372036854775807, -1)"));
    inserted = insert({"n"}, rows);
    EXPECT_EQ(inserted, stored_keys());
    conn_->rollback();
    // A conflict clause in the table's definition: IGNORE skips rows, so the rows of one INSERT
    // do not get consecutive rowids; REPLACE deletes rows, and is kept to one row per INSERT too.
    std::vector<std::vector<Value>> repeated;
    for (std::int64_t i = 0; i < kRows; ++i)
        repeated.push_back({Value{i / 2}});
    for (const char* clause : {"IGNORE", "REPLACE"}) {
        create(std::string("n INTEGER UNIQUE ON CONFLICT ") + clause);
        inserted = insert({"n"}, repeated);
        // One INSERT per row: the second row of each pair is ignored (its key is the last
        // row's), or replaces the first (it takes the next rowid before the first goes).
        bool ignore = std::string(clause) == "IGNORE";
        std::vector<Value> expected;
        for (std::int64_t i = 0; i < kRows; ++i)
            expected.push_back(Value{ignore ? i / 2 + 1 : i + 1});
        EXPECT_EQ(inserted, expected) << clause;
        conn_->rollback();
    }
    // The same trigger on a table of an attached database.
    conn_->execute(named("DROP TABLE IF EXISTS bt_rows"));
    conn_->commit();
    conn_->execute("ATTACH DATABASE ':memory:' AS side");
    conn_->execute(named("CREATE TABLE side.bt_rows (id INTEGER PRIMARY KEY, n INTEGER)"));
    conn_->execute(named("CREATE TRIGGER side.bt_echo AFTER INSERT ON bt_rows WHEN NEW.n >= 0 "
                         "BEGIN INSERT INTO bt_rows (n) VALUES (-1 - NEW.n); END"));
    inserted = insert({"n"}, rows);
    EXPECT_EQ(inserted, stored_keys());
    conn_->commit();
    conn_->execute("DETACH DATABASE side");
    // A table without rowids takes the rows as well, given their keys.
    conn_->execute(named("DROP TABLE IF EXISTS bt_rows"));
    conn_->execute(named("CREATE TABLE bt_rows (id INTEGER PRIMARY KEY, n INTEGER) WITHOUT ROWID"));
    std::vector<std::vector<Value>> keyed;
    for (std::int64_t i = 0; i < kRows; ++i)
        keyed.push_back({Value{i * 3}, Value{i}});
    EXPECT_TRUE(insert({"id", "n"}, keyed, std::nullopt).empty());
    EXPECT_EQ(select("id, n"), keyed);
}

INSTANTIATE_TEST_SUITE_P(Backends, BulkInsert,
                         ::testing::Values(Backend::SQLite, Backend::PostgreSQL), backend_name);

} // namespace
} // namespace ormsh::engine
