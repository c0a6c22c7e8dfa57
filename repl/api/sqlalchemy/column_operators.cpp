// Python operators and comparison methods of SQL expressions (ColumnElement): == builds a
// BinaryExpression instead of comparing, & | ~ combine conditions, like/in_/between build
// the SQLAlchemy constructs. Also str() / repr() of every ClauseElement.
#include "core/sql/compiler.h"
#include "core/sql/selectable.h"
#include "repl/api/convert.h"
#include "repl/api/sqlalchemy/binding.h"

#include <cstdio>

namespace ormsh::api {

namespace {

using BinFn = sql::NodePtr (*)(const sql::NodePtr&, const sql::Operand&);

sql::NodePtr self_node(Interpreter& in, const Value& self) {
    sql::NodePtr n = clause_of(in, self);
    if (!n) in.raise("TypeError", "expression has no SQL form");
    return n;
}

Value one_arg(Interpreter& in, Args& args, const char* name) {
    if (args.size() < 1)
        in.raise("TypeError",
                 std::string(name) + "() missing 1 required positional argument: 'other'");
    return args[0];
}

void def_binary(Type* t, const std::string& name, BinFn fn) {
    def(t, name, [fn, name](Interpreter& in, const Value& self, Args& args) -> Value {
        Value other = one_arg(in, args, name.c_str());
        return wrap_clause(in, fn(self_node(in, self), to_operand(in, other)));
    });
}

// 5 + col: the Python value goes on the left.
void def_reflected(Type* t, const std::string& name, sql::Op op) {
    def(t, name, [op, name](Interpreter& in, const Value& self, Args& args) -> Value {
        Value other = one_arg(in, args, name.c_str());
        return wrap_clause(in, sql::reverse_binary(to_operand(in, other), op, self_node(in, self)));
    });
}

void def_unary(Type* t, const std::string& name, sql::NodePtr (*fn)(const sql::NodePtr&)) {
    def(t, name, [fn](Interpreter& in, const Value& self, Args&) -> Value {
        return wrap_clause(in, fn(self_node(in, self)));
    });
}

// The same column on both sides (users.c.id == users.c.id): SQLAlchemy lets such a comparison
// be used as a bool, comparing the columns' identity.
bool same_column(const sql::NodePtr& a, const sql::NodePtr& b) {
    if (!a || !b || !a->is(sql::NodeKind::ColumnRef) || !b->is(sql::NodeKind::ColumnRef))
        return a == b;
    const auto& x = a->as<sql::ColumnRef>();
    const auto& y = b->as<sql::ColumnRef>();
    if (x.column && y.column) return x.column == y.column && sql::same_from(x.from, y.from);
    return a == b;
}

Value in_values(Interpreter& in, const Value& self, const Value& arg, bool negate) {
    sql::NodePtr left = self_node(in, self);
    if (sql::NodePtr sub = clause_of(in, arg)) {
        sql::NodePtr r = sql::in_(left, sub);
        return wrap_clause(in, negate ? sql::not_(r) : r);
    }
    std::vector<engine::Value> values;
    bool has_expr = false;
    std::vector<Value> items = in.to_vector(arg);
    for (const Value& v : items) {
        if (clause_of(in, v)) has_expr = true;
    }
    if (has_expr) {
        // in_([expr, ...]): a parenthesised list of expressions.
        auto list = std::make_shared<sql::ClauseList>();
        list->op = sql::Op::comma;
        for (const Value& v : items)
            list->clauses.push_back(sql::coerce(to_operand(in, v), left));
        auto group = std::make_shared<sql::Grouping>();
        group->element = list;
        sql::NodePtr r = sql::in_(left, sql::NodePtr(group));
        return wrap_clause(in, negate ? sql::not_(r) : r);
    }
    for (const Value& v : items)
        values.push_back(to_db(in, v));
    return wrap_clause(in, negate ? sql::not_in(left, std::move(values))
                                  : sql::in_(left, std::move(values)));
}

std::string hex_id(const void* p) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "0x%012lx",
                  static_cast<unsigned long>(reinterpret_cast<uintptr_t>(p)));
    return buf;
}

} // namespace

