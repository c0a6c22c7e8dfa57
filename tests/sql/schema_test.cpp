// core/schema without a database: dependency sorting with SQLAlchemy's tie-breaks, the
// autoincrement rules, lazy foreign key resolution (and the type it lends a column declared
// without one), and the join errors SQLAlchemy raises when foreign keys do not decide.
#include "core/engine/errors.h"
#include "core/sql/execute.h"
#include "tests/sql/test_schema.h"

#include <gtest/gtest.h>

namespace ormsh::sql::testing {
namespace {

std::vector<std::string> names(const std::vector<schema::TablePtr>& tables) {
    std::vector<std::string> out;
    for (const auto& t : tables)
        out.push_back(t->name());
    return out;
}

schema::ColumnPtr fk_column(const std::string& name, const std::string& target) {
    auto c = make_column(name, schema::NullType());
    c->add_foreign_key(std::make_shared<schema::ForeignKey>(target));
    return c;
}

TEST(SortedTables, DependencyRoundsWithNameOrder) {
    schema::MetaData md;
    // Declared before its parent, with a name that sorts first.
    schema::Table::make(
        md, "a_child",
        {make_column("id", schema::Integer(), true), fk_column("parent_id", "z_parent.id")});
    schema::Table::make(md, "z_parent", {make_column("id", schema::Integer(), true)});
    schema::Table::make(md, "m_free", {make_column("id", schema::Integer(), true)});
    schema::Table::make(
        md, "b_self",
        {make_column("id", schema::Integer(), true), fk_column("parent_id", "b_self.id")});
    EXPECT_EQ(names(md.sorted_tables()),
              (std::vector<std::string>{"b_self", "m_free", "z_parent", "a_child"}));
    // create_all's order keeps declaration order within each round.
    EXPECT_EQ(names(schema::sort_tables(md.tables())),
              (std::vector<std::string>{"z_parent", "m_free", "b_self", "a_child"}));
}

TEST(SortedTables, CycleIsAnError) {
    schema::MetaData md;
    schema::Table::make(md, "x",
                        {make_column("id", schema::Integer(), true), fk_column("y_id", "y.id")});
    schema::Table::make(md, "y",
                        {make_column("id", schema::Integer(), true), fk_column("x_id", "x.id")});
    EXPECT_THROW(md.sorted_tables(), engine::InvalidRequestError);
}

TEST(Columns, AutoincrementFollowsSQLAlchemyRules) {
    schema::MetaData md;
    auto plain = schema::Table::make(md, "plain", {make_column("id", schema::Integer(), true)});
    EXPECT_EQ(plain->autoincrement_column(), plain->c("id"));
    auto text_key =
        schema::Table::make(md, "text_key", {make_column("code", schema::String(5), true)});
    EXPECT_EQ(text_key->autoincrement_column(), nullptr);
    auto composite = schema::Table::make(
        md, "composite",
        {make_column("a", schema::Integer(), true), make_column("b", schema::Integer(), true)});
    EXPECT_EQ(composite->autoincrement_column(), nullptr);
    auto off = make_column("id", schema::Integer(), true);
    off->autoincrement = false;
    auto no_auto = schema::Table::make(md, "no_auto", {off});
    EXPECT_EQ(no_auto->autoincrement_column(), nullptr);
    auto fk_key = schema::Table::make(md, "fk_key", {fk_column("id", "plain.id")});
    fk_key->c("id")->primary_key = true;
    EXPECT_EQ(fk_key->autoincrement_column(), nullptr);
    EXPECT_FALSE(plain->c("id")->nullable());
    EXPECT_TRUE(text_key->columns().size() == 1 && !text_key->c("code")->nullable());
}

TEST(ForeignKeys, ResolveLazilyAndLendTheirType) {
    schema::MetaData md;
    auto child = schema::Table::make(
        md, "child",
        {make_column("id", schema::Integer(), true), fk_column("owner_id", "owner.id")});
    auto fk = child->foreign_keys().at(0);
    EXPECT_EQ(fk->target_fullname(), "owner.id");
    EXPECT_THROW(fk->column(), engine::InvalidRequestError);
    EXPECT_EQ(child->c("owner_id")->type.kind, engine::TypeKind::Null);
    auto owner = schema::Table::make(md, "owner", {make_column("id", schema::BigInteger(), true)});
    EXPECT_EQ(fk->column(), owner->c("id"));
    EXPECT_EQ(child->c("owner_id")->type.kind, engine::TypeKind::BigInteger);
    EXPECT_TRUE(child->c("owner_id")->references(*owner->c("id")));
    EXPECT_FALSE(child->c("id")->references(*owner->c("id")));
    EXPECT_THROW(schema::Table::make(md, "owner"), engine::InvalidRequestError);
}

TEST(Joins, ForeignKeysMustDecide) {
    TestSchema s;
    EXPECT_THROW(join(s.A, s.M), engine::ArgumentError); // no relationship
    schema::MetaData md;
    auto people = schema::Table::make(md, "people", {make_column("id", schema::Integer(), true)});
    auto msgs =
        schema::Table::make(md, "msgs",
                            {make_column("id", schema::Integer(), true),
                             fk_column("from_id", "people.id"), fk_column("to_id", "people.id")});
    try {
        join(table(people), table(msgs));
        FAIL() << "expected AmbiguousForeignKeysError";
    } catch (const engine::ArgumentError& e) {
        EXPECT_NE(std::string(e.what()).find("more than one foreign key constraint"),
                  std::string::npos);
    }
    // An explicit ON clause settles it.
    auto j = join(table(people), table(msgs), eq(col(people, "id"), col(msgs, "to_id")));
    EXPECT_EQ(to_string(select({col(msgs, "id")}), sqlite_dialect()), "SELECT msgs.id \nFROM msgs");
    EXPECT_EQ(to_string(select_from(select({col(msgs, "id")}), j), sqlite_dialect()),
              "SELECT msgs.id \nFROM people JOIN msgs ON people.id = msgs.to_id");
}

TEST(Compiler, PostgreSQLExecutesWithNumberedPlaceholders) {
    TestSchema s;
    auto q =
        where(select({s.u("id")}), in_(s.u("name"), std::vector<Value>{Value{"a"}, Value{"b"}}));
    q = where(q, gt(s.u("age"), 3));
    Compiled compiled = compile(limit(q, 2), postgresql_dialect());
    EXPECT_EQ(compiled.sql, "SELECT users.id \nFROM users \nWHERE users.name IN ($1, $2) AND "
                            "users.age > $3 \n LIMIT $4");
    EXPECT_EQ(compiled.bind_values(),
              (std::vector<Value>{Value{"a"}, Value{"b"}, Value{std::int64_t{3}},
                                  Value{std::int64_t{2}}}));
    // str(): IN lists stay unexpanded, parameters in the DB-API's style.
    EXPECT_EQ(to_string(q, sqlite_dialect()),
              "SELECT users.id \nFROM users \nWHERE users.name IN (__[POSTCOMPILE_name_1]) AND "
              "users.age > ?");
}

TEST(Compiler, InsertDefaultsFillPerRow) {
    TestSchema s;
    int calls = 0;
    s.users->c("score")->default_value = schema::ColumnDefault::from_callable([&calls] {
        ++calls;
        return Value{engine::Decimal{"1.50"}};
    });
    CompileOptions options;
    options.param_keys = std::vector<std::string>{"name"};
    Compiled compiled = compile(insert(s.users), sqlite_dialect(), options);
    EXPECT_EQ(compiled.sql, "INSERT INTO users (name, age, score) VALUES (?, ?, ?)");
    auto values = compiled.bind_values({{"name", Value{"x"}}});
    EXPECT_EQ(values, (std::vector<Value>{Value{"x"}, Value{std::int64_t{18}},
                                          Value{engine::Decimal{"1.50"}}}));
    compiled.bind_values({{"name", Value{"y"}}});
    EXPECT_EQ(calls, 2);
    // A named slot with no value and no default is an error, as in SQLAlchemy.
    auto by_id = where(select({s.u("id")}), eq(s.u("id"), bindparam("uid")));
    EXPECT_THROW(compile(by_id, sqlite_dialect()).bind_values(), engine::InvalidRequestError);
    EXPECT_EQ(compile(by_id, sqlite_dialect()).bind_values({{"uid", Value{std::int64_t{7}}}}),
              (std::vector<Value>{Value{std::int64_t{7}}}));
}

TEST(Compiler, EchoFormFollowsTheDBAPIStyle) {
    TestSchema s;
    auto q = where(select({s.u("id")}), eq(s.u("name"), "x"));
    auto lite = echo_form(sqlite_dialect(), q);
    EXPECT_EQ(lite.sql, "SELECT users.id \nFROM users \nWHERE users.name = ?");
    EXPECT_EQ(lite.params, "('x',)");
    auto pg = echo_form(postgresql_dialect(), q);
    EXPECT_EQ(pg.sql, "SELECT users.id \nFROM users \nWHERE users.name = %(name_1)s");
    EXPECT_EQ(pg.params, "{'name_1': 'x'}");
}

} // namespace
} // namespace ormsh::sql::testing
