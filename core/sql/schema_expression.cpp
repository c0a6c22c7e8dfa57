// Rendering of SQL expressions held by schema objects (server defaults in DDL).
#include "core/sql/schema_expression.h"

#include "core/sql/compiler_impl.h"

namespace ormsh::sql {

std::string ExpressionDefault::render_server_default(const engine::Dialect& dialect) const {
    detail::SQLCompiler compiler(dialect, CompileOptions{});
    detail::SQLCompiler::Ctx ctx;
    ctx.literal_binds = true;
    std::string text = compiler.visit(expression_, ctx);
    if (expression_->kind == NodeKind::TextClause) return text;
    return flavor_for(dialect).parenthesize_expression_defaults ? "(" + text + ")" : text;
}

std::shared_ptr<const schema::SqlExpression> schema_expression(NodePtr expression) {
    return std::make_shared<ExpressionDefault>(std::move(expression));
}

schema::ServerDefault server_default(NodePtr expression) {
    return schema::ServerDefault::from_expression(schema_expression(std::move(expression)));
}

schema::ColumnDefault sql_default(NodePtr expression) {
    return schema::ColumnDefault::sql(schema_expression(std::move(expression)));
}

NodePtr unwrap(const schema::SqlExpression* e) {
    if (auto* d = dynamic_cast<const ExpressionDefault*>(e)) return d->expression();
    return nullptr;
}

} // namespace ormsh::sql
