// The expression half of the SQL compiler: a visitor over node kinds rendering columns,
// binds, operators, functions, labels, CAST / CASE and FROM clauses the way SQLAlchemy 1.4's
// SQLCompiler does, plus the Compiled result's parameter binding.
#include "core/sql/compiler.h"

#include "core/engine/errors.h"
#include "core/schema/ddl.h"
#include "core/sql/compiler_impl.h"
#include "core/sql/selectable.h"

#include <cstdio>

namespace ormsh::sql {

const char* node_kind_name(NodeKind kind) {
    switch (kind) {
#define ORMSH_X(name)                                                                              \
    case NodeKind::name:                                                                           \
        return #name;
        ORMSH_SQL_NODE_KINDS(ORMSH_X)
#undef ORMSH_X
    }
    return "?";
}

namespace detail {
namespace {

// ANSI functions SQLAlchemy renders without parentheses.
bool is_ansi_function(const std::string& name) {
    static const char* const names[] = {"current_date", "current_time", "current_timestamp",
                                        "current_user", "localtime",    "localtimestamp",
                                        "session_user", "sysdate",      "user"};
    for (const char* n : names)
        if (name == n) return true;
    return false;
}

std::string upper(std::string s) {
    for (auto& ch : s)
        ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    return s;
}

} // namespace

SQLCompiler::SQLCompiler(const engine::Dialect& dialect, const CompileOptions& options)
    : dialect_(dialect), flavor_(flavor_for(dialect)), options_(options) {}

std::string SQLCompiler::anon(const void* id, const std::string& base) {
    auto key = std::make_pair(id, base);
    auto it = anon_names_.find(key);
    if (it != anon_names_.end()) return it->second;
    std::string name = base + "_" + std::to_string(++anon_counters_[base]);
    anon_names_.emplace(key, name);
    return name;
}

std::string SQLCompiler::placeholder(ParamSlot slot) {
    std::string name = slot.name;
    out_.params.push_back(std::move(slot));
    switch (options_.style) {
    case ParamStyle::Dialect:
        return dialect_.placeholder(++position_);
    case ParamStyle::Pyformat:
        return "%(" + name + ")s";
    case ParamStyle::Named:
        return ":" + name;
    }
    return "?";
}

std::string SQLCompiler::percent(std::string_view s) const {
    std::string out;
    for (char ch : s) {
        out += ch;
        if (ch == '%' && options_.style == ParamStyle::Pyformat) out += '%';
    }
    return out;
}

std::string SQLCompiler::literal_value(const Value& v) const {
    if (engine::is_null(v)) return "NULL";
    if (auto* s = std::get_if<std::string>(&v)) return schema::quote_string_literal(*s);
    if (auto* b = std::get_if<bool>(&v))
        return dialect_.caps().native_boolean ? (*b ? "true" : "false") : (*b ? "1" : "0");
    if (auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
    if (auto* d = std::get_if<double>(&v)) return engine::repr_value(*d);
    if (auto* dec = std::get_if<engine::Decimal>(&v)) return dec->text;
    if (auto* dt = std::get_if<engine::DateTime>(&v))
        return schema::quote_string_literal(engine::to_iso(*dt));
    if (auto* da = std::get_if<engine::Date>(&v))
        return schema::quote_string_literal(engine::to_iso(*da));
    if (auto* t = std::get_if<engine::Time>(&v))
        return schema::quote_string_literal(engine::to_iso(*t));
    throw engine::CompileError("No literal value renderer is available for this value");
}

std::string SQLCompiler::visit(const NodePtr& n, const Ctx& ctx) {
    if (!n) return {};
    switch (n->kind) {
    case NodeKind::ColumnRef:
        return visit_column(n->as<ColumnRef>(), ctx);
    case NodeKind::BindParam:
        return visit_bind(n->as<BindParam>(), n.get(), ctx);
    case NodeKind::Keyword:
        switch (n->as<Keyword>().which) {
        case Keyword::Which::Null:
            return "NULL";
        case Keyword::Which::True:
            return dialect_.caps().native_boolean ? "true" : "1";
        case Keyword::Which::False:
            return dialect_.caps().native_boolean ? "false" : "0";
        }
        return {};
    case NodeKind::LiteralColumn:
        return percent(n->as<LiteralColumn>().text);
    case NodeKind::TextClause:
        return visit_text(n->as<TextClause>());
    case NodeKind::Binary:
        return visit_binary(n->as<Binary>(), ctx);
    case NodeKind::Unary:
        return visit_unary(n->as<Unary>(), ctx);
    case NodeKind::AsBoolean: {
        const auto& b = n->as<AsBoolean>();
        std::string inner = visit(b.element, ctx);
        if (dialect_.caps().native_boolean) return b.truth ? inner : "NOT " + inner;
        return inner + (b.truth ? " = 1" : " = 0");
    }
    case NodeKind::ClauseList: {
        const auto& cl = n->as<ClauseList>();
        std::string out;
        for (const auto& c : cl.clauses) {
            std::string s = visit(c, ctx);
            if (s.empty()) continue;
            if (!out.empty()) out += op_text(cl.op);
            out += s;
        }
        return out;
    }
    case NodeKind::Grouping: {
        const NodePtr& inner = n->as<Grouping>().element;
        if (inner->kind == NodeKind::Select)
            return "(" + visit_select(inner->as<Select>(), SelectMode::Nested) + ")";
        return "(" + visit(inner, ctx) + ")";
    }
    case NodeKind::Function:
        return visit_function(n->as<Function>(), ctx);
    case NodeKind::Label: {
        const auto& l = n->as<Label>();
        std::string name = label_name(l, n.get());
        if (ctx.columns_clause) {
            Ctx inner = ctx;
            inner.columns_clause = false;
            return visit(l.element, inner) + " AS " + name;
        }
        // A label of the enclosing SELECT's columns is referred to by name in ORDER BY.
        // (SQLAlchemy resolves it by label name, so an equal label built again also matches.)
        if (ctx.order_by && ctx.select && !l.name.empty())
            for (const auto& c : ctx.select->columns)
                if (c->kind == NodeKind::Label && c->as<Label>().name == l.name &&
                    c->as<Label>().alias_prefix == l.alias_prefix)
                    return name;
        return visit(l.element, ctx);
    }
    case NodeKind::Cast: {
        const auto& c = n->as<Cast>();
        return "CAST(" + visit(c.element, ctx) + " AS " + dialect_.type_ddl(c.type) + ")";
    }
    case NodeKind::Case: {
        const auto& c = n->as<Case>();
        std::string out = "CASE ";
        if (c.value) out += visit(c.value, ctx) + " ";
        for (const auto& [w, r] : c.whens) {
            std::string when = visit(w, ctx);
            std::string then = visit(r, ctx);
            out += "WHEN " + when + " THEN " + then + " ";
        }
        if (c.else_) out += "ELSE " + visit(c.else_, ctx) + " ";
        return out + "END";
    }
    case NodeKind::ScalarSelect:
        return "(" + visit_select(n->as<ScalarSelect>().select->as<Select>(), SelectMode::Nested) +
               ")";
    case NodeKind::TableRef:
    case NodeKind::Alias:
    case NodeKind::Join:
        return visit_from(n, ctx);
    case NodeKind::Select:
        return visit_select(n->as<Select>(), SelectMode::Nested);
    case NodeKind::CompoundSelect:
        return visit_compound(n->as<CompoundSelect>(), SelectMode::Nested);
    case NodeKind::Insert:
    case NodeKind::Update:
    case NodeKind::Delete:
        throw engine::CompileError(std::string("Can't render a ") + node_kind_name(n->kind) +
                                   " statement inside another statement on dialect " +
                                   std::string(dialect_.name()));
    }
    return {};
}

std::string SQLCompiler::alias_name(const Alias& a) {
    if (!a.name.empty()) return quote(a.name);
    if (a.element->kind == NodeKind::TableRef)
        return anon(&a, a.element->as<TableRef>().table->name());
    return anon(&a, "anon");
}

std::string SQLCompiler::label_name(const Label& l, const Node* id) {
    if (l.alias_prefix) {
        std::string prefix = alias_name(l.alias_prefix->as<Alias>());
        // A quoted alias name keeps its quotes around the whole label.
        if (!prefix.empty() && prefix.front() == '"') prefix = prefix.substr(1, prefix.size() - 2);
        return quote(prefix + "_" + l.name);
    }
    if (l.name.empty()) return anon(id, l.anon_base.empty() ? "anon" : l.anon_base);
    return quote(l.name);
}

std::string SQLCompiler::visit_column(const ColumnRef& c, const Ctx& ctx) {
    // ORDER BY of a compound select names the result columns, without their table.
    if (ctx.bare_column_names) return quote(c.name);
    if (!c.from) return quote(c.name);
    if (c.from->kind == NodeKind::TableRef)
        return quote(c.from->as<TableRef>().table->name()) + "." + quote(c.name);
    if (c.from->kind == NodeKind::Alias) {
        std::string alias = alias_name(c.from->as<Alias>());
        if (c.anon_source) return alias + "." + anon(c.anon_source.get(), c.anon_base);
        return alias + "." + quote(c.name);
    }
    return quote(c.name);
}

std::string SQLCompiler::visit_bind(const BindParam& b, const Node* id, const Ctx& ctx) {
    if (ctx.literal_binds && b.value) return literal_value(*b.value);
    ParamSlot slot;
    slot.name = b.unique ? anon(id, b.key) : b.key;
    slot.value = b.value;
    slot.type = b.type;
    return placeholder(std::move(slot));
}

std::string SQLCompiler::visit_text(const TextClause& t) {
    std::string out;
    const std::string& s = t.text;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char ch = s[i];
        if (ch == '\\' && i + 1 < s.size() && s[i + 1] == ':') {
            out += ':';
            ++i;
            continue;
        }
        bool starts_bind =
            ch == ':' && i + 1 < s.size() &&
            (std::isalnum(static_cast<unsigned char>(s[i + 1])) || s[i + 1] == '_') &&
            (i == 0 || (s[i - 1] != ':' && !std::isalnum(static_cast<unsigned char>(s[i - 1])) &&
                        s[i - 1] != '_'));
        if (starts_bind) {
            std::size_t j = i + 1;
            while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '_'))
                ++j;
            if (j < s.size() && s[j] == ':') {
                // "::type" casts are not binds.
                out += s.substr(i, j - i);
                i = j - 1;
                continue;
            }
            ParamSlot slot;
            slot.name = s.substr(i + 1, j - i - 1);
            for (const auto& [k, v] : t.bound)
                if (k == slot.name) slot.value = v;
            out += placeholder(std::move(slot));
            i = j - 1;
            continue;
        }
        out += ch;
        if (ch == '%' && options_.style == ParamStyle::Pyformat) out += '%';
    }
    return out;
}

