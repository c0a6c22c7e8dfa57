// One conformance suite run against every backend: SQLite (a file per test, plus :memory:
// where it matters) and PostgreSQL from ORMSH_TEST_PG_URL (skipped when unset). Each test
// owns its table names and drops them first, so runs are independent and repeatable.
#include "core/engine/engine.h"
#include "core/engine/errors.h"
#include "tests/engine/backend_engine.h"

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <thread>
#include <unistd.h>

namespace ormsh::engine {
namespace {

TypeSpec spec(TypeKind kind, std::optional<int> precision = {}, std::optional<int> scale = {}) {
    TypeSpec t;
    t.kind = kind;
    t.precision = precision;
    t.scale = scale;
    return t;
}

class Conformance : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override {
        engine_ = open_backend_engine(GetParam(), "ormsh_engine", dir_);
        if (!engine_) GTEST_SKIP() << "ORMSH_TEST_PG_URL is not set";
        conn_ = engine_->connect();
    }

    void TearDown() override {
        conn_.reset();
        if (engine_) engine_->dispose();
        if (!dir_.empty()) std::filesystem::remove_all(dir_);
    }

    bool pg() const { return GetParam() == Backend::PostgreSQL; }
    const Dialect& dialect() const { return engine_->dialect(); }
    std::string q(const std::string& name) const { return dialect().quote_identifier(name); }
    std::string ddl(const TypeSpec& t) const { return dialect().type_ddl(t); }

    // Rewrites '?' markers into the dialect's placeholders.
    std::string sql(const std::string& text) const {
        std::string out;
        int index = 0;
        for (char c : text) {
            if (c == '?')
                out += dialect().placeholder(++index);
            else
                out += c;
        }
        return out;
    }

    void drop(std::initializer_list<const char*> tables) {
        for (const char* t : tables)
            conn_->execute("DROP TABLE IF EXISTS " + q(t));
        conn_->commit();
    }

    Value scalar(const std::string& text, const std::vector<Value>& params = {}) {
        auto rows = conn_->execute(sql(text), params).fetch_all();
        EXPECT_EQ(rows.size(), 1u);
        return rows.empty() ? Value{} : rows[0][0];
    }

