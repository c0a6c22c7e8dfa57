// The statement half of the SQL compiler: SELECT (columns clause labelling, FROM inference
// with join hiding and auto-correlation, WHERE / GROUP BY / HAVING / ORDER BY / LIMIT), and
// INSERT / UPDATE / DELETE with SQLAlchemy's crud rules for which columns get values.
#include "core/engine/errors.h"
#include "core/schema/types.h"
#include "core/sql/compiler_impl.h"
#include "core/sql/compound_select.h"
#include "core/sql/elements.h"
#include "core/sql/schema_expression.h"
#include "core/sql/selectable.h"

#include <algorithm>

namespace ormsh::sql::detail {
namespace {

bool contains_from(const NodeList& list, const NodePtr& f) {
    for (const auto& x : list)
        if (same_from(x, f)) return true;
    return false;
}

// A join and everything inside it (SQLAlchemy's _from_objects of a Join).
void expand_join(const NodePtr& f, NodeList& out) {
    if (!contains_from(out, f)) out.push_back(f);
    if (f->kind == NodeKind::Join) {
        expand_join(f->as<Join>().left, out);
        expand_join(f->as<Join>().right, out);
    }
}

} // namespace

Compiled SQLCompiler::run(const NodePtr& statement) {
    out_.statement_kind = statement->kind;
    switch (statement->kind) {
    case NodeKind::Select:
        out_.sql = visit_select(statement->as<Select>(), SelectMode::TopLevel);
        out_.returns_rows = true;
        break;
    case NodeKind::CompoundSelect:
        out_.sql = visit_compound(statement->as<CompoundSelect>(), SelectMode::TopLevel);
        out_.returns_rows = true;
        break;
    case NodeKind::Insert:
        out_.sql = visit_insert(statement->as<Insert>());
        break;
    case NodeKind::Update:
        out_.sql = visit_update(statement->as<Update>());
        break;
    case NodeKind::Delete:
        out_.sql = visit_delete(statement->as<Delete>());
        break;
    case NodeKind::TextClause: {
        out_.sql = visit_text(statement->as<TextClause>());
        for (const auto& [name, type] : statement->as<TextClause>().columns)
            out_.columns.push_back({name, type, nullptr});
        out_.returns_rows = !out_.columns.empty();
        break;
    }
    default: {
        // A bare expression compiles on its own (str(users.c.id == 5)).
        Ctx ctx;
        out_.sql = visit(statement, ctx);
        break;
    }
    }
    return std::move(out_);
}

NodeList SQLCompiler::display_froms(const Select& s, bool correlated) {
    NodeList froms;
    auto add = [&](const NodePtr& f) {
        if (!contains_from(froms, f)) froms.push_back(f);
    };
    for (const auto& c : s.columns)
        for (const auto& f : from_objects(c))
            add(f);
    for (const auto& w : s.where)
        for (const auto& f : from_objects(w))
            add(f);
    for (const auto& f : s.from_clauses)
        add(f);
    // A join hides the tables inside it.
    NodeList hidden;
    for (const auto& f : froms)
        if (f->kind == NodeKind::Join) {
            expand_join(f->as<Join>().left, hidden);
            expand_join(f->as<Join>().right, hidden);
        }
    NodeList visible;
    for (const auto& f : froms)
        if (!contains_from(hidden, f)) visible.push_back(f);
    if (correlated && s.auto_correlate && !correlate_froms_.empty() && visible.size() > 1) {
        NodeList kept;
        for (const auto& f : visible) {
            bool enclosing = false;
            for (const auto& level : correlate_froms_)
                if (contains_from(level, f)) enclosing = true;
            if (!enclosing) kept.push_back(f);
        }
        if (kept.empty())
            throw engine::InvalidRequestError(
                "Select statement returned no FROM clauses due to auto-correlation; specify "
                "correlate(<tables>) to control correlation manually.");
        visible = std::move(kept);
    }
    return visible;
}

std::string SQLCompiler::select_column(const NodePtr& e, SelectMode mode,
                                       std::vector<std::string>& seen, const Ctx& ctx) {
    std::string rendered, key;
    schema::ColumnPtr column;
    auto labelled = [&](const std::string& label) {
        key = label;
        Ctx inner = ctx;
        inner.columns_clause = false;
        rendered = visit(e, inner) + " AS " + label;
    };
    switch (e->kind) {
    case NodeKind::ColumnRef: {
        const auto& c = e->as<ColumnRef>();
        column = c.column;
        bool repeated = std::find(seen.begin(), seen.end(), c.name) != seen.end();
        if (repeated)
            labelled(anon(e.get(), c.name));
        else if (mode == SelectMode::AsFrom)
            labelled(quote(c.name));
        else {
            rendered = visit(e, ctx);
            key = c.name;
        }
        seen.push_back(c.name);
        break;
    }
    case NodeKind::Label: {
        const auto& l = e->as<Label>();
        key = l.name.empty() ? anon(e.get(), l.anon_base.empty() ? "anon" : l.anon_base) : l.name;
        rendered = visit(e, ctx);
        if (l.element->kind == NodeKind::ColumnRef) column = l.element->as<ColumnRef>().column;
        break;
    }
    case NodeKind::Function:
        labelled(anon(e.get(), e->as<Function>().name));
        break;
    case NodeKind::Cast:
        if (e->as<Cast>().element->kind == NodeKind::ColumnRef)
            labelled(quote(e->as<Cast>().element->as<ColumnRef>().name));
        else
            labelled(anon(e.get(), "anon"));
        break;
    case NodeKind::Unary:
        // EXISTS (...) is labelled like any expression; -x, DISTINCT x, x DESC are not.
        if (e->as<Unary>().op == Op::exists) {
            labelled(anon(e.get(), "anon"));
            break;
        }
        rendered = visit(e, ctx);
        key = rendered;
        break;
    case NodeKind::LiteralColumn:
    case NodeKind::TextClause:
        rendered = visit(e, ctx);
        key = rendered;
        break;
    default:
        labelled(anon(e.get(), "anon"));
        break;
    }
    if (mode == SelectMode::TopLevel && select_depth_ == 1 && record_columns_)
        out_.columns.push_back({key, e->type, column});
    return rendered;
}

std::string SQLCompiler::where_clause(const NodeList& criteria, const Ctx& ctx) {
    NodeList clauses = process_boolean_clauses(Op::and_, criteria);
    std::string out;
    for (const auto& c : clauses) {
        std::string s = visit(c, ctx);
        if (s.empty()) continue;
        if (!out.empty()) out += " AND ";
        out += s;
    }
    return out;
}

std::string SQLCompiler::limit_clause(const NodePtr& limit, const NodePtr& offset, const Ctx& ctx) {
    auto literal_bind = [&](std::int64_t v) {
        NodePtr n = literal(Value{v}, schema::Integer());
        temporaries_.push_back(n);
        return visit(n, ctx);
    };
    std::string text;
    switch (flavor_.limit_style) {
    case Flavor::LimitStyle::SQLite:
        text = "\n LIMIT " + (limit ? visit(limit, ctx) : literal_bind(-1));
        text += " OFFSET " + (offset ? visit(offset, ctx) : literal_bind(0));
        break;
    case Flavor::LimitStyle::PostgreSQL:
        if (limit) text += " \n LIMIT " + visit(limit, ctx);
        if (offset) {
            if (!limit) text += "\n LIMIT ALL";
            text += " OFFSET " + visit(offset, ctx);
        }
        break;
    case Flavor::LimitStyle::Generic:
        if (limit) text += "\n LIMIT " + visit(limit, ctx);
        if (offset) {
            if (!limit) text += "\n LIMIT -1";
            text += " OFFSET " + visit(offset, ctx);
        }
        break;
    }
    return text;
}

std::string SQLCompiler::visit_select(const Select& s, SelectMode mode) {
    ++select_depth_;
    NodeList froms = display_froms(s, mode == SelectMode::Nested);
    NodeList correlate;
    for (const auto& f : froms)
        expand_join(f, correlate);
    correlate_froms_.push_back(correlate);

    Ctx ctx;
    ctx.select = &s;
    Ctx cols_ctx = ctx;
    cols_ctx.columns_clause = true;

    std::string text = "SELECT ";
    if (s.distinct) text += "DISTINCT ";
    std::vector<std::string> seen;
    NodeList columns = expanded_columns(s);
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (i) text += ", ";
        text += select_column(columns[i], mode, seen, cols_ctx);
    }
    if (!froms.empty()) {
        text += " \nFROM ";
        for (std::size_t i = 0; i < froms.size(); ++i) {
            if (i) text += ", ";
            text += visit_from(froms[i], ctx);
        }
    }
    if (!s.where.empty()) {
        std::string w = where_clause(s.where, ctx);
        if (!w.empty()) text += " \nWHERE " + w;
    }
    if (!s.group_by.empty()) {
        text += " GROUP BY ";
        for (std::size_t i = 0; i < s.group_by.size(); ++i)
            text += (i ? ", " : "") + visit(s.group_by[i], ctx);
    }
    if (!s.having.empty()) {
        std::string h = where_clause(s.having, ctx);
        if (!h.empty()) text += " \nHAVING " + h;
    }
    if (!s.order_by.empty()) {
        text += " ORDER BY ";
        Ctx order_ctx = ctx;
        order_ctx.order_by = true;
        for (std::size_t i = 0; i < s.order_by.size(); ++i)
            text += (i ? ", " : "") + visit(s.order_by[i], order_ctx);
    }
    if (s.limit || s.offset) text += limit_clause(s.limit, s.offset, ctx);
    correlate_froms_.pop_back();
    --select_depth_;
    return text;
}