std::string SQLCompiler::visit_binary(const Binary& b, const Ctx& ctx) {
    Ctx inner = ctx;
    inner.columns_clause = false;
    std::string left = visit(b.left, inner);
    switch (b.op) {
    case Op::in:
    case Op::not_in: {
        std::string out;
        if (b.right->kind == NodeKind::BindParam && b.right->as<BindParam>().expanding) {
            const auto& bp = b.right->as<BindParam>();
            std::string name = bp.unique ? anon(b.right.get(), bp.key) : bp.key;
            std::string list;
            if (!options_.render_postcompile) {
                ParamSlot slot;
                slot.name = name;
                slot.type = bp.type;
                out_.params.push_back(std::move(slot));
                list = "__[POSTCOMPILE_" + name + "]";
            } else if (bp.values.empty()) {
                if (flavor_.empty_in_as_subquery)
                    list = "SELECT 1 FROM (SELECT 1) WHERE 1!=1";
                else
                    list = b.op == Op::in ? "NULL) AND (1 != 1" : "NULL) OR (1 = 1";
            } else {
                for (std::size_t i = 0; i < bp.values.size(); ++i) {
                    ParamSlot slot;
                    slot.name = name + "_" + std::to_string(i + 1);
                    slot.value = bp.values[i];
                    slot.type = bp.type;
                    slot.expanded = true;
                    if (i) list += ", ";
                    list += placeholder(std::move(slot));
                }
            }
            out = left + std::string(op_text(b.op)) + "(" + list + ")";
        } else {
            out = left + std::string(op_text(b.op)) + visit(b.right, inner);
        }
        // SQLAlchemy always brackets NOT IN, for its empty-list form's OR.
        return b.op == Op::not_in ? "(" + out + ")" : out;
    }
    case Op::ilike:
    case Op::not_ilike:
        if (!dialect_.caps().ilike)
            return "lower(" + left + ")" + (b.op == Op::ilike ? " LIKE " : " NOT LIKE ") +
                   "lower(" + visit(b.right, inner) + ")";
        break;
    case Op::startswith:
    case Op::not_startswith:
        return left + std::string(op_text(b.op)) + visit(b.right, inner) + " || " + percent("'%'");
    case Op::endswith:
    case Op::not_endswith:
        return left + std::string(op_text(b.op)) + percent("'%'") + " || " + visit(b.right, inner);
    case Op::contains:
    case Op::not_contains:
        return left + std::string(op_text(b.op)) + percent("'%'") + " || " + visit(b.right, inner) +
               " || " + percent("'%'");
    case Op::between:
    case Op::not_between: {
        std::string lower = visit(b.right, inner);
        return left + std::string(op_text(b.op)) + lower + " AND " + visit(b.right2, inner);
    }
    case Op::is_distinct_from:
    case Op::is_not_distinct_from:
        if (flavor_.distinct_from_as_is) {
            std::string right = visit(b.right, inner);
            return left + (b.op == Op::is_distinct_from ? " IS NOT " : " IS ") + right;
        }
        break;
    case Op::custom:
        return left + percent(b.custom_text) + visit(b.right, inner);
    case Op::mod:
        return left + percent(op_text(b.op)) + visit(b.right, inner);
    default:
        break;
    }
    return left + std::string(op_text(b.op)) + visit(b.right, inner);
}

