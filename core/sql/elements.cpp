// Expression construction with SQLAlchemy's coercion and grouping rules (default_comparator,
// BinaryExpression.__init__, BooleanClauseList._construct, ClauseElement._negate).
#include "core/sql/elements.h"

#include "core/engine/errors.h"
#include "core/schema/types.h"

namespace ormsh::sql {
namespace {

template <class T> std::shared_ptr<T> make() {
    return std::make_shared<T>();
}

bool is_keyword(const NodePtr& n, Keyword::Which w) {
    return n && n->kind == NodeKind::Keyword && n->as<Keyword>().which == w;
}

NodePtr keyword(Keyword::Which w) {
    auto k = std::make_shared<Keyword>(w);
    if (w != Keyword::Which::Null) k->type = schema::Boolean();
    return k;
}

NodePtr bind_against(const Value& v, const NodePtr& against, std::optional<TypeSpec> type) {
    auto b = make<BindParam>();
    b->key = bind_key_for(against);
    b->value = v;
    if (type)
        b->type = *type;
    else if (against && against->type.kind != engine::TypeKind::Null)
        b->type = against->type;
    else
        b->type = type_for_value(v);
    return b;
}

bool is_boolean_context(Op against) {
    return against == Op::and_ || against == Op::or_ || against == Op::asbool;
}

NodePtr make_binary(NodePtr left, Op op, NodePtr right, TypeSpec type) {
    auto b = make<Binary>();
    b->left = self_group(left, op);
    b->right = self_group(right, op);
    b->op = op;
    b->type = std::move(type);
    return b;
}

NodePtr comparison(const NodePtr& l, Op op, const Operand& r) {
    NodePtr right;
    if (!r.node) {
        // == None / != None become IS NULL / IS NOT NULL; == True stays a keyword.
        if (engine::is_null(r.value)) {
            right = null();
            if (op == Op::eq)
                op = Op::is;
            else if (op == Op::ne)
                op = Op::is_not;
        } else if (std::holds_alternative<bool>(r.value) &&
                   (op == Op::eq || op == Op::ne || op == Op::is || op == Op::is_not)) {
            right = std::get<bool>(r.value) ? true_() : false_();
        } else {
            right = bind_against(r.value, l, std::nullopt);
        }
    } else {
        right = r.node;
        if (is_keyword(right, Keyword::Which::Null)) {
            if (op == Op::eq)
                op = Op::is;
            else if (op == Op::ne)
                op = Op::is_not;
        }
    }
    return make_binary(l, op, right, schema::Boolean());
}

NodePtr arithmetic(const NodePtr& l, Op op, const Operand& r) {
    NodePtr right = coerce(r, l);
    if (op == Op::add && (schema::is_string_like(l->type) || schema::is_string_like(right->type)))
        op = Op::concat;
    TypeSpec t = l->type.kind != engine::TypeKind::Null ? l->type : right->type;
    if (op == Op::concat) t = schema::is_string_like(l->type) ? l->type : schema::String();
    return make_binary(l, op, right, t);
}

TypeSpec function_type(const std::string& name, const NodeList& args) {
    if (name == "count" || name == "char_length") return schema::Integer();
    if (name == "now" || name == "current_timestamp" || name == "localtimestamp" ||
        name == "sysdate")
        return schema::DateTime();
    if (name == "current_date") return schema::Date();
    if (name == "current_time" || name == "localtime") return schema::Time();
    // SQLAlchemy's ReturnTypeFromArgs: the first argument with a known type.
    if (name == "sum" || name == "max" || name == "min" || name == "coalesce")
        for (const auto& a : args)
            if (a->type.kind != engine::TypeKind::Null) return a->type;
    if (name == "concat") return schema::String();
    return {};
}

} // namespace

TypeSpec type_for_value(const Value& v) {
    return std::visit(
        [](const auto& x) -> TypeSpec {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, bool>)
                return schema::Boolean();
            else if constexpr (std::is_same_v<T, std::int64_t>)
                return schema::Integer();
            else if constexpr (std::is_same_v<T, double>)
                return schema::Float();
            else if constexpr (std::is_same_v<T, std::string>)
                return schema::String();
            else if constexpr (std::is_same_v<T, engine::Blob>)
                return schema::LargeBinary();
            else if constexpr (std::is_same_v<T, engine::Decimal>)
                return schema::Numeric();
            else if constexpr (std::is_same_v<T, engine::Date>)
                return schema::Date();
            else if constexpr (std::is_same_v<T, engine::Time>)
                return schema::Time();
            else if constexpr (std::is_same_v<T, engine::DateTime>)
                return schema::DateTime();
            else
                return schema::NullType();
        },
        v);
}

