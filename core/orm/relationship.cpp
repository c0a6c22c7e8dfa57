// RelationshipProperty::configure and cascade parsing: the direction of a relationship and
// the columns its flush synchronises, worked out from foreign keys as SQLAlchemy does.
#include "core/orm/relationship.h"

#include "core/engine/errors.h"
#include "core/orm/errors.h"
#include "core/orm/join_condition.h"
#include "core/orm/mapper.h"

#include <algorithm>
#include <fmt/core.h>
#include <sstream>

namespace ormsh::orm {
namespace {

std::string trim(std::string s) {
    auto not_space = [](unsigned char c) { return !std::isspace(c); };
    s.erase(s.begin(), std::find_if(s.begin(), s.end(), not_space));
    s.erase(std::find_if(s.rbegin(), s.rend(), not_space).base(), s.end());
    return s;
}

bool allowed(const std::vector<std::string>& restrict_to, const schema::Column& column) {
    if (restrict_to.empty()) return true;
    std::string full = column.fullname();
    return std::find(restrict_to.begin(), restrict_to.end(), full) != restrict_to.end() ||
           std::find(restrict_to.begin(), restrict_to.end(), column.name) != restrict_to.end();
}

// Foreign keys of `from` that point at `to`, as (referenced, referencing) pairs.
std::vector<ColumnPair> pairs_between(const schema::Table& from, const schema::Table& to,
                                      const std::vector<std::string>& restrict_to) {
    std::vector<ColumnPair> pairs;
    for (const auto& column : from.columns()) {
        for (const auto& fk : column->foreign_keys()) {
            if (!fk->references(to) || !allowed(restrict_to, *column)) continue;
            pairs.push_back(ColumnPair{fk->column(), column});
        }
    }
    return pairs;
}

// Two foreign keys naming the same referenced column (sender_id and recipient_id both to
// user.id) are two join paths, unless foreign_keys= lists the ones to use; the columns of one
// composite key name different ones.
bool two_paths(const std::vector<ColumnPair>& pairs) {
    for (std::size_t i = 0; i < pairs.size(); ++i)
        for (std::size_t j = i + 1; j < pairs.size(); ++j)
            if (pairs[i].referenced == pairs[j].referenced) return true;
    return false;
}

} // namespace

Cascade Cascade::parse(const std::string& text) {
    Cascade c;
    c.save_update = c.merge = false;
    std::stringstream in(text);
    std::string word;
    std::vector<std::string> unknown;
    while (std::getline(in, word, ',')) {
        word = trim(word);
        if (word.empty()) continue;
        if (word == "all") {
            c.save_update = c.merge = c.refresh_expire = c.expunge = c.delete_ = true;
        } else if (word == "none") {
        } else if (word == "save-update") {
            c.save_update = true;
        } else if (word == "merge") {
            c.merge = true;
        } else if (word == "expunge") {
            c.expunge = true;
        } else if (word == "delete") {
            c.delete_ = true;
        } else if (word == "delete-orphan") {
            c.delete_orphan = true;
        } else if (word == "refresh-expire") {
            c.refresh_expire = true;
        } else {
            unknown.push_back("'" + word + "'");
        }
    }
    if (!unknown.empty()) {
        std::string list;
        for (std::size_t i = 0; i < unknown.size(); ++i)
            list += (i ? ", " : "") + unknown[i];
        throw engine::ArgumentError("Invalid cascade option(s): " + list);
    }
    return c;
}

bool RelationshipProperty::self_referential() const {
    return target_ && &target_->table() == &parent_->table();
}

// Self-referential without secondary: many-to-one when remote_side names the referenced
// (primary key) side, as in parent = relationship('Node', remote_side=[id]).
static bool remote_side_is_referenced(const RelationshipConfig& config,
                                      const std::vector<ColumnPair>& pairs) {
    if (config.remote_side.empty()) return false;
    for (const auto& pair : pairs)
        if (allowed(config.remote_side, *pair.referenced)) return true;
    return false;
}

// "'a.id = b.a_id' " when the host gave the primaryjoin's text, as SQLAlchemy's messages quote it.
static std::string quoted_condition(const RelationshipConfig& config) {
    return config.primaryjoin_text.empty() ? std::string() : "'" + config.primaryjoin_text + "' ";
}

// SQLAlchemy's error when a join condition names no column that refers to the other side.
static engine::ArgumentError no_foreign_keys_error(const RelationshipConfig& config,
                                                   std::string_view class_name) {
    return engine::ArgumentError(fmt::format(
        "Could not locate any relevant foreign key columns for primary join condition {}on "
        "relationship {}.{}.  Ensure that referencing columns are associated with a ForeignKey "
        "or ForeignKeyConstraint, or are annotated in the join condition with the foreign() "
        "annotation.",
        quoted_condition(config), class_name, config.key));
}

void RelationshipProperty::configure_from_join_conditions() {
    const schema::Table& parent_table = parent_->table();
    const auto& restrict_to = config_.foreign_keys;
    const schema::Table* secondary = config_.secondary.get();
    JoinCondition primary = analyze_join_condition(config_.primaryjoin, restrict_to, secondary);
    extra_criteria_ = primary.extra_criteria;
    pairs_ = primary.pairs;
    if (secondary) {
        direction_ = Direction::ManyToMany;
        if (config_.secondaryjoin) {
            JoinCondition second =
                analyze_join_condition(config_.secondaryjoin, restrict_to, secondary);
            secondary_pairs_ = second.pairs;
            extra_criteria_.insert(extra_criteria_.end(), second.extra_criteria.begin(),
                                   second.extra_criteria.end());
        } else {
            secondary_pairs_ = pairs_between(*secondary, target_->table(), restrict_to);
        }
        if (pairs_.empty() || secondary_pairs_.empty())
            throw no_foreign_keys_error(config_, parent_->class_name());
        return;
    }
    if (pairs_.empty()) throw no_foreign_keys_error(config_, parent_->class_name());
    if (self_referential()) {
        // remote(...) in the join condition says the same as remote_side=.
        RelationshipConfig annotated = config_;
        for (const auto& column : primary.remote_columns)
            annotated.remote_side.push_back(column->fullname());
        direction_ = remote_side_is_referenced(annotated, pairs_) ? Direction::ManyToOne
                                                                  : Direction::OneToMany;
        return;
    }
    direction_ = pairs_.front().referencing->table() == &parent_table ? Direction::ManyToOne
                                                                      : Direction::OneToMany;
}

void RelationshipProperty::configure_as_backref_of(const RelationshipProperty& forward) {
    target_ = &forward.parent();
    extra_criteria_ = forward.extra_criteria_;
    switch (forward.direction_) {
    case Direction::ManyToMany:
        direction_ = Direction::ManyToMany;
        pairs_ = forward.secondary_pairs_;
        secondary_pairs_ = forward.pairs_;
        break;
    case Direction::ManyToOne:
    case Direction::OneToMany:
        pairs_ = forward.pairs_;
        if (self_referential() && !config_.remote_side.empty())
            direction_ = remote_side_is_referenced(config_, pairs_) ? Direction::ManyToOne
                                                                    : Direction::OneToMany;
        else if (self_referential() && forward.config_.remote_side.empty())
            // Nothing says which end is remote: both are one-to-many, which SQLAlchemy
            // reports when it pairs them.
            direction_ = Direction::OneToMany;
        else
            direction_ = forward.direction_ == Direction::ManyToOne ? Direction::OneToMany
                                                                    : Direction::ManyToOne;
        break;
    }
    uselist_ = config_.uselist.value_or(direction_ != Direction::ManyToOne);
}

void RelationshipProperty::configure(Mapper& target) {
    target_ = &target;
    if (config_.primaryjoin) {
        configure_from_join_conditions();
        uselist_ = config_.uselist.value_or(direction_ != Direction::ManyToOne);
        return;
    }
    const schema::Table& parent_table = parent_->table();
    const schema::Table& target_table = target.table();
    const auto& restrict_to = config_.foreign_keys;

    if (config_.secondary) {
        direction_ = Direction::ManyToMany;
        pairs_ = pairs_between(*config_.secondary, parent_table, restrict_to);
        secondary_pairs_ = pairs_between(*config_.secondary, target_table, restrict_to);
        if (&parent_table == &target_table && pairs_.size() > 1) {
            // Self-referential many-to-many needs primaryjoin/secondaryjoin to tell the two
            // sides apart; without them take the first key for the parent, the second for the
            // target, which is what such tables declare in practice.
            secondary_pairs_ = {pairs_[1]};
            pairs_ = {pairs_[0]};
        }
        if (pairs_.empty() || secondary_pairs_.empty())
            throw NoForeignKeysError(fmt::format(
                "Could not determine join condition between parent/child tables on relationship "
                "{}.{} - there are no foreign keys linking these tables via secondary table '{}'.  "
                "Ensure that referencing columns are associated with a ForeignKey or "
                "ForeignKeyConstraint, or specify 'primaryjoin' and 'secondaryjoin' expressions.",
                parent_->class_name(), config_.key, config_.secondary->name()));
    } else {
        auto to_target = pairs_between(parent_table, target_table, restrict_to);
        auto to_parent = pairs_between(target_table, parent_table, restrict_to);
        if (&parent_table == &target_table) {
            // Self-referential: one-to-many unless remote_side names the referenced column,
            // which makes it the many-to-one side (parent = relationship('Node',
            // remote_side=[id])).
            direction_ = remote_side_is_referenced(config_, to_target) ? Direction::ManyToOne
                                                                       : Direction::OneToMany;
            pairs_ = to_target;
        } else if ((!to_parent.empty() && !to_target.empty()) ||
                   (restrict_to.empty() && (two_paths(to_target) || two_paths(to_parent)))) {
            throw AmbiguousForeignKeysError(fmt::format(
                "Could not determine join condition between parent/child tables on relationship "
                "{}.{} - there are multiple foreign key paths linking the tables.  Specify the "
                "'foreign_keys' argument, providing a list of those columns which should be "
                "counted as containing a foreign key reference to the parent table.",
                parent_->class_name(), config_.key));
        } else if (!to_target.empty()) {
            direction_ = Direction::ManyToOne;
            pairs_ = std::move(to_target);
        } else if (!to_parent.empty()) {
            direction_ = Direction::OneToMany;
            pairs_ = std::move(to_parent);
        }
        if (pairs_.empty())
            throw NoForeignKeysError(fmt::format(
                "Could not determine join condition between parent/child tables on relationship "
                "{}.{} - there are no foreign keys linking these tables.  Ensure that referencing "
                "columns are associated with a ForeignKey or ForeignKeyConstraint, or specify a "
                "'primaryjoin' expression.",
                parent_->class_name(), config_.key));
    }
    uselist_ = config_.uselist.value_or(direction_ != Direction::ManyToOne);
}

} // namespace ormsh::orm
