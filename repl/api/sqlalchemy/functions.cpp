// The expression functions of sqlalchemy / sqlalchemy.sql.expression: select, insert, update,
// delete, text, and_, or_, not_, func.<name>(...), literal, bindparam, case, cast, exists ...
// Each turns its Python arguments into core nodes and wraps the result.
#include "core/sql/dml.h"
#include "core/sql/selectable.h"
#include "repl/api/convert.h"
#include "repl/api/sqlalchemy/binding.h"
#include "repl/api/sqlalchemy/column_collection.h"

namespace ormsh::api {

namespace {

using lang::Layout;

schema::TablePtr table_arg(Interpreter& in, const Value& v, const char* fname) {
    if (v.is_obj() && v.type()->is_subtype(api_types().table)) return v.as<TableObj>()->table;
    if (sql::NodePtr n = clause_of(in, v)) {
        if (n->is(sql::NodeKind::TableRef)) return n->as<sql::TableRef>().table;
    }
    raise_sa(in, "ArgumentError", std::string(fname) + "() expects a Table, got " + in.repr(v));
}

std::optional<engine::TypeSpec> opt_type(Interpreter& in, const Value& v) {
    if (v.empty() || v.is_none()) return std::nullopt;
    return type_spec_of(in, v);
}

Value dml(Interpreter& in, Args& args, int which) {
    const char* name = which == 0 ? "insert" : which == 1 ? "update" : "delete";
    if (args.size() < 1)
        in.raise("TypeError",
                 std::string(name) + "() missing 1 required positional argument: 'table'");
    Value t = args[0];
    if (!t.is_obj() || !t.type()->is_subtype(api_types().table))
        t = wrap_clause(in, sql::table(table_arg(in, t, name)));
    Value m = in.getattr(t, name);
    std::vector<Value> rest(args.pos.begin() + 1, args.pos.end());
    std::vector<KwArg> kw(args.kw.begin(), args.kw.end());
    return in.call(m, std::move(rest), std::move(kw));
}

Value boolean_list(Interpreter& in, Args& args, bool is_and) {
    sql::NodeList clauses = nodes_of(in, args.pos);
    return guard(in,
                 [&] { return wrap_clause(in, is_and ? sql::and_(clauses) : sql::or_(clauses)); });
}

Value unary_fn(Interpreter& in, Args& args, sql::NodePtr (*fn)(const sql::NodePtr&),
               const char* name) {
    if (args.size() != 1)
        in.raise("TypeError", std::string(name) + "() takes exactly one argument");
    return guard(in, [&] { return wrap_clause(in, fn(node_of(in, args[0]))); });
}

// case((cond, value), ..., value=None, else_=None); 1.4 also takes a list of tuples or a dict.
Value case_fn(Interpreter& in, Args& args) {
    std::vector<std::pair<sql::Operand, sql::Operand>> whens;
    auto add_pair = [&](const Value& pair) {
        std::vector<Value> items = in.to_vector(pair);
        if (items.size() != 2)
            raise_sa(in, "ArgumentError", "case() expects (condition, value) pairs");
        sql::Operand cond = clause_of(in, items[0]) ? sql::Operand(clause_of(in, items[0]))
                                                    : to_operand(in, items[0]);
        whens.emplace_back(std::move(cond), to_operand(in, items[1]));
    };
    for (const Value& a : args.pos) {
        if (has_layout(a, Layout::Dict)) {
            for (const auto& e : a.as<lang::Dict>()->entries)
                if (!e.key.empty())
                    whens.emplace_back(to_operand(in, e.key), to_operand(in, e.value));
        } else if (has_layout(a, Layout::List)) {
            for (const Value& p : in.to_vector(a))
                add_pair(p);
        } else {
            add_pair(a);
        }
    }
    std::optional<sql::Operand> else_;
    if (Value e = kwarg(args, "else_"); !e.empty()) else_ = to_operand(in, e);
    sql::NodePtr value;
    if (Value v = kwarg(args, "value"); !v.empty() && !v.is_none()) value = node_of(in, v);
    if (Value w = kwarg(args, "whens"); !w.empty()) {
        if (has_layout(w, Layout::Dict)) {
            for (const auto& e : w.as<lang::Dict>()->entries)
                if (!e.key.empty())
                    whens.emplace_back(to_operand(in, e.key), to_operand(in, e.value));
        } else {
            for (const Value& p : in.to_vector(w))
                add_pair(p);
        }
    }
    return guard(in, [&] { return wrap_clause(in, sql::case_(whens, else_, value)); });
}

Value exists_fn(Interpreter& in, Args& args) {
    return guard(in, [&]() -> Value {
        if (args.size() == 0) return wrap_clause(in, sql::exists());
        if (args.size() == 1) {
            sql::NodePtr n = clause_of(in, args[0]);
            if (n && n->is(sql::NodeKind::Select)) return wrap_clause(in, sql::exists(n));
        }
        Value s = make_select(in, args);
        return wrap_clause(in, sql::exists(clause_of(in, s)));
    });
}

// func: func.count(), func.lower(x), func.anything(...).
Type* func_type() {
    static Type* t = nullptr;
    if (t) return t;
    t = lang::TypeBuilder("_FunctionGenerator", {}, "sqlalchemy.sql.functions")
            .instance_dict(true)
            .build();
    def_getattr(t, [](Interpreter& in, const Value&, const std::string& name) -> Value {
        if (name.size() > 1 && name[0] == '_' && name[1] == '_') in.raise("AttributeError", name);
        std::string fname = name;
        if (!fname.empty() && fname.back() == '_') fname.pop_back(); // func.max_ style escapes
        return lang::make_native_closure(
            fname, [fname](Interpreter& in, const Value&, Args& args) -> Value {
                std::vector<sql::Operand> ops;
                for (const Value& a : args.pos)
                    ops.push_back(to_operand(in, a));
                return guard(in, [&] {
                    sql::NodePtr f = sql::func(fname, ops);
                    if (Value tv = kwarg(args, "type_"); !tv.empty() && !tv.is_none()) {
                        auto copy = std::make_shared<sql::Function>(f->as<sql::Function>());
                        copy->type = type_spec_of(in, tv);
                        f = copy;
                    }
                    return wrap_clause(in, f);
                });
            });
    });
    return t;
}

using Fn = std::function<Value(Interpreter&, Args&)>;

void put(lang::Module& m, const std::string& name, Fn fn) {
    m.dict->set_str(lang::intern(name),
                    lang::make_native_closure(name, [fn](Interpreter& in, const Value&,
                                                         Args& args) { return fn(in, args); }));
}

} // namespace

void add_expression_functions(Interpreter& in, lang::Module& m) {
    api_types();
    put(m, "select", [](Interpreter& in, Args& args) { return make_select(in, args); });
    put(m, "insert", [](Interpreter& in, Args& args) { return dml(in, args, 0); });
    put(m, "update", [](Interpreter& in, Args& args) { return dml(in, args, 1); });
    put(m, "delete", [](Interpreter& in, Args& args) { return dml(in, args, 2); });
    put(m, "text", [](Interpreter& in, Args& args) -> Value {
        Value v[1];
        lang::parse_args(in, "text", args, {"text"}, 1, v, true);
        return wrap_clause(in, sql::text(str_arg(in, v[0], "text")));
    });
    put(m, "and_", [](Interpreter& in, Args& args) { return boolean_list(in, args, true); });
    put(m, "or_", [](Interpreter& in, Args& args) { return boolean_list(in, args, false); });
    put(m, "not_",
        [](Interpreter& in, Args& args) { return unary_fn(in, args, sql::not_, "not_"); });
    put(m, "desc",
        [](Interpreter& in, Args& args) { return unary_fn(in, args, sql::desc, "desc"); });
    put(m, "asc", [](Interpreter& in, Args& args) { return unary_fn(in, args, sql::asc, "asc"); });
    put(m, "distinct",
        [](Interpreter& in, Args& args) { return unary_fn(in, args, sql::distinct, "distinct"); });
    for (const char* n : {"nulls_first", "nullsfirst"})
        put(m, n, [](Interpreter& in, Args& args) {
            return unary_fn(in, args, sql::nulls_first, "nulls_first");
        });
    for (const char* n : {"nulls_last", "nullslast"})
        put(m, n, [](Interpreter& in, Args& args) {
            return unary_fn(in, args, sql::nulls_last, "nulls_last");
        });
    put(m, "exists", exists_fn);
    add_compound_functions(in, m);
    put(m, "case", case_fn);
    put(m, "null", [](Interpreter& in, Args&) { return wrap_clause(in, sql::null()); });
    put(m, "true", [](Interpreter& in, Args&) { return wrap_clause(in, sql::true_()); });
    put(m, "false", [](Interpreter& in, Args&) { return wrap_clause(in, sql::false_()); });
    put(m, "literal", [](Interpreter& in, Args& args) -> Value {
        Value v[2];
        lang::parse_args(in, "literal", args, {"value", "type_"}, 1, v);
        return wrap_clause(in, sql::literal(to_db(in, v[0]), opt_type(in, v[1])));
    });
    put(m, "literal_column", [](Interpreter& in, Args& args) -> Value {
        Value v[2];
        lang::parse_args(in, "literal_column", args, {"text", "type_"}, 1, v);
        return wrap_clause(in,
                           sql::literal_column(str_arg(in, v[0], "text"),
                                               opt_type(in, v[1]).value_or(engine::TypeSpec{})));
    });
    put(m, "column", [](Interpreter& in, Args& args) -> Value {
        Value v[2];
        lang::parse_args(in, "column", args, {"text", "type_"}, 1, v, true);
        return wrap_clause(in, sql::column(str_arg(in, v[0], "name"),
                                           opt_type(in, v[1]).value_or(engine::TypeSpec{})));
    });
    put(m, "table", [](Interpreter& in, Args& args) -> Value {
        if (args.size() < 1)
            in.raise("TypeError", "table() missing 1 required positional argument: 'name'");
        std::vector<schema::ColumnPtr> cols;
        for (size_t i = 1; i < args.size(); ++i) {
            sql::NodePtr n = clause_of(in, args[i]);
            if (!n || !n->is(sql::NodeKind::ColumnRef))
                raise_sa(in, "ArgumentError", "table() expects column() objects");
            cols.push_back(schema::Column::make(n->as<sql::ColumnRef>().name, n->type));
        }
        auto t = schema::Table::make_detached(str_arg(in, args[0], "name"), cols);
        Value v = wrap_clause(in, sql::table(t));
        return v;
    });
    put(m, "bindparam", [](Interpreter& in, Args& args) -> Value {
        Value v[4];
        lang::parse_args(in, "bindparam", args, {"key", "value", "type_", "unique"}, 1, v, true);
        std::optional<engine::Value> value;
        if (!v[1].empty()) value = to_db(in, v[1]);
        return wrap_clause(in, sql::bindparam(str_arg(in, v[0], "key"), value, opt_type(in, v[2]),
                                              opt_bool(in, v[3], false)));
    });
    put(m, "cast", [](Interpreter& in, Args& args) -> Value {
        Value v[2];
        lang::parse_args(in, "cast", args, {"expression", "type_"}, 2, v);
        sql::NodePtr e = clause_of(in, v[0]) ? clause_of(in, v[0]) : sql::literal(to_db(in, v[0]));
        return wrap_clause(in, sql::cast(e, type_spec_of(in, v[1])));
    });
    put(m, "type_coerce", [](Interpreter& in, Args& args) -> Value {
        if (args.size() < 1)
            in.raise("TypeError", "type_coerce() missing 1 required positional argument");
        return wrap_clause(in, node_of(in, args[0]));
    });
    put(m, "between", [](Interpreter& in, Args& args) -> Value {
        Value v[3];
        lang::parse_args(in, "between", args, {"expr", "lower_bound", "upper_bound"}, 3, v, true);
        return wrap_clause(
            in, sql::between(node_of(in, v[0]), to_operand(in, v[1]), to_operand(in, v[2])));
    });
    put(m, "label", [](Interpreter& in, Args& args) -> Value {
        Value v[2];
        lang::parse_args(in, "label", args, {"name", "element"}, 2, v, true);
        return wrap_clause(in, sql::label(node_of(in, v[1]), str_arg(in, v[0], "name")));
    });
    put(m, "alias", [](Interpreter& in, Args& args) -> Value {
        Value v[2];
        lang::parse_args(in, "alias", args, {"selectable", "name"}, 1, v, true);
        std::string name = lang::is_str(v[1]) ? lang::as_str(v[1])->s : std::string();
        return guard(in, [&] { return wrap_clause(in, sql::alias(node_of(in, v[0]), name)); });
    });
    auto join_fn = [](bool outer) {
        return [outer](Interpreter& in, Args& args) -> Value {
            Value v[4];
            lang::parse_args(in, outer ? "outerjoin" : "join", args,
                             {"left", "right", "onclause", "isouter"}, 2, v, true);
            sql::NodePtr on = v[2].empty() || v[2].is_none() ? nullptr : node_of(in, v[2]);
            return guard(in, [&] {
                return wrap_clause(in, sql::join(node_of(in, v[0]), node_of(in, v[1]), on,
                                                 outer || opt_bool(in, v[3], false)));
            });
        };
    };
    put(m, "join", join_fn(false));
    put(m, "outerjoin", join_fn(true));
    put(m, "tuple_", [](Interpreter& in, Args&) -> Value {
        raise_sa(in, "CompileError", "tuple_() is not supported by ormsh");
    });
    auto* f = new lang::Object(func_type());
    m.dict->set_str(lang::intern("func"), Value(f));
}

} // namespace ormsh::api
