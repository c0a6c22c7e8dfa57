// UnitOfWork: cascade, order, synchronise and write one flush.
#include "core/orm/unit_of_work.h"

#include <algorithm>
#include <cstdint>
#include <map>

#include <fmt/core.h>

#include "core/engine/errors.h"
#include "core/engine/result.h"
#include "core/orm/flush_progress.h"
#include "core/orm/session.h"

namespace ormsh::orm {
namespace {

// Marks the flush as running in flush_progress() for its duration.
struct ProgressScope {
    explicit ProgressScope(std::size_t pending) {
        FlushProgress& p = flush_progress();
        p.written = 0;
        p.pending = pending;
        p.running = true;
    }
    ~ProgressScope() { flush_progress().running = false; }
};

bool contains(const std::vector<StateRef>& list, const InstanceState* state) {
    return std::any_of(list.begin(), list.end(), [&](const StateRef& r) { return r == state; });
}

// The row's primary key for a WHERE clause: the identity it was loaded under (its slots may be
// expired, or changed by the user), else the committed slot values.
void append_identity(const Mapper& mapper, const InstanceState& state,
                     const engine::Capabilities& caps, std::vector<engine::Value>& params) {
    const auto& slots = mapper.primary_key_slots();
    IdentityKey key;
    if (state.has_identity()) key = state.identity();
    for (std::size_t i = 0; i < slots.size(); ++i) {
        const schema::Column& column = *mapper.columns()[slots[i]].column;
        const engine::Value& v =
            i < key.primary_key.size() ? key.primary_key[i] : state.committed_value(slots[i]);
        params.push_back(bind_value(column, caps, v));
    }
}

bool is_self_referential(const Mapper& mapper) {
    for (const auto& rel : mapper.relationships())
        if (rel->target() == &mapper && rel->direction() != Direction::ManyToMany) return true;
    return false;
}

// The rows of a self-referential table, parents before children, as SQLAlchemy's
// topological sort_as_subsets gives them: level by level (rows whose parents are all placed),
// each level in flush order. Kahn's algorithm, so a long chain stays linear.
std::vector<InstanceState*> parents_first(const Mapper& mapper,
                                          const std::vector<InstanceState*>& states) {
    std::unordered_map<InstanceState*, std::size_t> index;
    for (std::size_t i = 0; i < states.size(); ++i)
        index.emplace(states[i], i);
    std::vector<std::vector<std::size_t>> children(states.size());
    std::vector<std::size_t> waiting(states.size(), 0);
    auto depends = [&](InstanceState* parent, InstanceState* child) {
        auto p = index.find(parent), c = index.find(child);
        if (p == index.end() || c == index.end() || p == c) return;
        children[p->second].push_back(c->second);
        ++waiting[c->second];
    };
    for (InstanceState* s : states) {
        for (const auto& rel : mapper.relationships()) {
            if (rel->target() != &mapper) continue;
            const RelatedSlot& slot = s->related(rel->slot());
            if (rel->direction() == Direction::ManyToOne && slot.scalar)
                depends(slot.scalar.get(), s);
            else if (rel->direction() == Direction::OneToMany)
                for (const auto& item : slot.items)
                    depends(s, item.get());
        }
    }
    std::vector<InstanceState*> ordered;
    std::vector<std::size_t> level;
    for (std::size_t i = 0; i < states.size(); ++i)
        if (!waiting[i]) level.push_back(i);
    std::vector<bool> placed(states.size(), false);
    while (!level.empty()) {
        std::sort(level.begin(), level.end());
        std::vector<std::size_t> next;
        for (std::size_t i : level) {
            placed[i] = true;
            ordered.push_back(states[i]);
            for (std::size_t c : children[i])
                if (--waiting[c] == 0) next.push_back(c);
        }
        level = std::move(next);
    }
    // A cycle (a row that is its own ancestor) keeps its rows in flush order at the end.
    for (std::size_t i = 0; i < states.size(); ++i)
        if (!placed[i]) ordered.push_back(states[i]);
    return ordered;
}

} // namespace

FlushProgress& flush_progress() {
    static FlushProgress progress;
    return progress;
}

UnitOfWork::UnitOfWork(Session& session, StatementCache& statements)
    : session_(session), statements_(statements) {}

void UnitOfWork::execute() {
    cascade();
    if (saves_.empty() && deletes_.empty()) return;
    ProgressScope progress(saves_.size() + deletes_.size());
    auto order = mapper_order();

    for (const Mapper* mapper : order) {
        sync_to_children(*mapper);
        // A flush of only new objects of one mapper (a bulk load) inserts saves_ itself rather
        // than a copy of it.
        bool only_inserts =
            save_mappers_.size() == 1 && saves_all_pending_
                ? save_mappers_[0] == mapper
                : std::all_of(saves_.begin(), saves_.end(), [&](InstanceState* state) {
                      return &state->mapper() == mapper && !state->marked_deleted &&
                             state->status == Status::Pending;
                  });
        std::vector<InstanceState*> some_inserts, updates;
        if (!only_inserts)
            for (InstanceState* state : saves_) {
                if (&state->mapper() != mapper || state->marked_deleted) continue;
                if (state->status == Status::Pending)
                    some_inserts.push_back(state);
                else if (state->status == Status::Persistent)
                    updates.push_back(state);
            }
        const std::vector<InstanceState*>& inserts = only_inserts ? saves_ : some_inserts;
        fire(*mapper, MapperEvent::BeforeInsert, inserts);
        fire(*mapper, MapperEvent::BeforeUpdate, updates);
        if (!inserts.empty()) insert_states(*mapper, inserts);
        for (InstanceState* state : updates) sync_from_parents(*state);
        if (!updates.empty()) update_states(*mapper, updates);
        flush_progress().written += updates.size();
        fire(*mapper, MapperEvent::AfterInsert, inserts);
        fire(*mapper, MapperEvent::AfterUpdate, updates);
    }
    process_secondary();
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        std::vector<InstanceState*> doomed;
        for (InstanceState* state : deletes_)
            if (&state->mapper() == *it) doomed.push_back(state);
        fire(**it, MapperEvent::BeforeDelete, doomed);
        if (!doomed.empty()) delete_states(**it, doomed);
        fire(**it, MapperEvent::AfterDelete, doomed);
        flush_progress().written += doomed.size();
    }
}

