// Mapper and MapperRegistry: slot assignment and lazy configuration of relationships.
#include "core/orm/mapper.h"

#include <fmt/core.h>

#include "core/engine/errors.h"

namespace ormsh::orm {

Mapper::Mapper(std::string class_name, schema::TablePtr table)
    : class_name_(std::move(class_name)), table_(std::move(table)) {}

void Mapper::add_column(std::string key, schema::ColumnPtr column) {
    if (auto it = column_index_.find(key); it != column_index_.end()) {
        // Re-mapping the same key replaces the column (a subclass overriding an attribute).
        auto& prop = columns_[it->second];
        slot_by_column_.erase(prop.column.get());
        prop.column = column;
        slot_by_column_[column.get()] = prop.slot;
        return;
    }
    std::size_t slot = columns_.size();
    if (column->primary_key) pk_slots_.push_back(slot);
    slot_by_column_[column.get()] = slot;
    column_index_.emplace(key, slot);
    columns_.push_back(ColumnProperty{std::move(key), std::move(column), slot});
}

const ColumnProperty* Mapper::column_property(std::string_view key) const {
    auto it = column_index_.find(std::string(key));
    return it == column_index_.end() ? nullptr : &columns_[it->second];
}

std::size_t Mapper::slot_of(const schema::Column& column) const {
    auto it = slot_by_column_.find(&column);
    return it == slot_by_column_.end() ? npos : it->second;
}

RelationshipProperty& Mapper::add_relationship(RelationshipConfig config) {
    if (relationship(config.key))
        throw engine::ArgumentError(
            fmt::format("Mapper '{}' already has a relationship named '{}'", class_name_,
                        config.key));
    relationships_.push_back(
        std::make_unique<RelationshipProperty>(*this, std::move(config), relationships_.size()));
    return *relationships_.back();
}

RelationshipProperty* Mapper::relationship(std::string_view key) const {
    for (const auto& rel : relationships_)
        if (rel->key() == key) return rel.get();
    return nullptr;
}

Mapper& MapperRegistry::add(std::unique_ptr<Mapper> mapper) {
    mappers_.push_back(std::move(mapper));
    return *mappers_.back();
}

Mapper* MapperRegistry::find(std::string_view class_name) const {
    for (const auto& m : mappers_)
        if (m->class_name() == class_name) return m.get();
    return nullptr;
}

Mapper* MapperRegistry::find_by_table(const schema::Table& table) const {
    for (const auto& m : mappers_)
        if (&m->table() == &table) return m.get();
    return nullptr;
}

std::vector<RelationshipProperty*> MapperRegistry::configure() {
    std::vector<RelationshipProperty*> created;
    // Backrefs add relationships while we iterate, so walk by index.
    for (std::size_t m = 0; m < mappers_.size(); ++m) {
        Mapper& mapper = *mappers_[m];
        for (std::size_t r = 0; r < mapper.relationships().size(); ++r) {
            RelationshipProperty& rel = *mapper.relationships()[r];
            if (rel.target()) continue;
            Mapper* target = find(rel.config().target_name);
            if (!target)
                throw engine::InvalidRequestError(fmt::format(
                    "When initializing mapper mapped class {}->{}, expression '{}' failed to "
                    "locate a name ('{}'). If this is a class name, consider adding this "
                    "relationship() to the <class '{}.{}'> class after both dependent classes "
                    "have been defined.",
                    mapper.class_name(), mapper.table().name(), rel.config().target_name,
                    rel.config().target_name, mapper.class_module, mapper.class_name()));
            rel.configure(*target);
        }
    }
    for (std::size_t m = 0; m < mappers_.size(); ++m) {
        Mapper& mapper = *mappers_[m];
        for (std::size_t r = 0; r < mapper.relationships().size(); ++r) {
            RelationshipProperty& rel = *mapper.relationships()[r];
            if (rel.partner()) continue;
            if (rel.config().back_populates) {
                RelationshipProperty* other = rel.target()->relationship(*rel.config().back_populates);
                if (!other)
                    throw engine::InvalidRequestError(fmt::format(
                        "Mapper '{}' has no property '{}'.  If this property was indicated from "
                        "other mappers or configure events, ensure registry.configure() has "
                        "been called.",
                        rel.target()->class_name(), *rel.config().back_populates));
                rel.set_partner(other);
                other->set_partner(&rel);
            } else if (rel.config().backref) {
                RelationshipConfig config = *rel.config().backref;
                config.target_name = mapper.class_name();
                if (rel.target()->relationship(config.key))
                    throw engine::ArgumentError(fmt::format(
                        "Error creating backref '{}' on relationship '{}.{}': property of that "
                        "name exists on mapper '{}'",
                        config.key, mapper.class_name(), rel.key(), rel.target()->class_name()));
                // A backref shares the forward relationship's secondary table.
                if (!config.secondary) config.secondary = rel.config().secondary;
                bool own_join = config.primaryjoin != nullptr;
                RelationshipProperty& back = rel.target()->add_relationship(std::move(config));
                if (own_join)
                    back.configure(mapper);
                else
                    back.configure_as_backref_of(rel);
                if (back.direction() == rel.direction() && rel.direction() != Direction::ManyToMany)
                    throw engine::ArgumentError(fmt::format(
                        "{}.{} and back-reference {}.{} are both of the same direction "
                        "symbol('{}').  Did you mean to set remote_side on the many-to-one side ?",
                        mapper.class_name(), rel.key(), rel.target()->class_name(), back.key(),
                        rel.direction() == Direction::OneToMany ? "ONETOMANY" : "MANYTOONE"));
                rel.set_partner(&back);
                back.set_partner(&rel);
                created.push_back(&back);
            }
        }
    }
    return created;
}

} // namespace ormsh::orm
