// Internal helpers shared by the files of the sqlalchemy Core bindings: argument access,
// method definition on native types, the extra Python types beyond sql_objects.h's ApiTypes,
// and the per-file initialisers api_types() runs once.
#pragma once

#include "core/engine/dialect.h"
#include "repl/api/exc_bridge.h"
#include "repl/api/sql_objects.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ormsh::api {

using lang::Args;
using lang::KwArg;
using lang::Type;

// The expression types SQLAlchemy users see (type(x).__name__), all with ClauseObj layout.
struct ClauseTypes {
    Type* from_clause = nullptr;  // FromClause: Table, Alias, Subquery, Join
    Type* binary = nullptr;       // BinaryExpression
    Type* boolean_list = nullptr; // BooleanClauseList
    Type* clause_list = nullptr;  // ClauseList
    Type* unary = nullptr;        // UnaryExpression
    Type* exists = nullptr;       // Exists
    Type* label = nullptr;        // Label
    Type* function = nullptr;     // Function (generic func.xxx)
    Type* cast = nullptr;         // Cast
    Type* case_ = nullptr;        // Case
    Type* null = nullptr;         // Null
    Type* true_ = nullptr;        // True_
    Type* false_ = nullptr;       // False_
    Type* bind = nullptr;         // BindParameter
    Type* grouping = nullptr;     // Grouping
    Type* scalar_select = nullptr;
    Type* column_clause = nullptr; // ColumnClause: column('x'), literal_column('1')
    Type* text = nullptr;          // TextClause
    Type* alias = nullptr;
    Type* subquery = nullptr;
    Type* join = nullptr;
    Type* select = nullptr;
    Type* compound_select = nullptr; // CompoundSelect: union(...), except_(...) ...
    Type* insert = nullptr;
    Type* update = nullptr;
    Type* delete_ = nullptr;
    Type* as_boolean = nullptr;
};
ClauseTypes& clause_types();

// Defines a method (self is the instance) on a native type.
void def(Type* t, const std::string& name, lang::NativeClosure fn);
void def_property(Type* t, const std::string& name, lang::NativeGetter get);

// Raises the sqlalchemy.exc class `cls` with `msg`.
[[noreturn]] void raise_sa(Interpreter& in, const std::string& cls, const std::string& msg);

// Argument helpers: keyword lookup, strings, optional ints.
Value kwarg(const Args& args, std::string_view name);
std::string str_arg(Interpreter& in, const Value& v, const char* what);
std::optional<int> opt_int(Interpreter& in, const Value& v);
bool opt_bool(Interpreter& in, const Value& v, bool fallback);
// The items of a list/tuple argument, or the single value itself.
std::vector<Value> flatten_one(Interpreter& in, const Value& v);
sql::NodePtr node_of(Interpreter& in, const Value& v, const char* what = "expression");
sql::NodeList nodes_of(Interpreter& in, std::span<const Value> values);

// The dialect str(statement) compiles with (SQLAlchemy's StrSQLCompiler / DefaultDialect).
const engine::Dialect& default_str_dialect();
// str(statement): the SQL with :name parameters and unexpanded IN lists.
std::string str_sql(const sql::NodePtr& node);

// The Python wrapper of a schema table (created when the Table was constructed), or empty.
Value table_object(const schema::Table* table);
void register_table_object(const schema::Table* table, lang::Object* obj);
void forget_table_object(const schema::Table* table);
// The engine a statement can run on implicitly: the bind of its tables' MetaData.
Value bound_engine_of(Interpreter& in, const sql::NodePtr& node);
// A ColumnObj for a schema column (cached per column, so table.c.x is table.c.x).
Value column_object(Interpreter& in, const schema::ColumnPtr& column);
// Remembers a new Column wrapper as the one column_object() returns for its column.
void register_column_object(lang::Object* column_obj);
// Make a Select from select()'s arguments (both 1.4 forms).
Value make_select(Interpreter& in, Args& args);
// A TypeObj for a spec.
Value make_type_object(Interpreter& in, const engine::TypeSpec& spec);

// The columns a FROM clause, SELECT or compound SELECT exports, as a ColumnCollection (.c).
Value from_columns(Interpreter& in, const sql::NodePtr& n);
// stmt.execute(): runs on the engine its tables' MetaData is bound to.
Value implicit_execute(Interpreter& in, const Value& self, Args& args);

// Executes a statement/string on the bound engine (stmt.execute(), engine.execute()).
Value engine_execute(Interpreter& in, const Value& engine, Args& args);

// Per-file initialisers, run by api_types() after the base types exist.
void init_clause_types(Interpreter& in);
void init_column_operators(Interpreter& in);
void init_statements(Interpreter& in);
void init_compound_statements(Interpreter& in);
void init_schema_objects(Interpreter& in);
void init_type_objects(Interpreter& in);
void init_engine_objects(Interpreter& in);
void init_result_objects(Interpreter& in);

// Module population (module.cpp calls these).
void add_expression_functions(Interpreter& in, lang::Module& m);
void add_compound_functions(Interpreter& in, lang::Module& m);
void add_schema_names(Interpreter& in, lang::Module& m);
void add_type_names(Interpreter& in, lang::Module& m);
void add_engine_names(Interpreter& in, lang::Module& m);

} // namespace ormsh::api