std::vector<InstanceState*> UnitOfWork::take_inserted() {
    marks_cleared_ = true;
    std::erase_if(saves_, [](InstanceState* state) {
        state->in_flush = false;
        bool inserted = state->inserted_by_flush;
        state->inserted_by_flush = false;
        return !inserted;
    });
    return std::move(saves_);
}

UnitOfWork::~UnitOfWork() {
    // A failed flush leaves its marks on the objects the session still holds.
    clear_marks();
}

void UnitOfWork::clear_marks() {
    // Once only: after a successful flush the session may free the objects before this
    // UnitOfWork goes.
    if (marks_cleared_) return;
    marks_cleared_ = true;
    for (InstanceState* state : saves_) {
        state->in_flush = false;
        state->inserted_by_flush = false;
    }
}

void UnitOfWork::fire(const Mapper& mapper, MapperEvent event,
                      const std::vector<InstanceState*>& states) {
    if (states.empty() || !mapper.hooks || !mapper.hooks->listens(event)) return;
    engine::Connection& conn = session_.connection();
    // Listeners run inside the flush's transaction (BEGIN is echoed before them, as in
    // SQLAlchemy).
    if (!conn.in_transaction()) conn.begin();
    for (InstanceState* state : states)
        mapper.hooks->persistence(event, mapper, conn, *state);
}

// --- cascades -------------------------------------------------------------------------------

void UnitOfWork::add_save(InstanceState* state) {
    state->in_flush = true;
    saves_.push_back(state);
    note_save(*state);
}

void UnitOfWork::note_save(const InstanceState& state) {
    saves_all_pending_ =
        saves_all_pending_ && state.status == Status::Pending && !state.marked_deleted;
    const Mapper* mapper = &state.mapper();
    if (!save_mappers_.empty() && save_mappers_.back() == mapper) return;
    if (std::find(save_mappers_.begin(), save_mappers_.end(), mapper) != save_mappers_.end())
        return;
    save_mappers_.push_back(mapper);
    saves_have_relationships_ = saves_have_relationships_ || !mapper->relationships().empty();
}