std::string SQLCompiler::visit_compound(const CompoundSelect& c, SelectMode mode) {
    std::string text;
    bool recording = record_columns_;
    for (std::size_t i = 0; i < c.selects.size(); ++i) {
        const NodePtr& member = c.selects[i];
        if (i) text += std::string(" ") + compound_keyword(c.keyword) + " ";
        // Only the first member's columns are the compound's result columns.
        record_columns_ = recording && i == 0;
        bool grouped = member->kind == NodeKind::CompoundSelect ||
                       !member->as<Select>().order_by.empty() || member->as<Select>().limit ||
                       member->as<Select>().offset;
        std::string inner = member->kind == NodeKind::Select
                                ? visit_select(member->as<Select>(), mode)
                                : visit_compound(member->as<CompoundSelect>(), mode);
        text += grouped ? "(" + inner + ")" : inner;
    }
    record_columns_ = recording;
    Ctx ctx;
    if (!c.order_by.empty()) {
        text += " ORDER BY ";
        Ctx order_ctx = ctx;
        order_ctx.order_by = true;
        order_ctx.bare_column_names = true;
        for (std::size_t i = 0; i < c.order_by.size(); ++i)
            text += (i ? ", " : "") + visit(c.order_by[i], order_ctx);
    }
    if (c.limit || c.offset) text += limit_clause(c.limit, c.offset, ctx);
    return text;
}

