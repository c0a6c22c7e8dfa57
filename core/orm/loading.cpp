// Loading rows into objects, and the relationship loader strategies (lazy, selectin).
#include "core/orm/loading.h"

#include "core/engine/result.h"
#include "core/orm/identity_key.h"
#include "core/orm/join_condition.h"
#include "core/sql/elements.h"
#include "core/sql/selectable.h"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

namespace ormsh::orm {

sql::NodePtr entity_column(const sql::NodePtr& from, const schema::ColumnPtr& column) {
    if (!from) return sql::col(column);
    if (sql::NodePtr found = sql::corresponding_column(from, *column)) return found;
    return sql::null();
}

void append_entity_columns(const Mapper& mapper, const sql::NodePtr& from, LabelStyle style,
                           sql::NodeList& columns) {
    for (const auto& prop : mapper.columns()) {
        sql::NodePtr column = entity_column(from, prop.column);
        if (style == LabelStyle::DisambiguateOnly || column->kind != sql::NodeKind::ColumnRef)
            columns.push_back(column);
        else if (from->kind == sql::NodeKind::Alias)
            columns.push_back(sql::alias_label(column, from, column->as<sql::ColumnRef>().name));
        else
            columns.push_back(sql::label(column, mapper.table().name() + "_" + prop.column->name));
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
    : session_(session), plan_(plan), unique_(unique_entities), span_objects_(plan.eager.size()),
      span_seen_(plan.eager.size()), collects_objects_(plan.eager.size()),
      row_objects_(plan.eager.size()), id_(next_loader_id()), last_gathered_(plan.eager.size()) {
    for (const SelectinSpec& spec : plan.selectin)
        if (spec.parent_eager >= 0)
            collects_objects_[static_cast<std::size_t>(spec.parent_eager)] = true;
}

StateRef Loader::load_entity(const Mapper& mapper, engine::Result& result, std::size_t first,
                             const std::vector<std::size_t>* positions) {
    // Where each slot's column is: contiguous from `first`, or scattered (`positions`).
    const std::size_t* scattered = positions && !positions->empty() ? positions->data() : nullptr;
    auto column = [&](std::size_t slot) { return scattered ? scattered[slot] : first + slot; };
    const auto& key_slots = mapper.primary_key_slots();
    key_values_.resize(key_slots.size());
    for (std::size_t i = 0; i < key_slots.size(); ++i) {
        result.read(column(key_slots[i]), key_values_[i]);
        if (engine::is_null(key_values_[i])) return StateRef(); // an outer join's missing side
    }
    std::size_t slots = mapper.columns().size();
    if (InstanceState* existing =
            session_.lookup(IdentityKeyView{&mapper, key_values_.data(), key_values_.size()})) {
        // An object already in the session keeps its values; only expired slots are filled.
        if (cells_.size() < slots) cells_.resize(slots);
        for (std::size_t slot = 0; slot < slots; ++slot) {
            if (existing->is_loaded(slot)) continue;
            result.read(column(slot), cells_[slot]);
            existing->load_value(slot, cells_[slot]);
        }
        return StateRef(existing);
    }
    StateRef state = session_.factory().create(mapper);
    InstanceState& loaded = *state;
    // The key's columns were read already.
    for (std::size_t i = 0; i < key_slots.size(); ++i)
        loaded.load_value(key_slots[i], key_values_[i]);
    if (cells_.size() < slots) cells_.resize(slots);
    for (std::size_t slot = 0; slot < slots; ++slot) {
        if (std::find(key_slots.begin(), key_slots.end(), slot) != key_slots.end()) continue;
        result.read(column(slot), cells_[slot]);
        loaded.load_value(slot, cells_[slot]);
    }
    loaded.set_identity_from_slots();
    session_.register_loaded(loaded);
    return state;
}

void Loader::Gathered::add(StateRef child) {
    // Short collections are searched; past this length they are indexed by `members`.
    constexpr std::size_t kSearchedItems = 16;
    if (members.empty()) {
        if (std::find(items.begin(), items.end(), child) != items.end()) return;
        items.push_back(std::move(child));
        if (items.size() > kSearchedItems)
            for (const auto& item : items)
                members.insert(item.get());
        return;
    }
    if (members.insert(child.get()).second) items.push_back(std::move(child));
}

Loader::Gathered& Loader::gathered_for(std::size_t eager, InstanceState* parent) {
    std::size_t& last = last_gathered_[eager];
    if (last && gathered_[last - 1].parent.get() == parent) return gathered_[last - 1];
    const RelationshipProperty* rel = plan_.eager[eager].rel;
    auto [it, inserted] = gathered_index_.emplace(std::make_pair(parent, rel), gathered_.size());
    if (inserted) gathered_.push_back(Gathered{StateRef(parent), rel, {}, {}});
    last = it->second + 1;
    return gathered_[it->second];
}

void Loader::add_row(engine::Result& result) {
    QueryRow& out = row_;
    out.items.clear();
    out.items.resize(plan_.entities.size());
    for (std::size_t i = 0; i < plan_.entities.size(); ++i) {
        const EntitySpan& span = plan_.entities[i];
        if (span.mapper)
            out.items[i] = load_entity(*span.mapper, result, span.first, &span.positions);
        else
            result.read(span.first, out.items[i].emplace<engine::Value>());
    }
    for (std::size_t i = 0; i < plan_.eager.size(); ++i) {
        const EagerSpan& eager = plan_.eager[i];
        row_objects_[i] = nullptr;
        InstanceState* parent = nullptr;
        if (eager.parent_eager >= 0) {
            parent = row_objects_[static_cast<std::size_t>(eager.parent_eager)];
        } else if (auto* ref = std::get_if<StateRef>(&out.items[eager.parent_entity])) {
            parent = ref->get();
        }
        if (!parent) continue;
        StateRef child = load_entity(*eager.rel->target(), result, eager.first);
        if (child) {
            row_objects_[i] = child.get();
            if (collects_objects_[i] && span_seen_[i].insert(child.get()).second)
                span_objects_[i].push_back(child.get());
        }
        // A parent without children still gets its (empty) collection.
        Gathered& g = gathered_for(i, parent);
        if (child) g.add(std::move(child));
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
    for (const SelectinSpec& spec : plan_.selectin) {
        const RelationshipProperty& rel = *spec.rel;
        std::vector<InstanceState*> candidates;
        if (spec.parent_eager >= 0) {
            candidates = span_objects_[static_cast<std::size_t>(spec.parent_eager)];
        } else {
            std::unordered_set<InstanceState*> seen;
            for (const auto& row : rows_) {
                auto* ref = std::get_if<StateRef>(&row.items[spec.parent_entity]);
                if (ref && *ref && seen.insert(ref->get()).second) candidates.push_back(ref->get());
            }
        }
        std::vector<InstanceState*> parents;
        for (InstanceState* p : candidates)
            if (&p->mapper() == &rel.parent() && !p->related(rel.slot()).loaded)
                parents.push_back(p);
        if (!parents.empty()) selectin_load(session_, rel, parents, spec.nested);
    }
    return std::move(rows_);
}

// --- strategies ---------------------------------------------------------------------------------

sql::NodePtr relationship_criterion(const RelationshipProperty& rel, const InstanceState& parent) {
    sql::NodeList clauses;
    for (const auto& pair : rel.pairs()) {
        // The parent's side is bound; SQLAlchemy puts the parameter first: ? = post.category_id.
        const auto& parent_column =
            rel.direction() == Direction::ManyToOne ? pair.referencing : pair.referenced;
        const auto& child_column =
            rel.direction() == Direction::ManyToOne ? pair.referenced : pair.referencing;
        std::size_t slot = parent.mapper().slot_of(*parent_column);
        engine::Value value =
            slot == Mapper::npos ? engine::Value{engine::Null{}} : parent.value(slot);
        sql::NodePtr param = sql::literal(value, parent_column->type);
        if (pair.referencing_first)
            clauses.push_back(rel.direction() == Direction::ManyToOne
                                  ? sql::eq(param, sql::col(child_column))
                                  : sql::eq(sql::col(child_column), param));
        else
            clauses.push_back(sql::eq(param, sql::col(child_column)));
    }
    for (const auto& pair : rel.secondary_pairs())
        clauses.push_back(pair_equals(pair, sql::col(pair.referenced), sql::col(pair.referencing)));
    clauses.insert(clauses.end(), rel.extra_criteria().begin(), rel.extra_criteria().end());
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
        bool by_primary_key =
            rel.pairs().size() == target.primary_key_slots().size() && rel.extra_criteria().empty();
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
            // SQLAlchemy's "use_get": a load by primary key, WHERE target.pk = ?.
            session->push_no_autoflush();
            StateRef loaded;
            try {
                loaded = Query(*session, {QueryEntity::of(target)}).get(key.primary_key);
            } catch (...) {
                session->pop_no_autoflush();
                throw;
            }
            session->pop_no_autoflush();
            set_loaded_related(state, rel,
                               loaded ? std::vector<StateRef>{loaded} : std::vector<StateRef>{});
            return;
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
            for (auto& row : query.all())
                items.push_back(std::get<StateRef>(row.items.front()));
        } catch (...) {
            session->pop_no_autoflush();
            throw;
        }
        session->pop_no_autoflush();
    }
    set_loaded_related(state, rel, std::move(items));
}

namespace {

struct ValueHash {
    std::size_t operator()(const engine::Value& v) const { return hash_value(v); }
};

// Runs a selectin query with autoflush off (the parents' pending changes stay pending).
std::vector<QueryRow> run_without_autoflush(Session& session, const Query& query) {
    session.push_no_autoflush();
    try {
        auto rows = query.all();
        session.pop_no_autoflush();
        return rows;
    } catch (...) {
        session.pop_no_autoflush();
        throw;
    }
}

} // namespace

void selectin_load(Session& session, const RelationshipProperty& rel,
                   const std::vector<InstanceState*>& parents,
                   const std::vector<LoaderOption>& nested) {
    bool many_to_many = rel.direction() == Direction::ManyToMany;
    if (rel.pairs().size() != 1 || (many_to_many && rel.secondary_pairs().size() != 1) ||
        !rel.extra_criteria().empty()) {
        for (InstanceState* parent : parents)
            lazy_load(*parent, rel);
        return;
    }
    const Mapper& target = *rel.target();
    const ColumnPair& pair = rel.pairs().front();
    bool many_to_one = rel.direction() == Direction::ManyToOne;
    const auto& parent_column = many_to_one ? pair.referencing : pair.referenced;

    std::vector<engine::Value> keys;
    std::unordered_set<engine::Value, ValueHash> distinct;
    std::vector<std::pair<engine::Value, InstanceState*>> parent_keys;
    for (InstanceState* parent : parents) {
        if (parent->any_expired()) session.load_expired(*parent);
        engine::Value v = parent->value(parent->mapper().slot_of(*parent_column));
        parent_keys.emplace_back(v, parent);
        if (!engine::is_null(v) && distinct.insert(v).second) keys.push_back(v);
    }
    // The related objects per parent key, in the order the query returned them.
    std::unordered_map<engine::Value, std::vector<StateRef>, ValueHash> children;
    if (!keys.empty()) {
        if (many_to_one) {
            // SELECT target WHERE target.pk IN (...)
            Query query(session, {QueryEntity::of(target)});
            query = query.filter(sql::in_(sql::col(pair.referenced), keys, "primary_keys"));
            for (const auto& o : nested)
                query = query.options(o);
            for (auto& row : run_without_autoflush(session, query)) {
                StateRef child = std::get<StateRef>(row.items.front());
                children[child->value(target.slot_of(*pair.referenced))].push_back(child);
            }
        } else if (!many_to_many) {
            // SELECT child.fk AS child_fk, child... WHERE child.fk IN (...)
            const auto& fk = pair.referencing;
            sql::NodePtr key_column =
                sql::label(sql::col(fk), target.table().name() + "_" + fk->name);
            Query query(session, {QueryEntity::of(key_column, fk->key), QueryEntity::of(target)});
            query = query.filter(sql::in_(sql::col(fk), keys, "primary_keys"));
            if (!rel.config().order_by.empty()) query = query.order_by(rel.config().order_by);
            for (const auto& o : nested)
                query = query.options(o);
            for (auto& row : run_without_autoflush(session, query))
                children[std::get<engine::Value>(row.items[0])].push_back(
                    std::get<StateRef>(row.items[1]));
        } else {
            // SELECT parent_1.pk, target... FROM parent AS parent_1 JOIN secondary AS
            // secondary_1 ON ... JOIN target ON ... WHERE parent_1.pk IN (...)
            const ColumnPair& target_pair = rel.secondary_pairs().front();
            const std::string parent_name = rel.parent().table().name() + "_1";
            sql::NodePtr parent_alias =
                sql::alias(sql::table(rel.parent().table_ptr()), parent_name);
            sql::NodePtr secondary = sql::alias(sql::table(rel.config().secondary),
                                                rel.config().secondary->name() + "_1");
            sql::NodePtr parent_key = sql::c(parent_alias, pair.referenced->key);
            Query query(session, {QueryEntity::of(sql::label(parent_key, parent_name + "_" +
                                                                             pair.referenced->name),
                                                  pair.referenced->key),
                                  QueryEntity::of(target)});
            query = query.select_from(parent_alias)
                        .join(secondary,
                              sql::eq(parent_key, sql::c(secondary, pair.referencing->key)), false)
                        .join(sql::table(target.table_ptr()),
                              sql::eq(sql::col(target_pair.referenced),
                                      sql::c(secondary, target_pair.referencing->key)),
                              false)
                        .filter(sql::in_(parent_key, keys, "primary_keys"));
            if (!rel.config().order_by.empty()) query = query.order_by(rel.config().order_by);
            for (auto& row : run_without_autoflush(session, query))
                children[std::get<engine::Value>(row.items[0])].push_back(
                    std::get<StateRef>(row.items[1]));
        }
    }
    for (auto& [value, parent] : parent_keys) {
        if (parent->related(rel.slot()).loaded) continue;
        auto it = engine::is_null(value) ? children.end() : children.find(value);
        set_loaded_related(*parent, rel,
                           it == children.end() ? std::vector<StateRef>{} : it->second);
    }
}

} // namespace ormsh::orm
