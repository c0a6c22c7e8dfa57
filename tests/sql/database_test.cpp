// core/schema and core/sql against real databases: SQLite in memory, and PostgreSQL from
// ORMSH_TEST_PG_URL (skipped when unset). create_all / drop_all order and checkfirst, an
// insert / select / update / delete round trip through sql::execute, and reflection of a
// created table back into an equal Table. Table names carry a per-test "sqltNNNN_" prefix so
// that other suites (and parallel ctest runs) sharing the PostgreSQL database never collide.
#include "core/engine/engine.h"
#include "core/engine/errors.h"
#include "core/schema/ddl.h"
#include "core/sql/execute.h"
#include "dialects/registry.h"
#include "tests/sql/test_schema.h"

#include <cstdlib>
#include <functional>
#include <gtest/gtest.h>

namespace ormsh::sql::testing {
namespace {

enum class Backend { SQLite, PostgreSQL };

class Database : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override {
        dialects::register_builtin_dialects();
        if (GetParam() == Backend::PostgreSQL) {
            const char* url = std::getenv("ORMSH_TEST_PG_URL");
            if (!url || !*url) GTEST_SKIP() << "ORMSH_TEST_PG_URL is not set";
            engine_ = engine::Engine::create(url);
        } else {
            engine_ = engine::Engine::create("sqlite://");
        }
        engine_->set_echo([this](const std::string& line) { echo_.push_back(line); });
        conn_ = engine_->connect();
        // ctest runs tests in parallel against one PostgreSQL database: each test gets its
        // own table names.
        std::string test = ::testing::UnitTest::GetInstance()->current_test_info()->name();
        prefix_ = "sqlt" + std::to_string(std::hash<std::string>{}(test) % 100000) + "_";
        build_schema();
        md_.drop_all(*conn_);
        conn_->commit();
        echo_.clear();
    }

    void TearDown() override {
        if (conn_) {
            if (conn_->in_transaction()) conn_->rollback();
            md_.drop_all(*conn_);
            conn_->commit();
        }
        conn_.reset();
        if (engine_) engine_->dispose();
    }

    // Declared children first and with names out of dependency order, so only a real
    // dependency sort gets create_all right.
    void build_schema() {
        using namespace schema;
        auto order_user = make_column("user_id", Integer());
        order_user->add_foreign_key(std::make_shared<ForeignKey>(n("b_users.id")));
        order_user->nullable_flag = false;
        auto placed = make_column("placed", DateTime());
        auto total = make_column("total", Numeric(10, 2));
        orders_ = Table::make(md_, n("a_orders"),
                              {make_column("id", Integer(), true), order_user, placed, total});

        auto line_order = make_column("order_id", Integer());
        auto fk = std::make_shared<ForeignKey>(n("a_orders.id"));
        fk->ondelete = "CASCADE";
        line_order->add_foreign_key(fk);
        lines_ = Table::make(
            md_, n("0_lines"),
            {make_column("id", Integer(), true), line_order, make_column("sku", String(20))});

        auto name = make_column("name", String(50));
        name->nullable_flag = false;
        name->unique = true;
        auto email = make_column("email", String(120));
        email->index = true;
        auto active = make_column("active", Boolean());
        active->default_value = ColumnDefault::scalar(true);
        auto born = make_column("born", Date());
        users_ = Table::make(md_, n("b_users"),
                             {make_column("id", Integer(), true), name, email, active, born});
    }

    std::vector<std::string> statements_starting(const std::string& prefix) const {
        std::vector<std::string> out;
        for (const auto& line : echo_) {
            auto start = line.find_first_not_of('\n');
            if (start != std::string::npos && line.compare(start, prefix.size(), prefix) == 0) {
                auto end = line.find_first_of(" (\n", start + prefix.size());
                out.push_back(line.substr(start + prefix.size(), end - start - prefix.size()));
            }
        }
        return out;
    }