NodePtr literal(Value v, std::optional<TypeSpec> type) {
    auto b = make<BindParam>();
    b->key = "param";
    b->type = type ? *type : type_for_value(v);
    b->value = std::move(v);
    return b;
}

NodePtr bindparam(std::string key, std::optional<Value> value, std::optional<TypeSpec> type,
                  bool unique) {
    auto b = make<BindParam>();
    b->key = std::move(key);
    b->unique = unique;
    if (type)
        b->type = *type;
    else if (value)
        b->type = type_for_value(*value);
    b->value = std::move(value);
    return b;
}

NodePtr null() {
    return keyword(Keyword::Which::Null);
}
NodePtr true_() {
    return keyword(Keyword::Which::True);
}
NodePtr false_() {
    return keyword(Keyword::Which::False);
}

NodePtr literal_column(std::string text_, TypeSpec type) {
    auto l = make<LiteralColumn>();
    l->text = std::move(text_);
    l->type = std::move(type);
    return l;
}

NodePtr text(std::string sql) {
    auto t = make<TextClause>();
    t->text = std::move(sql);
    return t;
}

NodePtr column(std::string name, TypeSpec type) {
    auto c = make<ColumnRef>();
    c->key = name;
    c->name = std::move(name);
    c->type = std::move(type);
    return c;
}

NodePtr coerce(const Operand& o, const NodePtr& against) {
    if (o.node) return o.node;
    if (engine::is_null(o.value)) return null();
    return bind_against(o.value, against, std::nullopt);
}

std::string bind_key_for(const NodePtr& e) {
    if (!e) return "param";
    switch (e->kind) {
    case NodeKind::ColumnRef:
        // A subquery column named by an anonymous label binds as a plain parameter.
        return e->as<ColumnRef>().anon_source ? "param" : e->as<ColumnRef>().key;
    case NodeKind::Function:
        return e->as<Function>().name;
    case NodeKind::BindParam:
        return e->as<BindParam>().key;
    default:
        return "param";
    }
}

NodePtr self_group(const NodePtr& e, Op against) {
    if (!e) return e;
    auto group = [&] {
        auto g = make<Grouping>();
        g->element = e;
        g->type = e->type;
        return NodePtr(g);
    };
    switch (e->kind) {
    case NodeKind::Binary:
        return is_precedent(e->as<Binary>().op, against) ? group() : e;
    case NodeKind::ClauseList: {
        const auto& cl = e->as<ClauseList>();
        if ((cl.op == Op::and_ || cl.op == Op::or_) && !cl.clauses.empty() &&
            is_precedent(cl.op, against))
            return group();
        return e;
    }
    case NodeKind::Unary: {
        const auto& u = e->as<Unary>();
        return u.op != Op::none && is_precedent(u.op, against) ? group() : e;
    }
    case NodeKind::AsBoolean:
        return is_precedent(e->as<AsBoolean>().truth ? Op::is_true : Op::is_false, against)
                   ? group()
                   : e;
    case NodeKind::TextClause:
        return against == Op::in ? group() : e;
    case NodeKind::Select:
        return group();
    case NodeKind::Label:
        // A label names a column of a SELECT list only; as a criterion it is its element (a
        // labelled comparison stays a comparison, a labelled Boolean column becomes "= 1").
        if (is_boolean_context(against)) return self_group(e->as<Label>().element, against);
        return e;
    case NodeKind::ColumnRef:
    case NodeKind::Function:
    case NodeKind::Cast:
    case NodeKind::Case:
    case NodeKind::BindParam:
    case NodeKind::LiteralColumn:
        if (is_boolean_context(against) && e->type.kind == engine::TypeKind::Boolean) {
            auto b = make<AsBoolean>();
            b->element = e;
            b->truth = true;
            b->type = schema::Boolean();
            return b;
        }
        return e;
    default:
        return e;
    }
}