std::string SQLCompiler::visit_unary(const Unary& u, const Ctx& ctx) {
    Ctx inner = ctx;
    inner.columns_clause = false;
    std::string out = visit(u.element, inner);
    if (u.op != Op::none) out = std::string(op_text(u.op)) + out;
    if (u.modifier != Op::none) out += op_text(u.modifier);
    return out;
}

std::string SQLCompiler::visit_function(const Function& f, const Ctx& ctx) {
    if (f.name == "now" && f.args.empty()) return flavor_.now_function;
    if (is_ansi_function(f.name) && f.args.empty()) return upper(f.name);
    if (f.star) return f.name + "(*)";
    Ctx inner = ctx;
    inner.columns_clause = false;
    std::string out = f.name + "(";
    for (std::size_t i = 0; i < f.args.size(); ++i) {
        if (i) out += ", ";
        out += visit(f.args[i], inner);
    }
    return out + ")";
}

std::string SQLCompiler::visit_from(const NodePtr& from, const Ctx& ctx) {
    switch (from->kind) {
    case NodeKind::TableRef:
        return quote(from->as<TableRef>().table->name());
    case NodeKind::Alias: {
        const auto& a = from->as<Alias>();
        // Named before its contents, so an anonymous subquery is anon_1 and one nested in it
        // anon_2, as SQLAlchemy numbers them.
        std::string name = alias_name(a);
        if (a.element->kind == NodeKind::Select || a.element->kind == NodeKind::CompoundSelect) {
            // A subquery in FROM does not correlate to the statement around it.
            auto saved = std::move(correlate_froms_);
            correlate_froms_.clear();
            std::string inner =
                a.element->kind == NodeKind::Select
                    ? visit_select(a.element->as<Select>(), SelectMode::AsFrom)
                    : visit_compound(a.element->as<CompoundSelect>(), SelectMode::AsFrom);
            correlate_froms_ = std::move(saved);
            return "(" + inner + ") AS " + name;
        }
        return visit_from(a.element, ctx) + " AS " + name;
    }
    case NodeKind::Join: {
        const auto& j = from->as<Join>();
        std::string kw = j.full ? " FULL OUTER JOIN " : j.isouter ? " LEFT OUTER JOIN " : " JOIN ";
        Ctx inner = ctx;
        inner.columns_clause = false;
        // Rendered in order: anonymous names are numbered as they are first seen.
        std::string left = visit_from(j.left, ctx);
        std::string right = visit_from(j.right, ctx);
        // A join on the right is grouped: a LEFT OUTER JOIN (b JOIN c ON ...) ON ...
        if (j.right->kind == NodeKind::Join) right = "(" + right + ")";
        return left + kw + right + " ON " + visit(j.onclause, inner);
    }
    default:
        return visit(from, ctx);
    }
}

} // namespace detail

