// The in-memory evaluator. SQL NULL semantics are kept: a comparison with NULL is unknown
// (nullopt inside, false at the top), as SQLAlchemy's evaluator returns None.
#include "core/orm/criteria_evaluator.h"

#include "core/orm/mapper.h"

#include <cmath>

namespace ormsh::orm {
namespace {

using engine::Value;

// A value, or "unknown" (an unloaded column: the object is skipped).
struct Eval {
    bool known = true;
    Value value;
};

bool is_number(const Value& v) {
    return std::holds_alternative<std::int64_t>(v) || std::holds_alternative<double>(v) ||
           std::holds_alternative<bool>(v);
}

double as_double(const Value& v) {
    if (auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
    if (auto* b = std::get_if<bool>(&v)) return *b ? 1 : 0;
    return std::get<double>(v);
}

// -1 / 0 / 1, or nullopt when the values cannot be ordered against each other.
std::optional<int> compare(const Value& a, const Value& b) {
    if (is_number(a) && is_number(b)) {
        double x = as_double(a), y = as_double(b);
        return x < y ? -1 : x > y ? 1 : 0;
    }
    if (a.index() != b.index()) return std::nullopt;
    auto order = a <=> b;
    return order < 0 ? -1 : order > 0 ? 1 : 0;
}

Value arithmetic(sql::Op op, const Value& a, const Value& b) {
    if (engine::is_null(a) || engine::is_null(b)) return engine::Null{};
    if (op == sql::Op::concat || (op == sql::Op::add && std::holds_alternative<std::string>(a))) {
        if (auto* x = std::get_if<std::string>(&a))
            if (auto* y = std::get_if<std::string>(&b)) return *x + *y;
        throw UnevaluatableError("Cannot evaluate concatenation of non-strings");
    }
    if (!is_number(a) || !is_number(b))
        throw UnevaluatableError("Cannot evaluate arithmetic on non-numeric values");
    bool integral = !std::holds_alternative<double>(a) && !std::holds_alternative<double>(b);
    if (integral && op != sql::Op::div) {
        std::int64_t x = static_cast<std::int64_t>(as_double(a));
        std::int64_t y = static_cast<std::int64_t>(as_double(b));
        if (auto* i = std::get_if<std::int64_t>(&a)) x = *i;
        if (auto* i = std::get_if<std::int64_t>(&b)) y = *i;
        switch (op) {
        case sql::Op::add:
            return x + y;
        case sql::Op::sub:
            return x - y;
        case sql::Op::mul:
            return x * y;
        case sql::Op::mod:
            if (y == 0) return engine::Null{};
            return x % y;
        default:
            break;
        }
    }
    double x = as_double(a), y = as_double(b);
    switch (op) {
    case sql::Op::add:
        return x + y;
    case sql::Op::sub:
        return x - y;
    case sql::Op::mul:
        return x * y;
    case sql::Op::div:
        if (y == 0) return engine::Null{};
        return x / y;
    case sql::Op::mod:
        if (y == 0) return engine::Null{};
        return std::fmod(x, y);
    default:
        throw UnevaluatableError("Cannot evaluate operator");
    }
}

Value truth(std::optional<bool> b) {
    if (!b) return engine::Null{};
    return *b;
}

std::optional<bool> as_truth(const Value& v) {
    if (engine::is_null(v)) return std::nullopt;
    if (auto* b = std::get_if<bool>(&v)) return *b;
    if (is_number(v)) return as_double(v) != 0;
    return true;
}

struct Evaluator {
    const InstanceState& state;

    Eval eval(const sql::NodePtr& n) {
        switch (n->kind) {
        case sql::NodeKind::ColumnRef: {
            const auto& ref = n->as<sql::ColumnRef>();
            const Mapper& mapper = state.mapper();
            if (!ref.column || ref.column->table() != &mapper.table())
                throw UnevaluatableError("Cannot evaluate column: " + ref.name);
            std::size_t slot = mapper.slot_of(*ref.column);
            if (slot == Mapper::npos)
                throw UnevaluatableError("Cannot evaluate column: " + ref.name);
            if (!state.is_loaded(slot)) return Eval{false, {}};
            return Eval{true, state.value(slot)};
        }
        case sql::NodeKind::BindParam: {
            const auto& b = n->as<sql::BindParam>();
            if (!b.value) throw UnevaluatableError("Cannot evaluate a parameter without a value");
            return Eval{true, *b.value};
        }
        case sql::NodeKind::Keyword:
            switch (n->as<sql::Keyword>().which) {
            case sql::Keyword::Which::Null:
                return Eval{true, engine::Null{}};
            case sql::Keyword::Which::True:
                return Eval{true, true};
            case sql::Keyword::Which::False:
                return Eval{true, false};
            }
            break;
        case sql::NodeKind::Grouping:
            return eval(n->as<sql::Grouping>().element);
        case sql::NodeKind::AsBoolean: {
            const auto& a = n->as<sql::AsBoolean>();
            Eval inner = eval(a.element);
            if (!inner.known) return inner;
            std::optional<bool> t = as_truth(inner.value);
            if (t && !a.truth) t = !*t;
            return Eval{true, truth(t)};
        }
        case sql::NodeKind::Unary: {
            const auto& u = n->as<sql::Unary>();
            Eval inner = eval(u.element);
            if (!inner.known) return inner;
            if (u.op == sql::Op::inv) {
                std::optional<bool> t = as_truth(inner.value);
                return Eval{true, truth(t ? std::optional<bool>(!*t) : std::nullopt)};
            }
            if (u.op == sql::Op::neg)
                return Eval{true, arithmetic(sql::Op::sub, std::int64_t{0}, inner.value)};
            break;
        }
        case sql::NodeKind::ClauseList:
            return clause_list(n->as<sql::ClauseList>());
        case sql::NodeKind::Binary:
            return binary(n->as<sql::Binary>());
        default:
            break;
        }
        throw UnevaluatableError(std::string("Cannot evaluate ") + sql::node_kind_name(n->kind));
    }

    Eval clause_list(const sql::ClauseList& l) {
        if (l.op != sql::Op::and_ && l.op != sql::Op::or_)
            throw UnevaluatableError("Cannot evaluate a clause list");
        bool is_and = l.op == sql::Op::and_;
        bool unknown = false;
        for (const auto& c : l.clauses) {
            Eval e = eval(c);
            if (!e.known) return e;
            std::optional<bool> t = as_truth(e.value);
            if (!t) {
                unknown = true;
                continue;
            }
            if (*t != is_and) return Eval{true, !is_and};
        }
        return Eval{true, unknown ? Value(engine::Null{}) : Value(is_and)};
    }

    Eval binary(const sql::Binary& b) {
        if (b.op == sql::Op::in || b.op == sql::Op::not_in) {
            Eval left = eval(b.left);
            if (!left.known) return left;
            if (!b.right || b.right->kind != sql::NodeKind::BindParam ||
                !b.right->as<sql::BindParam>().expanding)
                throw UnevaluatableError("Cannot evaluate IN with a subquery");
            if (engine::is_null(left.value)) return Eval{true, engine::Null{}};
            bool found = false;
            for (const auto& v : b.right->as<sql::BindParam>().values)
                if (compare(left.value, v) == 0) found = true;
            return Eval{true, b.op == sql::Op::in ? found : !found};
        }
        Eval left = eval(b.left);
        if (!left.known) return left;
        Eval right = eval(b.right);
        if (!right.known) return right;
        const Value& x = left.value;
        const Value& y = right.value;
        switch (b.op) {
        case sql::Op::is:
        case sql::Op::is_not_distinct_from:
            return Eval{true, (engine::is_null(x) && engine::is_null(y)) || compare(x, y) == 0};
        case sql::Op::is_not:
        case sql::Op::is_distinct_from:
            return Eval{true, !((engine::is_null(x) && engine::is_null(y)) || compare(x, y) == 0)};
        case sql::Op::eq:
        case sql::Op::ne:
        case sql::Op::lt:
        case sql::Op::le:
        case sql::Op::gt:
        case sql::Op::ge: {
            if (engine::is_null(x) || engine::is_null(y)) return Eval{true, engine::Null{}};
            std::optional<int> c = compare(x, y);
            if (!c) {
                if (b.op == sql::Op::eq) return Eval{true, false};
                if (b.op == sql::Op::ne) return Eval{true, true};
                throw UnevaluatableError("Cannot compare values of different types");
            }
            bool r = b.op == sql::Op::eq   ? *c == 0
                     : b.op == sql::Op::ne ? *c != 0
                     : b.op == sql::Op::lt ? *c < 0
                     : b.op == sql::Op::le ? *c <= 0
                     : b.op == sql::Op::gt ? *c > 0
                                           : *c >= 0;
            return Eval{true, r};
        }
        case sql::Op::add:
        case sql::Op::sub:
        case sql::Op::mul:
        case sql::Op::div:
        case sql::Op::mod:
        case sql::Op::concat:
            return Eval{true, arithmetic(b.op, x, y)};
        default:
            throw UnevaluatableError(std::string("Cannot evaluate operator") +
                                     std::string(sql::op_text(b.op)));
        }
    }
};

} // namespace

std::optional<bool> evaluate_criterion(const sql::NodePtr& criterion, const InstanceState& state) {
    Eval e = Evaluator{state}.eval(criterion);
    if (!e.known) return std::nullopt;
    return as_truth(e.value).value_or(false);
}

std::optional<engine::Value> evaluate_value(const sql::NodePtr& expr, const InstanceState& state) {
    Eval e = Evaluator{state}.eval(expr);
    if (!e.known) return std::nullopt;
    return e.value;
}

} // namespace ormsh::orm
