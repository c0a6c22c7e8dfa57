// Lets schema objects hold SQL expressions (Column(default=func.now()), server_default=
// text('0')) although core/schema sits below core/sql: the expression travels behind
// schema::SqlExpression and the compiler unwraps it again when it renders an INSERT / UPDATE.
#pragma once

#include "core/schema/column.h"
#include "core/sql/nodes.h"

#include <memory>

namespace ormsh::sql {

class ExpressionDefault : public schema::SqlExpression {
public:
    explicit ExpressionDefault(NodePtr expression) : expression_(std::move(expression)) {}
    // SQLAlchemy's DDL rendering: text() as written, other expressions with literal binds and,
    // on dialects that want it (SQLite), in parentheses.
    std::string render_server_default(const engine::Dialect& dialect) const override;
    const NodePtr& expression() const { return expression_; }

private:
    NodePtr expression_;
};

std::shared_ptr<const schema::SqlExpression> schema_expression(NodePtr expression);
// server_default=text('0') / func.now()
schema::ServerDefault server_default(NodePtr expression);
// default=func.now() / onupdate=func.now()
schema::ColumnDefault sql_default(NodePtr expression);
// The expression behind a schema-held one, or nullptr when it did not come from core/sql.
NodePtr unwrap(const schema::SqlExpression* e);

} // namespace ormsh::sql
