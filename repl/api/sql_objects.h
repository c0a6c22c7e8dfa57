// The Python-side wrappers of core objects that every binding module shares: SQL expressions
// and statements, schema columns, tables, metadata, types and engines. One C++ struct per
// Python-visible kind; Python types are created once per interpreter (api_types()) and
// subclassed where SQLAlchemy subclasses (InstrumentedAttribute is a ColumnElement).
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "core/engine/engine.h"
#include "core/engine/type_spec.h"
#include "core/schema/column.h"
#include "core/schema/metadata.h"
#include "core/schema/table.h"
#include "core/sql/elements.h"
#include "core/sql/nodes.h"
#include "repl/lang/interpreter.h"
#include "repl/lang/object.h"

namespace ormsh::api {

using lang::Interpreter;
using lang::Value;

// Any SQL expression or statement (sqlalchemy.sql ClauseElement). `node` is the immutable
// core tree; Python operators build new nodes (see sql_operators.cpp).
struct ClauseObj : lang::Object {
    explicit ClauseObj(lang::Type* t, sql::NodePtr n = nullptr) : Object(t), node(std::move(n)) {}
    sql::NodePtr node;
};

// sqlalchemy.Column: a schema column, which is also a column expression once it belongs to a
// table (node is then the ColumnRef in that table). Declarative columns start nameless; the
// mapping gives them the attribute's name.
struct ColumnObj : ClauseObj {
    explicit ColumnObj(lang::Type* t) : ClauseObj(t) {}
    schema::ColumnPtr column;
    // The column expression; built on first use once the column has a table.
    const sql::NodePtr& expr();
};

// sqlalchemy.Table (and the table behind a declarative class).
struct TableObj : ClauseObj {
    explicit TableObj(lang::Type* t) : ClauseObj(t) {}
    ~TableObj() override;
    schema::TablePtr table;
    Value metadata; // the MetaData object it was created in
    void traverse(lang::Visitor& v) override;
    void clear_refs() override;
};

// sqlalchemy.MetaData, optionally bound to an engine (MetaData(bind=engine)).
struct MetaDataObj : lang::Object {
    explicit MetaDataObj(lang::Type* t) : Object(t), metadata(std::make_shared<schema::MetaData>()) {}
    std::shared_ptr<schema::MetaData> metadata;
    Value bind; // an EngineObj or empty
    // Python Table objects by name, so metadata.tables['x'] returns the same object.
    lang::Ref<lang::Dict> tables;
    ~MetaDataObj() override;
    void traverse(lang::Visitor& v) override;
    void clear_refs() override;
};

// A column type instance: Integer, String(80), Numeric(10, 2) (sqlalchemy.types).
struct TypeObj : lang::Object {
    explicit TypeObj(lang::Type* t) : Object(t) {}
    engine::TypeSpec spec;
    // Enum(PythonEnumClass): the class, to turn stored names back into members.
    Value enum_class;
};

// sqlalchemy.engine.Engine.
struct EngineObj : lang::Object {
    explicit EngineObj(lang::Type* t) : Object(t) {}
    std::shared_ptr<engine::Engine> engine;
    // create_engine(future=True): 2.0-style connections (no autocommit, explicit commit()).
    bool future = false;
};

// The Python types of the shared wrappers, created by register_sql_objects().
struct ApiTypes {
    lang::Type* clause_element = nullptr;  // ClauseElement: base of every expression
    lang::Type* column_element = nullptr;  // ColumnElement: has the column operators
    lang::Type* column = nullptr;          // Column
    lang::Type* table = nullptr;           // Table
    lang::Type* metadata = nullptr;        // MetaData
    lang::Type* type_engine = nullptr;     // TypeEngine: base of Integer, String ...
    lang::Type* engine = nullptr;          // Engine
};
ApiTypes& api_types();

// Wraps a core node in the Python type SQLAlchemy would show for it (BinaryExpression,
// BooleanClauseList, Select, Insert, Label, Function ...), always a ClauseObj.
Value wrap_clause(Interpreter& in, sql::NodePtr node);
// The core node of any SQL-ish Python value (a ClauseObj, a Column, a Table, an ORM attribute),
// or null when `v` is not one.
sql::NodePtr clause_of(Interpreter& in, const Value& v);
// An operand for an operator: an expression, or a Python value to bind.
sql::Operand to_operand(Interpreter& in, const Value& v);
// The column type of a TypeObj or of a type class used bare (Integer): Integer() is implied.
engine::TypeSpec type_spec_of(Interpreter& in, const Value& v);

// Lets the ORM bindings extend sqlalchemy.inspect() to mapped classes and instances: the hook
// returns an empty Value for subjects it does not know.
void register_inspect_hook(std::function<Value(Interpreter&, const Value&)> hook);

} // namespace ormsh::api