    std::shared_ptr<Engine> engine_;
    std::unique_ptr<Connection> conn_;
    std::filesystem::path dir_;
};

TEST_P(Conformance, SchemaRoundTripsThroughReflection) {
    drop({"et_child", "et_parent"});
    conn_->execute("CREATE TABLE et_parent (id INTEGER NOT NULL, name VARCHAR(50) NOT NULL, "
                   "email VARCHAR(120), bio TEXT, created " +
                   ddl(spec(TypeKind::DateTime)) + ", PRIMARY KEY (id), UNIQUE (email))");
    conn_->execute("CREATE TABLE et_child (id INTEGER NOT NULL, parent_id INTEGER NOT NULL, "
                   "item VARCHAR(30), price NUMERIC(10, 2), PRIMARY KEY (id), "
                   "CONSTRAINT uq_et_child_item_price UNIQUE (item, price), "
                   "CONSTRAINT fk_et_child_parent FOREIGN KEY(parent_id) REFERENCES "
                   "et_parent (id) ON DELETE CASCADE)");
    conn_->execute("CREATE INDEX ix_et_child_item ON et_child (item)");
    conn_->commit();

    DriverConnection& d = conn_->driver();
    auto names = d.table_names();
    EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
    auto child_at = std::find(names.begin(), names.end(), "et_child");
    auto parent_at = std::find(names.begin(), names.end(), "et_parent");
    ASSERT_NE(child_at, names.end());
    ASSERT_NE(parent_at, names.end());
    EXPECT_TRUE(d.has_table("et_parent"));
    EXPECT_FALSE(d.has_table("et_nothing_here"));
    EXPECT_FALSE(d.reflect_table("et_nothing_here").has_value());

    auto parent = d.reflect_table("et_parent");
    ASSERT_TRUE(parent.has_value());
    std::vector<std::pair<std::string, std::string>> cols;
    for (const auto& c : parent->columns)
        cols.emplace_back(c.name, c.type.sqlalchemy_str());
    std::string dt = pg() ? "TIMESTAMP WITHOUT TIME ZONE" : "DATETIME";
    EXPECT_EQ(cols, (std::vector<std::pair<std::string, std::string>>{{"id", "INTEGER"},
                                                                      {"name", "VARCHAR(50)"},
                                                                      {"email", "VARCHAR(120)"},
                                                                      {"bio", "TEXT"},
                                                                      {"created", dt}}));
    EXPECT_FALSE(parent->columns[0].nullable);
    EXPECT_FALSE(parent->columns[1].nullable);
    EXPECT_TRUE(parent->columns[2].nullable);
    EXPECT_EQ(parent->columns[1].type.kind, TypeKind::String);
    EXPECT_EQ(parent->columns[1].type.length, 50);
    EXPECT_EQ(parent->primary_key, std::vector<std::string>{"id"});
    ASSERT_EQ(parent->unique_constraints.size(), 1u);
    EXPECT_EQ(parent->unique_constraints[0].columns, std::vector<std::string>{"email"});

    auto child = d.reflect_table("et_child");
    ASSERT_TRUE(child.has_value());
    EXPECT_EQ(child->columns[3].type.sqlalchemy_str(), "NUMERIC(10, 2)");
    EXPECT_EQ(child->columns[3].type.scale, 2);
    ASSERT_EQ(child->foreign_keys.size(), 1u);
    const auto& fk = child->foreign_keys[0];
    EXPECT_EQ(fk.referred_table, "et_parent");
    EXPECT_EQ(fk.constrained_columns, std::vector<std::string>{"parent_id"});
    EXPECT_EQ(fk.referred_columns, std::vector<std::string>{"id"});
    EXPECT_EQ(fk.ondelete, std::optional<std::string>("CASCADE"));
    EXPECT_EQ(fk.name, std::optional<std::string>("fk_et_child_parent"));
    ASSERT_EQ(child->unique_constraints.size(), 1u);
    EXPECT_EQ(child->unique_constraints[0].name,
              std::optional<std::string>("uq_et_child_item_price"));
    EXPECT_EQ(child->unique_constraints[0].columns, (std::vector<std::string>{"item", "price"}));
    ASSERT_EQ(child->indexes.size(), 1u);
    EXPECT_EQ(child->indexes[0].name, "ix_et_child_item");
    EXPECT_EQ(child->indexes[0].columns, std::vector<std::string>{"item"});
    EXPECT_FALSE(child->indexes[0].unique);

    drop({"et_child", "et_parent"});
    EXPECT_FALSE(d.has_table("et_child"));
}

// One row of every kind of value, and the column types that read it back.
struct TypedTable {
    std::vector<std::string> columns{"t", "b", "d", "dt", "tm", "big", "f", "n", "flag"};
    std::vector<TypeSpec> types{
        spec(TypeKind::Text),     spec(TypeKind::LargeBinary),    spec(TypeKind::Date),
        spec(TypeKind::DateTime), spec(TypeKind::Time),           spec(TypeKind::BigInteger),
        spec(TypeKind::Float),    spec(TypeKind::Numeric, 20, 4), spec(TypeKind::Boolean)};

