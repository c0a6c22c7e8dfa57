// Loading rows into objects, and the relationship loader strategies (lazy, selectin).
#include "core/orm/loading.h"

#include <map>

#include "core/engine/result.h"
#include "core/sql/elements.h"
#include "core/sql/selectable.h"

namespace ormsh::orm {

void append_entity_columns(const Mapper& mapper, const sql::NodePtr& from,
                           const std::string& prefix, sql::NodeList& columns) {
    for (const auto& prop : mapper.columns()) {
        sql::NodePtr column = sql::c(from, prop.column->key);
        columns.push_back(sql::label(column, prefix + "_" + prop.column->name));
    }
}

sql::NodePtr adapt_to_alias(const sql::NodePtr& clause, const schema::Table& table,
                            const sql::NodePtr& alias) {
    if (!clause) return clause;
    if (clause->kind == sql::NodeKind::ColumnRef) {
        const auto& ref = clause->as<sql::ColumnRef>();
        if (ref.column && ref.column->table() == &table) {
            sql::NodePtr adapted = sql::c(alias, ref.key);
            return adapted ? adapted : clause;
        }
        return clause;
    }
    if (clause->kind == sql::NodeKind::Unary) {
        auto copy = std::make_shared<sql::Unary>(clause->as<sql::Unary>());
        copy->element = adapt_to_alias(copy->element, table, alias);
        return copy;
    }
    return clause;
}

void set_loaded_related(InstanceState& state, const RelationshipProperty& rel,
                        std::vector<StateRef> items) {
    RelatedSlot& slot = state.related(rel.slot());
    slot = RelatedSlot{};
    slot.loaded = true;
    if (rel.uselist())
        slot.items = std::move(items);
    else if (!items.empty())
        slot.scalar = std::move(items.front());
}

// --- Loader -----------------------------------------------------------------------------------

namespace {

std::uint64_t next_loader_id() {
    static std::uint64_t last = 0;
    return ++last;
}

} // namespace

Loader::Loader(Session& session, const LoadPlan& plan, bool unique_entities)
    : session_(session), plan_(plan), unique_(unique_entities), id_(next_loader_id()) {}

StateRef Loader::load_entity(const Mapper& mapper, std::vector<engine::Value>& row,
                             std::size_t first) {
    IdentityKey key{&mapper, {}};
    key.primary_key.reserve(mapper.primary_key_slots().size());
    for (std::size_t slot : mapper.primary_key_slots()) {
        const engine::Value& v = row[first + slot];
        if (engine::is_null(v)) return StateRef(); // an outer join's missing side
        key.primary_key.push_back(v);
    }
    if (InstanceState* existing = session_.lookup(key)) {
        // An object already in the session keeps its values; only expired slots are filled.
        for (std::size_t slot = 0; slot < mapper.columns().size(); ++slot)
            if (!existing->is_loaded(slot)) existing->load_value(slot, std::move(row[first + slot]));
        return StateRef(existing);
    }
    StateRef state = session_.factory().create(mapper);
    for (std::size_t slot = 0; slot < mapper.columns().size(); ++slot)
        state->load_value(slot, std::move(row[first + slot]));
    state->key = std::move(key);
    session_.register_loaded(*state);
    return state;
}

void Loader::add_row(std::vector<engine::Value>& row) {
    QueryRow out;
    out.items.reserve(plan_.entities.size());
    for (const auto& span : plan_.entities) {
        if (span.mapper)
            out.items.emplace_back(load_entity(*span.mapper, row, span.first));
        else
            out.items.emplace_back(std::move(row[span.first]));
    }
    for (const auto& eager : plan_.eager) {
        auto* parent_ref = std::get_if<StateRef>(&out.items[eager.parent_entity]);
        if (!parent_ref || !*parent_ref) continue;
        InstanceState* parent = parent_ref->get();
        StateRef child = load_entity(*eager.rel->target(), row, eager.first);
        auto [it, inserted] = gathered_index_.emplace(std::make_pair(parent, eager.rel),
                                                      gathered_.size());
        if (inserted) gathered_.push_back(Gathered{StateRef(parent), eager.rel, {}, {}});
        std::size_t index = it->second;
        Gathered& g = gathered_[index];
        if (child && g.members.insert(child.get()).second) g.items.push_back(std::move(child));
    }
    if (unique_ && !out.items.empty()) {
        auto* ref = std::get_if<StateRef>(&out.items.front());
        if (ref && *ref) {
            if ((*ref)->loaded_by == id_) return;
            (*ref)->loaded_by = id_;
        }
    }
    rows_.push_back(std::move(out));
}

std::vector<QueryRow> Loader::finish() {
    for (auto& g : gathered_) {
        // A collection the object already holds is not overwritten (it may have changes).
        if (g.parent->related(g.rel->slot()).loaded) continue;
        set_loaded_related(*g.parent, *g.rel, std::move(g.items));
    }
    for (const RelationshipProperty* rel : plan_.selectin) {
        std::vector<InstanceState*> parents;
        for (const auto& row : rows_) {
            if (row.items.empty()) continue;
            auto* ref = std::get_if<StateRef>(&row.items.front());
            if (ref && *ref && &(*ref)->mapper() == &rel->parent() &&
                !(*ref)->related(rel->slot()).loaded)
                parents.push_back(ref->get());
        }
        if (!parents.empty()) selectin_load(session_, *rel, parents);
    }
    return std::move(rows_);
}

// --- strategies ---------------------------------------------------------------------------------

sql::NodePtr relationship_criterion(const RelationshipProperty& rel, const InstanceState& parent) {
    sql::NodeList clauses;
    for (const auto& pair : rel.pairs()) {
        // The parent's side is bound; SQLAlchemy puts the parameter first: ? = post.category_id.
        const auto& parent_column = rel.direction() == Direction::ManyToOne ? pair.referencing
                                                                            : pair.referenced;
        const auto& child_column = rel.direction() == Direction::ManyToOne ? pair.referenced
                                                                           : pair.referencing;
        std::size_t slot = parent.mapper().slot_of(*parent_column);
        engine::Value value = slot == Mapper::npos ? engine::Value{engine::Null{}}
                                                   : parent.value(slot);
        sql::NodePtr param = sql::literal(value, parent_column->type);
        clauses.push_back(sql::eq(param, sql::col(child_column)));
    }
    for (const auto& pair : rel.secondary_pairs())
        clauses.push_back(sql::eq(sql::col(pair.referenced), sql::col(pair.referencing)));
    return clauses.size() == 1 ? clauses.front() : sql::and_(clauses);
}

void lazy_load(InstanceState& state, const RelationshipProperty& rel) {
    RelatedSlot& slot = state.related(rel.slot());
    if (slot.loaded) return;
    Session* session = state.session;
    if (state.status != Status::Persistent || !session) {
        // Nothing in the database yet: an empty collection or None.
        slot.loaded = true;
        return;
    }
    if (state.any_expired()) session->load_expired(state);
    const Mapper& target = *rel.target();

    if (rel.direction() == Direction::ManyToOne) {
        IdentityKey key{&target, {}};
        bool by_primary_key = rel.pairs().size() == target.primary_key_slots().size();
        for (std::size_t i = 0; i < rel.pairs().size(); ++i) {
            const auto& pair = rel.pairs()[i];
            const engine::Value& v = state.value(state.mapper().slot_of(*pair.referencing));
            if (engine::is_null(v)) {
                set_loaded_related(state, rel, {});
                return;
            }
            key.primary_key.push_back(v);
            if (by_primary_key && target.slot_of(*pair.referenced) != target.primary_key_slots()[i])
                by_primary_key = false;
        }
        if (by_primary_key) {
            if (InstanceState* found = session->lookup(key)) {
                set_loaded_related(state, rel, {StateRef(found)});
                return;
            }
        }
    }
    Query query(*session, {QueryEntity::of(target)});
    query = query.filter(relationship_criterion(rel, state));
    if (!rel.config().order_by.empty()) query = query.order_by(rel.config().order_by);
    std::vector<StateRef> items;
    {
        // Loading a relationship does not flush the session first (SQLAlchemy's lazy loader
        // runs with autoflush only for its own query; pending changes stay pending).
        session->push_no_autoflush();
        try {
            for (auto& row : query.all()) items.push_back(std::get<StateRef>(row.items.front()));
        } catch (...) {
            session->pop_no_autoflush();
            throw;
        }
        session->pop_no_autoflush();
    }
    set_loaded_related(state, rel, std::move(items));
}

void selectin_load(Session& session, const RelationshipProperty& rel,
                   const std::vector<InstanceState*>& parents) {
    if (rel.direction() == Direction::ManyToMany || rel.pairs().size() != 1) {
        for (InstanceState* parent : parents) lazy_load(*parent, rel);
        return;
    }
    const Mapper& target = *rel.target();
    const ColumnPair& pair = rel.pairs().front();
    bool many_to_one = rel.direction() == Direction::ManyToOne;
    const auto& parent_column = many_to_one ? pair.referencing : pair.referenced;
    const auto& child_column = many_to_one ? pair.referenced : pair.referencing;

    std::vector<engine::Value> keys;
    std::map<std::size_t, std::vector<InstanceState*>> parents_by_hash;
    std::vector<std::pair<engine::Value, InstanceState*>> parent_keys;
    for (InstanceState* parent : parents) {
        engine::Value v = parent->value(parent->mapper().slot_of(*parent_column));
        parent_keys.emplace_back(v, parent);
        if (engine::is_null(v)) continue;
        if (std::find(keys.begin(), keys.end(), v) == keys.end()) keys.push_back(v);
    }
    std::vector<std::pair<engine::Value, StateRef>> children;
    if (!keys.empty()) {
        Query query(session, {QueryEntity::of(target)});
        query = query.filter(sql::in_(sql::col(child_column), keys));
        if (!rel.config().order_by.empty()) query = query.order_by(rel.config().order_by);
        session.push_no_autoflush();
        try {
            for (auto& row : query.all()) {
                StateRef child = std::get<StateRef>(row.items.front());
                engine::Value k = child->value(target.slot_of(*child_column));
                children.emplace_back(std::move(k), std::move(child));
            }
        } catch (...) {
            session.pop_no_autoflush();
            throw;
        }
        session.pop_no_autoflush();
    }
    for (auto& [value, parent] : parent_keys) {
        std::vector<StateRef> items;
        for (const auto& [k, child] : children)
            if (k == value) items.push_back(child);
        if (!parent->related(rel.slot()).loaded) set_loaded_related(*parent, rel, std::move(items));
    }
}

} // namespace ormsh::orm
