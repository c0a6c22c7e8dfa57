// Bulk UPDATE / DELETE statements on mapped tables, run as Query.update() / Query.delete().
#include "repl/api/orm/orm_dml.h"

#include "core/orm/query.h"
#include "repl/api/convert.h"
#include "repl/api/exc_bridge.h"
#include "repl/api/orm/query_object.h"
#include "repl/api/result_objects.h"

namespace ormsh::api {
namespace {

orm::SynchronizeSession sync_option(Interpreter& in, const sql::ExecutionOptions& options) {
    for (const auto& [key, value] : options)
        if (key == "synchronize_session") {
            if (auto* b = std::get_if<bool>(&value))
                return synchronize_session_of(in, Value::boolean(*b));
            if (auto* text = std::get_if<std::string>(&value))
                return synchronize_session_of(in, lang::new_str(*text));
            return synchronize_session_of(in, Value::none());
        }
    return orm::SynchronizeSession::Evaluate;
}

// A SET value as the ORM's update() takes it: a plain value, or an expression.
sql::Operand operand_of(const sql::NodePtr& node) {
    if (node->is(sql::NodeKind::BindParam)) {
        const auto& b = node->as<sql::BindParam>();
        if (b.value && !b.expanding) return sql::Operand(*b.value);
    }
    return sql::Operand(node);
}

} // namespace

Value execute_orm_dml(Interpreter& in, orm::Session& session, const sql::NodePtr& statement,
                      bool has_params) {
    if (has_params) return Value();
    const schema::Table* table = nullptr;
    if (statement->is(sql::NodeKind::Update) && statement->as<sql::Update>().returning.empty())
        table = statement->as<sql::Update>().table.get();
    if (statement->is(sql::NodeKind::Delete) && statement->as<sql::Delete>().returning.empty())
        table = statement->as<sql::Delete>().table.get();
    const orm::Mapper* mapper = table ? find_mapper_for_table(table) : nullptr;
    if (!mapper) return Value();
    orm::Query q(session, {orm::QueryEntity::of(*mapper)});
    std::int64_t rowcount = 0;
    if (statement->is(sql::NodeKind::Update)) {
        const auto& u = statement->as<sql::Update>();
        for (const auto& w : u.where)
            q = q.filter(w);
        std::vector<std::pair<std::string, sql::Operand>> values;
        for (const auto& [key, node] : u.values) {
            // .values() keys are column keys; the ORM's update() takes attribute names.
            std::string name = key;
            for (const auto& prop : mapper->columns())
                if (prop.column->key == key) name = prop.key;
            values.emplace_back(name, operand_of(node));
        }
        orm::SynchronizeSession sync = sync_option(in, u.execution_options);
        rowcount = guard(in, [&] { return q.update(values, sync); });
    } else {
        const auto& d = statement->as<sql::Delete>();
        for (const auto& w : d.where)
            q = q.filter(w);
        orm::SynchronizeSession sync = sync_option(in, d.execution_options);
        rowcount = guard(in, [&] { return q.delete_(sync); });
    }
    session.note_write();
    return make_result(in, std::make_shared<RowKeys>(), {}, rowcount);
}

} // namespace ormsh::api
