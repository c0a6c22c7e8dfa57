// Relationship mutation with history and backref synchronisation.
#include "core/orm/attributes.h"

#include <algorithm>

#include "core/orm/loading.h"
#include "core/orm/mapper.h"
#include "core/orm/session.h"

namespace ormsh::orm {
namespace {

bool holds(const std::vector<StateRef>& list, const InstanceState* s) {
    return std::any_of(list.begin(), list.end(), [&](const StateRef& r) { return r == s; });
}

void erase_one(std::vector<StateRef>& list, const InstanceState* s) {
    auto it = std::find_if(list.begin(), list.end(), [&](const StateRef& r) { return r == s; });
    if (it != list.end()) list.erase(it);
}

// The owner's session takes in a transient object it now references (save-update cascade).
void cascade_into_session(InstanceState& owner, const RelationshipProperty& rel,
                          InstanceState& target) {
    if (owner.session && rel.config().cascade.save_update && target.session == nullptr &&
        target.status == Status::Transient)
        owner.session->add(target);
}

// The in-memory half of each change, without triggering the partner again.
void raw_append(InstanceState& owner, const RelationshipProperty& rel, InstanceState& item) {
    RelatedSlot& slot = loaded_slot(owner, rel);
    if (holds(slot.items, &item)) return;
    slot.items.emplace_back(&item);
    if (holds(slot.removed, &item))
        erase_one(slot.removed, &item);
    else
        slot.added.emplace_back(&item);
    owner.mark_modified();
}

bool raw_remove(InstanceState& owner, const RelationshipProperty& rel, InstanceState& item) {
    RelatedSlot& slot = loaded_slot(owner, rel);
    if (!holds(slot.items, &item)) return false;
    StateRef keep(&item);
    erase_one(slot.items, &item);
    if (holds(slot.added, &item))
        erase_one(slot.added, &item);
    else
        slot.removed.push_back(keep);
    owner.mark_modified();
    return true;
}

void raw_set_scalar(InstanceState& owner, const RelationshipProperty& rel, InstanceState* target) {
    RelatedSlot& slot = loaded_slot(owner, rel);
    if (slot.scalar.get() == target) return;
    if (!slot.scalar_changed) {
        slot.original_scalar = slot.scalar;
        slot.scalar_changed = true;
    }
    slot.scalar = StateRef(target);
    owner.mark_modified();
}

} // namespace

RelatedSlot& loaded_slot(InstanceState& state, const RelationshipProperty& rel) {
    RelatedSlot& slot = state.related(rel.slot());
    if (!slot.loaded) lazy_load(state, rel);
    return state.related(rel.slot());
}

namespace {

// The other side of a backref pair, kept in step: listeners and validators of that side run
// first (Initiator::Backref), only when something changes.
void backref_append(InstanceState& owner, const RelationshipProperty& rel, InstanceState& item) {
    if (MapperHooks* hooks = owner.mapper().hooks) {
        if (holds(loaded_slot(owner, rel).items, &item)) return;
        hooks->append(owner, rel, item, Initiator::Backref);
    }
    raw_append(owner, rel, item);
}

void backref_remove(InstanceState& owner, const RelationshipProperty& rel, InstanceState& item) {
    if (MapperHooks* hooks = owner.mapper().hooks) {
        if (!holds(loaded_slot(owner, rel).items, &item)) return;
        hooks->remove(owner, rel, item, Initiator::Backref);
    }
    raw_remove(owner, rel, item);
}

void backref_set(InstanceState& owner, const RelationshipProperty& rel, InstanceState* target) {
    if (MapperHooks* hooks = owner.mapper().hooks) {
        InstanceState* old = loaded_slot(owner, rel).scalar.get();
        if (old == target) return;
        hooks->set(owner, rel, target, old, Initiator::Backref);
    }
    raw_set_scalar(owner, rel, target);
}

void append_item(InstanceState& owner, const RelationshipProperty& rel, InstanceState& given,
                 Initiator initiator) {
    InstanceState* stored = &given;
    if (MapperHooks* hooks = owner.mapper().hooks) {
        stored = hooks->append(owner, rel, given, initiator);
        if (!stored) stored = &given;
    }
    InstanceState& item = *stored;
    raw_append(owner, rel, item);
    cascade_into_session(owner, rel, item);
    const RelationshipProperty* partner = rel.partner();
    if (!partner) return;
    if (partner->uselist()) {
        backref_append(item, *partner, owner);
    } else {
        RelatedSlot& islot = loaded_slot(item, *partner);
        InstanceState* previous = islot.scalar.get();
        if (previous == &owner) return;
        if (MapperHooks* hooks = item.mapper().hooks)
            hooks->set(item, *partner, &owner, previous, Initiator::Backref);
        if (previous) backref_remove(*previous, rel, item);
        raw_set_scalar(item, *partner, &owner);
    }
}

} // namespace

void set_scalar(InstanceState& owner, const RelationshipProperty& rel, InstanceState* target) {
    RelatedSlot& slot = loaded_slot(owner, rel);
    StateRef old = slot.scalar;
    if (MapperHooks* hooks = owner.mapper().hooks)
        target = hooks->set(owner, rel, target, old.get(), Initiator::User);
    if (old.get() == target) return;
    raw_set_scalar(owner, rel, target);
    if (target) cascade_into_session(owner, rel, *target);
    const RelationshipProperty* partner = rel.partner();
    if (!partner) return;
    if (partner->uselist()) {
        if (old) backref_remove(*old, *partner, owner);
        if (target) backref_append(*target, *partner, owner);
    } else {
        if (old) backref_set(*old, *partner, nullptr);
        if (target) {
            // One-to-one: the target's previous partner loses it.
            RelatedSlot& tslot = loaded_slot(*target, *partner);
            if (tslot.scalar && tslot.scalar.get() != &owner)
                backref_set(*tslot.scalar, rel, nullptr);
            backref_set(*target, *partner, &owner);
        }
    }
}

void collection_append(InstanceState& owner, const RelationshipProperty& rel, InstanceState& item) {
    append_item(owner, rel, item, Initiator::User);
}

bool collection_remove(InstanceState& owner, const RelationshipProperty& rel, InstanceState& item) {
    StateRef keep(&item);
    if (MapperHooks* hooks = owner.mapper().hooks) {
        if (!holds(loaded_slot(owner, rel).items, &item)) return false;
        hooks->remove(owner, rel, item, Initiator::User);
    }
    if (!raw_remove(owner, rel, item)) return false;
    const RelationshipProperty* partner = rel.partner();
    if (!partner) return true;
    if (partner->uselist()) {
        backref_remove(item, *partner, owner);
    } else {
        RelatedSlot& islot = loaded_slot(item, *partner);
        if (islot.scalar.get() == &owner) backref_set(item, *partner, nullptr);
    }
    return true;
}

void collection_replace(InstanceState& owner, const RelationshipProperty& rel,
                        const std::vector<InstanceState*>& given) {
    std::vector<InstanceState*> items = given;
    if (MapperHooks* hooks = owner.mapper().hooks) hooks->bulk_replace(owner, rel, items);
    RelatedSlot& slot = loaded_slot(owner, rel);
    std::vector<StateRef> current = slot.items;
    // As SQLAlchemy: the new members are appended first, then the old ones left out removed.
    for (InstanceState* item : items)
        if (!holds(current, item)) append_item(owner, rel, *item, Initiator::BulkReplace);
    for (const auto& ref : current)
        if (std::find(items.begin(), items.end(), ref.get()) == items.end())
            collection_remove(owner, rel, *ref);
    // Keep the order given.
    RelatedSlot& after = owner.related(rel.slot());
    std::vector<StateRef> ordered;
    for (InstanceState* item : items) ordered.emplace_back(item);
    after.items = std::move(ordered);
}

} // namespace ormsh::orm