void UnitOfWork::relearn_saves() {
    save_mappers_.clear();
    saves_have_relationships_ = false;
    saves_all_pending_ = true;
    for (const InstanceState* state : saves_)
        note_save(*state);
}

void UnitOfWork::cascade() {
    // Sized once: a large flush lists every object, and growing by doubling copies them.
    saves_.reserve(session_.pending_.size() + session_.held_.size());
    for (const auto& ref : session_.pending_) add_save(ref.get());
    for (const auto& ref : session_.held_)
        if (!ref->marked_deleted) add_save(ref.get());

    // save-update: objects reachable from the flush set through relationships join it.
    bool expunged = false;
    for (std::size_t i = 0; saves_have_relationships_ && i < saves_.size(); ++i) {
        InstanceState& state = *saves_[i];
        for (const auto& rel : state.mapper().relationships()) {
            RelatedSlot& slot = state.related(rel->slot());
            if (!slot.loaded) continue;
            std::vector<InstanceState*> reached;
            if (slot.scalar) reached.push_back(slot.scalar.get());
            for (const auto& item : slot.items) reached.push_back(item.get());
            if (rel->config().cascade.save_update) {
                for (InstanceState* target : reached) {
                    if (target->status == Status::Transient) session_.add(*target);
                    if (target->session == &session_ && !target->in_flush &&
                        (target->status == Status::Pending || target->modified()))
                        add_save(target);
                }
            }
            if (rel->config().cascade.delete_orphan) {
                for (const auto& removed : slot.removed) {
                    InstanceState* orphan = removed.get();
                    if (contains(slot.items, orphan) || orphan->session != &session_) continue;
                    if (orphan->status == Status::Pending) {
                        session_.expunge(*orphan);
                        expunged = true;
                    } else if (orphan->status == Status::Persistent && !orphan->marked_deleted)
                        session_.delete_(*orphan);
                }
            }
        }
    }
    // Objects expunged as orphans above leave the flush.
    if (expunged) {
        std::erase_if(saves_, [&](InstanceState* s) {
            if (s->session == &session_) return false;
            s->in_flush = false;
            return true;
        });
        relearn_saves();
    }
    cascade_deletes();
}

void UnitOfWork::cascade_deletes() {
    for (const auto& ref : session_.deleted_) deletes_.push_back(ref.get());
    for (std::size_t i = 0; i < deletes_.size(); ++i) {
        InstanceState& state = *deletes_[i];
        for (const auto& rel : state.mapper().relationships()) {
            if (rel->config().viewonly) continue;
            bool cascades = rel->config().cascade.delete_;
            if (!cascades && rel->direction() == Direction::ManyToOne) continue;
            // passive_deletes: children not loaded are left to the database's ON DELETE.
            if (rel->config().passive_deletes && !state.related(rel->slot()).loaded) continue;
            ensure_loaded(state, *rel);
            RelatedSlot& slot = state.related(rel->slot());
            std::vector<InstanceState*> targets;
            if (slot.scalar) targets.push_back(slot.scalar.get());
            for (const auto& item : slot.items) targets.push_back(item.get());
            for (InstanceState* target : targets) {
                if (cascades) {
                    if (target->status == Status::Pending && target->session == &session_)
                        session_.expunge(*target);
                    else if (target->status == Status::Persistent && !target->marked_deleted) {
                        session_.delete_(*target);
                        deletes_.push_back(target);
                    }
                } else if (rel->direction() == Direction::OneToMany && !target->marked_deleted) {
                    // The children stay; their foreign key to the deleted parent becomes NULL.
                    for (const auto& pair : rel->pairs()) {
                        std::size_t slot_index = target->mapper().slot_of(*pair.referencing);
                        if (slot_index != Mapper::npos)
                            target->set_value(slot_index, engine::Null{});
                    }
                    if (target->session == &session_) {
                        session_.note_modified(*target);
                        if (!target->in_flush) add_save(target);
                    }
                }
            }
        }
    }
}