NodePtr binary(const NodePtr& left, Op op, const Operand& right) {
    if (is_comparison(op)) return comparison(left, op, right);
    return arithmetic(left, op, right);
}

NodePtr eq(const NodePtr& l, const Operand& r) {
    return comparison(l, Op::eq, r);
}
NodePtr ne(const NodePtr& l, const Operand& r) {
    return comparison(l, Op::ne, r);
}
NodePtr lt(const NodePtr& l, const Operand& r) {
    return comparison(l, Op::lt, r);
}
NodePtr le(const NodePtr& l, const Operand& r) {
    return comparison(l, Op::le, r);
}
NodePtr gt(const NodePtr& l, const Operand& r) {
    return comparison(l, Op::gt, r);
}
NodePtr ge(const NodePtr& l, const Operand& r) {
    return comparison(l, Op::ge, r);
}
NodePtr is_(const NodePtr& l, const Operand& r) {
    return comparison(l, Op::is, r);
}
NodePtr is_not(const NodePtr& l, const Operand& r) {
    return comparison(l, Op::is_not, r);
}
NodePtr like(const NodePtr& l, const Operand& r) {
    return comparison(l, Op::like, r);
}
NodePtr not_like(const NodePtr& l, const Operand& r) {
    return comparison(l, Op::not_like, r);
}
NodePtr ilike(const NodePtr& l, const Operand& r) {
    return comparison(l, Op::ilike, r);
}
NodePtr not_ilike(const NodePtr& l, const Operand& r) {
    return comparison(l, Op::not_ilike, r);
}
NodePtr startswith(const NodePtr& l, const Operand& r) {
    return comparison(l, Op::startswith, r);
}
NodePtr endswith(const NodePtr& l, const Operand& r) {
    return comparison(l, Op::endswith, r);
}
NodePtr contains(const NodePtr& l, const Operand& r) {
    return comparison(l, Op::contains, r);
}

NodePtr is_distinct_from(const NodePtr& l, const Operand& r) {
    return comparison(l, Op::is_distinct_from, r);
}
NodePtr is_not_distinct_from(const NodePtr& l, const Operand& r) {
    return comparison(l, Op::is_not_distinct_from, r);
}

NodePtr custom_op(const NodePtr& l, std::string text_, const Operand& r) {
    auto b = make<Binary>();
    b->op = Op::custom;
    b->custom_text = " " + text_ + " ";
    b->left = self_group(l, Op::custom);
    b->right = self_group(coerce(r, l), Op::custom);
    b->type = l->type;
    return b;
}

NodePtr in_(const NodePtr& l, std::vector<Value> values, const std::string& key) {
    auto b = make<BindParam>();
    b->key = key.empty() ? bind_key_for(l) : key;
    b->unique = key.empty();
    b->type = l->type;
    b->expanding = true;
    b->values = std::move(values);
    if (b->type.kind == engine::TypeKind::Null && !b->values.empty())
        b->type = type_for_value(b->values.front());
    return make_binary(l, Op::in, b, schema::Boolean());
}

NodePtr in_(const NodePtr& l, const NodePtr& select_or_list) {
    NodePtr right = select_or_list;
    if (right->kind == NodeKind::ScalarSelect) right = right->as<ScalarSelect>().select;
    return make_binary(l, Op::in, right, schema::Boolean());
}

NodePtr not_in(const NodePtr& l, std::vector<Value> values) {
    return not_(in_(l, std::move(values)));
}

