// Loading: turning result rows into objects (SQLAlchemy's loading.instances). Each row's
// entity columns go straight into the slots of the object the identity map names, or of a new
// object made by the session's InstanceFactory; joined eager rows fill collections, and
// selectin relationships are loaded with one extra IN query once all parents are known.
#pragma once

#include "core/engine/result.h"
#include "core/orm/query.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace ormsh::orm {

// Where one entity's columns sit in a result row.
struct EntitySpan {
    const Mapper* mapper; // null for a column entity
    std::size_t first;
    std::size_t count;
    // Where each column slot sits when the columns are not contiguous from `first` (a column
    // shared with an earlier one); empty otherwise.
    std::vector<std::size_t> positions;
};

// A joined eager relationship and where its target's columns sit. Its parent is an entity of
// the row (parent_eager < 0: entity `parent_entity`) or the object another eager span loaded.
struct EagerSpan {
    const RelationshipProperty* rel;
    std::size_t parent_entity;
    int parent_eager;
    std::size_t first;
};

// A relationship loaded by one IN query once the rows are in, for the objects of an entity
// or of a joined eager span; `nested` carries the tree on below it.
struct SelectinSpec {
    const RelationshipProperty* rel;
    std::size_t parent_entity;
    int parent_eager;
    std::vector<LoaderOption> nested;
};

struct LoadPlan {
    std::vector<EntitySpan> entities;
    std::vector<EagerSpan> eager;
    std::vector<SelectinSpec> selectin;
};

class Loader {
public:
    // `unique_entities`: a query of one mapped class returns each object once, as the legacy
    // Query does when joined eager loading repeats parent rows.
    Loader(Session& session, const LoadPlan& plan, bool unique_entities);
    // Loads the result's current row (after Result::advance()), reading each cell straight
    // into the slot of the object it belongs to.
    void add_row(engine::Result& result);
    std::vector<QueryRow> finish();

private:
    StateRef load_entity(const Mapper& mapper, engine::Result& result, std::size_t first,
                         const std::vector<std::size_t>* positions = nullptr);

    // Joined eager collections gathered per parent, and the parents whose slot we fill.
    struct Gathered {
        StateRef parent;
        const RelationshipProperty* rel;
        std::vector<StateRef> items;
        // Indexes `items` once the collection is too long to search (see add()).
        std::unordered_set<InstanceState*> members;

        // Appends `child` unless the collection has it already (a product of two joined
        // collections repeats each child).
        void add(StateRef child);
    };
    Gathered& gathered_for(std::size_t eager, InstanceState* parent);

    Session& session_;
    const LoadPlan& plan_;
    bool unique_;
    std::vector<QueryRow> rows_;
    // The row being loaded; a row a uniquing query drops leaves its storage for the next.
    QueryRow row_;
    // The distinct objects each eager span loaded, in first-seen order, kept only for the spans
    // a selectin load starts from (`collects_objects_`).
    std::vector<std::vector<InstanceState*>> span_objects_;
    std::vector<std::unordered_set<InstanceState*>> span_seen_;
    std::vector<bool> collects_objects_;
    std::vector<InstanceState*> row_objects_;
    // The primary key of the entity being loaded, read from the row (reused across rows).
    std::vector<engine::Value> key_values_;
    // Column values on their way from the row to the slots, one per slot: reading a column
    // into the same Value row after row reuses its text buffer.
    std::vector<engine::Value> cells_;
    // Tells this loader's rows apart from earlier ones in InstanceState::loaded_by.
    std::uint64_t id_;
    std::vector<Gathered> gathered_;
    std::map<std::pair<const InstanceState*, const RelationshipProperty*>, std::size_t>
        gathered_index_;
    // Per eager span, gathered_ index + 1 of the last parent it filled (0: none): rows of one
    // parent usually come together, and then skip the map.
    std::vector<std::size_t> last_gathered_;
};

// The columns of a mapped entity selected from `from` (its table, an alias or a subquery):
// "<table>.<col> AS <table>_<col>" / "<alias>.<col> AS <alias>_<col>" as the legacy Query
// labels them, or the bare columns for a 2.0-style select().
void append_entity_columns(const Mapper& mapper, const sql::NodePtr& from, LabelStyle style,
                           sql::NodeList& columns);

// The column of `from` standing for a mapped column (the column itself when `from` is its
// table); a column `from` does not provide selects NULL.
sql::NodePtr entity_column(const sql::NodePtr& from, const schema::ColumnPtr& column);

// Rewrites column references of `table` in `clause` to the same columns of `alias` (for a
// relationship's order_by inside a joined eager load).
sql::NodePtr adapt_to_alias(const sql::NodePtr& clause, const schema::Table& table,
                            const sql::NodePtr& alias);

// The WHERE clause selecting `parent`'s related rows along `rel`: ":param = child.fk" for a
// one-to-many, with the secondary table's conditions for a many-to-many.
sql::NodePtr relationship_criterion(const RelationshipProperty& rel, const InstanceState& parent);

// Loads `rel` for every parent in `parents` with one IN query (selectinload); `nested` are
// loader options for the related objects (paths from the target).
void selectin_load(Session& session, const RelationshipProperty& rel,
                   const std::vector<InstanceState*>& parents,
                   const std::vector<LoaderOption>& nested = {});

// Sets a relationship slot's contents as loaded from the database (no history).
void set_loaded_related(InstanceState& state, const RelationshipProperty& rel,
                        std::vector<StateRef> items);

} // namespace ormsh::orm
