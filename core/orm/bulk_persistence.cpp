// Bulk writes that bypass the unit of work (bulk_persistence.h).
#include "core/orm/bulk_persistence.h"

#include "core/engine/errors.h"
#include "core/engine/result.h"
#include "core/orm/persistence.h"
#include "core/orm/session.h"

#include <fmt/format.h>

namespace ormsh::orm {

std::vector<engine::Value> bulk_insert(Session& session, const Mapper& mapper,
                                       const std::vector<BulkRow>& rows, bool return_defaults) {
    engine::Connection& conn = session.connection();
    const auto& caps = conn.dialect().caps();
    const schema::Table& table = mapper.table();
    schema::ColumnPtr autoinc = table.autoincrement_column();
    std::vector<engine::Value> keys;
    for (const BulkRow& row : rows) {
        std::vector<InsertColumn> columns;
        std::vector<engine::Value> params;
        bool sets_key = false;
        for (const auto& prop : mapper.columns()) {
            const schema::Column& column = *prop.column;
            const auto& given = prop.slot < row.size() ? row[prop.slot] : std::nullopt;
            if (given && !(autoinc.get() == &column && engine::is_null(*given))) {
                sets_key |= autoinc.get() == &column;
                columns.push_back({&column, {}});
                params.push_back(bind_value(column, caps, *given));
            } else if (has_python_default(column.default_value)) {
                columns.push_back({&column, {}});
                params.push_back(bind_value(column, caps, column.default_value.evaluate()));
            } else if (column.default_value.kind == schema::ColumnDefault::Kind::Expression) {
                columns.push_back({&column, inline_default_sql(column, conn.dialect())});
            }
        }
        // Where the dialect has RETURNING, SQLAlchemy always fetches the new key with it.
        bool fetch_key = autoinc && !sets_key && (return_defaults || caps.insert_returning);
        bool returning = fetch_key && caps.insert_returning;
        const std::string& sql =
            session.statements().insert(table, columns, returning ? autoinc.get() : nullptr);
        engine::Result result = session.statements().execute(conn, sql, params);
        if (!return_defaults) continue;
        engine::Value key = engine::Null{};
        if (returning) {
            std::vector<engine::Value> out;
            if (result.next(out) && !out.empty()) key = out[0];
        } else if (fetch_key) {
            if (auto id = conn.driver().last_insert_id()) key = *id;
        }
        if (autoinc) engine::convert_result_value(autoinc->type, caps, key);
        keys.push_back(std::move(key));
    }
    return keys;
}

void bulk_update(Session& session, const Mapper& mapper, const std::vector<BulkRow>& rows) {
    engine::Connection& conn = session.connection();
    const auto& caps = conn.dialect().caps();
    const auto& pk_slots = mapper.primary_key_slots();
    std::vector<const schema::Column*> pk_columns;
    for (std::size_t slot : pk_slots)
        pk_columns.push_back(mapper.columns()[slot].column.get());
    for (const BulkRow& row : rows) {
        std::vector<const schema::Column*> set;
        std::vector<engine::Value> params;
        for (const auto& prop : mapper.columns()) {
            const schema::Column& column = *prop.column;
            bool is_key = std::find(pk_slots.begin(), pk_slots.end(), prop.slot) != pk_slots.end();
            if (is_key) continue;
            const auto& given = prop.slot < row.size() ? row[prop.slot] : std::nullopt;
            if (given) {
                set.push_back(&column);
                params.push_back(bind_value(column, caps, *given));
            } else if (has_python_default(column.onupdate)) {
                set.push_back(&column);
                params.push_back(bind_value(column, caps, column.onupdate.evaluate()));
            }
        }
        for (std::size_t slot : pk_slots) {
            if (slot >= row.size() || !row[slot])
                throw engine::InvalidRequestError(fmt::format(
                    "bulk update of '{}' needs the primary key column '{}' in every mapping",
                    mapper.table().name(), mapper.columns()[slot].column->name));
            params.push_back(bind_value(*mapper.columns()[slot].column, caps, *row[slot]));
        }
        if (set.empty()) continue;
        StatementCache& statements = session.statements();
        statements.execute(conn, statements.update(mapper.table(), set, pk_columns), params);
    }
}

} // namespace ormsh::orm