    static std::vector<Value> row(int i) {
        using std::int64_t;
        std::vector<Value> r;
        r.emplace_back(fmt::format("héllo wörld ✓ 日本 🎉 {}", i));
        r.emplace_back(Blob{std::string("\0\x01\xff'\\", 5) + std::to_string(i)});
        r.emplace_back(Date{1970 + i % 100, 1 + i % 12, 1 + i % 28});
        r.emplace_back(
            DateTime{{2024, 1 + i % 12, 1 + i % 28}, {i % 24, i % 60, i % 60, i % 1000000}});
        r.emplace_back(Time{i % 24, i % 60, (i * 7) % 60, (i * 13) % 1000000});
        r.emplace_back(i % 3 == 0   ? int64_t{9223372036854775807}
                       : i % 3 == 1 ? int64_t{-9223372036854775807 - 1}
                                    : int64_t{i});
        r.emplace_back(i * 0.1 + 1e-3);
        r.emplace_back(Decimal{fmt::format("{}.{:04d}", i % 1000, (i * 37) % 10000)});
        r.emplace_back(i % 2 == 0);
        if (i % 7 == 0) r[static_cast<std::size_t>(i % 9)] = Null{};
        return r;
    }
};

TEST_P(Conformance, TenThousandRowsComeBackWithExactTypes) {
    drop({"et_values"});
    TypedTable table;
    std::string create = "CREATE TABLE et_values (id " +
                         dialect().autoincrement_type_ddl(spec(TypeKind::Integer)) + " NOT NULL";
    for (std::size_t i = 0; i < table.columns.size(); ++i)
        create += ", " + q(table.columns[i]) + " " + ddl(table.types[i]);
    conn_->execute(create + ", PRIMARY KEY (id))");
    conn_->commit();

    constexpr int kRows = 10000;
    std::vector<std::vector<Value>> expected, bound;
    for (int i = 0; i < 2 * kRows; ++i) {
        expected.push_back(TypedTable::row(i));
        auto b = expected.back();
        for (std::size_t c = 0; c < b.size(); ++c)
            convert_bind_value(table.types[c], dialect().caps(), b[c]);
        bound.push_back(std::move(b));
    }
    std::vector<std::vector<Value>> first(bound.begin(), bound.begin() + kRows);
    std::vector<std::vector<Value>> second(bound.begin() + kRows, bound.end());
    // A short batch (one multi-row VALUES) and a long one (PostgreSQL: unnest() arrays).
    constexpr int kShort = 100;
    std::vector<std::vector<Value>> head(first.begin(), first.begin() + kShort);
    std::vector<std::vector<Value>> rest(first.begin() + kShort, first.end());
    auto ids =
        conn_->bulk_insert("et_values", table.columns, BulkRows::of(head), std::string("id"));
    auto more =
        conn_->bulk_insert("et_values", table.columns, BulkRows::of(rest), std::string("id"));
    ids.insert(ids.end(), more.begin(), more.end());
    ASSERT_EQ(ids.size(), static_cast<std::size_t>(kRows));
    for (int i = 0; i < kRows; ++i)
        EXPECT_EQ(ids[i], Value(std::int64_t{i + 1}));

    std::string insert = "INSERT INTO et_values (";
    std::string marks;
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
        insert += (i ? ", " : "") + q(table.columns[i]);
        marks += i ? ", ?" : "?";
    }
    EXPECT_EQ(conn_->execute_many(sql(insert + ") VALUES (" + marks + ")"), second), kRows);
    conn_->commit();

    std::string select = "SELECT ";
    for (std::size_t i = 0; i < table.columns.size(); ++i)
        select += (i ? ", " : "") + q(table.columns[i]);
    auto rows =
        conn_->execute(select + " FROM et_values ORDER BY id", {}, &table.types).fetch_all();
    ASSERT_EQ(rows.size(), expected.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        ASSERT_EQ(rows[i], expected[i])
            << "row " << i << ": " << repr_params(rows[i]) << " vs " << repr_params(expected[i]);
    }
    drop({"et_values"});
}

TEST_P(Conformance, HostileValuesAndIdentifiersRoundTrip) {
    std::string table = "et weird \"table\"";
    std::string column = "my \"col\" name";
    std::string qt = dialect().force_quote_identifier(table);
    std::string qc = dialect().force_quote_identifier(column);
    conn_->execute("DROP TABLE IF EXISTS " + qt);
    conn_->execute("CREATE TABLE " + qt + " (" + qc + " TEXT)");
    const std::string hostile = "it's; DROP TABLE et_x; -- \\ \"q\" %s $1 ? /* x */ \\x00";
    conn_->execute(sql("INSERT INTO " + qt + " (" + qc + ") VALUES (?)"), {hostile});
    conn_->commit();
    EXPECT_EQ(scalar("SELECT " + qc + " FROM " + qt + " WHERE " + qc + " = ?", {hostile}),
              Value(hostile));
    EXPECT_TRUE(conn_->driver().has_table(table));
    auto info = conn_->driver().reflect_table(table);
    ASSERT_TRUE(info.has_value());
    EXPECT_EQ(info->columns.at(0).name, column);
    conn_->execute("DROP TABLE " + qt);
    conn_->commit();
}

