// Changing relationships as a user does (SQLAlchemy's attributes.py + backref listeners):
// setting a many-to-one, appending to or removing from a collection. Each change records
// history for the flush and keeps the other side of a backref / back_populates pair in step
// in memory (inv.customer = acme puts inv into acme.invoices), and cascades save-update into
// the owner's session.
#pragma once

#include <vector>

#include "core/orm/instance_state.h"
#include "core/orm/relationship.h"

namespace ormsh::orm {

// Makes sure a relationship slot holds its contents (loading it when the object is persistent).
RelatedSlot& loaded_slot(InstanceState& state, const RelationshipProperty& rel);

// owner.rel = target (many-to-one, or a uselist=False one-to-many / one-to-one).
void set_scalar(InstanceState& owner, const RelationshipProperty& rel, InstanceState* target);
// owner.rel.append(item) / owner.rel.remove(item).
void collection_append(InstanceState& owner, const RelationshipProperty& rel, InstanceState& item);
// Returns false when `item` is not in the collection (the caller raises ValueError).
bool collection_remove(InstanceState& owner, const RelationshipProperty& rel, InstanceState& item);
// owner.rel = [items...]: replaces the collection, with removal and append events per item.
void collection_replace(InstanceState& owner, const RelationshipProperty& rel,
                        const std::vector<InstanceState*>& items);

} // namespace ormsh::orm
