// Database URL parsing and printing, table-driven against what SQLAlchemy 1.4's make_url()
// and repr(url) give for the same strings.
#include "core/engine/dialect.h"
#include "core/engine/errors.h"
#include "core/engine/url.h"
#include "dialects/registry.h"

#include <gtest/gtest.h>

namespace ormsh::engine {
namespace {

struct UrlCase {
    const char* text;
    const char* drivername;
    const char* backend;
    const char* driver;
    std::optional<std::string> username, password, host;
    std::optional<int> port;
    std::optional<std::string> database;
    std::map<std::string, std::string> query;
    const char* rendered;
};

class UrlTest : public ::testing::TestWithParam<UrlCase> {
protected:
    void SetUp() override { dialects::register_builtin_dialects(); }
};

TEST_P(UrlTest, ParsesAndRenders) {
    const UrlCase& c = GetParam();
    Url url = Url::parse(c.text);
    EXPECT_EQ(url.drivername, c.drivername);
    EXPECT_EQ(url.backend, c.backend);
    EXPECT_EQ(url.driver, c.driver);
    EXPECT_EQ(url.username, c.username);
    EXPECT_EQ(url.password, c.password);
    EXPECT_EQ(url.host, c.host);
    EXPECT_EQ(url.port, c.port);
    EXPECT_EQ(url.database, c.database);
    EXPECT_EQ(url.query, c.query);
    EXPECT_EQ(url.to_string(), c.rendered);
}

using S = std::optional<std::string>;
const std::optional<int> kNoPort;

INSTANTIATE_TEST_SUITE_P(
    Forms, UrlTest,
    ::testing::Values(
        UrlCase{"sqlite://", "sqlite", "sqlite", "", {}, {}, {}, kNoPort, {}, {}, "sqlite://"},
        UrlCase{"sqlite:///relative.db",
                "sqlite",
                "sqlite",
                "",
                {},
                {},
                {},
                kNoPort,
                S("relative.db"),
                {},
                "sqlite:///relative.db"},
        UrlCase{"sqlite:////abs/path.db",
                "sqlite",
                "sqlite",
                "",
                {},
                {},
                {},
                kNoPort,
                S("/abs/path.db"),
                {},
                "sqlite:////abs/path.db"},
        UrlCase{"sqlite:///:memory:",
                "sqlite",
                "sqlite",
                "",
                {},
                {},
                {},
                kNoPort,
                S(":memory:"),
                {},
                "sqlite:///:memory:"},
        UrlCase{"sqlite:///app.db?timeout=2.5",
                "sqlite",
                "sqlite",
                "",
                {},
                {},
                {},
                kNoPort,
                S("app.db"),
                {{"timeout", "2.5"}},
                "sqlite:///app.db?timeout=2.5"},
        UrlCase{"postgresql://scott:tiger@localhost/test",
                "postgresql",
                "postgresql",
                "",
                S("scott"),
                S("tiger"),
                S("localhost"),
                kNoPort,
                S("test"),
                {},
                "postgresql://scott:***@localhost/test"},
        UrlCase{"postgresql://user:pw@host:5433/db",
                "postgresql",
                "postgresql",
                "",
                S("user"),
                S("pw"),
                S("host"),
                5433,
                S("db"),
                {},
                "postgresql://user:***@host:5433/db"},
        UrlCase{"postgres://a@h/d",
                "postgres",
                "postgresql",
                "",
                S("a"),
                {},
                S("h"),
                kNoPort,
                S("d"),
                {},
                "postgres://a@h/d"},
        UrlCase{"postgresql+psycopg2://scott:tiger@localhost/test",
                "postgresql+psycopg2",
                "postgresql",
                "psycopg2",
                S("scott"),
                S("tiger"),
                S("localhost"),
                kNoPort,
                S("test"),
                {},
                "postgresql+psycopg2://scott:***@localhost/test"},
        UrlCase{"postgresql://us%40r:p%3Aw%2F@host:5433/db?sslmode=disable",
                "postgresql",
                "postgresql",
                "",
                S("us@r"),
                S("p:w/"),
                S("host"),
                5433,
                S("db"),
                {{"sslmode", "disable"}},
                "postgresql://us%40r:***@host:5433/db?sslmode=disable"},
        UrlCase{"postgresql://[::1]:5432/db",
                "postgresql",
                "postgresql",
                "",
                {},
                {},
                S("::1"),
                5432,
                S("db"),
                {},
                "postgresql://[::1]:5432/db"}));

TEST(UrlErrors, MalformedUrlsRaiseArgumentError) {
    for (const char* bad : {"garbage", "://x", "sqlite:/x.db", "", "my sql://x"}) {
        try {
            Url::parse(bad);
            ADD_FAILURE() << "parsed " << bad;
        } catch (const ArgumentError& e) {
            EXPECT_EQ(std::string(e.what()),
                      std::string("Could not parse SQLAlchemy URL from string '") + bad + "'");
        }
    }
    EXPECT_THROW(Url::parse("postgresql://u@h:abc/db"), ArgumentError);
}

TEST(UrlErrors, UnknownBackendIsNoSuchModule) {
    dialects::register_builtin_dialects();
    try {
        dialect_for(Url::parse("mysql+pymysql://u@h/d"));
        FAIL();
    } catch (const NoSuchModuleError& e) {
        EXPECT_STREQ(e.what(), "Can't load plugin: sqlalchemy.dialects:mysql.pymysql");
    }
    EXPECT_EQ(dialect_for(Url::parse("postgres://u@h/d")).name(), "postgresql");
    EXPECT_EQ(dialect_for(Url::parse("sqlite://")).name(), "sqlite");
}

} // namespace
} // namespace ormsh::engine