std::string SQLCompiler::returning_clause(const NodeList& cols, const schema::Table&) {
    if (!dialect_.caps().insert_returning)
        throw engine::CompileError(
            "RETURNING is not supported by this dialect's statement compiler.");
    Ctx ctx;
    std::string text = " RETURNING ";
    NodeList expanded;
    for (const auto& c : cols) {
        if (c->is_from_clause())
            for (const auto& x : exported_columns(c))
                expanded.push_back(x);
        else
            expanded.push_back(c);
    }
    for (std::size_t i = 0; i < expanded.size(); ++i) {
        const NodePtr& c = expanded[i];
        if (i) text += ", ";
        text += visit(c, ctx);
        std::string key = c->kind == NodeKind::ColumnRef ? c->as<ColumnRef>().name
                          : c->kind == NodeKind::Label   ? c->as<Label>().name
                                                         : visit(c, ctx);
        out_.columns.push_back(
            {key, c->type, c->kind == NodeKind::ColumnRef ? c->as<ColumnRef>().column : nullptr});
    }
    out_.returns_rows = true;
    return text;
}

std::string SQLCompiler::visit_insert(const Insert& ins) {
    const schema::Table& table = *ins.table;
    out_.table = ins.table;
    Ctx ctx;
    std::string text = "INSERT INTO " + quote(table.name()) + " ";
    if (ins.from_select) {
        std::vector<std::string> names;
        for (const auto& k : ins.from_select_keys) {
            auto col = table.c(k);
            names.push_back(quote(col ? col->name : k));
        }
        text += "(";
        for (std::size_t i = 0; i < names.size(); ++i)
            text += (i ? ", " : "") + names[i];
        text += ") " + visit_select(ins.from_select->as<Select>(), SelectMode::Nested);
        if (!ins.returning.empty()) text += returning_clause(ins.returning, table);
        return text;
    }

    // Which keys carry values: .values(), else the execution parameters, else every column.
    const ValuesList* given = ins.rows.empty() ? nullptr : &ins.rows.front();
    auto given_node = [&](const ValuesList& row, const std::string& key) -> NodePtr {
        for (const auto& [k, n] : row)
            if (k == key) return n;
        return nullptr;
    };
    bool all_columns = !given && !options_.param_keys;
    auto has_param_key = [&](const std::string& key) {
        return options_.param_keys &&
               std::find(options_.param_keys->begin(), options_.param_keys->end(), key) !=
                   options_.param_keys->end();
    };
    auto autoinc = table.autoincrement_column();

    struct Target {
        schema::ColumnPtr column;
        bool from_values = false;
    };
    std::vector<Target> targets;
    bool pk_missing = false;
    for (const auto& col : table.columns()) {
        bool in_values = given && given_node(*given, col->key);
        if (all_columns || in_values || has_param_key(col->key)) {
            targets.push_back({col, in_values});
        } else if (col == autoinc) {
            pk_missing = true;
        } else if (col->default_value.is_set()) {
            targets.push_back({col, false});
        }
    }
    if (targets.empty()) {
        // INSERT with no columns at all: SQLAlchemy's "DEFAULT VALUES".
        text += "DEFAULT VALUES";
    } else {
        text += "(";
        for (std::size_t i = 0; i < targets.size(); ++i)
            text += (i ? ", " : "") + quote(targets[i].column->name);
        text += ") VALUES ";
        std::size_t nrows = std::max<std::size_t>(1, ins.rows.size());
        for (std::size_t r = 0; r < nrows; ++r) {
            text += r ? ", (" : "(";
            for (std::size_t i = 0; i < targets.size(); ++i) {
                const auto& col = targets[i].column;
                if (i) text += ", ";
                NodePtr node = r < ins.rows.size() ? given_node(ins.rows[r], col->key) : nullptr;
                std::string suffix = ins.rows.size() > 1 ? "_m" + std::to_string(r) : "";
                if (node) {
                    text += visit(self_group(node, Op::largest), ctx);
                } else if (!targets[i].from_values && !has_param_key(col->key) &&
                           col->default_value.kind == schema::ColumnDefault::Kind::Expression) {
                    text += visit(unwrap(col->default_value.expression.get()), ctx);
                } else {
                    ParamSlot slot;
                    slot.name = col->key + suffix;
                    slot.type = col->type;
                    if (col->default_value.kind == schema::ColumnDefault::Kind::Scalar ||
                        col->default_value.kind == schema::ColumnDefault::Kind::Callable)
                        slot.default_column = col;
                    else if (all_columns || (!has_param_key(col->key) && !options_.param_keys))
                        slot.value = engine::Null{};
                    text += placeholder(std::move(slot));
                }
            }
            text += ")";
        }
    }
    if (!ins.returning.empty()) {
        text += returning_clause(ins.returning, table);
    } else if (pk_missing && autoinc && dialect_.caps().insert_returning &&
               !options_.for_executemany && ins.rows.size() <= 1) {
        text += " RETURNING " + quote(table.name()) + "." + quote(autoinc->name);
        out_.implicit_returning_pk = true;
        out_.columns.push_back({autoinc->name, autoinc->type, autoinc});
        out_.returns_rows = false;
    }
    return text;
}