    NodePtr col(const schema::TablePtr& t, const char* key) { return sql::col(t, key); }
    std::string n(const std::string& name) const { return prefix_ + name; }
    std::string prefix_;

    std::shared_ptr<engine::Engine> engine_;
    std::unique_ptr<engine::Connection> conn_;
    std::vector<std::string> echo_;
    schema::MetaData md_;
    schema::TablePtr orders_, lines_, users_;
};

TEST_P(Database, CreateAllAndDropAllFollowForeignKeys) {
    md_.create_all(*conn_);
    conn_->commit();
    EXPECT_EQ(statements_starting("CREATE TABLE "),
              (std::vector<std::string>{n("b_users"), n("a_orders"), n("0_lines")}));
    EXPECT_EQ(statements_starting("CREATE UNIQUE INDEX ").size() +
                  statements_starting("CREATE INDEX ").size(),
              1u);

    // checkfirst: nothing left to create.
    echo_.clear();
    md_.create_all(*conn_);
    conn_->commit();
    EXPECT_TRUE(statements_starting("CREATE TABLE ").empty());

    echo_.clear();
    md_.drop_all(*conn_);
    conn_->commit();
    EXPECT_EQ(statements_starting("DROP TABLE "),
              (std::vector<std::string>{n("0_lines"), n("a_orders"), n("b_users")}));
    echo_.clear();
    md_.drop_all(*conn_);
    conn_->commit();
    EXPECT_TRUE(statements_starting("DROP TABLE ").empty());
}

TEST_P(Database, InsertSelectUpdateDeleteRoundTrip) {
    md_.create_all(*conn_);
    conn_->commit();

    auto r = execute(*conn_, values(insert(users_), {{"name", "alice"},
                                                     {"email", "alice@example.com"},
                                                     {"born", Value{engine::Date{1990, 5, 17}}}}));
    ASSERT_EQ(r.inserted_primary_key.size(), 1u);
    EXPECT_EQ(r.inserted_primary_key[0], Value{std::int64_t{1}});

    // executemany: the first parameter set picks the columns.
    std::int64_t n = execute_many(*conn_, insert(users_),
                                  {{{"name", Value{"bob"}}, {"email", Value{"bob@example.com"}}},
                                   {{"name", Value{"carol"}}, {"email", engine::Null{}}}});
    EXPECT_EQ(n, 2);
    r = execute(*conn_, insert(users_), {{"name", Value{"dan"}}});
    EXPECT_EQ(r.inserted_primary_key, (std::vector<Value>{Value{std::int64_t{4}}}));

    auto q = order_by(where(select({col(users_, "id"), col(users_, "name"), col(users_, "active"),
                                    col(users_, "born")}),
                            like(col(users_, "email"), "%example.com")),
                      {desc(col(users_, "id"))});
    auto result = execute(*conn_, q);
    EXPECT_EQ(result.keys(), (std::vector<std::string>{"id", "name", "active", "born"}));
    auto rows = result.fetch_all();
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0][1], Value{"bob"});
    EXPECT_EQ(rows[0][2], Value{true}); // the Python-side default was applied
    EXPECT_EQ(rows[1][1], Value{"alice"});
    EXPECT_EQ(rows[1][3], (Value{engine::Date{1990, 5, 17}}));

    // IN with an expanding list, and the same statement object again (compile cache).
    auto in_q = where(select({col(users_, "name")}),
                      in_(col(users_, "name"), std::vector<Value>{Value{"carol"}, Value{"dan"}}));
    EXPECT_EQ(execute(*conn_, in_q).fetch_all().size(), 2u);
    EXPECT_EQ(execute(*conn_, in_q).fetch_all().size(), 2u);
    bool hit = false;
    compiled_for(engine_->dialect(), in_q, CompileOptions{}, &hit);
    EXPECT_TRUE(hit);

    auto up = values(where(update(users_), eq(col(users_, "email"), nullptr)),
                     {{"email", add(col(users_, "name"), "@example.org")}});
    EXPECT_EQ(execute(*conn_, up).rowcount(), 2);
    auto del = where(delete_(users_),
                     in_(col(users_, "name"), std::vector<Value>{Value{"bob"}, Value{"nobody"}}));
    EXPECT_EQ(execute(*conn_, del).rowcount(), 1);

    auto emails =
        execute(*conn_, order_by(select({col(users_, "email")}), {col(users_, "id")})).fetch_all();
    ASSERT_EQ(emails.size(), 3u);
    EXPECT_EQ(emails[1][0], Value{"carol@example.org"});

    // A join inferred from the foreign key, with an aggregate.
    execute(*conn_, values(insert(orders_),
                           {{"user_id", 1},
                            {"placed", Value{engine::DateTime{{2024, 1, 31}, {13, 5, 9, 250}}}},
                            {"total", Value{engine::Decimal{"12.50"}}}}));
    auto agg = group_by(join(select({col(users_, "name"), func("count", {col(orders_, "id")})}),
                             table(orders_), nullptr, false, false, true),
                        {col(users_, "name")});
    auto agg_rows = execute(*conn_, agg).fetch_all();
    ASSERT_EQ(agg_rows.size(), 1u);
    EXPECT_EQ(agg_rows[0][1], Value{std::int64_t{1}});
    auto order_row =
        execute(*conn_, select({col(orders_, "placed"), col(orders_, "total")})).fetch_all().at(0);
    EXPECT_EQ(order_row[0], (Value{engine::DateTime{{2024, 1, 31}, {13, 5, 9, 250}}}));
    EXPECT_EQ(order_row[1], Value{engine::Decimal{"12.50"}});
    conn_->commit();
}