void UnitOfWork::ensure_loaded(InstanceState& state, const RelationshipProperty& rel) {
    RelatedSlot& slot = state.related(rel.slot());
    if (slot.loaded || state.status != Status::Persistent) return;
    if (!session_.relationship_loader)
        throw engine::InvalidRequestError("no relationship loader is configured on the session");
    session_.relationship_loader(state, rel);
}

// --- ordering -------------------------------------------------------------------------------

std::vector<const Mapper*> UnitOfWork::mapper_order() const {
    std::vector<const Mapper*> mappers = save_mappers_;
    for (auto* s : deletes_)
        if (std::find(mappers.begin(), mappers.end(), &s->mapper()) == mappers.end())
            mappers.push_back(&s->mapper());

    // Kahn's algorithm over "my table references yours", ties kept in first-seen order.
    std::vector<const Mapper*> ordered;
    std::vector<bool> done(mappers.size(), false);
    while (ordered.size() < mappers.size()) {
        bool progressed = false;
        for (std::size_t i = 0; i < mappers.size(); ++i) {
            if (done[i]) continue;
            bool ready = true;
            for (std::size_t j = 0; j < mappers.size() && ready; ++j) {
                if (i == j || done[j] || &mappers[i]->table() == &mappers[j]->table()) continue;
                for (const auto& fk : mappers[i]->table().foreign_keys())
                    if (fk->references(mappers[j]->table())) ready = false;
            }
            if (ready) {
                done[i] = true;
                ordered.push_back(mappers[i]);
                progressed = true;
            }
        }
        if (!progressed) {
            // A cycle between tables: fall back to first-seen order for the rest.
            for (std::size_t i = 0; i < mappers.size(); ++i)
                if (!done[i]) {
                    done[i] = true;
                    ordered.push_back(mappers[i]);
                }
        }
    }
    return ordered;
}

// --- foreign key synchronisation --------------------------------------------------------------

namespace {

void copy_pairs(const std::vector<ColumnPair>& pairs, const InstanceState* from,
                InstanceState& to) {
    for (const auto& pair : pairs) {
        std::size_t to_slot = to.mapper().slot_of(*pair.referencing);
        if (to_slot == Mapper::npos) continue;
        engine::Value value = engine::Null{};
        if (from) {
            std::size_t from_slot = from->mapper().slot_of(*pair.referenced);
            if (from_slot != Mapper::npos) value = from->value(from_slot);
        }
        if (!(to.is_loaded(to_slot) && to.value(to_slot) == value)) to.set_value(to_slot, value);
    }
}

} // namespace

void UnitOfWork::sync_to_children(const Mapper& child_mapper) {
    // Only relationships of the objects saved have children to update.
    if (!saves_have_relationships_) return;
    for (std::size_t i = 0; i < saves_.size(); ++i) {
        InstanceState* parent = saves_[i];
        for (const auto& rel : parent->mapper().relationships()) {
            if (rel->direction() != Direction::OneToMany || rel->target() != &child_mapper ||
                rel->config().viewonly)
                continue;
            // Self-referential children are synchronised row by row in insert_states.
            if (&parent->mapper() == &child_mapper && parent->status == Status::Pending) continue;
            RelatedSlot& slot = parent->related(rel->slot());
            if (!slot.loaded) continue;
            bool parent_new = parent->inserted_by_flush;
            std::vector<InstanceState*> children;
            if (parent_new)
                for (const auto& item : slot.items) children.push_back(item.get());
            else
                for (const auto& item : slot.added) children.push_back(item.get());
            for (InstanceState* child : children) {
                if (child->marked_deleted) continue;
                copy_pairs(rel->pairs(), parent, *child);
                if (child->session == &session_ && !child->in_flush) {
                    session_.note_modified(*child);
                    add_save(child);
                }
            }
            for (const auto& removed : slot.removed) {
                InstanceState* child = removed.get();
                if (contains(slot.items, child) || child->marked_deleted ||
                    child->session != &session_ || child->status != Status::Persistent)
                    continue;
                // Only clear the key if it still points at this parent.
                bool points_here = true;
                for (const auto& pair : rel->pairs()) {
                    std::size_t cs = child->mapper().slot_of(*pair.referencing);
                    std::size_t ps = parent->mapper().slot_of(*pair.referenced);
                    if (cs == Mapper::npos || ps == Mapper::npos ||
                        !(child->value(cs) == parent->value(ps)))
                        points_here = false;
                }
                if (!points_here) continue;
                copy_pairs(rel->pairs(), nullptr, *child);
                session_.note_modified(*child);
                if (!child->in_flush) add_save(child);
            }
        }
    }
}

