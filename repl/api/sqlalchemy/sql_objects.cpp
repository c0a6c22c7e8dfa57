// The shared wrappers of sql_objects.h: the Python types of SQL expressions, created once and
// filled with methods by the other files of this folder, and the conversions between Python
// values and core nodes (wrap_clause, clause_of, to_operand, type_spec_of).
#include "core/sql/selectable.h"
#include "repl/api/convert.h"
#include "repl/api/sqlalchemy/binding.h"

#include <map>
#include <unordered_map>

namespace ormsh::api {

using lang::Layout;
using lang::Object;
using lang::TypeBuilder;

namespace {

constexpr const char* kSqlModule = "sqlalchemy.sql.elements";

Object* alloc_clause(Type* t) {
    return new ClauseObj(t);
}
Object* alloc_column(Type* t) {
    return new ColumnObj(t);
}
Object* alloc_table(Type* t) {
    auto* o = new TableObj(t);
    o->track();
    return o;
}
Object* alloc_metadata(Type* t) {
    auto* o = new MetaDataObj(t);
    o->track();
    return o;
}
Object* alloc_type(Type* t) {
    return new TypeObj(t);
}
Object* alloc_engine(Type* t) {
    return new EngineObj(t);
}

Type* clause_type(const std::string& name, Type* base, const std::string& module = kSqlModule) {
    return TypeBuilder(name, {base}, module).layout(Layout::Object, alloc_clause).build();
}

std::unordered_map<const schema::Table*, lang::WeakHandle>& table_registry() {
    static std::unordered_map<const schema::Table*, lang::WeakHandle> r;
    return r;
}

// Column wrappers per schema column, weakly held so that table.c.x is table.c.x.
std::unordered_map<const schema::Column*, lang::WeakHandle>& column_registry() {
    static std::unordered_map<const schema::Column*, lang::WeakHandle> r;
    return r;
}

std::map<std::string, Type*>& function_types() {
    static std::map<std::string, Type*> m;
    return m;
}

} // namespace

ApiTypes& api_types() {
    static ApiTypes t;
    static bool initialising = false;
    if (!t.clause_element && !initialising) {
        initialising = true;
        Interpreter& in = Interpreter::current();
        t.clause_element = TypeBuilder("ClauseElement", {}, kSqlModule)
                               .layout(Layout::Object, alloc_clause)
                               .build();
        t.column_element = TypeBuilder("ColumnElement", {t.clause_element}, kSqlModule)
                               .layout(Layout::Object, alloc_clause)
                               .build();
        t.column = TypeBuilder("Column", {t.column_element}, "sqlalchemy.sql.schema")
                       .layout(Layout::Object, alloc_column)
                       .build();
        clause_types().from_clause =
            clause_type("FromClause", t.clause_element, "sqlalchemy.sql.selectable");
        t.table = TypeBuilder("Table", {clause_types().from_clause}, "sqlalchemy.sql.schema")
                      .layout(Layout::Object, alloc_table)
                      .build();
        t.metadata = TypeBuilder("MetaData", {}, "sqlalchemy.sql.schema")
                         .layout(Layout::Object, alloc_metadata)
                         .build();
        t.type_engine = TypeBuilder("TypeEngine", {}, "sqlalchemy.sql.type_api")
                            .layout(Layout::Object, alloc_type)
                            .build();
        t.engine = TypeBuilder("Engine", {}, "sqlalchemy.engine.base")
                       .layout(Layout::Object, alloc_engine)
                       .build();
        init_clause_types(in);
        init_column_operators(in);
        init_statements(in);
        init_compound_statements(in);
        init_schema_objects(in);
        init_type_objects(in);
        init_engine_objects(in);
        init_result_objects(in);
        initialising = false;
    }
    return t;
}

ClauseTypes& clause_types() {
    static ClauseTypes c;
    return c;
}

void init_clause_types(Interpreter&) {
    ApiTypes& a = api_types();
    ClauseTypes& c = clause_types();
    Type* ce = a.column_element;
    c.binary = clause_type("BinaryExpression", ce);
    c.boolean_list = clause_type("BooleanClauseList", ce);
    c.clause_list = clause_type("ClauseList", a.clause_element);
    c.unary = clause_type("UnaryExpression", ce);
    c.exists = clause_type("Exists", c.unary, "sqlalchemy.sql.selectable");
    c.label = clause_type("Label", ce);
    c.function = clause_type("Function", ce, "sqlalchemy.sql.functions");
    c.cast = clause_type("Cast", ce);
    c.case_ = clause_type("Case", ce);
    c.null = clause_type("Null", ce);
    c.true_ = clause_type("True_", ce);
    c.false_ = clause_type("False_", ce);
    c.bind = clause_type("BindParameter", ce);
    c.grouping = clause_type("Grouping", ce);
    c.as_boolean = clause_type("AsBoolean", c.unary);
    c.scalar_select = clause_type("ScalarSelect", ce);
    c.column_clause = clause_type("ColumnClause", ce);
    c.text = clause_type("TextClause", a.clause_element);
    c.alias = clause_type("Alias", c.from_clause, "sqlalchemy.sql.selectable");
    c.subquery = clause_type("Subquery", c.alias, "sqlalchemy.sql.selectable");
    c.join = clause_type("Join", c.from_clause, "sqlalchemy.sql.selectable");
    c.select = clause_type("Select", a.clause_element, "sqlalchemy.sql.selectable");
    c.compound_select =
        clause_type("CompoundSelect", a.clause_element, "sqlalchemy.sql.selectable");
    c.insert = clause_type("Insert", a.clause_element, "sqlalchemy.sql.dml");
    c.update = clause_type("Update", a.clause_element, "sqlalchemy.sql.dml");
    c.delete_ = clause_type("Delete", a.clause_element, "sqlalchemy.sql.dml");
    // func.count() and friends are classes of their own in SQLAlchemy (type(x).__name__).
    for (const char* n : {"count",        "sum",
                          "max",          "min",
                          "now",          "coalesce",
                          "random",       "char_length",
                          "concat",       "current_date",
                          "current_time", "current_timestamp",
                          "localtime",    "localtimestamp",
                          "user",         "session_user",
                          "sysdate",      "array_agg",
                          "rank",         "dense_rank",
                          "row_number",   "percent_rank",
                          "cume_dist",    "mode",
                          "next_value",   "grouping_sets",
                          "cube",         "rollup"})
        function_types()[n] = clause_type(n, c.function, "sqlalchemy.sql.functions");
}

// ---- TableObj / MetaDataObj / ColumnObj -----------------------------------------------

TableObj::~TableObj() {
    if (table) forget_table_object(table.get());
}
void TableObj::traverse(lang::Visitor& v) {
    Object::traverse(v);
    if (metadata.is_obj()) v.visit(metadata.obj());
}
void TableObj::clear_refs() {
    Object::clear_refs();
    metadata = Value();
}

void MetaDataObj::traverse(lang::Visitor& v) {
    Object::traverse(v);
    if (bind.is_obj()) v.visit(bind.obj());
    if (tables) v.visit(tables.get());
}
void MetaDataObj::clear_refs() {
    Object::clear_refs();
    bind = Value();
    tables.reset();
}

const sql::NodePtr& ColumnObj::expr() {
    if (!node && column && column->table()) node = sql::col(column);
    return node;
}

Value table_object(const schema::Table* table) {
    auto it = table_registry().find(table);
    if (it == table_registry().end()) return Value();
    return it->second.lock();
}
void register_table_object(const schema::Table* table, Object* obj) {
    table_registry()[table] = lang::WeakHandle(obj);
}
void forget_table_object(const schema::Table* table) {
    auto it = table_registry().find(table);
    if (it != table_registry().end() && !it->second.get()) table_registry().erase(it);
}

Value column_object(Interpreter&, const schema::ColumnPtr& column) {
    auto& reg = column_registry();
    auto it = reg.find(column.get());
    if (it != reg.end()) {
        Value v = it->second.lock();
        if (v.is_obj() && v.as<ColumnObj>()->column == column) return v;
    }
    auto* o = new ColumnObj(api_types().column);
    Value v(o);
    o->column = column;
    reg[column.get()] = lang::WeakHandle(o);
    return v;
}

void register_column_object(Object* obj) {
    auto* co = static_cast<ColumnObj*>(obj);
    column_registry()[co->column.get()] = lang::WeakHandle(obj);
}

// ---- wrapping --------------------------------------------------------------------------

Value wrap_clause(Interpreter& in, sql::NodePtr node) {
    if (!node) return Value::none();
    ClauseTypes& c = clause_types();
    Type* t = api_types().column_element;
    using K = sql::NodeKind;
    switch (node->kind) {
    case K::ColumnRef: {
        const auto& ref = node->as<sql::ColumnRef>();
        if (ref.column && ref.from && ref.from->is(K::TableRef) &&
            ref.from->as<sql::TableRef>().table.get() == ref.column->table()) {
            Value v = column_object(in, ref.column);
            ColumnObj* co = v.as<ColumnObj>();
            if (!co->node) co->node = node;
            return v;
        }
        if (ref.column) {
            auto* o = new ColumnObj(api_types().column);
            Value v(o);
            o->column = ref.column;
            o->node = std::move(node);
            return v;
        }
        t = c.column_clause;
        break;
    }
    case K::BindParam:
        t = c.bind;
        break;
    case K::Keyword:
        switch (node->as<sql::Keyword>().which) {
        case sql::Keyword::Which::Null:
            t = c.null;
            break;
        case sql::Keyword::Which::True:
            t = c.true_;
            break;
        case sql::Keyword::Which::False:
            t = c.false_;
            break;
        }
        break;
    case K::LiteralColumn:
        t = c.column_clause;
        break;
    case K::TextClause:
        t = c.text;
        break;
    case K::Binary:
        t = c.binary;
        break;
    case K::Unary:
        t = node->as<sql::Unary>().op == sql::Op::exists ? c.exists : c.unary;
        break;
    case K::AsBoolean:
        t = c.as_boolean;
        break;
    case K::ClauseList: {
        sql::Op op = node->as<sql::ClauseList>().op;
        t = (op == sql::Op::and_ || op == sql::Op::or_) ? c.boolean_list : c.clause_list;
        break;
    }
    case K::Grouping:
        t = c.grouping;
        break;
    case K::Function: {
        auto it = function_types().find(node->as<sql::Function>().name);
        t = it != function_types().end() ? it->second : c.function;
        break;
    }
    case K::Label:
        t = c.label;
        break;
    case K::Cast:
        t = c.cast;
        break;
    case K::Case:
        t = c.case_;
        break;
    case K::ScalarSelect:
        t = c.scalar_select;
        break;
    case K::TableRef: {
        Value v = table_object(node->as<sql::TableRef>().table.get());
        if (!v.empty()) return v;
        auto* o = new TableObj(api_types().table);
        o->track();
        Value tv(o);
        o->table = node->as<sql::TableRef>().table;
        o->node = node;
        register_table_object(o->table.get(), o);
        return tv;
    }
    case K::Alias: {
        const auto& el = node->as<sql::Alias>().element;
        t = el && el->is(K::TableRef) ? c.alias : c.subquery;
        break;
    }
    case K::Join:
        t = c.join;
        break;
    case K::Select:
        t = c.select;
        break;
    case K::CompoundSelect:
        t = c.compound_select;
        break;
    case K::Insert:
        t = c.insert;
        break;
    case K::Update:
        t = c.update;
        break;
    case K::Delete:
        t = c.delete_;
        break;
    }
    return Value(new ClauseObj(t, std::move(node)));
}

sql::NodePtr clause_of(Interpreter& in, const Value& v) {
    if (!v.is_obj()) return nullptr;
    ApiTypes& a = api_types();
    Type* t = v.type();
    if (t->is_subtype(a.column)) {
        auto* co = v.as<ColumnObj>();
        if (!co->expr() && co->column) {
            // A column not yet in a table (a class body's `id` in primaryjoin=...): a bare
            // column('x') expression that still knows its column, so the ORM can place it once
            // the table exists. Not cached: expr() builds the table's column then.
            auto bare = std::make_shared<sql::ColumnRef>();
            bare->name = co->column->name;
            bare->key = co->column->name;
            bare->type = co->column->type;
            bare->column = co->column;
            return bare;
        }
        return co->node;
    }
    if (t->is_subtype(a.clause_element)) return v.as<ClauseObj>()->node;
    if (has_layout(v, Layout::Type)) {
        // A mapped class stands for its table (select(User)); the ORM recognises the table
        // when the statement runs in a session and loads objects.
        Value table = v.as<Type>()->lookup("__table__");
        if (!table.empty() && table.is_obj() && table.type()->is_subtype(a.table))
            return clause_of(in, table);
        return nullptr;
    }
    if (has_layout(v, Layout::Str)) return nullptr;
    Value ce = in.getattr_opt(v, lang::intern("__clause_element__"));
    if (!ce.empty()) {
        Value r = in.call(ce, {});
        if (!r.is(v)) return clause_of(in, r);
    }
    return nullptr;
}

sql::Operand to_operand(Interpreter& in, const Value& v) {
    if (sql::NodePtr n = clause_of(in, v)) return sql::Operand(std::move(n));
    return sql::Operand(to_db(in, v));
}

engine::TypeSpec type_spec_of(Interpreter& in, const Value& v) {
    ApiTypes& a = api_types();
    if (v.is_obj() && v.type()->is_subtype(a.type_engine)) return v.as<TypeObj>()->spec;
    if (has_layout(v, Layout::Type) && v.as<Type>()->is_subtype(a.type_engine)) {
        Value inst = in.call(v, {});
        return inst.as<TypeObj>()->spec;
    }
    raise_sa(in, "ArgumentError", "'" + in.type_name(v) + "' object is not a SQLAlchemy type");
}

// ---- helpers (binding.h) ---------------------------------------------------------------

void def(Type* t, const std::string& name, lang::NativeClosure fn) {
    t->set_attr(name, lang::make_native_closure(name, std::move(fn), true));
}

void def_property(Type* t, const std::string& name, lang::NativeGetter get) {
    lang::Ref<lang::NativeProperty> p(new lang::NativeProperty());
    p->name = name;
    p->get = std::move(get);
    t->set_attr(name, p);
}

Value kwarg(const Args& args, std::string_view name) {
    for (const KwArg& k : args.kw)
        if (k.name->s == name) return k.value;
    return Value();
}

std::string str_arg(Interpreter& in, const Value& v, const char* what) {
    if (!lang::is_str(v))
        in.raise("TypeError", std::string(what) + " must be a string, not " + in.type_name(v));
    return lang::as_str(v)->s;
}

std::optional<int> opt_int(Interpreter& in, const Value& v) {
    if (v.empty() || v.is_none()) return std::nullopt;
    return static_cast<int>(in.index_value(v));
}

bool opt_bool(Interpreter& in, const Value& v, bool fallback) {
    if (v.empty()) return fallback;
    return in.truthy(v);
}

std::vector<Value> flatten_one(Interpreter& in, const Value& v) {
    if (has_layout(v, Layout::List) || has_layout(v, Layout::Tuple)) return in.to_vector(v);
    return {v};
}

sql::NodePtr node_of(Interpreter& in, const Value& v, const char* what) {
    if (sql::NodePtr n = clause_of(in, v)) return n;
    if (lang::is_str(v)) {
        // SQLAlchemy 1.4 coerces plain strings in WHERE / ORDER BY to text() with a warning.
        return sql::text(lang::as_str(v)->s);
    }
    if (v.is_none()) return sql::null();
    if (v.is_bool()) return v.as_bool() ? sql::true_() : sql::false_();
    if (v.is_int() || v.is_float()) return sql::literal(to_db(in, v));
    raise_sa(in, "ArgumentError", std::string(what) + " expected, got " + in.repr(v) + ".");
}

sql::NodeList nodes_of(Interpreter& in, std::span<const Value> values) {
    sql::NodeList out;
    for (const Value& v : values) {
        if (has_layout(v, Layout::List) || has_layout(v, Layout::Tuple)) {
            for (const Value& x : in.to_vector(v))
                out.push_back(node_of(in, x));
        } else {
            out.push_back(node_of(in, v));
        }
    }
    return out;
}

} // namespace ormsh::api