Compiled compile(const NodePtr& statement, const engine::Dialect& dialect,
                 const CompileOptions& options) {
    detail::SQLCompiler compiler(dialect, options);
    return compiler.run(statement);
}

std::string to_string(const NodePtr& statement, const engine::Dialect& dialect) {
    CompileOptions options;
    options.style = flavor_for(dialect).echo_pyformat ? ParamStyle::Pyformat : ParamStyle::Dialect;
    options.render_postcompile = false;
    return compile(statement, dialect, options).sql;
}

namespace {

Value value_for_slot(const ParamSlot& slot, const ParamMap& params) {
    if (slot.value && !params.count(slot.name)) return *slot.value;
    auto it = params.find(slot.name);
    if (it != params.end()) return it->second;
    if (slot.default_column) {
        const auto& d =
            slot.use_onupdate ? slot.default_column->onupdate : slot.default_column->default_value;
        if (d.is_set()) return d.evaluate();
        return engine::Null{};
    }
    if (slot.value) return *slot.value;
    throw engine::InvalidRequestError("A value is required for bind parameter '" + slot.name + "'");
}

} // namespace

std::vector<Value> Compiled::bind_values(const ParamMap& params) const {
    std::vector<Value> out;
    out.reserve(this->params.size());
    for (const auto& slot : this->params)
        out.push_back(value_for_slot(slot, params));
    return out;
}

