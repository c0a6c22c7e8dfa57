// The Python Query object (session.query(User), User.query) around orm::Query, the
// AppenderQuery a lazy='dynamic' relationship returns, and Flask-SQLAlchemy's Pagination.
#pragma once

#include "core/orm/query.h"
#include "repl/api/orm/model.h"

namespace ormsh::api {

struct QueryObj : lang::Object {
    QueryObj(lang::Type* t, orm::Query q) : Object(t), query(std::move(q)) {}
    orm::Query query;
    // The Python session object it belongs to (kept alive by the query).
    Value session;
    // A dynamic relationship's query appends to / removes from this parent's collection.
    lang::Ref<ModelObj> parent;
    orm::RelationshipProperty* rel = nullptr;
    // Flask-SQLAlchemy's query class (get_or_404, paginate ...).
    void traverse(lang::Visitor& v) override;
    void clear_refs() override;
};

lang::Type* query_type();

// session.query(*entities): entities are mapped classes, instrumented attributes or any SQL
// column expression.
Value make_query(Interpreter& in, const Value& session, orm::Session& core, std::span<const Value> entities);
Value make_appender_query(Interpreter& in, ModelObj& parent, orm::RelationshipProperty& rel);
// Turns a query's rows into Python values: the object for a one-entity query, Row tuples else.
Value query_rows_to_list(Interpreter& in, const orm::Query& q, std::vector<orm::QueryRow> rows);
Value query_row_to_value(Interpreter& in, const orm::Query& q, orm::QueryRow row);
// The Python values of one query row: objects for entities, converted column values.
std::vector<Value> row_values(Interpreter& in, const orm::Query& q, orm::QueryRow& row);
// The entity a Python value names in a query: a mapped class or a column expression.
orm::QueryEntity query_entity(Interpreter& in, const Value& v);

// Flask-SQLAlchemy's QueryPagination over the Python query `query` (query.paginate(...)).
Value paginate_query(Interpreter& in, const Value& query, lang::Args& args);
// synchronize_session='evaluate' / 'fetch' / False (absent: 'evaluate').
orm::SynchronizeSession synchronize_session_of(Interpreter& in, const Value& v);

// werkzeug's NotFound (raised by get_or_404 / first_or_404 / one_or_404).
[[noreturn]] void raise_not_found(Interpreter& in, const std::string& description = {});

} // namespace ormsh::api
