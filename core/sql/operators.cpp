// Operator tables generated from ORMSH_SQL_OPERATORS, plus the precedence and negation rules
// SQLAlchemy's operators module applies.
#include "core/sql/operators.h"

namespace ormsh::sql {

std::string_view op_text(Op op) {
    switch (op) {
#define ORMSH_X(name, text, prec)                                                                  \
    case Op::name:                                                                                 \
        return text;
        ORMSH_SQL_OPERATORS(ORMSH_X)
#undef ORMSH_X
    }
    return "";
}

int op_precedence(Op op) {
    switch (op) {
#define ORMSH_X(name, text, prec)                                                                  \
    case Op::name:                                                                                 \
        return prec;
        ORMSH_SQL_OPERATORS(ORMSH_X)
#undef ORMSH_X
    }
    return 0;
}

namespace {
// SQLAlchemy's _associative set (commutative minus = and !=, plus || AND OR).
bool is_natural_self_precedent(Op op) {
    return op == Op::add || op == Op::mul || op == Op::concat || op == Op::and_ || op == Op::or_;
}
} // namespace

bool is_precedent(Op op, Op against) {
    if (op == against && is_natural_self_precedent(op)) return false;
    return op_precedence(op) <= op_precedence(against);
}

Op negated(Op op) {
    switch (op) {
    case Op::eq:
        return Op::ne;
    case Op::ne:
        return Op::eq;
    case Op::lt:
        return Op::ge;
    case Op::ge:
        return Op::lt;
    case Op::gt:
        return Op::le;
    case Op::le:
        return Op::gt;
    case Op::is:
        return Op::is_not;
    case Op::is_not:
        return Op::is;
    case Op::is_distinct_from:
        return Op::is_not_distinct_from;
    case Op::is_not_distinct_from:
        return Op::is_distinct_from;
    case Op::like:
        return Op::not_like;
    case Op::not_like:
        return Op::like;
    case Op::ilike:
        return Op::not_ilike;
    case Op::not_ilike:
        return Op::ilike;
    case Op::in:
        return Op::not_in;
    case Op::not_in:
        return Op::in;
    case Op::between:
        return Op::not_between;
    case Op::not_between:
        return Op::between;
    case Op::startswith:
        return Op::not_startswith;
    case Op::not_startswith:
        return Op::startswith;
    case Op::endswith:
        return Op::not_endswith;
    case Op::not_endswith:
        return Op::endswith;
    case Op::contains:
        return Op::not_contains;
    case Op::not_contains:
        return Op::contains;
    default:
        return Op::none;
    }
}

bool is_comparison(Op op) {
    return negated(op) != Op::none;
}

} // namespace ormsh::sql