TEST_P(Database, ReflectionGivesBackAnEqualTable) {
    md_.create_all(*conn_);
    conn_->commit();
    schema::MetaData reflected;
    auto t = reflected.reflect_table(*conn_, n("a_orders"));
    // The referred table comes along, as SQLAlchemy loads it.
    EXPECT_TRUE(reflected.contains(n("b_users")));
    ASSERT_EQ(t->columns().size(), orders_->columns().size());
    for (std::size_t i = 0; i < t->columns().size(); ++i) {
        const auto& got = *t->columns()[i];
        const auto& want = *orders_->columns()[i];
        EXPECT_EQ(got.name, want.name);
        EXPECT_EQ(got.type.kind, want.type.kind) << got.name;
        EXPECT_EQ(got.nullable(), want.nullable()) << got.name;
        EXPECT_EQ(got.primary_key, want.primary_key) << got.name;
    }
    EXPECT_EQ(t->columns()[3]->type.precision, std::optional<int>(10));
    EXPECT_EQ(t->columns()[3]->type.scale, std::optional<int>(2));
    auto fks = t->foreign_keys();
    ASSERT_EQ(fks.size(), 1u);
    EXPECT_EQ(fks[0]->target_fullname(), n("b_users.id"));
    EXPECT_EQ(fks[0]->column().get(), reflected.table(n("b_users"))->c("id").get());
    ASSERT_NE(t->autoincrement_column(), nullptr);
    EXPECT_EQ(t->autoincrement_column()->name, "id");
    // The reflected table can be queried like the declared one.
    auto rows = execute(*conn_, select({sql::table(t)})).fetch_all();
    EXPECT_TRUE(rows.empty());
    EXPECT_THROW(reflected.reflect_table(*conn_, n("missing")), engine::NoSuchTableError);
}

INSTANTIATE_TEST_SUITE_P(Backends, Database,
                         ::testing::Values(Backend::SQLite, Backend::PostgreSQL),
                         [](const ::testing::TestParamInfo<Backend>& info) {
                             return info.param == Backend::SQLite ? "SQLite" : "PostgreSQL";
                         });

} // namespace
} // namespace ormsh::sql::testing
