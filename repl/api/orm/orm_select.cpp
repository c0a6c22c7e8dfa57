// ORM methods of select() and the execution of ORM selects.
#include "repl/api/orm/orm_select.h"

#include "core/orm/loading.h"
#include "core/orm/relationship_join.h"
#include "core/sql/selectable.h"
#include "repl/api/convert.h"
#include "repl/api/exc_bridge.h"
#include "repl/api/orm/aliased_object.h"
#include "repl/api/orm/args.h"
#include "repl/api/orm/attribute_objects.h"
#include "repl/api/orm/loader_options.h"
#include "repl/api/orm/query_object.h"
#include "repl/api/result_objects.h"
#include "repl/api/sqlalchemy/binding.h"

#include <fmt/core.h>

namespace ormsh::api {
namespace {

// A loader option carried by a Select for the ORM.
struct LoaderOptionPayload : sql::ExecutableOption {
    explicit LoaderOptionPayload(orm::LoaderOption o) : option(std::move(o)) {}
    orm::LoaderOption option;
};

// select(User).from_statement(stmt): the statement whose rows load the select's entities.
struct FromStatementPayload : sql::ExecutableOption {
    explicit FromStatementPayload(sql::NodePtr s) : statement(std::move(s)) {}
    sql::NodePtr statement;
};

// The mapper a FROM clause of a select stands for: a mapped table or an aliased class.
const orm::Mapper* mapper_of_from(const sql::NodePtr& from) {
    if (!from) return nullptr;
    if (from->is(sql::NodeKind::TableRef))
        return find_mapper_for_table(from->as<sql::TableRef>().table.get());
    if (from->is(sql::NodeKind::Alias) && from->as<sql::Alias>().entity)
        return static_cast<const orm::Mapper*>(from->as<sql::Alias>().entity);
    return nullptr;
}

const sql::Select& select_of(Interpreter& in, const Value& self) {
    sql::NodePtr n = clause_of(in, self);
    if (!n || !n->is(sql::NodeKind::Select)) in.raise("TypeError", "not a SELECT statement");
    return n->as<sql::Select>();
}

// The entity filter_by() reads names from: the target of the last join, else the first
// selected entity or table (SQLAlchemy's _filter_by_zero).
sql::NodePtr filter_by_from(const sql::Select& s) {
    if (!s.from_clauses.empty()) {
        sql::NodePtr last = s.from_clauses.back();
        while (last->is(sql::NodeKind::Join))
            last = last->as<sql::Join>().right;
        return last;
    }
    for (const auto& column : s.columns) {
        if (column->is_from_clause()) return column;
        sql::NodeList froms = sql::from_objects(column);
        if (!froms.empty()) return froms.front();
    }
    return nullptr;
}

Value select_filter_by(Interpreter& in, const Value& self, lang::Args& args) {
    configure_mappers(in);
    sql::NodePtr stmt = clause_of(in, self);
    sql::NodePtr from = filter_by_from(select_of(in, self));
    const orm::Mapper* mapper = mapper_of_from(from);
    for (const auto& kw : args.kw) {
        const lang::StrText& key = kw.name->s;
        sql::NodePtr criterion;
        if (mapper) {
            if (const orm::ColumnProperty* prop = mapper->column_property(key)) {
                criterion =
                    sql::eq(orm::entity_column(from, prop->column), to_operand(in, kw.value));
            } else if (auto* cls = static_cast<lang::Type*>(mapper->class_handle)) {
                AttributeObj* attr = attribute_of(cls->lookup(key));
                if (attr && attr->rel)
                    criterion = node_of(in, in.call(cls->lookup(key).type()->lookup("__eq__"),
                                                    {Value(attr), kw.value}));
            }
        } else if (sql::NodePtr column = sql::c(from, key)) {
            criterion = sql::eq(column, to_operand(in, kw.value));
        }
        if (!criterion) {
            std::string entity = mapper ? mapper->table().name() : "?";
            if (!mapper && from && from->is(sql::NodeKind::TableRef))
                entity = from->as<sql::TableRef>().table->name();
            in.raise(
                exc_type(in, "InvalidRequestError"),
                fmt::format("Entity namespace for \"{}\" has no property \"{}\"", entity, key));
        }
        stmt = guard(in, [&] { return sql::where(stmt, criterion); });
    }
    return wrap_clause(in, stmt);
}

Value select_options(Interpreter& in, const Value& self, lang::Args& args) {
    configure_mappers(in);
    const sql::Select& s = select_of(in, self);
    const orm::Mapper* root = nullptr;
    for (const auto& column : s.columns)
        if ((root = mapper_of_from(column))) break;
    auto copy = std::make_shared<sql::Select>(s);
    for (const Value& opt : args.pos)
        for (orm::LoaderOption& o : loader_options_of(in, opt, root))
            copy->with_options.push_back(std::make_shared<LoaderOptionPayload>(std::move(o)));
    return wrap_clause(in, copy);
}

// The Core join / outerjoin methods, called for targets the ORM does not handle.
Value& core_method(const char* name) {
    static auto* saved = new std::map<std::string, Value>();
    return (*saved)[name];
}

Value select_join(Interpreter& in, const Value& self, lang::Args& args, bool outer) {
    configure_mappers(in);
    Value v[4];
    lang::parse_args(in, outer ? "outerjoin" : "join", args,
                     {"target", "onclause", "isouter", "full"}, 1, v);
    OrmJoin join;
    if (!orm_join_target(in, v[0], v[1], join)) {
        std::vector<Value> pos{self};
        pos.insert(pos.end(), args.pos.begin(), args.pos.end());
        return in.call(core_method(outer ? "outerjoin" : "join"), pos,
                       std::vector<lang::KwArg>(args.kw.begin(), args.kw.end()));
    }
    bool isouter = outer || opt_bool(in, v[2], false);
    bool full = opt_bool(in, v[3], false);
    sql::NodePtr stmt = clause_of(in, self);
    return guard(in, [&] {
        if (join.rel) {
            for (auto& [from, on] :
                 orm::relationship_join_steps(*join.rel, join.target, join.parent))
                stmt = sql::join(stmt, from, on, isouter, full, true);
        } else {
            stmt = sql::join(stmt, join.right, join.onclause, isouter, full, true);
        }
        return wrap_clause(in, stmt);
    });
}

} // namespace

bool orm_join_target(Interpreter& in, const Value& target, const Value& onclause, OrmJoin& out) {
    if (AttributeObj* attr = attribute_of(target); attr && attr->rel) {
        out.rel = attr->rel;
        out.target = attr->of_type;
        out.parent = attr->parent_alias;
        return true;
    }
    sql::NodePtr entity = entity_from_of(in, target);
    if (!entity) return false;
    bool has_on = !onclause.empty() && !onclause.is_none();
    if (AttributeObj* attr = has_on ? attribute_of(onclause) : nullptr; attr && attr->rel) {
        out.rel = attr->rel;
        out.target = entity->is(sql::NodeKind::Alias) ? entity : nullptr;
        out.parent = attr->parent_alias;
        return true;
    }
    out.right = entity;
    out.onclause = has_on ? node_of(in, onclause, "ON clause") : nullptr;
    return true;
}

void install_orm_select_methods(Interpreter& in) {
    static bool installed = false;
    if (installed) return;
    installed = true;
    api_types();
    lang::Type* select = clause_types().select;
    for (const char* name : {"join", "outerjoin"})
        core_method(name) = select->lookup(name);
    def(select, "filter_by", select_filter_by);
    def(select, "options", select_options);
    def(select, "from_statement", [](Interpreter& in, const Value& self, lang::Args& args) {
        auto copy = std::make_shared<sql::Select>(select_of(in, self));
        copy->with_options.push_back(
            std::make_shared<FromStatementPayload>(node_of(in, arg_at(in, args, 0), "statement")));
        return wrap_clause(in, copy);
    });
    def(select, "join", [](Interpreter& in, const Value& self, lang::Args& args) {
        return select_join(in, self, args, false);
    });
    def(select, "outerjoin", [](Interpreter& in, const Value& self, lang::Args& args) {
        return select_join(in, self, args, true);
    });
    (void)in;
}

Value execute_orm_select(Interpreter& in, orm::Session& session, const sql::NodePtr& statement) {
    if (!statement->is(sql::NodeKind::Select)) return Value();
    const auto& select = statement->as<sql::Select>();
    std::vector<orm::QueryEntity> entities;
    bool any_entity = false;
    for (const auto& column : select.columns) {
        if (const orm::Mapper* m = mapper_of_from(column)) {
            entities.push_back(orm::QueryEntity::of(*m, column));
            any_entity = true;
            continue;
        }
        std::string key = column->is(sql::NodeKind::ColumnRef) ? column->as<sql::ColumnRef>().key
                          : column->is(sql::NodeKind::Label)   ? column->as<sql::Label>().name
                                                               : "";
        entities.push_back(orm::QueryEntity::of(column, key));
    }
    if (!any_entity) return Value();
    orm::Query q =
        orm::Query(session, entities).with_label_style(orm::LabelStyle::DisambiguateOnly);
    for (const auto& f : select.from_clauses)
        q = q.select_from(f);
    for (const auto& w : select.where)
        q = q.filter(w);
    if (!select.group_by.empty()) q = q.group_by(select.group_by);
    for (const auto& h : select.having)
        q = q.having(h);
    if (!select.order_by.empty()) q = q.order_by(select.order_by);
    auto literal_int = [](const sql::NodePtr& n) -> std::optional<std::int64_t> {
        if (n && n->is(sql::NodeKind::BindParam)) {
            const auto& b = n->as<sql::BindParam>();
            if (b.value)
                if (auto* i = std::get_if<std::int64_t>(&*b.value)) return *i;
        }
        return std::nullopt;
    };
    if (auto n = literal_int(select.limit)) q = q.limit(*n);
    if (auto n = literal_int(select.offset)) q = q.offset(*n);
    if (select.distinct) q = q.distinct();
    for (const auto& option : select.with_options) {
        if (auto* loader = dynamic_cast<const LoaderOptionPayload*>(option.get()))
            q = q.options(loader->option);
        if (auto* from = dynamic_cast<const FromStatementPayload*>(option.get()))
            q = q.from_statement(from->statement);
    }
    auto rows = guard(in, [&] { return q.all(); });
    auto keys = std::make_shared<RowKeys>();
    for (const auto& e : q.entities())
        keys->names.push_back(e.key);
    std::vector<std::vector<Value>> out;
    for (auto& row : rows)
        out.push_back(row_values(in, q, row));
    Value result = make_result(in, keys, std::move(out));
    if (q.joins_collection_eagerly()) require_unique(result);
    return result;
}

} // namespace ormsh::api
