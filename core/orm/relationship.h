// RelationshipProperty: one relationship() between two mappers, as SQLAlchemy configures it:
// the direction and column pairs come from the foreign keys between the two tables (or the
// secondary table), the partner attribute from back_populates / backref, and cascade flags
// from the cascade string ("all, delete-orphan").
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/schema/column.h"
#include "core/schema/table.h"
#include "core/sql/nodes.h"

namespace ormsh::orm {

class Mapper;

enum class Direction { ManyToOne, OneToMany, ManyToMany };

enum class LoadStrategy { Select, Joined, Selectin, Dynamic, NoLoad, Raise };

// cascade="..." parsed; the default is "save-update, merge".
struct Cascade {
    bool save_update = true;
    bool merge = true;
    bool expunge = false;
    bool delete_ = false;
    bool delete_orphan = false;
    bool refresh_expire = false;

    // Parses SQLAlchemy's cascade string; throws ArgumentError on an unknown word, naming it.
    static Cascade parse(const std::string& text);
};

// A (parent column, child column) pair: for many-to-one, (the referenced column on the target,
// the foreign key column on this side); the flush copies values along it.
struct ColumnPair {
    schema::ColumnPtr referenced; // the primary/unique side
    schema::ColumnPtr referencing; // the foreign key side
    // primaryjoin written as fk_column == key_column: SQL renders the comparison that way round.
    bool referencing_first = false;
};

struct RelationshipConfig {
    std::string key;             // attribute name on the parent class
    std::string target_name;     // the class name given as argument ('Invoice' or the class)
    std::optional<std::string> back_populates;
    // backref='name' or backref=backref('name', ...): the partner created on the target when
    // configured; its target_name is filled in then.
    std::shared_ptr<RelationshipConfig> backref;
    std::optional<bool> uselist;
    LoadStrategy lazy = LoadStrategy::Select;
    Cascade cascade;
    schema::TablePtr secondary;
    // foreign_keys=[...] restricting which columns count, by "table.column" name.
    std::vector<std::string> foreign_keys;
    // remote_side=[...] for self-referential relationships, by "table.column" name.
    std::vector<std::string> remote_side;
    // order_by=...: the ORDER BY of the collection when it loads (columns of the target).
    sql::NodeList order_by;
    // primaryjoin= / secondaryjoin= as expressions (strings and callables already evaluated);
    // null when the foreign keys decide.
    sql::NodePtr primaryjoin;
    sql::NodePtr secondaryjoin;
    // The primaryjoin as SQL text ('a.id = b.a_id'), for error messages; filled by the host.
    std::string primaryjoin_text;
    bool viewonly = false;
    bool passive_deletes = false;
};

class RelationshipProperty {
public:
    RelationshipProperty(Mapper& parent, RelationshipConfig config, std::size_t slot)
        : parent_(&parent), config_(std::move(config)), slot_(slot) {}

    const std::string& key() const { return config_.key; }
    const RelationshipConfig& config() const { return config_; }
    RelationshipConfig& config() { return config_; }
    Mapper& parent() const { return *parent_; }
    // The index of this relationship's RelatedSlot in each InstanceState of the parent.
    std::size_t slot() const { return slot_; }

    // Resolved by Mapper::configure -------------------------------------------------------
    Mapper* target() const { return target_; }
    Direction direction() const { return direction_; }
    bool uselist() const { return uselist_; }
    // Parent-side pairs (for many-to-many: parent table <-> secondary).
    const std::vector<ColumnPair>& pairs() const { return pairs_; }
    // Many-to-many only: target table <-> secondary.
    const std::vector<ColumnPair>& secondary_pairs() const { return secondary_pairs_; }
    RelationshipProperty* partner() const { return partner_; }
    // The parts of primaryjoin / secondaryjoin that are not column pairs (conditions on the
    // target or secondary table), added to every load and join of the relationship.
    const sql::NodeList& extra_criteria() const { return extra_criteria_; }
    bool self_referential() const;

    // Works out target, direction and column pairs from the tables' foreign keys; throws
    // ArgumentError / InvalidRequestError in SQLAlchemy's words when it cannot.
    void configure(Mapper& target);
    // A backref mirrors its forward relationship's join, as SQLAlchemy's generated backref
    // takes the forward primaryjoin (secondaryjoin swapped for many-to-many): same pairs and
    // criteria, the opposite direction.
    void configure_as_backref_of(const RelationshipProperty& forward);
    void set_partner(RelationshipProperty* partner) { partner_ = partner; }

private:
    Mapper* parent_;
    RelationshipConfig config_;
    std::size_t slot_;
    Mapper* target_ = nullptr;
    Direction direction_ = Direction::ManyToOne;
    bool uselist_ = false;
    std::vector<ColumnPair> pairs_;
    std::vector<ColumnPair> secondary_pairs_;
    sql::NodeList extra_criteria_;
    RelationshipProperty* partner_ = nullptr;

    void configure_from_join_conditions();
};

} // namespace ormsh::orm
