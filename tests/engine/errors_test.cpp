// Python reprs of values and SQLAlchemy's rendering of DBAPIError, checked against the text
// SQLAlchemy 1.4 / CPython 3.11 print for the same values.
#include "core/engine/errors.h"
#include "core/engine/type_spec.h"

#include <gtest/gtest.h>

namespace ormsh::engine {
namespace {

TEST(ReprValue, MatchesPython) {
    struct Case {
        Value value;
        const char* repr;
    };
    const Case cases[] = {
        {Null{}, "None"},
        {true, "True"},
        {false, "False"},
        {std::int64_t{1}, "1"},
        {std::int64_t{-9223372036854775807 - 1}, "-9223372036854775808"},
        {1.5, "1.5"},
        {1.0, "1.0"},
        {0.1, "0.1"},
        {-0.0, "-0.0"},
        {1e16, "1e+16"},
        {1e-5, "1e-05"},
        {123456789012345678.0, "1.2345678901234568e+17"},
        {1e15, "1000000000000000.0"},
        {0.0001, "0.0001"},
        {std::string("text"), "'text'"},
        {std::string("a'b"), "\"a'b\""},
        {std::string("a'\"b"), "'a\\'\"b'"},
        {std::string("line\nbreak\\"), "'line\\nbreak\\\\'"},
        {std::string("\x01\x7f\xc2\xa0\xc3\xa9\xe2\x80\x8b"), "'\\x01\\x7f\\xa0\xc3\xa9\\u200b'"},
        {Blob{std::string("\0'\"\x7f\\", 5)}, "b'\\x00\\'\"\\x7f\\\\'"},
        {Blob{"a'b"}, "b\"a'b\""},
        {Decimal{"12.50"}, "Decimal('12.50')"},
        {Date{2024, 1, 31}, "datetime.date(2024, 1, 31)"},
        {DateTime{{2024, 1, 31}, {13, 5, 9, 250}}, "datetime.datetime(2024, 1, 31, 13, 5, 9, 250)"},
        {DateTime{{2024, 1, 31}, {0, 0, 0, 0}}, "datetime.datetime(2024, 1, 31, 0, 0)"},
        {DateTime{{2024, 1, 31}, {13, 5, 9, 0}}, "datetime.datetime(2024, 1, 31, 13, 5, 9)"},
        {Time{13, 5, 0, 0}, "datetime.time(13, 5)"},
        {Time{0, 0, 0, 0}, "datetime.time(0, 0)"},
    };
    for (const auto& c : cases)
        EXPECT_EQ(repr_value(c.value), c.repr);
}

TEST(ReprParams, TuplesAndTruncation) {
    EXPECT_EQ(repr_params({}), "()");
    EXPECT_EQ(repr_params({std::int64_t{5}}), "(5,)");
    EXPECT_EQ(repr_params({std::string("admin"), Null{}}), "('admin', None)");
    std::string long_text(400, 'x');
    EXPECT_EQ(repr_params({long_text}), "('" + std::string(149, 'x') +
                                            " ... (102 characters truncated) ... " +
                                            std::string(149, 'x') + "',)");
    std::vector<std::vector<Value>> sets(12, {std::int64_t{1}, std::string("a")});
    std::string expected = "(";
    for (int i = 0; i < 8; ++i)
        expected += std::string(i ? ", " : "") + "(1, 'a')";
    expected += "  ... displaying 10 of 12 total bound parameter sets ...  (1, 'a'), (1, 'a'))";
    EXPECT_EQ(repr_param_sets(sets), expected);
    EXPECT_EQ(repr_param_sets({{std::int64_t{1}}, {std::int64_t{1}}}), "((1,), (1,))");
    EXPECT_EQ(repr_named_params({"username", "n"}, {std::string("admin"), std::int64_t{2}}),
              "{'username': 'admin', 'n': 2}");
}

TEST(DBAPIErrorRendering, IntegrityErrorAsSQLAlchemyPrintsIt) {
    DBAPIError err(DBErrorKind::Integrity, "sqlite3", "UNIQUE constraint failed: member.username",
                   "INSERT INTO member (username, email) VALUES (?, ?)",
                   {std::string("admin"), std::string("other@example.com")});
    EXPECT_STREQ(err.what(), "(sqlite3.IntegrityError) UNIQUE constraint failed: member.username\n"
                             "[SQL: INSERT INTO member (username, email) VALUES (?, ?)]\n"
                             "[parameters: ('admin', 'other@example.com')]\n"
                             "(Background on this error at: https://sqlalche.me/e/14/gkpj)");
    EXPECT_STREQ(err.class_name(), "IntegrityError");
}

TEST(DBAPIErrorRendering, NoParametersAndDriverClass) {
    DBAPIError err(DBErrorKind::Operational, "sqlite3", "no such table: nosuch",
                   "select * from nosuch");
    EXPECT_STREQ(err.what(), "(sqlite3.OperationalError) no such table: nosuch\n"
                             "[SQL: select * from nosuch]\n"
                             "(Background on this error at: https://sqlalche.me/e/14/e3q8)");
    DBAPIError pg(DBErrorKind::Integrity, "psycopg2.errors",
                  "duplicate key value violates unique constraint \"user_username_key\"\n"
                  "DETAIL:  Key (username)=(admin) already exists.\n");
    pg.set_driver_class("UniqueViolation");
    pg.attach_statement("INSERT INTO \"user\" (username) VALUES ($1)", {std::string("admin")});
    EXPECT_STREQ(pg.what(),
                 "(psycopg2.errors.UniqueViolation) duplicate key value violates unique "
                 "constraint \"user_username_key\"\nDETAIL:  Key (username)=(admin) already "
                 "exists.\n\n[SQL: INSERT INTO \"user\" (username) VALUES ($1)]\n"
                 "[parameters: ('admin',)]\n"
                 "(Background on this error at: https://sqlalche.me/e/14/gkpj)");
    EXPECT_STREQ(pg.class_name(), "IntegrityError");
    pg.set_param_names({"username"});
    EXPECT_NE(std::string(pg.what()).find("[parameters: {'username': 'admin'}]"),
              std::string::npos);
}

TEST(TypeSpecStr, DefaultDialectSpelling) {
    auto spec = [](TypeKind k) {
        TypeSpec t;
        t.kind = k;
        return t;
    };
    EXPECT_EQ(spec(TypeKind::Integer).sqlalchemy_str(), "INTEGER");
    TypeSpec s = spec(TypeKind::String);
    EXPECT_EQ(s.sqlalchemy_str(), "VARCHAR");
    s.length = 80;
    EXPECT_EQ(s.sqlalchemy_str(), "VARCHAR(80)");
    TypeSpec n = spec(TypeKind::Numeric);
    n.precision = 10;
    n.scale = 2;
    EXPECT_EQ(n.sqlalchemy_str(), "NUMERIC(10, 2)");
    EXPECT_EQ(spec(TypeKind::DateTime).sqlalchemy_str(), "DATETIME");
    EXPECT_EQ(spec(TypeKind::LargeBinary).sqlalchemy_str(), "BLOB");
    TypeSpec e = spec(TypeKind::Enum);
    e.enum_values = {"a", "bbb"};
    EXPECT_EQ(e.sqlalchemy_str(), "VARCHAR(3)");
}

TEST(IsoText, RoundTrips) {
    EXPECT_EQ(to_iso(Date{2024, 1, 31}), "2024-01-31");
    EXPECT_EQ(to_iso_micro(DateTime{{2024, 1, 31}, {13, 5, 9, 0}}), "2024-01-31 13:05:09.000000");
    EXPECT_EQ(to_iso(DateTime{{2024, 1, 31}, {13, 5, 9, 250}}), "2024-01-31 13:05:09.000250");
    DateTime dt;
    ASSERT_TRUE(parse_iso("2024-01-31T13:05:09.25+02:00", dt));
    EXPECT_EQ(dt, (DateTime{{2024, 1, 31}, {13, 5, 9, 250000}}));
    Time t;
    ASSERT_TRUE(parse_iso("13:05", t));
    EXPECT_EQ(t, (Time{13, 5, 0, 0}));
    Date d;
    EXPECT_FALSE(parse_iso("2024-13-01", d));
    EXPECT_FALSE(parse_iso("hello", dt));
}

} // namespace
} // namespace ormsh::engine
