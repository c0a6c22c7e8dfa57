// The SQL expression tree. Node kinds are declared once (the X-macro below, as Wren declares
// its opcodes); each kind is one immutable struct, shared by pointer, so building a statement
// is generative as in SQLAlchemy (`stmt.where(...)` returns a new statement) and the language
// layer can hold any node as a value. The compiler (compiler.h) visits these by kind.
#pragma once

#include "core/engine/type_spec.h"
#include "core/engine/value.h"
#include "core/schema/table.h"
#include "core/sql/operators.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ormsh::sql {

// X(Kind): one entry per node struct below.
#define ORMSH_SQL_NODE_KINDS(X)                                                                    \
    X(ColumnRef)     /* users.c.name, alias.c.id, subquery.c.n, column('x') */                     \
    X(BindParam)     /* a bound parameter: a literal value or a named slot */                      \
    X(Keyword)       /* NULL, true, false */                                                       \
    X(LiteralColumn) /* literal_column('1'): SQL text in a column position */                      \
    X(TextClause)    /* text('SELECT ... :name'): raw SQL with named binds */                      \
    X(Binary)        /* a op b */                                                                  \
    X(Unary)         /* NOT a, -a, a DESC, EXISTS (...) */                                         \
    X(AsBoolean)     /* a boolean column used as a condition: a = 1 / a */                         \
    X(ClauseList)    /* a AND b AND c, a OR b, a, b */                                             \
    X(Grouping)      /* ( a ) */                                                                   \
    X(Function)      /* count(*), lower(x), now() */                                               \
    X(Label)         /* expr AS name */                                                            \
    X(Cast)          /* CAST(expr AS type) */                                                      \
    X(Case)          /* CASE WHEN ... THEN ... ELSE ... END */                                     \
    X(ScalarSelect)  /* (SELECT ...) used as a value */                                            \
    X(TableRef)      /* a schema::Table in a FROM clause */                                        \
    X(Alias)         /* users AS u2, (SELECT ...) AS anon_1 */                                     \
    X(Join)          /* a JOIN b ON ... */                                                         \
    X(Select)                                                                                      \
    X(CompoundSelect) /* SELECT ... UNION SELECT ... */                                            \
    X(Insert)                                                                                      \
    X(Update)                                                                                      \
    X(Delete)

enum class NodeKind {
#define ORMSH_X(name) name,
    ORMSH_SQL_NODE_KINDS(ORMSH_X)
#undef ORMSH_X
};

const char* node_kind_name(NodeKind kind);

using engine::TypeSpec;
using engine::Value;

struct Node {
    explicit Node(NodeKind k) : kind(k) {}
    virtual ~Node() = default;
    const NodeKind kind;
    // The SQL type of a column expression (Null for statements and FROM clauses).
    TypeSpec type;

    template <class T> const T& as() const { return static_cast<const T&>(*this); }
    bool is(NodeKind k) const { return kind == k; }
    bool is_from_clause() const {
        return kind == NodeKind::TableRef || kind == NodeKind::Alias || kind == NodeKind::Join;
    }
};

using NodePtr = std::shared_ptr<const Node>;
using NodeList = std::vector<NodePtr>;

struct ColumnRef : Node {
    ColumnRef() : Node(NodeKind::ColumnRef) {}
    // The FROM clause the column belongs to (TableRef, Alias), or null for column('x').
    NodePtr from;
    // The schema column behind it, when there is one (null for subquery-derived columns).
    schema::ColumnPtr column;
    std::string name; // the SQL name
    std::string key;  // the .c key
    // A subquery column whose name is an anonymous label inside it (count(x) AS count_1):
    // the labelled node and the label's base, resolved when compiled.
    NodePtr anon_source;
    std::string anon_base;
};

struct BindParam : Node {
    BindParam() : Node(NodeKind::BindParam) {}
    // The base name: "name" renders as name_1, name_2 ... when unique, as is otherwise.
    std::string key;
    bool unique = true;
    // A value known when the statement was built; otherwise the parameter is a named slot
    // filled from the execution parameters (bindparam('x'), insert values in executemany).
    std::optional<Value> value;
    // in_([...]): one placeholder per element, rendered when compiled.
    bool expanding = false;
    std::vector<Value> values;
};

struct Keyword : Node {
    enum class Which { Null, True, False };
    explicit Keyword(Which w) : Node(NodeKind::Keyword), which(w) {}
    Which which;
};

struct LiteralColumn : Node {
    LiteralColumn() : Node(NodeKind::LiteralColumn) {}
    std::string text;
};

struct TextClause : Node {
    TextClause() : Node(NodeKind::TextClause) {}
    std::string text;
    // text(...).bindparams(name=value): values for some of its :name parameters.
    std::vector<std::pair<std::string, Value>> bound;
    // text(...).columns(...): what its result columns are.
    std::vector<std::pair<std::string, TypeSpec>> columns;
};

struct Binary : Node {
    Binary() : Node(NodeKind::Binary) {}
    NodePtr left, right;
    Op op = Op::none;
    // BETWEEN's second bound.
    NodePtr right2;
    // Op::custom: the operator as written in col.op('&').
    std::string custom_text;
};

struct Unary : Node {
    Unary() : Node(NodeKind::Unary) {}
    NodePtr element;
    // A prefix (NOT, -, DISTINCT, EXISTS) ...
    Op op = Op::none;
    // ... or a suffix (DESC, ASC, NULLS FIRST).
    Op modifier = Op::none;
};

