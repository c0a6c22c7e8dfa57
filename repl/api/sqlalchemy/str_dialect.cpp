// The dialect str(statement) renders with when no engine is involved: SQLAlchemy's
// DefaultDialect / StrSQLCompiler, with its reserved words, named parameters and the generic
// type names (VARCHAR(80), DATETIME).
#include "core/engine/errors.h"
#include "core/engine/identifier_preparer.h"
#include "core/sql/compiler.h"
#include "repl/api/sqlalchemy/binding.h"

#include <unordered_set>

namespace ormsh::api {

namespace {

// sqlalchemy.sql.compiler.RESERVED_WORDS (1.4).
const std::unordered_set<std::string_view>& reserved_words() {
    static const std::unordered_set<std::string_view> words = {"all",
                                                               "analyse",
                                                               "analyze",
                                                               "and",
                                                               "any",
                                                               "array",
                                                               "as",
                                                               "asc",
                                                               "asymmetric",
                                                               "authorization",
                                                               "between",
                                                               "binary",
                                                               "both",
                                                               "case",
                                                               "cast",
                                                               "check",
                                                               "collate",
                                                               "column",
                                                               "constraint",
                                                               "create",
                                                               "cross",
                                                               "current_date",
                                                               "current_role",
                                                               "current_time",
                                                               "current_timestamp",
                                                               "current_user",
                                                               "default",
                                                               "deferrable",
                                                               "desc",
                                                               "distinct",
                                                               "do",
                                                               "else",
                                                               "end",
                                                               "except",
                                                               "false",
                                                               "for",
                                                               "foreign",
                                                               "freeze",
                                                               "from",
                                                               "full",
                                                               "grant",
                                                               "group",
                                                               "having",
                                                               "ilike",
                                                               "in",
                                                               "initially",
                                                               "inner",
                                                               "intersect",
                                                               "into",
                                                               "is",
                                                               "isnull",
                                                               "join",
                                                               "leading",
                                                               "left",
                                                               "like",
                                                               "limit",
                                                               "localtime",
                                                               "localtimestamp",
                                                               "natural",
                                                               "new",
                                                               "not",
                                                               "notnull",
                                                               "null",
                                                               "off",
                                                               "offset",
                                                               "old",
                                                               "on",
                                                               "only",
                                                               "or",
                                                               "order",
                                                               "outer",
                                                               "overlaps",
                                                               "placing",
                                                               "primary",
                                                               "references",
                                                               "right",
                                                               "select",
                                                               "session_user",
                                                               "set",
                                                               "similar",
                                                               "some",
                                                               "symmetric",
                                                               "table",
                                                               "then",
                                                               "to",
                                                               "trailing",
                                                               "true",
                                                               "union",
                                                               "unique",
                                                               "user",
                                                               "using",
                                                               "verbose",
                                                               "when",
                                                               "where"};
    return words;
}

class StrDialect : public engine::Dialect {
public:
    std::string_view name() const override { return "default"; }
    std::string_view driver_module() const override { return "default"; }
    std::string_view default_driver() const override { return "default"; }
    const engine::Capabilities& caps() const override { return caps_; }
    std::string quote_identifier(std::string_view name) const override {
        if (engine::identifier_requires_quotes(name, reserved_words()))
            return engine::quote_always(name);
        return std::string(name);
    }
    std::string force_quote_identifier(std::string_view name) const override {
        return engine::quote_always(name);
    }
    std::string placeholder(int) const override { return "?"; }
    std::string type_ddl(const engine::TypeSpec& type) const override {
        return type.sqlalchemy_str();
    }
    std::string autoincrement_type_ddl(const engine::TypeSpec& type) const override {
        return type.sqlalchemy_str();
    }
    std::unique_ptr<engine::DriverConnection> connect(const engine::Url&) const override {
        throw engine::ArgumentError("the default dialect cannot connect");
    }

private:
    engine::Capabilities caps_;
};

} // namespace

const engine::Dialect& default_str_dialect() {
    static StrDialect d;
    return d;
}

std::string str_sql(const sql::NodePtr& node) {
    sql::CompileOptions options;
    options.style = sql::ParamStyle::Named;
    options.render_postcompile = false;
    return sql::compile(node, default_str_dialect(), options).sql;
}

} // namespace ormsh::api