std::vector<std::pair<std::string, Value>> Compiled::bind_pairs(const ParamMap& params) const {
    std::vector<std::pair<std::string, Value>> out;
    // SQLAlchemy builds the expanded IN parameters last, so its dict lists them after the rest.
    std::vector<const ParamSlot*> ordered;
    for (const auto& slot : this->params)
        if (!slot.expanded) ordered.push_back(&slot);
    for (const auto& slot : this->params)
        if (slot.expanded) ordered.push_back(&slot);
    for (const ParamSlot* slot_ptr : ordered) {
        const ParamSlot& slot = *slot_ptr;
        bool seen = false;
        for (const auto& [k, v] : out)
            if (k == slot.name) seen = true;
        if (!seen) out.emplace_back(slot.name, value_for_slot(slot, params));
    }
    return out;
}

std::vector<TypeSpec> Compiled::result_types() const {
    std::vector<TypeSpec> out;
    for (const auto& c : columns)
        out.push_back(c.type);
    return out;
}

std::string repr_param_dict(const std::vector<std::pair<std::string, Value>>& pairs) {
    std::string out = "{";
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        if (i) out += ", ";
        out += "'" + pairs[i].first + "': " + engine::repr_value(pairs[i].second);
    }
    return out + "}";
}

} // namespace ormsh::sql