NodePtr between(const NodePtr& l, const Operand& lower, const Operand& upper) {
    auto b = make<Binary>();
    b->left = self_group(l, Op::between);
    b->right = self_group(coerce(lower, l), Op::and_);
    b->right2 = self_group(coerce(upper, l), Op::and_);
    b->op = Op::between;
    b->type = schema::Boolean();
    return b;
}

NodePtr add(const NodePtr& l, const Operand& r) {
    return arithmetic(l, Op::add, r);
}
NodePtr sub(const NodePtr& l, const Operand& r) {
    return arithmetic(l, Op::sub, r);
}
NodePtr mul(const NodePtr& l, const Operand& r) {
    return arithmetic(l, Op::mul, r);
}
NodePtr div(const NodePtr& l, const Operand& r) {
    return arithmetic(l, Op::div, r);
}
NodePtr mod(const NodePtr& l, const Operand& r) {
    return arithmetic(l, Op::mod, r);
}
NodePtr concat(const NodePtr& l, const Operand& r) {
    return arithmetic(l, Op::concat, r);
}

NodePtr reverse_binary(const Operand& l, Op op, const NodePtr& r) {
    NodePtr left = coerce(l, r);
    if (op == Op::add && (schema::is_string_like(left->type) || schema::is_string_like(r->type)))
        op = Op::concat;
    TypeSpec t = is_comparison(op) ? schema::Boolean() : r->type;
    return make_binary(left, op, r, t);
}

NodePtr neg(const NodePtr& e) {
    auto u = make<Unary>();
    u->op = Op::neg;
    u->element = self_group(e, Op::neg);
    u->type = e->type;
    return u;
}

NodeList process_boolean_clauses(Op op, const NodeList& clauses, Op* against_used) {
    auto continue_on = op == Op::and_ ? Keyword::Which::True : Keyword::Which::False;
    auto skip_on = op == Op::and_ ? Keyword::Which::False : Keyword::Which::True;
    NodePtr has_continue_on;
    NodeList convert;
    Op against = Op::asbool;
    for (const auto& c : clauses) {
        if (is_keyword(c, continue_on)) {
            has_continue_on = c;
        } else if (is_keyword(c, skip_on)) {
            convert = {c};
            against = Op::asbool;
            break;
        } else {
            if (!convert.empty()) against = op;
            convert.push_back(c);
        }
    }
    if (convert.empty() && has_continue_on) convert = {has_continue_on};
    for (auto& c : convert)
        c = self_group(c, against);
    if (against_used) *against_used = against;
    return convert;
}

namespace {
NodePtr boolean_list(Op op, const NodeList& clauses) {
    NodeList converted = process_boolean_clauses(op, clauses);
    if (converted.size() == 1) return converted.front();
    auto list = make<ClauseList>();
    list->op = op;
    list->type = schema::Boolean();
    for (const auto& c : converted) {
        if (c->kind == NodeKind::ClauseList && c->as<ClauseList>().op == op) {
            for (const auto& inner : c->as<ClauseList>().clauses)
                list->clauses.push_back(inner);
        } else {
            list->clauses.push_back(c);
        }
    }
    return list;
}
} // namespace

NodePtr and_(const NodeList& clauses) {
    return boolean_list(Op::and_, clauses);
}
NodePtr or_(const NodeList& clauses) {
    return boolean_list(Op::or_, clauses);
}

NodePtr with_negation(const NodePtr& list, NodePtr negation) {
    if (list->kind != NodeKind::ClauseList) return list;
    auto copy = std::make_shared<ClauseList>(list->as<ClauseList>());
    copy->negation = std::move(negation);
    return copy;
}

