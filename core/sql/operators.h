// The SQL operators of the expression tree, declared once with their rendering and their
// precedence (SQLAlchemy's operators._PRECEDENCE), which decides where parentheses go: a
// sub-expression is grouped when its operator binds no tighter than the one around it.
#pragma once

#include <string_view>

namespace ormsh::sql {

// X(name, sql text, precedence)
#define ORMSH_SQL_OPERATORS(X)                                                                     \
    X(none, "", 100)                                                                               \
    X(eq, " = ", 5)                                                                                \
    X(ne, " != ", 5)                                                                               \
    X(lt, " < ", 5)                                                                                \
    X(le, " <= ", 5)                                                                               \
    X(gt, " > ", 5)                                                                                \
    X(ge, " >= ", 5)                                                                               \
    X(is, " IS ", 5)                                                                               \
    X(is_not, " IS NOT ", 5)                                                                       \
    X(is_distinct_from, " IS DISTINCT FROM ", 5)                                                   \
    X(is_not_distinct_from, " IS NOT DISTINCT FROM ", 5)                                           \
    /* col.op('&')(x): the operator's text is kept on the Binary node */                           \
    X(custom, "", 0)                                                                               \
    X(like, " LIKE ", 5)                                                                           \
    X(not_like, " NOT LIKE ", 5)                                                                   \
    X(ilike, " ILIKE ", 5)                                                                         \
    X(not_ilike, " NOT ILIKE ", 5)                                                                 \
    X(in, " IN ", 5)                                                                               \
    X(not_in, " NOT IN ", 5)                                                                       \
    X(between, " BETWEEN ", 5)                                                                     \
    X(not_between, " NOT BETWEEN ", 5)                                                             \
    /* startswith & co. have no precedence entry in SQLAlchemy, so they always group */            \
    X(startswith, " LIKE ", -100)                                                                  \
    X(not_startswith, " NOT LIKE ", -100)                                                          \
    X(endswith, " LIKE ", -100)                                                                    \
    X(not_endswith, " NOT LIKE ", -100)                                                            \
    X(contains, " LIKE ", -100)                                                                    \
    X(not_contains, " NOT LIKE ", -100)                                                            \
    X(add, " + ", 7)                                                                               \
    X(sub, " - ", 7)                                                                               \
    X(mul, " * ", 8)                                                                               \
    X(div, " / ", 8)                                                                               \
    X(mod, " % ", 8)                                                                               \
    X(concat, " || ", 6)                                                                           \
    X(and_, " AND ", 3)                                                                            \
    X(or_, " OR ", 2)                                                                              \
    X(comma, ", ", -1)                                                                             \
    X(neg, "-", 8)                                                                                 \
    X(inv, "NOT ", 5)                                                                              \
    X(distinct, "DISTINCT ", 5)                                                                    \
    X(exists, "EXISTS ", 0)                                                                        \
    X(desc, " DESC", 3)                                                                            \
    X(asc, " ASC", 3)                                                                              \
    X(nulls_first, " NULLS FIRST", 3)                                                              \
    X(nulls_last, " NULLS LAST", 3)                                                                \
    X(is_true, "", 5)                                                                              \
    X(is_false, "", 5)                                                                             \
    /* the implicit "used as a WHERE criterion" context */                                         \
    X(asbool, "", -10)                                                                             \
    /* SET values of UPDATE / VALUES of INSERT: everything groups */                               \
    X(largest, "", 1000)

enum class Op {
#define ORMSH_X(name, text, prec) name,
    ORMSH_SQL_OPERATORS(ORMSH_X)
#undef ORMSH_X
};

std::string_view op_text(Op op);
int op_precedence(Op op);
// SQLAlchemy's is_precedent: must an expression with operator `op` be parenthesised inside
// one with operator `against`? Associative operators (AND, OR, +, *, ||) flatten into
// themselves.
bool is_precedent(Op op, Op against);
// The operator `NOT (a op b)` becomes (== to !=, LIKE to NOT LIKE ...), or Op::none.
Op negated(Op op);
bool is_comparison(Op op);

} // namespace ormsh::sql
