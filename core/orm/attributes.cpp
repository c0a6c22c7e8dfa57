// Relationship mutation with history and backref synchronisation.
#include "core/orm/attributes.h"

#include <algorithm>

#include "core/orm/loading.h"
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

void set_scalar(InstanceState& owner, const RelationshipProperty& rel, InstanceState* target) {
    RelatedSlot& slot = loaded_slot(owner, rel);
    StateRef old = slot.scalar;
    if (old.get() == target) return;
    raw_set_scalar(owner, rel, target);
    if (target) cascade_into_session(owner, rel, *target);
    const RelationshipProperty* partner = rel.partner();
    if (!partner) return;
    if (partner->uselist()) {
        if (old) raw_remove(*old, *partner, owner);
        if (target) raw_append(*target, *partner, owner);
    } else {
        if (old) raw_set_scalar(*old, *partner, nullptr);
        if (target) {
            // One-to-one: the target's previous partner loses it.
            RelatedSlot& tslot = loaded_slot(*target, *partner);
            if (tslot.scalar && tslot.scalar.get() != &owner)
                raw_set_scalar(*tslot.scalar, rel, nullptr);
            raw_set_scalar(*target, *partner, &owner);
        }
    }
}

void collection_append(InstanceState& owner, const RelationshipProperty& rel, InstanceState& item) {
    raw_append(owner, rel, item);
    cascade_into_session(owner, rel, item);
    const RelationshipProperty* partner = rel.partner();
    if (!partner) return;
    if (partner->uselist()) {
        raw_append(item, *partner, owner);
    } else {
        RelatedSlot& islot = loaded_slot(item, *partner);
        InstanceState* previous = islot.scalar.get();
        if (previous && previous != &owner) raw_remove(*previous, rel, item);
        raw_set_scalar(item, *partner, &owner);
    }
}

bool collection_remove(InstanceState& owner, const RelationshipProperty& rel, InstanceState& item) {
    StateRef keep(&item);
    if (!raw_remove(owner, rel, item)) return false;
    const RelationshipProperty* partner = rel.partner();
    if (!partner) return true;
    if (partner->uselist()) {
        raw_remove(item, *partner, owner);
    } else {
        RelatedSlot& islot = loaded_slot(item, *partner);
        if (islot.scalar.get() == &owner) raw_set_scalar(item, *partner, nullptr);
    }
    return true;
}

void collection_replace(InstanceState& owner, const RelationshipProperty& rel,
                        const std::vector<InstanceState*>& items) {
    RelatedSlot& slot = loaded_slot(owner, rel);
    std::vector<StateRef> current = slot.items;
    for (const auto& ref : current)
        if (std::find(items.begin(), items.end(), ref.get()) == items.end())
            collection_remove(owner, rel, *ref);
    for (InstanceState* item : items) collection_append(owner, rel, *item);
    // Keep the order given.
    RelatedSlot& after = owner.related(rel.slot());
    std::vector<StateRef> ordered;
    for (InstanceState* item : items) ordered.emplace_back(item);
    after.items = std::move(ordered);
}

} // namespace ormsh::orm
