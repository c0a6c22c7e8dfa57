// ON clauses along relationships; the referenced column comes first, as SQLAlchemy renders.
#include "core/orm/relationship_join.h"

#include "core/orm/join_condition.h"
#include "core/orm/mapper.h"
#include "core/sql/elements.h"
#include "core/sql/selectable.h"

namespace ormsh::orm {
namespace {

sql::NodePtr column_in(const sql::NodePtr& from, const schema::ColumnPtr& column) {
    if (from)
        if (sql::NodePtr found = sql::corresponding_column(from, *column)) return found;
    return sql::col(column);
}

sql::NodePtr all_of(const sql::NodeList& clauses) {
    return clauses.size() == 1 ? clauses.front() : sql::and_(clauses);
}

// A primaryjoin's conditions beyond the column pairs (Address.email.like(...)), naming the
// target through `target_from` when that is an alias.
void append_extra_criteria(const RelationshipProperty& rel, const sql::NodePtr& target_from,
                           sql::NodeList& on) {
    bool aliased = target_from && !target_from->is(sql::NodeKind::TableRef);
    for (const auto& clause : rel.extra_criteria())
        on.push_back(aliased ? adapt_columns_to(clause, rel.target()->table(), target_from)
                             : clause);
}

} // namespace

RelationshipJoin relationship_join(const RelationshipProperty& rel, const sql::NodePtr& parent_from,
                                   const sql::NodePtr& target_from,
                                   const sql::NodePtr& secondary_from) {
    RelationshipJoin out;
    sql::NodeList on;
    if (rel.direction() == Direction::ManyToMany) {
        for (const auto& pair : rel.pairs())
            on.push_back(pair_equals(pair, column_in(parent_from, pair.referenced),
                                     column_in(secondary_from, pair.referencing)));
        sql::NodeList second;
        for (const auto& pair : rel.secondary_pairs())
            second.push_back(pair_equals(pair, column_in(target_from, pair.referenced),
                                         column_in(secondary_from, pair.referencing)));
        append_extra_criteria(rel, target_from, second);
        out.parent_on = all_of(on);
        out.secondary_on = all_of(second);
        return out;
    }
    bool referenced_on_target = rel.direction() == Direction::ManyToOne;
    for (const auto& pair : rel.pairs()) {
        const sql::NodePtr& referenced_from = referenced_on_target ? target_from : parent_from;
        const sql::NodePtr& referencing_from = referenced_on_target ? parent_from : target_from;
        on.push_back(pair_equals(pair, column_in(referenced_from, pair.referenced),
                                 column_in(referencing_from, pair.referencing)));
    }
    append_extra_criteria(rel, target_from, on);
    out.parent_on = all_of(on);
    return out;
}

std::vector<std::pair<sql::NodePtr, sql::NodePtr>>
relationship_join_steps(const RelationshipProperty& rel, const sql::NodePtr& target,
                        const sql::NodePtr& parent) {
    sql::NodePtr target_from = target ? target : sql::table(rel.target()->table_ptr());
    if (rel.direction() == Direction::ManyToMany) {
        sql::NodePtr secondary = sql::table(rel.config().secondary);
        RelationshipJoin on = relationship_join(rel, parent, target_from, secondary);
        return {{secondary, on.parent_on}, {target_from, on.secondary_on}};
    }
    return {{target_from, relationship_join(rel, parent, target_from).parent_on}};
}

} // namespace ormsh::orm