void init_column_operators(Interpreter&) {
    ApiTypes& a = api_types();
    Type* ce = a.column_element;
    Type* any = a.clause_element;

    // ---- every clause: str(), repr(), boolean combination ----
    def(any, "__str__", [](Interpreter& in, const Value& self, Args&) -> Value {
        sql::NodePtr n = clause_of(in, self);
        if (!n) return lang::new_str("");
        return guard(in, [&] { return lang::new_str(str_sql(n)); });
    });
    def(any, "__repr__", [](Interpreter&, const Value& self, Args&) -> Value {
        Type* t = self.type();
        return lang::new_str("<" + t->module + "." + t->name + " object at " + hex_id(self.obj()) +
                             ">");
    });
    def(any, "__hash__", [](Interpreter&, const Value& self, Args&) -> Value {
        return Value::integer(static_cast<int64_t>(reinterpret_cast<uintptr_t>(self.obj()) >> 4));
    });
    def(any, "__invert__", [](Interpreter& in, const Value& self, Args&) -> Value {
        return guard(in, [&] { return wrap_clause(in, sql::not_(self_node(in, self))); });
    });
    def(any, "__and__", [](Interpreter& in, const Value& self, Args& args) -> Value {
        return wrap_clause(
            in, sql::and_({self_node(in, self), node_of(in, one_arg(in, args, "__and__"))}));
    });
    def(any, "__rand__", [](Interpreter& in, const Value& self, Args& args) -> Value {
        return wrap_clause(
            in, sql::and_({node_of(in, one_arg(in, args, "__rand__")), self_node(in, self)}));
    });
    def(any, "__or__", [](Interpreter& in, const Value& self, Args& args) -> Value {
        return wrap_clause(
            in, sql::or_({self_node(in, self), node_of(in, one_arg(in, args, "__or__"))}));
    });
    def(any, "__ror__", [](Interpreter& in, const Value& self, Args& args) -> Value {
        return wrap_clause(
            in, sql::or_({node_of(in, one_arg(in, args, "__ror__")), self_node(in, self)}));
    });
    def(any, "__bool__", [](Interpreter& in, const Value& self, Args&) -> Value {
        sql::NodePtr n = clause_of(in, self);
        if (n && n->is(sql::NodeKind::Binary)) {
            const auto& b = n->as<sql::Binary>();
            if (b.op == sql::Op::eq) return Value::boolean(same_column(b.left, b.right));
            if (b.op == sql::Op::ne) return Value::boolean(!same_column(b.left, b.right));
        }
        in.raise("TypeError", "Boolean value of this clause is not defined");
    });
    def(any, "self_group", [](Interpreter&, const Value& self, Args&) -> Value { return self; });

    // ---- comparisons and arithmetic ----
    def_binary(ce, "__eq__", sql::eq);
    def_binary(ce, "__ne__", sql::ne);
    def_binary(ce, "__lt__", sql::lt);
    def_binary(ce, "__le__", sql::le);
    def_binary(ce, "__gt__", sql::gt);
    def_binary(ce, "__ge__", sql::ge);
    def_binary(ce, "__add__", sql::add);
    def_binary(ce, "__sub__", sql::sub);
    def_binary(ce, "__mul__", sql::mul);
    def_binary(ce, "__truediv__", sql::div);
    def_binary(ce, "__mod__", sql::mod);
    def_reflected(ce, "__radd__", sql::Op::add);
    def_reflected(ce, "__rsub__", sql::Op::sub);
    def_reflected(ce, "__rmul__", sql::Op::mul);
    def_reflected(ce, "__rtruediv__", sql::Op::div);
    def_reflected(ce, "__rmod__", sql::Op::mod);
    def_unary(ce, "__neg__", sql::neg);
    def_binary(ce, "like", sql::like);
    def_binary(ce, "ilike", sql::ilike);
    def_binary(ce, "notlike", sql::not_like);
    def_binary(ce, "not_like", sql::not_like);
    def_binary(ce, "notilike", sql::not_ilike);
    def_binary(ce, "not_ilike", sql::not_ilike);
    def_binary(ce, "is_", sql::is_);
    def_binary(ce, "is_not", sql::is_not);
    def_binary(ce, "isnot", sql::is_not);
    def_binary(ce, "startswith", sql::startswith);
    def_binary(ce, "endswith", sql::endswith);
    def_binary(ce, "contains", sql::contains);
    def_binary(ce, "concat", sql::concat);
    def_unary(ce, "desc", sql::desc);
    def_unary(ce, "asc", sql::asc);
    def_unary(ce, "nulls_first", sql::nulls_first);
    def_unary(ce, "nullsfirst", sql::nulls_first);
    def_unary(ce, "nulls_last", sql::nulls_last);
    def_unary(ce, "nullslast", sql::nulls_last);
    def_unary(ce, "distinct", sql::distinct);
    def(ce, "in_", [](Interpreter& in, const Value& self, Args& args) -> Value {
        return guard(in, [&] { return in_values(in, self, one_arg(in, args, "in_"), false); });
    });
    for (const char* n : {"not_in", "notin_"})
        def(ce, n, [](Interpreter& in, const Value& self, Args& args) -> Value {
            return guard(in,
                         [&] { return in_values(in, self, one_arg(in, args, "not_in"), true); });
        });
    def(ce, "between", [](Interpreter& in, const Value& self, Args& args) -> Value {
        Value v[3];
        lang::parse_args(in, "between", args, {"cleft", "cright", "symmetric"}, 2, v);
        return wrap_clause(
            in, sql::between(self_node(in, self), to_operand(in, v[0]), to_operand(in, v[1])));
    });
    def(ce, "label", [](Interpreter& in, const Value& self, Args& args) -> Value {
        Value name = one_arg(in, args, "label");
        return wrap_clause(
            in, sql::label(self_node(in, self),
                           name.is_none() ? std::string() : str_arg(in, name, "label name")));
    });
    def(ce, "cast", [](Interpreter& in, const Value& self, Args& args) -> Value {
        return wrap_clause(
            in, sql::cast(self_node(in, self), type_spec_of(in, one_arg(in, args, "cast"))));
    });
    def(ce, "bool_op", [](Interpreter& in, const Value&, Args&) -> Value {
        raise_sa(in, "CompileError",
                 "custom operators (op() / bool_op()) are not supported by ormsh");
    });
    def(ce, "op", [](Interpreter& in, const Value&, Args&) -> Value {
        raise_sa(in, "CompileError",
                 "custom operators (op() / bool_op()) are not supported by ormsh");
    });

    // ---- attributes ----
    def_property(ce, "type", [](Interpreter& in, const Value& self) -> Value {
        sql::NodePtr n = self_node(in, self);
        return make_type_object(in, n->type);
    });
    auto name_of = [](Interpreter& in, const Value& self) -> Value {
        sql::NodePtr n = self_node(in, self);
        switch (n->kind) {
        case sql::NodeKind::ColumnRef:
            return lang::new_str(n->as<sql::ColumnRef>().name);
        case sql::NodeKind::Label:
            return lang::new_str(n->as<sql::Label>().name);
        case sql::NodeKind::Function:
            return lang::new_str(n->as<sql::Function>().name);
        case sql::NodeKind::BindParam:
            return lang::new_str(n->as<sql::BindParam>().key);
        case sql::NodeKind::LiteralColumn:
            return lang::new_str(n->as<sql::LiteralColumn>().text);
        default:
            break;
        }
        in.raise("AttributeError", "'" + in.type_name(self) + "' object has no attribute 'name'");
    };
    def_property(ce, "name", name_of);
    def_property(ce, "key", [name_of](Interpreter& in, const Value& self) -> Value {
        sql::NodePtr n = self_node(in, self);
        if (n->is(sql::NodeKind::ColumnRef)) return lang::new_str(n->as<sql::ColumnRef>().key);
        return name_of(in, self);
    });
    def_property(ce, "table", [](Interpreter& in, const Value& self) -> Value {
        sql::NodePtr n = self_node(in, self);
        if (n->is(sql::NodeKind::ColumnRef) && n->as<sql::ColumnRef>().from)
            return wrap_clause(in, n->as<sql::ColumnRef>().from);
        return Value::none();
    });
    def_property(ce, "element", [](Interpreter& in, const Value& self) -> Value {
        sql::NodePtr n = self_node(in, self);
        switch (n->kind) {
        case sql::NodeKind::Label:
            return wrap_clause(in, n->as<sql::Label>().element);
        case sql::NodeKind::Unary:
            return wrap_clause(in, n->as<sql::Unary>().element);
        case sql::NodeKind::Grouping:
            return wrap_clause(in, n->as<sql::Grouping>().element);
        default:
            return self;
        }
    });
    def_property(ce, "value", [](Interpreter& in, const Value& self) -> Value {
        sql::NodePtr n = self_node(in, self);
        if (n->is(sql::NodeKind::BindParam) && n->as<sql::BindParam>().value)
            return from_db(in, *n->as<sql::BindParam>().value);
        return Value::none();
    });
    def_property(clause_types().binary, "left", [](Interpreter& in, const Value& self) -> Value {
        return wrap_clause(in, self_node(in, self)->as<sql::Binary>().left);
    });
    def_property(clause_types().binary, "right", [](Interpreter& in, const Value& self) -> Value {
        return wrap_clause(in, self_node(in, self)->as<sql::Binary>().right);
    });
    def_property(clause_types().boolean_list, "clauses",
                 [](Interpreter& in, const Value& self) -> Value {
                     std::vector<Value> out;
                     for (const auto& c : self_node(in, self)->as<sql::ClauseList>().clauses)
                         out.push_back(wrap_clause(in, c));
                     return lang::new_list(std::move(out));
                 });
}

} // namespace ormsh::api