void UnitOfWork::sync_from_parents(InstanceState& state) {
    for (const auto& rel : state.mapper().relationships()) {
        if (rel->direction() != Direction::ManyToOne || rel->config().viewonly) continue;
        RelatedSlot& slot = state.related(rel->slot());
        if (!slot.loaded) continue;
        if (state.status == Status::Pending ? !slot.scalar && !slot.scalar_changed
                                            : !slot.scalar_changed)
            continue;
        copy_pairs(rel->pairs(), slot.scalar.get(), state);
    }
}

// --- writing --------------------------------------------------------------------------------

void UnitOfWork::insert_states(const Mapper& mapper,
                               const std::vector<InstanceState*>& given_states) {
    engine::Connection& conn = session_.connection();
    const auto& caps = conn.dialect().caps();
    const schema::Table& table = mapper.table();
    schema::ColumnPtr autoinc = table.autoincrement_column();
    std::size_t autoinc_slot = autoinc ? mapper.slot_of(*autoinc) : Mapper::npos;
    bool self_ref = is_self_referential(mapper);

    std::vector<InstanceState*> parents_before_children;
    if (self_ref) parents_before_children = parents_first(mapper, given_states);
    const std::vector<InstanceState*>& states = self_ref ? parents_before_children : given_states;

    // Rows of one column set. Their values stay in the objects' slots until the group is
    // written: a large flush holds no second copy of its rows.
    struct Group {
        std::vector<InsertColumn> columns;
        std::vector<std::size_t> slots;
        std::vector<InstanceState*> members;
    };
    // The bound values of one member's row, converted for the dialect.
    auto row_of = [&](const Group& group, const InstanceState& state) {
        std::vector<engine::Value> row;
        row.reserve(group.columns.size());
        for (std::size_t c = 0; c < group.columns.size(); ++c)
            if (group.columns[c].inline_sql.empty())
                row.push_back(
                    bind_value(*group.columns[c].column, caps, state.value(group.slots[c])));
        return row;
    };
    auto flush_group = [&](Group& group) {
        if (group.members.empty()) return;
        bool need_key = autoinc_slot != Mapper::npos &&
                        std::find(group.slots.begin(), group.slots.end(), autoinc_slot) ==
                            group.slots.end();
        bool has_inline = std::any_of(group.columns.begin(), group.columns.end(),
                                      [](const InsertColumn& c) { return !c.inline_sql.empty(); });
        bool returning = need_key && caps.insert_returning;
        // SQLAlchemy runs the rows as one executemany() where it needs no key back per row or
        // its driver returns them from one (psycopg2): echo and errors show that statement.
        bool executemany =
            group.members.size() > 1 && (!need_key || caps.insert_executemany_returning);
        // A member's row is written: its generated key (if any) goes to its slot and it has an
        // identity. Done as each chunk is written, so that no key of the group is held apart.
        auto written = [&](InstanceState& state, engine::Value* key) {
            if (need_key && key) {
                engine::convert_result_value(autoinc->type, caps, *key);
                state.load_value(autoinc_slot, std::move(*key));
            }
            state.set_identity_from_slots();
            state.inserted_by_flush = true;
        };
        // Rows with no value to bind (a table of only a generated key) take the statement
        // path: its INSERT renders DEFAULT VALUES.
        if (!has_inline && !group.columns.empty() && (executemany || !session_.engine()->echo()) &&
            group.members.size() > 1) {
            const std::string& sql =
                statements_.insert(table, group.columns, returning ? autoinc.get() : nullptr);
            std::optional<engine::Connection::ExecutemanyForm> shown;
            if (executemany)
                shown = statements_.executemany_form(conn, sql, [&] {
                    std::vector<std::vector<engine::Value>> sets;
                    for (const InstanceState* member : group.members)
                        sets.push_back(row_of(group, *member));
                    return sets;
                });
            std::vector<std::string> names;
            for (const auto& c : group.columns) names.push_back(c.column->name);
            engine::BulkRows rows;
            // The chunk's values, taken out of the slots and converted for the dialect (bools
            // on SQLite ...); reused chunk after chunk, so text buffers are allocated once.
            std::vector<engine::Value> cells;
            std::size_t width = group.columns.size();
            // Chunk by chunk (the dialect's bulk_insert_rows): bounds the values held at once,
            // and lets a large flush report progress as it goes.
            const std::size_t chunk = std::max<std::size_t>(caps.bulk_insert_rows, 1);
            for (std::size_t begin = 0; begin < group.members.size(); begin += chunk) {
                std::size_t end = std::min(group.members.size(), begin + chunk);
                rows.count = end - begin;
                cells.resize(rows.count * width);
                rows.cells.clear();
                for (std::size_t r = begin; r < end; ++r) {
                    const InstanceState& state = *group.members[r];
                    for (std::size_t c = 0; c < width; ++c) {
                        engine::Value& cell = cells[(r - begin) * width + c];
                        state.slot_value(group.slots[c]).get_into(cell);
                        if (bind_converts(caps, cell))
                            cell = bind_value(*group.columns[c].column, caps, cell);
                        rows.cells.push_back(&cell);
                    }
                }
                std::vector<engine::Value> keys = conn.bulk_insert(
                    table.name(), names, rows,
                    need_key ? std::optional<std::string>(autoinc->name) : std::nullopt,
                    shown ? &*shown : nullptr);
                for (std::size_t r = begin; r < end; ++r) {
                    std::size_t row = r - begin;
                    written(*group.members[r], row < keys.size() ? &keys[row] : nullptr);
                }
                flush_progress().written += rows.count;
            }
        } else {
            const std::string& sql =
                statements_.insert(table, group.columns, returning ? autoinc.get() : nullptr);
            for (InstanceState* member : group.members) {
                engine::Result result = statements_.execute(conn, sql, row_of(group, *member));
                ++flush_progress().written;
                engine::Value key{engine::Null{}};
                if (need_key && returning) {
                    std::vector<engine::Value> out;
                    if (result.next(out) && !out.empty()) key = std::move(out[0]);
                } else if (need_key) {
                    if (auto id = conn.driver().last_insert_id()) key = *id;
                }
                written(*member, &key);
            }
        }
        group.members.clear();
    };

    Group group;
    group.members.reserve(std::min(states.size(), caps.bulk_insert_rows));
    // The shape of the current row: per mapped column, whether it is bound, rendered inline (a
    // SQL expression default, whose text depends only on the column) or left out. Rebuilt in
    // place for every row; the group's columns are made from it only when it changes, so most
    // rows of a flush allocate and compare nothing but these bytes.
    enum ColumnRole : std::uint8_t { kOmitted, kBound, kInline };
    const auto& props = mapper.columns();
    std::vector<std::uint8_t> shape(props.size(), kOmitted);
    std::vector<std::uint8_t> group_shape;
    for (InstanceState* state : states) {
        sync_from_parents(*state);
        // SQLAlchemy's column set for one row: the values given, where None counts as not
        // given; then the column's default; a column without any default is bound as NULL.
        for (std::size_t c = 0; c < props.size(); ++c) {
            const schema::Column& column = *props[c].column;
            std::size_t slot = props[c].slot;
            bool loaded = state->is_loaded(slot);
            std::uint8_t& role = shape[c];
            role = kOmitted;
            if (loaded && !state->slot_value(slot).is_null()) {
                role = kBound;
                continue;
            }
            const auto& def = column.default_value;
            if (has_python_default(def)) {
                state->load_value(slot, def.evaluate());
                role = kBound;
            } else if (def.kind == schema::ColumnDefault::Kind::Expression) {
                // The database computes it: read back on access, as SQLAlchemy expires it.
                if (loaded) state->expire(slot);
                role = kInline;
            } else if (column.server_default) {
                if (loaded) state->expire(slot);
            } else if (!column.primary_key) {
                // Set to None or never set, it is None now, with no reload on access.
                if (!loaded) state->load_value(slot, engine::Null{});
                role = kBound;
            }
        }
        bool same_shape = !group.members.empty() && shape == group_shape;
        // Self-referential rows go one at a time: a child's key depends on its parent's id.
        if (!same_shape || self_ref) {
            flush_group(group);
            if (shape != group_shape || group.columns.empty()) {
                group_shape = shape;
                group.columns.clear();
                group.slots.clear();
                for (std::size_t c = 0; c < props.size(); ++c) {
                    if (shape[c] == kOmitted) continue;
                    const schema::Column& column = *props[c].column;
                    group.columns.push_back(
                        {&column, shape[c] == kInline ? inline_default_sql(column, conn.dialect())
                                                      : std::string()});
                    group.slots.push_back(props[c].slot);
                }
            }
        }
        group.members.push_back(state);
        if (self_ref) {
            flush_group(group);
            // Children of this row in the same batch learn its key now.
            for (const auto& rel : mapper.relationships()) {
                if (rel->target() != &mapper || rel->direction() != Direction::OneToMany) continue;
                const RelatedSlot& slot = state->related(rel->slot());
                for (const auto& item : slot.items) copy_pairs(rel->pairs(), state, *item);
            }
        } else if (group.members.size() >= caps.bulk_insert_rows) {
            flush_group(group);
        }
    }
    flush_group(group);
}