std::string SQLCompiler::visit_update(const Update& u) {
    const schema::Table& table = *u.table;
    out_.table = u.table;
    Ctx ctx;
    std::string text = "UPDATE " + quote(table.name()) + " SET ";
    std::vector<std::string> sets;
    auto given_node = [&](const std::string& key) -> NodePtr {
        for (const auto& [k, n] : u.values)
            if (k == key) return n;
        return nullptr;
    };
    bool all_columns = u.values.empty() && !options_.param_keys;
    for (const auto& col : table.columns()) {
        NodePtr node = given_node(col->key);
        bool keyed = options_.param_keys &&
                     std::find(options_.param_keys->begin(), options_.param_keys->end(),
                               col->key) != options_.param_keys->end();
        std::string value;
        if (node) {
            value = visit(self_group(node, Op::largest), ctx);
        } else if (keyed || all_columns) {
            ParamSlot slot;
            slot.name = col->key;
            slot.type = col->type;
            value = placeholder(std::move(slot));
        } else if (col->onupdate.is_set()) {
            if (col->onupdate.kind == schema::ColumnDefault::Kind::Expression) {
                value = visit(unwrap(col->onupdate.expression.get()), ctx);
            } else {
                ParamSlot slot;
                slot.name = col->key;
                slot.type = col->type;
                slot.default_column = col;
                slot.use_onupdate = true;
                value = placeholder(std::move(slot));
            }
        } else {
            continue;
        }
        sets.push_back(quote(col->name) + "=" + value);
    }
    for (std::size_t i = 0; i < sets.size(); ++i)
        text += (i ? ", " : "") + sets[i];
    if (!u.where.empty()) {
        std::string w = where_clause(u.where, ctx);
        if (!w.empty()) text += " WHERE " + w;
    }
    if (!u.returning.empty()) text += returning_clause(u.returning, table);
    return text;
}

std::string SQLCompiler::visit_delete(const Delete& d) {
    out_.table = d.table;
    Ctx ctx;
    std::string text = "DELETE FROM " + quote(d.table->name());
    if (!d.where.empty()) {
        std::string w = where_clause(d.where, ctx);
        if (!w.empty()) text += " WHERE " + w;
    }
    if (!d.returning.empty()) text += returning_clause(d.returning, *d.table);
    return text;
}

} // namespace ormsh::sql::detail
