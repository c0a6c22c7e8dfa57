// Generative statement methods as SQLAlchemy 1.4 spells them: Select (where, order_by, join,
// limit, subquery ...), Insert / Update / Delete (values, where, returning), FROM clauses
// (Table, Alias, Subquery, Join: .c, join, alias, select) and TextClause (bindparams,
// columns). Each returns a new wrapper around a new immutable core node.
#include "core/sql/compound_select.h"
#include "core/sql/dml.h"
#include "core/sql/selectable.h"
#include "repl/api/convert.h"
#include "repl/api/sqlalchemy/binding.h"
#include "repl/api/sqlalchemy/column_collection.h"

namespace ormsh::api {

namespace {

sql::NodePtr me(Interpreter& in, const Value& self) {
    sql::NodePtr n = clause_of(in, self);
    if (!n) in.raise("TypeError", "not a SQL statement");
    return n;
}

std::span<const Value> pos(Args& args) {
    return args.pos;
}

// Column key for .values() keys given as strings or Column objects.
std::string value_key(Interpreter& in, const Value& k) {
    if (lang::is_str(k)) return lang::as_str(k)->s;
    if (sql::NodePtr n = clause_of(in, k)) {
        if (n->is(sql::NodeKind::ColumnRef)) return n->as<sql::ColumnRef>().key;
    }
    in.raise("TypeError", "values() keys must be column names or columns, not " + in.type_name(k));
}

sql::ValueMap value_map_of(Interpreter& in, const Value& dict) {
    sql::ValueMap out;
    if (!has_layout(dict, lang::Layout::Dict)) in.raise("TypeError", "values() expects a dict");
    for (const auto& e : dict.as<lang::Dict>()->entries) {
        if (e.key.empty()) continue;
        out.emplace_back(value_key(in, e.key), to_operand(in, e.value));
    }
    return out;
}

sql::ValueMap kw_value_map(Interpreter& in, Args& args) {
    sql::ValueMap out;
    for (const KwArg& k : args.kw)
        out.emplace_back(k.name->s, to_operand(in, k.value));
    return out;
}

Value apply_values(Interpreter& in, const Value& self, Args& args) {
    sql::NodePtr stmt = me(in, self);
    return guard(in, [&]() -> Value {
        if (args.size() == 1 &&
            (has_layout(args[0], lang::Layout::List) || has_layout(args[0], lang::Layout::Tuple))) {
            std::vector<Value> rows = in.to_vector(args[0]);
            if (!rows.empty() && has_layout(rows[0], lang::Layout::Dict)) {
                std::vector<sql::ValueMap> maps;
                for (const Value& r : rows)
                    maps.push_back(value_map_of(in, r));
                return wrap_clause(in, sql::values_multi(stmt, maps));
            }
            // values((1, 'x')): positional, in table column order.
            const schema::Table* t = nullptr;
            if (stmt->is(sql::NodeKind::Insert)) t = stmt->as<sql::Insert>().table.get();
            sql::ValueMap m;
            for (size_t i = 0; t && i < rows.size() && i < t->columns().size(); ++i)
                m.emplace_back(t->columns()[i]->key, to_operand(in, rows[i]));
            return wrap_clause(in, sql::values(stmt, m));
        }
        sql::ValueMap m;
        if (args.size() == 1 && has_layout(args[0], lang::Layout::Dict))
            m = value_map_of(in, args[0]);
        for (auto& kv : kw_value_map(in, args))
            m.push_back(std::move(kv));
        return wrap_clause(in, sql::values(stmt, m));
    });
}

Value apply_where(Interpreter& in, const Value& self, Args& args) {
    sql::NodePtr stmt = me(in, self);
    return guard(in, [&]() -> Value {
        for (const Value& v : args.pos)
            stmt = sql::where(stmt, node_of(in, v, "WHERE clause"));
        return wrap_clause(in, stmt);
    });
}

Value apply_returning(Interpreter& in, const Value& self, Args& args) {
    return guard(
        in, [&] { return wrap_clause(in, sql::returning(me(in, self), nodes_of(in, pos(args)))); });
}

} // namespace

Value implicit_execute(Interpreter& in, const Value& self, Args& args) {
    Value eng = bound_engine_of(in, me(in, self));
    if (eng.empty() || eng.is_none())
        raise_sa(in, "UnboundExecutionError",
                 "This " + self.type()->name +
                     " is not directly bound to a Connection or Engine.  Use the .execute() method "
                     "of a Connection or "
                     "Engine to execute this construct.");
    std::vector<Value> p{self};
    p.insert(p.end(), args.pos.begin(), args.pos.end());
    Args a{std::span<const Value>(p), args.kw};
    return engine_execute(in, eng, a);
}

// The columns a FROM clause or SELECT exports, as a ColumnCollection.
Value from_columns(Interpreter& in, const sql::NodePtr& n) {
    auto coll = make_column_collection();
    if (n->is(sql::NodeKind::Select) || n->is(sql::NodeKind::CompoundSelect)) {
        for (const auto& col : sql::expanded_columns(sql::first_select(n))) {
            std::string key;
            if (col->is(sql::NodeKind::ColumnRef))
                key = col->as<sql::ColumnRef>().key;
            else if (col->is(sql::NodeKind::Label))
                key = col->as<sql::Label>().name;
            else if (col->is(sql::NodeKind::Function))
                key = col->as<sql::Function>().name;
            column_collection_add(coll, key, wrap_clause(in, col));
        }
        return coll;
    }
    for (const auto& col : sql::exported_columns(n)) {
        std::string key =
            col->is(sql::NodeKind::ColumnRef) ? col->as<sql::ColumnRef>().key : std::string();
        column_collection_add(coll, key, wrap_clause(in, col));
    }
    return coll;
}

namespace {

Value join_method(Interpreter& in, const Value& self, Args& args, bool outer) {
    Value v[4];
    lang::parse_args(in, outer ? "outerjoin" : "join", args,
                     {"right", "onclause", "isouter", "full"}, 1, v);
    sql::NodePtr left = me(in, self);
    sql::NodePtr right = node_of(in, v[0], "FROM clause");
    sql::NodePtr on = v[1].empty() || v[1].is_none() ? nullptr : node_of(in, v[1], "ON clause");
    bool isouter = outer || opt_bool(in, v[2], false);
    bool full = opt_bool(in, v[3], false);
    return guard(in, [&] {
        if (left->is(sql::NodeKind::Select))
            return wrap_clause(in, sql::join(left, right, on, isouter, full, true));
        return wrap_clause(in, sql::join(left, right, on, isouter, full));
    });
}

// stmt.execution_options(synchronize_session='fetch', ...): kept on the statement for the
// session that runs it.
Value set_execution_options(Interpreter& in, const Value& self, Args& args) {
    sql::NodePtr stmt = me(in, self);
    sql::ExecutionOptions options;
    for (const KwArg& k : args.kw)
        options.emplace_back(k.name->s, to_db(in, k.value));
    auto merge = [&](sql::ExecutionOptions& into) {
        for (auto& [key, value] : options) {
            bool replaced = false;
            for (auto& existing : into)
                if (existing.first == key) {
                    existing.second = value;
                    replaced = true;
                }
            if (!replaced) into.emplace_back(key, value);
        }
    };
    switch (stmt->kind) {
    case sql::NodeKind::Select: {
        auto copy = std::make_shared<sql::Select>(stmt->as<sql::Select>());
        merge(copy->execution_options);
        return wrap_clause(in, copy);
    }
    case sql::NodeKind::CompoundSelect: {
        auto copy = std::make_shared<sql::CompoundSelect>(stmt->as<sql::CompoundSelect>());
        merge(copy->execution_options);
        return wrap_clause(in, copy);
    }
    case sql::NodeKind::Update: {
        auto copy = std::make_shared<sql::Update>(stmt->as<sql::Update>());
        merge(copy->execution_options);
        return wrap_clause(in, copy);
    }
    case sql::NodeKind::Delete: {
        auto copy = std::make_shared<sql::Delete>(stmt->as<sql::Delete>());
        merge(copy->execution_options);
        return wrap_clause(in, copy);
    }
    default:
        return self; // options an INSERT takes change nothing ormsh does
    }
}

Value optional_name(Interpreter& in, Args& args, const char* fname, std::string& name) {
    Value v[2];
    lang::parse_args(in, fname, args, {"name", "flat"}, 0, v);
    if (!v[0].empty() && !v[0].is_none()) name = str_arg(in, v[0], "name");
    return Value();
}

void def_from_clause_methods(Type* t) {
    auto cols = [](Interpreter& in, const Value& self) -> Value {
        return from_columns(in, me(in, self));
    };
    def_property(t, "c", cols);
    def_property(t, "columns", cols);
    def(t, "join", [](Interpreter& in, const Value& self, Args& args) {
        return join_method(in, self, args, false);
    });
    def(t, "outerjoin", [](Interpreter& in, const Value& self, Args& args) {
        return join_method(in, self, args, true);
    });
    def(t, "alias", [](Interpreter& in, const Value& self, Args& args) -> Value {
        std::string name;
        optional_name(in, args, "alias", name);
        return guard(in, [&] { return wrap_clause(in, sql::alias(me(in, self), name)); });
    });
    def(t, "select", [](Interpreter& in, const Value& self, Args& args) -> Value {
        Value v[1];
        lang::parse_args(in, "select", args, {"whereclause"}, 0, v, true);
        return guard(in, [&] {
            sql::NodePtr s = sql::select({me(in, self)});
            if (!v[0].empty() && !v[0].is_none())
                s = sql::where(s, node_of(in, v[0], "WHERE clause"));
            return wrap_clause(in, s);
        });
    });
}

} // namespace

Value make_select(Interpreter& in, Args& args) {
    // 1.4 accepts select([a, b], whereclause) (legacy) and select(a, b) (2.0 style).
    sql::NodeList cols;
    Value where;
    if (args.size() >= 1 &&
        (has_layout(args[0], lang::Layout::List) || has_layout(args[0], lang::Layout::Tuple))) {
        cols = nodes_of(in, std::span<const Value>(args.pos.data(), 1));
        if (args.size() >= 2) where = args[1];
    } else {
        cols = nodes_of(in, args.pos);
    }
    return guard(in, [&] {
        sql::NodePtr s = sql::select(cols);
        if (Value w = kwarg(args, "whereclause"); !w.empty()) where = w;
        if (!where.empty() && !where.is_none())
            s = sql::where(s, node_of(in, where, "WHERE clause"));
        if (Value f = kwarg(args, "from_obj"); !f.empty())
            for (const Value& x : flatten_one(in, f))
                s = sql::select_from(s, node_of(in, x, "FROM clause"));
        if (Value o = kwarg(args, "order_by"); !o.empty()) {
            auto items = flatten_one(in, o);
            s = sql::order_by(s, nodes_of(in, items));
        }
        if (Value g = kwarg(args, "group_by"); !g.empty()) {
            auto items = flatten_one(in, g);
            s = sql::group_by(s, nodes_of(in, items));
        }
        if (Value h = kwarg(args, "having"); !h.empty()) s = sql::having(s, node_of(in, h));
        if (Value l = kwarg(args, "limit"); !l.empty() && !l.is_none())
            s = sql::limit(s, in.index_value(l));
        if (Value o = kwarg(args, "offset"); !o.empty() && !o.is_none())
            s = sql::offset(s, in.index_value(o));
        if (Value d = kwarg(args, "distinct"); !d.empty() && in.truthy(d))
            s = sql::select_distinct(s);
        return wrap_clause(in, s);
    });
}

void init_statements(Interpreter&) {
    ClauseTypes& c = clause_types();
    ApiTypes& a = api_types();

    // ---- FROM clauses ----
    def_from_clause_methods(c.from_clause);
    def_property(c.alias, "name", [](Interpreter& in, const Value& self) -> Value {
        return lang::new_str(me(in, self)->as<sql::Alias>().name);
    });
    def_property(c.alias, "element", [](Interpreter& in, const Value& self) -> Value {
        return wrap_clause(in, me(in, self)->as<sql::Alias>().element);
    });
    def_property(c.join, "left", [](Interpreter& in, const Value& self) -> Value {
        return wrap_clause(in, me(in, self)->as<sql::Join>().left);
    });
    def_property(c.join, "right", [](Interpreter& in, const Value& self) -> Value {
        return wrap_clause(in, me(in, self)->as<sql::Join>().right);
    });
    def_property(c.join, "onclause", [](Interpreter& in, const Value& self) -> Value {
        return wrap_clause(in, me(in, self)->as<sql::Join>().onclause);
    });

    // ---- SELECT ----
    Type* s = c.select;
    def(s, "where", apply_where);
    def(s, "filter", apply_where);
    def(s, "having", [](Interpreter& in, const Value& self, Args& args) -> Value {
        sql::NodePtr st = me(in, self);
        for (const Value& v : args.pos)
            st = sql::having(st, node_of(in, v));
        return wrap_clause(in, st);
    });
    def(s, "order_by", [](Interpreter& in, const Value& self, Args& args) -> Value {
        if (args.size() == 1 && args[0].is_none()) return self;
        return guard(in, [&] {
            return wrap_clause(in, sql::order_by(me(in, self), nodes_of(in, pos(args))));
        });
    });
    def(s, "group_by", [](Interpreter& in, const Value& self, Args& args) -> Value {
        return guard(in, [&] {
            return wrap_clause(in, sql::group_by(me(in, self), nodes_of(in, pos(args))));
        });
    });
    def(s, "limit", [](Interpreter& in, const Value& self, Args& args) -> Value {
        if (args.size() != 1) in.raise("TypeError", "limit() takes exactly one argument");
        if (sql::NodePtr n = clause_of(in, args[0]))
            return wrap_clause(in, sql::limit(me(in, self), n));
        return wrap_clause(in, sql::limit(me(in, self), in.index_value(args[0])));
    });
    def(s, "offset", [](Interpreter& in, const Value& self, Args& args) -> Value {
        if (args.size() != 1) in.raise("TypeError", "offset() takes exactly one argument");
        if (sql::NodePtr n = clause_of(in, args[0]))
            return wrap_clause(in, sql::offset(me(in, self), n));
        return wrap_clause(in, sql::offset(me(in, self), in.index_value(args[0])));
    });
    def(s, "distinct", [](Interpreter& in, const Value& self, Args&) -> Value {
        return wrap_clause(in, sql::select_distinct(me(in, self)));
    });
    def(s, "join", [](Interpreter& in, const Value& self, Args& args) {
        return join_method(in, self, args, false);
    });
    def(s, "outerjoin", [](Interpreter& in, const Value& self, Args& args) {
        return join_method(in, self, args, true);
    });
    def(s, "join_from", [](Interpreter& in, const Value& self, Args& args) -> Value {
        Value v[4];
        lang::parse_args(in, "join_from", args, {"from_", "target", "onclause", "isouter"}, 2, v);
        sql::NodePtr on = v[2].empty() || v[2].is_none() ? nullptr : node_of(in, v[2]);
        return guard(in, [&] {
            return wrap_clause(in,
                               sql::join_from(me(in, self), node_of(in, v[0]), node_of(in, v[1]),
                                              on, opt_bool(in, v[3], false)));
        });
    });
    def(s, "select_from", [](Interpreter& in, const Value& self, Args& args) -> Value {
        sql::NodePtr st = me(in, self);
        return guard(in, [&] {
            for (const Value& v : args.pos)
                st = sql::select_from(st, node_of(in, v, "FROM clause"));
            return wrap_clause(in, st);
        });
    });
    def(s, "add_columns", [](Interpreter& in, const Value& self, Args& args) -> Value {
        return wrap_clause(in, sql::add_columns(me(in, self), nodes_of(in, pos(args))));
    });
    def(s, "column", [](Interpreter& in, const Value& self, Args& args) -> Value {
        return wrap_clause(in, sql::add_columns(me(in, self), nodes_of(in, pos(args))));
    });
    def(s, "with_only_columns", [](Interpreter& in, const Value& self, Args& args) -> Value {
        return wrap_clause(in, sql::with_only_columns(me(in, self), nodes_of(in, pos(args))));
    });
    def(s, "correlate", [](Interpreter& in, const Value& self, Args& args) -> Value {
        if (args.size() == 1 && args[0].is_none())
            return wrap_clause(in, sql::correlate_none(me(in, self)));
        return self; // explicit correlation targets: auto-correlation already covers them
    });
    def(s, "subquery", [](Interpreter& in, const Value& self, Args& args) -> Value {
        std::string name;
        optional_name(in, args, "subquery", name);
        return guard(in, [&] { return wrap_clause(in, sql::subquery(me(in, self), name)); });
    });
    def(s, "alias", [](Interpreter& in, const Value& self, Args& args) -> Value {
        std::string name;
        optional_name(in, args, "alias", name);
        return guard(in, [&] { return wrap_clause(in, sql::subquery(me(in, self), name)); });
    });
    for (const char* n : {"scalar_subquery", "as_scalar"})
        def(s, n, [](Interpreter& in, const Value& self, Args&) -> Value {
            return wrap_clause(in, sql::scalar_subquery(me(in, self)));
        });
    def(s, "label", [](Interpreter& in, const Value& self, Args& args) -> Value {
        if (args.size() != 1) in.raise("TypeError", "label() takes exactly one argument");
        return wrap_clause(
            in, sql::label(sql::scalar_subquery(me(in, self)), str_arg(in, args[0], "name")));
    });
    def(s, "exists", [](Interpreter& in, const Value& self, Args&) -> Value {
        return wrap_clause(in, sql::exists(me(in, self)));
    });
    auto selected = [](Interpreter& in, const Value& self) -> Value {
        return from_columns(in, me(in, self));
    };
    def_property(s, "selected_columns", selected);
    def_property(s, "c", selected);
    def_property(s, "columns", selected);
    def_property(s, "whereclause", [](Interpreter& in, const Value& self) -> Value {
        const auto& w = me(in, self)->as<sql::Select>().where;
        if (w.empty()) return Value::none();
        return wrap_clause(in, w.size() == 1 ? w[0] : sql::and_(w));
    });

    def(c.exists, "where", [](Interpreter& in, const Value& self, Args& args) -> Value {
        sql::NodePtr e = me(in, self);
        return guard(in, [&] {
            for (const Value& v : args.pos)
                e = sql::exists_where(e, node_of(in, v, "WHERE clause"));
            return wrap_clause(in, e);
        });
    });
    def(c.exists, "select", [](Interpreter& in, const Value& self, Args&) -> Value {
        return wrap_clause(in, sql::select({me(in, self)}));
    });

    // ---- INSERT / UPDATE / DELETE ----
    def(c.insert, "values", apply_values);
    def(c.update, "values", apply_values);
    def(c.insert, "inline", [](Interpreter&, const Value& self, Args&) -> Value { return self; });
    def(c.insert, "from_select", [](Interpreter& in, const Value& self, Args& args) -> Value {
        Value v[2];
        lang::parse_args(in, "from_select", args, {"names", "select"}, 2, v);
        std::vector<std::string> keys;
        for (const Value& k : in.to_vector(v[0]))
            keys.push_back(value_key(in, k));
        return guard(in, [&] {
            return wrap_clause(in, sql::from_select(me(in, self), keys, node_of(in, v[1])));
        });
    });
    for (Type* t : {c.update, c.delete_}) {
        def(t, "where", apply_where);
        def(t, "filter", apply_where);
    }
    for (Type* t : {c.insert, c.update, c.delete_}) {
        def(t, "returning", apply_returning);
        def_property(t, "table", [](Interpreter& in, const Value& self) -> Value {
            sql::NodePtr n = me(in, self);
            schema::TablePtr tp;
            if (n->is(sql::NodeKind::Insert)) tp = n->as<sql::Insert>().table;
            if (n->is(sql::NodeKind::Update)) tp = n->as<sql::Update>().table;
            if (n->is(sql::NodeKind::Delete)) tp = n->as<sql::Delete>().table;
            return wrap_clause(in, sql::table(tp));
        });
    }
    for (Type* t : {c.select, c.insert, c.update, c.delete_, c.text})
        def(t, "execute", implicit_execute);
    for (Type* t : {c.select, c.insert, c.update, c.delete_, c.compound_select})
        def(t, "execution_options", set_execution_options);
    def(c.select, "scalar", [](Interpreter& in, const Value& self, Args& args) -> Value {
        Value r = implicit_execute(in, self, args);
        return in.call_method(r, "scalar", {});
    });

    // ---- text() ----
    def(c.text, "bindparams", [](Interpreter& in, const Value& self, Args& args) -> Value {
        const auto& t = me(in, self)->as<sql::TextClause>();
        auto n = std::make_shared<sql::TextClause>(t);
        for (const Value& bp : args.pos) {
            sql::NodePtr b = clause_of(in, bp);
            if (b && b->is(sql::NodeKind::BindParam) && b->as<sql::BindParam>().value)
                n->bound.emplace_back(b->as<sql::BindParam>().key, *b->as<sql::BindParam>().value);
        }
        for (const KwArg& k : args.kw)
            n->bound.emplace_back(k.name->s, to_db(in, k.value));
        return wrap_clause(in, n);
    });
    def(c.text, "columns", [](Interpreter& in, const Value& self, Args& args) -> Value {
        const auto& t = me(in, self)->as<sql::TextClause>();
        auto n = std::make_shared<sql::TextClause>(t);
        for (const Value& col : args.pos) {
            sql::NodePtr cn = clause_of(in, col);
            if (cn && cn->is(sql::NodeKind::ColumnRef))
                n->columns.emplace_back(cn->as<sql::ColumnRef>().name, cn->type);
            else if (lang::is_str(col))
                n->columns.emplace_back(lang::as_str(col)->s, engine::TypeSpec{});
        }
        for (const KwArg& k : args.kw)
            n->columns.emplace_back(k.name->s, type_spec_of(in, k.value));
        return wrap_clause(in, n);
    });
    def_property(c.text, "text", [](Interpreter& in, const Value& self) -> Value {
        return lang::new_str(me(in, self)->as<sql::TextClause>().text);
    });
    def(c.text, "subquery", [](Interpreter& in, const Value& self, Args& args) -> Value {
        std::string name;
        optional_name(in, args, "subquery", name);
        return guard(in, [&] { return wrap_clause(in, sql::subquery(me(in, self), name)); });
    });
    (void)a;
}

} // namespace ormsh::api