TEST_P(Conformance, ConstraintViolationsAreIntegrityErrors) {
    drop({"et_member", "et_team"});
    if (!pg()) {
        // Python's sqlite3 leaves foreign keys off; they can be switched on per connection.
        EXPECT_EQ(scalar("PRAGMA foreign_keys"), Value(std::int64_t{0}));
        conn_->execute("PRAGMA foreign_keys=ON");
        EXPECT_EQ(scalar("PRAGMA foreign_keys"), Value(std::int64_t{1}));
        conn_->commit();
    }
    conn_->execute("CREATE TABLE et_team (id INTEGER NOT NULL, PRIMARY KEY (id))");
    conn_->execute("CREATE TABLE et_member (id INTEGER NOT NULL, username VARCHAR(20) NOT NULL, "
                   "email VARCHAR(50) NOT NULL, team_id INTEGER, PRIMARY KEY (id), "
                   "UNIQUE (username), FOREIGN KEY(team_id) REFERENCES et_team (id))");
    conn_->execute("INSERT INTO et_team (id) VALUES (1)");
    std::string insert =
        sql("INSERT INTO et_member (id, username, email, team_id) VALUES (?, ?, ?, ?)");
    conn_->execute(insert,
                   {std::int64_t{1}, std::string("admin"), std::string("a@x"), std::int64_t{1}});
    conn_->commit();

    struct Case {
        std::vector<Value> params;
        std::string sqlite_message, pg_prefix;
    };
    const Case cases[] = {
        {{std::int64_t{2}, std::string("admin"), std::string("b@x"), Null{}},
         "UNIQUE constraint failed: et_member.username",
         "duplicate key value violates unique constraint \"et_member_username_key\"\n"
         "DETAIL:  Key (username)=(admin) already exists.\n"},
        {{std::int64_t{3}, std::string("nomail"), Null{}, Null{}},
         "NOT NULL constraint failed: et_member.email",
         "null value in column \"email\" of relation \"et_member\" violates not-null constraint"},
        {{std::int64_t{4}, std::string("orphan"), std::string("c@x"), std::int64_t{99}},
         "FOREIGN KEY constraint failed",
         "insert or update on table \"et_member\" violates foreign key constraint"},
    };
    for (const auto& c : cases) {
        try {
            conn_->execute(insert, c.params);
            ADD_FAILURE() << "no error for " << repr_params(c.params);
        } catch (const DBAPIError& e) {
            EXPECT_EQ(e.kind(), DBErrorKind::Integrity);
            EXPECT_STREQ(e.class_name(), "IntegrityError");
            if (pg()) {
                EXPECT_EQ(e.driver_message().substr(0, c.pg_prefix.size()), c.pg_prefix);
                EXPECT_EQ(e.driver_module(), "psycopg2.errors");
            } else {
                EXPECT_EQ(e.driver_message(), c.sqlite_message);
                EXPECT_EQ(std::string(e.what()).substr(0, 24), "(sqlite3.IntegrityError)");
            }
            EXPECT_EQ(e.sql(), insert);
            EXPECT_EQ(e.params(), c.params);
        }
        conn_->rollback();
        EXPECT_EQ(scalar("SELECT count(*) FROM et_member"), Value(std::int64_t{1}));
    }
    drop({"et_member", "et_team"});
}