void UnitOfWork::update_states(const Mapper& mapper, const std::vector<InstanceState*>& states) {
    engine::Connection& conn = session_.connection();
    const auto& caps = conn.dialect().caps();
    std::vector<const schema::Column*> pk_columns;
    for (std::size_t slot : mapper.primary_key_slots())
        pk_columns.push_back(mapper.columns()[slot].column.get());

    for (InstanceState* state : states) {
        std::vector<std::size_t> changed = state->changed_slots();
        if (changed.empty()) continue;
        // onupdate= defaults apply to columns the user did not change themselves.
        for (const auto& prop : mapper.columns()) {
            const auto& onupdate = prop.column->onupdate;
            if (has_python_default(onupdate) &&
                std::find(changed.begin(), changed.end(), prop.slot) == changed.end()) {
                state->set_value(prop.slot, onupdate.evaluate());
                changed.push_back(prop.slot);
            }
        }
        std::vector<const schema::Column*> set;
        std::vector<engine::Value> params;
        for (std::size_t slot : changed) {
            const schema::Column& column = *mapper.columns()[slot].column;
            set.push_back(&column);
            params.push_back(bind_value(column, caps, state->value(slot)));
        }
        append_identity(mapper, *state, caps, params);
        const std::string& sql = statements_.update(mapper.table(), set, pk_columns);
        engine::Result result = statements_.execute(conn, sql, params);
        if (result.rowcount() >= 0 && result.rowcount() != 1)
            throw StaleDataError(fmt::format(
                "UPDATE statement on table '{}' expected to update 1 row(s); {} were matched.",
                mapper.table().name(), result.rowcount()));
        // A changed primary key moves the object in the identity map (expired key slots keep
        // the identity it has).
        bool key_loaded = true;
        for (std::size_t slot : mapper.primary_key_slots()) key_loaded &= state->is_loaded(slot);
        if (key_loaded) {
            IdentityKey moved = Session::identity_key_of(*state);
            if (!state->has_identity() || !state->identity_equals(moved)) {
                // The identity map hashes the key the state holds: take it out while it changes.
                IdentityMap& map = session_.identity_map_;
                bool mapped = map.contains(*state);
                if (mapped) map.discard(*state);
                state->set_identity(std::move(moved));
                if (mapped) map.add(*state);
            }
        }
    }
}