NodePtr not_(const NodePtr& e) {
    switch (e->kind) {
    case NodeKind::ClauseList:
        if (const auto& n = e->as<ClauseList>().negation) return n;
        break;
    case NodeKind::Binary: {
        const auto& b = e->as<Binary>();
        Op n = negated(b.op);
        if (n != Op::none) {
            auto copy = std::make_shared<Binary>(b);
            copy->op = n;
            return copy;
        }
        break;
    }
    case NodeKind::AsBoolean: {
        auto copy = std::make_shared<AsBoolean>(e->as<AsBoolean>());
        copy->truth = !copy->truth;
        return copy;
    }
    case NodeKind::Keyword:
        if (is_keyword(e, Keyword::Which::True)) return false_();
        if (is_keyword(e, Keyword::Which::False)) return true_();
        break;
    case NodeKind::Grouping:
        return not_(e->as<Grouping>().element);
    default:
        if (e->type.kind == engine::TypeKind::Boolean &&
            (e->kind == NodeKind::ColumnRef || e->kind == NodeKind::Function ||
             e->kind == NodeKind::Label || e->kind == NodeKind::Cast)) {
            auto b = make<AsBoolean>();
            b->element = e;
            b->truth = false;
            b->type = schema::Boolean();
            return b;
        }
        break;
    }
    auto u = make<Unary>();
    u->op = Op::inv;
    u->element = self_group(e, Op::inv);
    u->type = schema::Boolean();
    return u;
}

namespace {
NodePtr modifier(const NodePtr& e, Op m) {
    auto u = make<Unary>();
    u->modifier = m;
    u->element = e;
    u->type = e->type;
    return u;
}
} // namespace

NodePtr desc(const NodePtr& e) {
    return modifier(e, Op::desc);
}
NodePtr asc(const NodePtr& e) {
    return modifier(e, Op::asc);
}
NodePtr nulls_first(const NodePtr& e) {
    return modifier(e, Op::nulls_first);
}
NodePtr nulls_last(const NodePtr& e) {
    return modifier(e, Op::nulls_last);
}

NodePtr distinct(const NodePtr& e) {
    auto u = make<Unary>();
    u->op = Op::distinct;
    u->element = e;
    u->type = e->type;
    return u;
}

NodePtr func(std::string name, const std::vector<Operand>& args) {
    auto f = make<Function>();
    f->name = std::move(name);
    auto key_holder = make<Function>();
    key_holder->name = f->name;
    for (const auto& a : args) {
        if (a.node) {
            f->args.push_back(a.node);
        } else if (engine::is_null(a.value)) {
            f->args.push_back(null());
        } else {
            auto b = make<BindParam>();
            b->key = f->name;
            b->type = type_for_value(a.value);
            b->value = a.value;
            f->args.push_back(b);
        }
    }
    f->star = f->args.empty() && f->name == "count";
    f->type = function_type(f->name, f->args);
    return f;
}

NodePtr label(const NodePtr& e, std::string name) {
    auto l = make<Label>();
    l->name = std::move(name);
    l->element = e;
    l->type = e->type;
    return l;
}

NodePtr alias_label(const NodePtr& e, const NodePtr& alias, std::string name) {
    auto l = make<Label>();
    l->name = std::move(name);
    l->element = e;
    l->type = e->type;
    l->alias_prefix = alias;
    return l;
}

NodePtr cast(const NodePtr& e, TypeSpec type) {
    auto c = make<Cast>();
    c->element = e;
    c->type = std::move(type);
    return c;
}

NodePtr case_(const std::vector<std::pair<Operand, Operand>>& whens,
              const std::optional<Operand>& else_, const NodePtr& value) {
    auto c = make<Case>();
    c->value = value;
    for (const auto& [cond, result] : whens) {
        NodePtr cn = value ? coerce(cond, value) : coerce(cond);
        if (!value) cn = self_group(cn, Op::largest);
        NodePtr rn = result.node                     ? result.node
                     : engine::is_null(result.value) ? null()
                                                     : literal(result.value);
        if (c->whens.empty()) c->type = rn->type;
        c->whens.emplace_back(cn, rn);
    }
    if (else_)
        c->else_ = else_->node                     ? else_->node
                   : engine::is_null(else_->value) ? null()
                                                   : literal(else_->value);
    return c;
}

} // namespace ormsh::sql