TEST_P(Conformance, LongStatementIsInterruptedFromAnotherThread) {
    std::string slow = pg() ? "SELECT pg_sleep(30)"
                            : "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
                              "WHERE x < 1000000000) SELECT count(*) FROM c";
    auto start = std::chrono::steady_clock::now();
    std::thread stopper([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        engine_->interrupt_all();
    });
    EXPECT_THROW(conn_->execute(slow), StatementInterrupted);
    stopper.join();
    auto elapsed = std::chrono::steady_clock::now() - start;
    EXPECT_LT(elapsed, std::chrono::seconds(1));
    conn_->rollback();
    EXPECT_EQ(scalar("SELECT 1"), Value(std::int64_t{1}));
}

TEST_P(Conformance, SavepointRollbackKeepsOuterRows) {
    drop({"et_sp"});
    conn_->execute("CREATE TABLE et_sp (id INTEGER NOT NULL, v VARCHAR(10), PRIMARY KEY (id))");
    conn_->commit();
    std::string insert = sql("INSERT INTO et_sp (id, v) VALUES (?, ?)");
    conn_->begin();
    conn_->execute(insert, {std::int64_t{1}, std::string("outer")});
    conn_->savepoint("sa_savepoint_1");
    conn_->execute(insert, {std::int64_t{2}, std::string("inner")});
    conn_->rollback_to_savepoint("sa_savepoint_1");
    conn_->release_savepoint("sa_savepoint_1");
    conn_->execute(insert, {std::int64_t{3}, std::string("after")});
    conn_->commit();
    auto rows = conn_->execute("SELECT id, v FROM et_sp ORDER BY id").fetch_all();
    EXPECT_EQ(rows, (std::vector<std::vector<Value>>{{std::int64_t{1}, std::string("outer")},
                                                     {std::int64_t{3}, std::string("after")}}));
    drop({"et_sp"});
}

TEST_P(Conformance, CachedStatementsGiveFreshResults) {
    drop({"et_cache"});
    conn_->execute("CREATE TABLE et_cache (id INTEGER NOT NULL, v VARCHAR(10), PRIMARY KEY (id))");
    std::vector<std::vector<Value>> rows;
    for (int i = 1; i <= 5; ++i)
        rows.push_back({std::int64_t{i}, fmt::format("v{}", i)});
    conn_->execute_many(sql("INSERT INTO et_cache (id, v) VALUES (?, ?)"), rows);
    conn_->commit();
    std::string select = sql("SELECT v FROM et_cache WHERE id = ?");
    for (int round = 0; round < 3; ++round)
        for (int i = 1; i <= 5; ++i)
            EXPECT_EQ(scalar(select, {std::int64_t{i}}), Value(fmt::format("v{}", i)));
    // The same text while an earlier result is still open gets a statement of its own.
    Result open = conn_->execute(select, {std::int64_t{1}});
    EXPECT_EQ(scalar(select, {std::int64_t{2}}), Value(std::string("v2")));
    std::vector<Value> row;
    ASSERT_TRUE(open.next(row));
    EXPECT_EQ(row[0], Value(std::string("v1")));
    // rowcount of DML
    EXPECT_EQ(conn_
                  ->execute(sql("UPDATE et_cache SET v = ? WHERE id > ?"),
                            {std::string("x"), std::int64_t{2}})
                  .rowcount(),
              3);
    conn_->commit();
    drop({"et_cache"});
}