struct AsBoolean : Node {
    AsBoolean() : Node(NodeKind::AsBoolean) {}
    NodePtr element;
    bool truth = true;
};

struct ClauseList : Node {
    ClauseList() : Node(NodeKind::ClauseList) {}
    Op op = Op::comma;
    NodeList clauses;
    // What ~list renders instead of NOT (...), when the builder knows better (SQLAlchemy's
    // negation_clause: a many-to-many contains() negates to NOT EXISTS).
    NodePtr negation;
};

struct Grouping : Node {
    Grouping() : Node(NodeKind::Grouping) {}
    NodePtr element;
};

struct Function : Node {
    Function() : Node(NodeKind::Function) {}
    std::string name;
    NodeList args;
    // count() with no arguments renders count(*).
    bool star = false;
};

struct Label : Node {
    Label() : Node(NodeKind::Label) {}
    // Empty for an anonymous label, named from `anon_base` at compile time ("anon_1",
    // "count_1").
    std::string name;
    std::string anon_base;
    NodePtr element;
    // An ORM label named after an alias whose name is known only when compiled: renders as
    // "<alias name>_<name>" (users_1_id, anon_1_users_id), as SQLAlchemy labels the columns
    // of aliased entities.
    NodePtr alias_prefix;
};

struct Cast : Node {
    Cast() : Node(NodeKind::Cast) {}
    NodePtr element;
};

struct Case : Node {
    Case() : Node(NodeKind::Case) {}
    NodePtr value; // CASE value WHEN ...
    std::vector<std::pair<NodePtr, NodePtr>> whens;
    NodePtr else_;
};

struct ScalarSelect : Node {
    ScalarSelect() : Node(NodeKind::ScalarSelect) {}
    NodePtr select;
};

struct TableRef : Node {
    TableRef() : Node(NodeKind::TableRef) {}
    schema::TablePtr table;
};

// The columns a FROM clause exports, as the .c collection of an alias or subquery sees them.
struct ExportedColumn {
    std::string key;
    std::string name;
    TypeSpec type;
    schema::ColumnPtr column; // the table column behind it, when direct
    NodePtr anon_source;      // see ColumnRef::anon_source
    std::string anon_base;
};

struct Alias : Node {
    Alias() : Node(NodeKind::Alias) {}
    // A TableRef (users.alias()) or a Select (select(...).subquery()).
    NodePtr element;
    // Empty for anonymous: "users_1" for a table, "anon_1" for a subquery.
    std::string name;
    std::vector<ExportedColumn> columns;
    // The ORM's mapper when this alias stands for a mapped class (aliased(User)): core/sql
    // carries it and never reads it, as SQLAlchemy's parententity annotation.
    const void* entity = nullptr;
};

struct Join : Node {
    Join() : Node(NodeKind::Join) {}
    NodePtr left, right, onclause;
    bool isouter = false;
    bool full = false;
};

// An option select(...).options(...) carries for the ORM (loader options): core/sql keeps it
// on the statement and never interprets it, as SQLAlchemy's Executable._with_options.
struct ExecutableOption {
    virtual ~ExecutableOption() = default;
};
using ExecutableOptions = std::vector<std::shared_ptr<const ExecutableOption>>;

// stmt.execution_options(synchronize_session='fetch'): read by whoever runs the statement.
using ExecutionOptions = std::vector<std::pair<std::string, Value>>;

struct Select : Node {
    Select() : Node(NodeKind::Select) {}
    NodeList columns;
    NodeList from_clauses; // select_from() and joins
    NodeList where;        // ANDed together
    NodeList group_by;
    NodeList having;
    NodeList order_by;
    NodePtr limit, offset;
    bool distinct = false;
    // select(...).correlate(None) turns off auto-correlation inside enclosing selects.
    bool auto_correlate = true;
    ExecutableOptions with_options;
    ExecutionOptions execution_options;
};

// union(a, b) / a.union_all(b) / except_ / intersect: the member selects in order, with the
// ORDER BY / LIMIT of the whole compound.
struct CompoundSelect : Node {
    enum class Keyword { Union, UnionAll, Except, ExceptAll, Intersect, IntersectAll };
    CompoundSelect() : Node(NodeKind::CompoundSelect) {}
    Keyword keyword = Keyword::Union;
    NodeList selects;
    NodeList order_by;
    NodePtr limit, offset;
    ExecutionOptions execution_options;
};

// Values for INSERT / UPDATE: column key -> expression (a BindParam for plain values).
using ValuesList = std::vector<std::pair<std::string, NodePtr>>;

struct Insert : Node {
    Insert() : Node(NodeKind::Insert) {}
    schema::TablePtr table;
    // .values(...) rows: one for single values, several for a multi-VALUES insert.
    std::vector<ValuesList> rows;
    NodeList returning;
    // insert().from_select(names, select)
    NodePtr from_select;
    std::vector<std::string> from_select_keys;
};

struct Update : Node {
    Update() : Node(NodeKind::Update) {}
    schema::TablePtr table;
    ValuesList values;
    NodeList where;
    NodeList returning;
    ExecutionOptions execution_options;
};

struct Delete : Node {
    Delete() : Node(NodeKind::Delete) {}
    schema::TablePtr table;
    NodeList where;
    NodeList returning;
    ExecutionOptions execution_options;
};

} // namespace ormsh::sql
