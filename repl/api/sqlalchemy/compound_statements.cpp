// union() / union_all() / except_() / intersect() (and their _all forms) as module functions
// and as Select methods, and the CompoundSelect they return: order_by, limit, offset,
// subquery, .c, further set operations and execution.
#include "core/sql/compound_select.h"
#include "core/sql/selectable.h"
#include "repl/api/convert.h"
#include "repl/api/sqlalchemy/binding.h"

namespace ormsh::api {
namespace {

using Keyword = sql::CompoundSelect::Keyword;

struct SetOperation {
    const char* name;
    Keyword keyword;
};
constexpr SetOperation kSetOperations[] = {
    {"union", Keyword::Union},         {"union_all", Keyword::UnionAll},
    {"except_", Keyword::Except},      {"except_all", Keyword::ExceptAll},
    {"intersect", Keyword::Intersect}, {"intersect_all", Keyword::IntersectAll},
};

sql::NodePtr statement_of(Interpreter& in, const Value& v) {
    sql::NodePtr n = clause_of(in, v);
    if (!n || (!n->is(sql::NodeKind::Select) && !n->is(sql::NodeKind::CompoundSelect)))
        raise_sa(in, "ArgumentError",
                 "SELECT construct for inclusion in a UNION or other set construct expected, got " +
                     in.repr(v) + ".");
    return n;
}

Value build(Interpreter& in, Keyword keyword, const Value* self, std::span<const Value> others) {
    sql::NodeList selects;
    if (self) selects.push_back(statement_of(in, *self));
    for (const Value& v : others)
        selects.push_back(statement_of(in, v));
    return guard(in, [&] { return wrap_clause(in, sql::compound(keyword, selects)); });
}

sql::NodePtr me(Interpreter& in, const Value& self) {
    return statement_of(in, self);
}

} // namespace

void add_compound_functions(Interpreter&, lang::Module& m) {
    for (const auto& op : kSetOperations) {
        Keyword keyword = op.keyword;
        m.dict->set_str(lang::intern(op.name),
                        lang::make_native_closure(
                            op.name, [keyword](Interpreter& in, const Value&, Args& args) {
                                return build(in, keyword, nullptr, args.pos);
                            }));
    }
}

void init_compound_statements(Interpreter&) {
    ClauseTypes& c = clause_types();
    for (Type* t : {c.select, c.compound_select})
        for (const auto& op : kSetOperations) {
            Keyword keyword = op.keyword;
            def(t, op.name, [keyword](Interpreter& in, const Value& self, Args& args) {
                return build(in, keyword, &self, args.pos);
            });
        }
    Type* t = c.compound_select;
    def(t, "order_by", [](Interpreter& in, const Value& self, Args& args) -> Value {
        sql::NodeList clauses;
        for (const Value& v : args.pos)
            clauses.push_back(v.is_none() ? nullptr : node_of(in, v, "ORDER BY clause"));
        return guard(in, [&] { return wrap_clause(in, sql::order_by(me(in, self), clauses)); });
    });
    def(t, "limit", [](Interpreter& in, const Value& self, Args& args) -> Value {
        if (args.size() != 1) in.raise("TypeError", "limit() takes exactly one argument");
        return wrap_clause(in, sql::limit(me(in, self), in.index_value(args[0])));
    });
    def(t, "offset", [](Interpreter& in, const Value& self, Args& args) -> Value {
        if (args.size() != 1) in.raise("TypeError", "offset() takes exactly one argument");
        return wrap_clause(in, sql::offset(me(in, self), in.index_value(args[0])));
    });
    for (const char* name : {"subquery", "alias"})
        def(t, name, [](Interpreter& in, const Value& self, Args& args) -> Value {
            Value v[1];
            lang::parse_args(in, "subquery", args, {"name"}, 0, v);
            std::string alias = v[0].empty() || v[0].is_none() ? "" : str_arg(in, v[0], "name");
            return guard(in, [&] { return wrap_clause(in, sql::subquery(me(in, self), alias)); });
        });
    auto columns = [](Interpreter& in, const Value& self) -> Value {
        return from_columns(in, me(in, self));
    };
    def_property(t, "selected_columns", columns);
    def_property(t, "c", columns);
    def_property(t, "columns", columns);
    def_property(t, "selects", [](Interpreter& in, const Value& self) -> Value {
        std::vector<Value> out;
        for (const auto& s : me(in, self)->as<sql::CompoundSelect>().selects)
            out.push_back(wrap_clause(in, s));
        return lang::new_list(std::move(out));
    });
    def(t, "execute", implicit_execute);
}

} // namespace ormsh::api