TEST_P(Conformance, RowsReadCellByCellMatchWholeRows) {
    drop({"et_cells"});
    conn_->execute(fmt::format("CREATE TABLE et_cells (id INTEGER NOT NULL, name {}, flag {}, "
                               "day {}, amount {}, PRIMARY KEY (id))",
                               ddl(spec(TypeKind::String, 40)), ddl(spec(TypeKind::Boolean)),
                               ddl(spec(TypeKind::Date)), ddl(spec(TypeKind::Numeric, 10, 2))));
    // Text that shrinks and grows from row to row, and NULLs between values, so that a cell
    // read into the Value holding the previous row's must not keep anything of it.
    std::vector<std::vector<Value>> rows = {
        {std::int64_t{1}, std::string("a rather long name, past any inline buffer"), true,
         Date{2024, 1, 31}, Decimal{"12.50"}},
        {std::int64_t{2}, std::string("short"), Null{}, Null{}, Null{}},
        {std::int64_t{3}, Null{}, false, Date{1999, 12, 1}, Decimal{"-0.25"}},
        {std::int64_t{4}, std::string("longer again, and then some more text"), true,
         Date{2000, 2, 29}, Decimal{"7.00"}}};
    conn_->execute_many(sql("INSERT INTO et_cells (id, name, flag, day, amount) "
                            "VALUES (?, ?, ?, ?, ?)"),
                        rows);
    conn_->commit();
    std::vector<TypeSpec> types = {spec(TypeKind::Integer), spec(TypeKind::String, 40),
                                   spec(TypeKind::Boolean), spec(TypeKind::Date),
                                   spec(TypeKind::Numeric, 10, 2)};
    std::string select = "SELECT id, name, flag, day, amount FROM et_cells ORDER BY id";
    std::vector<std::vector<Value>> whole = conn_->execute(select, {}, &types).fetch_all();
    ASSERT_EQ(whole.size(), rows.size());

    // Cells read one at a time, backwards and twice, into Values reused across rows.
    Result result = conn_->execute(select, {}, &types);
    std::vector<Value> cells(types.size());
    std::size_t n = 0;
    while (result.advance()) {
        ASSERT_LT(n, whole.size());
        for (std::size_t i = cells.size(); i-- > 0;)
            result.read(i, cells[i]);
        EXPECT_EQ(cells, whole[n]) << "row " << n;
        result.read(1, cells[1]);
        EXPECT_EQ(cells[1], whole[n][1]) << "row " << n << " read again";
        ++n;
    }
    EXPECT_EQ(n, whole.size());
    EXPECT_FALSE(result.advance());

    // Both ways of reading mix: a row by advance(), the rest by next().
    Result mixed = conn_->execute(select, {}, &types);
    ASSERT_TRUE(mixed.advance());
    Value id;
    mixed.read(0, id);
    EXPECT_EQ(id, Value(std::int64_t{1}));
    std::vector<Value> row;
    ASSERT_TRUE(mixed.next(row));
    EXPECT_EQ(row, whole[1]);
    // A result read to its end leaves nothing open: the table can go.
    while (mixed.next(row)) {
    }
    conn_->commit();
    drop({"et_cells"});
}

TEST_P(Conformance, CachedStatementsSurviveSchemaChanges) {
    drop({"et_ddl"});
    conn_->execute("CREATE TABLE et_ddl (id INTEGER NOT NULL, PRIMARY KEY (id))");
    conn_->execute("INSERT INTO et_ddl (id) VALUES (1)");
    std::string select = sql("SELECT * FROM et_ddl WHERE id > ?");
    for (int i = 0; i < 3; ++i)
        EXPECT_EQ(conn_->execute(select, {std::int64_t{0}}).fetch_all(),
                  (std::vector<std::vector<Value>>{{std::int64_t{1}}}));
    conn_->execute("DROP TABLE et_ddl");
    conn_->execute("CREATE TABLE et_ddl (id INTEGER NOT NULL, v VARCHAR(5), PRIMARY KEY (id))");
    conn_->execute("INSERT INTO et_ddl (id, v) VALUES (2, 'two')");
    EXPECT_EQ(conn_->execute(select, {std::int64_t{0}}).fetch_all(),
              (std::vector<std::vector<Value>>{{std::int64_t{2}, std::string("two")}}));
    conn_->commit();
    drop({"et_ddl"});
}