void UnitOfWork::delete_states(const Mapper& mapper, const std::vector<InstanceState*>& states) {
    engine::Connection& conn = session_.connection();
    const auto& caps = conn.dialect().caps();
    std::vector<const schema::Column*> pk_columns;
    for (std::size_t slot : mapper.primary_key_slots())
        pk_columns.push_back(mapper.columns()[slot].column.get());
    // SQLAlchemy reads the committed primary key of each row to delete, which refreshes an
    // object expired by the last commit (one SELECT per object) before the DELETEs run.
    for (InstanceState* state : states) {
        bool key_expired = false;
        for (std::size_t slot : mapper.primary_key_slots())
            key_expired |= !state->is_loaded(slot);
        if (key_expired) session_.load_expired(*state);
    }
    const std::string& sql = statements_.delete_(mapper.table(), pk_columns);
    for (InstanceState* state : states) {
        std::vector<engine::Value> params;
        append_identity(mapper, *state, caps, params);
        statements_.execute(conn, sql, params);
        deleted_.push_back(state);
    }
}

void UnitOfWork::process_secondary() {
    // Each association row is written once even though both sides of a backref pair see it.
    std::map<std::pair<const schema::Table*, std::vector<engine::Value>>, bool> done;
    engine::Connection& conn = session_.connection();
    const auto& caps = conn.dialect().caps();

    auto row_for = [&](const RelationshipProperty& rel, InstanceState& parent,
                       InstanceState& child) {
        std::vector<const schema::Column*> cols;
        std::vector<engine::Value> values;
        auto add = [&](const std::vector<ColumnPair>& pairs, InstanceState& side) {
            for (const auto& pair : pairs) {
                cols.push_back(pair.referencing.get());
                values.push_back(bind_value(*pair.referencing, caps,
                                            side.value(side.mapper().slot_of(*pair.referenced))));
            }
        };
        add(rel.pairs(), parent);
        add(rel.secondary_pairs(), child);
        return std::make_pair(cols, values);
    };
    // Sorted so the row written does not depend on which side of the pair comes first.
    auto canonical = [](std::vector<const schema::Column*> cols, std::vector<engine::Value> vals) {
        std::vector<std::pair<const schema::Column*, engine::Value>> zipped;
        for (std::size_t i = 0; i < cols.size(); ++i) zipped.emplace_back(cols[i], vals[i]);
        std::sort(zipped.begin(), zipped.end(),
                  [](const auto& a, const auto& b) { return a.first < b.first; });
        std::vector<engine::Value> key;
        for (auto& z : zipped) key.push_back(z.second);
        return key;
    };

    auto visit = [&](InstanceState& parent, bool parent_deleted) {
        for (const auto& rel : parent.mapper().relationships()) {
            if (rel->direction() != Direction::ManyToMany || rel->config().viewonly) continue;
            RelatedSlot& slot = parent.related(rel->slot());
            if (!slot.loaded) continue;
            const schema::Table& secondary = *rel->config().secondary;
            bool parent_new = parent.inserted_by_flush;
            std::vector<InstanceState*> adds, removes;
            if (parent_deleted) {
                for (const auto& item : slot.items) removes.push_back(item.get());
                for (const auto& item : slot.removed) removes.push_back(item.get());
            } else {
                if (parent_new)
                    for (const auto& item : slot.items) adds.push_back(item.get());
                else
                    for (const auto& item : slot.added) adds.push_back(item.get());
                for (const auto& item : slot.removed)
                    if (!contains(slot.items, item.get())) removes.push_back(item.get());
            }
            for (InstanceState* child : removes) {
                auto [cols, values] = row_for(*rel, parent, *child);
                auto key = std::make_pair(&secondary, canonical(cols, values));
                if (done.count(key)) continue;
                done[key] = true;
                statements_.execute(conn, statements_.delete_(secondary, cols), values);
            }
            for (InstanceState* child : adds) {
                if (child->marked_deleted) continue;
                auto [cols, values] = row_for(*rel, parent, *child);
                auto key = std::make_pair(&secondary, canonical(cols, values));
                if (done.count(key)) continue;
                done[key] = true;
                std::vector<InsertColumn> insert_cols;
                for (auto* c : cols) insert_cols.push_back({c, {}});
                statements_.execute(conn, statements_.insert(secondary, insert_cols, nullptr), values);
            }
        }
    };
    for (InstanceState* state : deletes_) {
        for (const auto& rel : state->mapper().relationships())
            if (rel->direction() == Direction::ManyToMany) ensure_loaded(*state, *rel);
        visit(*state, true);
    }
    // Association rows come only from relationships: objects without any (a seed loop's) are
    // not walked.
    for (std::size_t i = 0; saves_have_relationships_ && i < saves_.size(); ++i)
        if (!saves_[i]->marked_deleted) visit(*saves_[i], false);
}

} // namespace ormsh::orm