TEST_P(Conformance, AutobeginRollbackAndClose) {
    drop({"et_tx"});
    conn_->execute("CREATE TABLE et_tx (id INTEGER NOT NULL, PRIMARY KEY (id))");
    conn_->commit();
    EXPECT_FALSE(conn_->in_transaction());
    conn_->execute(sql("INSERT INTO et_tx (id) VALUES (?)"), {std::int64_t{1}});
    EXPECT_TRUE(conn_->in_transaction());
    conn_->rollback();
    EXPECT_EQ(scalar("SELECT count(*) FROM et_tx"), Value(std::int64_t{0}));
    conn_->execute(sql("INSERT INTO et_tx (id) VALUES (?)"), {std::int64_t{2}});
    conn_->close(); // closing without commit rolls back
    EXPECT_THROW(conn_->execute("SELECT 1"), ResourceClosedError);
    conn_ = engine_->connect();
    EXPECT_EQ(scalar("SELECT count(*) FROM et_tx"), Value(std::int64_t{0}));
    conn_->execute(sql("INSERT INTO et_tx (id) VALUES (?)"), {std::int64_t{3}});
    conn_->commit();
    auto other = engine_->connect();
    EXPECT_EQ(other->execute("SELECT count(*) FROM et_tx").fetch_all()[0][0],
              Value(std::int64_t{1}));
    other.reset();
    drop({"et_tx"});
}

TEST_P(Conformance, PoolReusesIdleConnections) {
    DriverConnection* first = &conn_->driver();
    conn_.reset();
    conn_ = engine_->connect();
    EXPECT_EQ(&conn_->driver(), first);
    auto second = engine_->connect();
    EXPECT_NE(&second->driver(), first);
}

TEST_P(Conformance, EchoReportsStatementsAndParameters) {
    std::vector<std::string> lines;
    engine_->set_echo([&](const std::string& line) { lines.push_back(line); });
    conn_->execute(sql("SELECT ?"), {std::int64_t{1}});
    conn_->commit();
    engine_->set_echo(nullptr);
    EXPECT_EQ(lines, (std::vector<std::string>{"BEGIN (implicit)", sql("SELECT ?"),
                                               "[raw sql] (1,)", "COMMIT"}));
}

TEST_P(Conformance, ErrorsRenderWithStatement) {
    try {
        conn_->execute(sql("SELECT * FROM et_no_such_table WHERE id = ?"), {std::int64_t{7}});
        FAIL();
    } catch (const DBAPIError& e) {
        std::string cls = pg() ? "(psycopg2.errors.UndefinedTable) relation \"et_no_such_table\" "
                                 "does not exist\nLINE 1: SELECT * FROM et_no_such_table WHERE id "
                                 "= $1\n                      ^\n"
                               : "(sqlite3.OperationalError) no such table: et_no_such_table";
        EXPECT_EQ(std::string(e.what()),
                  cls + "\n[SQL: " + sql("SELECT * FROM et_no_such_table WHERE id = ?") +
                      "]\n[parameters: (7,)]\n(Background on this error at: "
                      "https://sqlalche.me/e/14/" +
                      (pg() ? "f405" : "e3q8") + ")");
    }
    conn_->rollback();
}

TEST(SQLiteOnly, MemoryDatabaseIsOneSharedConnection) {
    dialects::register_builtin_dialects();
    for (const char* url : {"sqlite://", "sqlite:///:memory:"}) {
        auto engine = Engine::create(url);
        auto a = engine->connect();
        a->execute("CREATE TABLE t (x INTEGER)");
        a->execute("INSERT INTO t (x) VALUES (5)");
        a->commit();
        auto b = engine->connect();
        EXPECT_EQ(&a->driver(), &b->driver());
        EXPECT_EQ(b->execute("SELECT x FROM t").fetch_all()[0][0], Value(std::int64_t{5}));
        a.reset();
        b.reset();
        auto c = engine->connect();
        EXPECT_EQ(c->execute("SELECT count(*) FROM t").fetch_all()[0][0], Value(std::int64_t{1}));
        c->execute("INSERT INTO t (x) VALUES (6)");
        EXPECT_EQ(c->driver().last_insert_id(), std::optional<std::int64_t>(2));
    }
}

TEST(SQLiteOnly, StoresSQLAlchemyTextFormats) {
    dialects::register_builtin_dialects();
    auto engine = Engine::create("sqlite://");
    auto conn = engine->connect();
    auto row = conn->execute("SELECT ?, ?, ?, ?, ?, typeof(?)",
                             {DateTime{{2024, 1, 31}, {13, 5, 9, 0}}, Date{2024, 1, 31},
                              Time{13, 5, 9, 250}, true, Decimal{"1.5"}, Decimal{"1.5"}})
                   .fetch_all()
                   .at(0);
    EXPECT_EQ(row, (std::vector<Value>{std::string("2024-01-31 13:05:09.000000"),
                                       std::string("2024-01-31"), std::string("13:05:09.000250"),
                                       std::int64_t{1}, 1.5, std::string("real")}));
    try {
        conn->execute("SELECT ?", {});
        FAIL();
    } catch (const DBAPIError& e) {
        EXPECT_EQ(e.kind(), DBErrorKind::Programming);
        EXPECT_EQ(e.driver_message(), "Incorrect number of bindings supplied. The current "
                                      "statement uses 1, and there are 0 supplied.");
    }
}

TEST(PostgreSQLOnly, BrokenConnectionIsInvalidatedAndReplaced) {
    dialects::register_builtin_dialects();
    const char* url = std::getenv("ORMSH_TEST_PG_URL");
    if (!url || !*url) GTEST_SKIP() << "ORMSH_TEST_PG_URL is not set";
    auto engine = Engine::create(url);
    auto victim = engine->connect();
    Value pid = victim->execute("SELECT pg_backend_pid()").fetch_all()[0][0];
    victim->commit();
    {
        auto killer = Engine::create(url)->connect();
        killer->execute("SELECT pg_terminate_backend($1::int)", {pid});
        killer->commit();
    }
    try {
        victim->execute("SELECT 1");
        FAIL();
    } catch (const DBAPIError& e) {
        EXPECT_EQ(e.kind(), DBErrorKind::Operational);
        EXPECT_TRUE(e.connection_invalidated);
    }
    EXPECT_FALSE(victim->driver().is_alive());
    victim.reset();
    auto fresh = engine->connect();
    EXPECT_EQ(fresh->execute("SELECT 1").fetch_all()[0][0], Value(std::int64_t{1}));
}

TEST(PostgreSQLOnly, ResultsAreTypedByOid) {
    dialects::register_builtin_dialects();
    const char* url = std::getenv("ORMSH_TEST_PG_URL");
    if (!url || !*url) GTEST_SKIP() << "ORMSH_TEST_PG_URL is not set";
    auto engine = Engine::create(url);
    auto conn = engine->connect();
    auto row = conn->execute("SELECT 1::int2, 2::int4, 3::int8, 1.5::float4, 2.5::float8, "
                             "12.50::numeric, true, 'x'::varchar, 'y'::char(2), "
                             "'\\x00ff'::bytea, '2024-01-31'::date, "
                             "'2024-01-31 13:05:09.00025'::timestamp, '13:05:09'::time, "
                             "'{\"a\": 1}'::json, NULL, $1, $2, $3",
                             {std::int64_t{42}, std::string("s"), true})
                   .fetch_all()
                   .at(0);
    EXPECT_EQ(row, (std::vector<Value>{std::int64_t{1}, std::int64_t{2}, std::int64_t{3}, 1.5, 2.5,
                                       Decimal{"12.50"}, true, std::string("x"), std::string("y "),
                                       Blob{std::string("\0\xff", 2)}, Date{2024, 1, 31},
                                       DateTime{{2024, 1, 31}, {13, 5, 9, 250}}, Time{13, 5, 9, 0},
                                       std::string("{\"a\": 1}"), Null{}, std::int64_t{42},
                                       std::string("s"), true}));
    // Parameters are typed as psycopg2's literals would be: a small int is int4, so functions
    // taking integer resolve; a large one is int8.
    EXPECT_EQ(
        conn->execute("SELECT repeat('ab', $1), $2 + 1", {std::int64_t{2}, std::int64_t{1} << 40})
            .fetch_all()
            .at(0),
        (std::vector<Value>{std::string("abab"), (std::int64_t{1} << 40) + 1}));
}

INSTANTIATE_TEST_SUITE_P(Backends, Conformance,
                         ::testing::Values(Backend::SQLite, Backend::PostgreSQL), backend_name);

} // namespace
} // namespace ormsh::engine
