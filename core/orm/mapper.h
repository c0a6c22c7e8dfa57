// Mapper: the link between a class and a table (SQLAlchemy's orm.Mapper). Every mapped column
// gets a slot index, the place its value lives in each InstanceState; relationships get a
// related-slot index. Relationships name classes that may be declared later, so they are
// resolved by MapperRegistry::configure() before the first flush or query.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/orm/events.h"
#include "core/orm/relationship.h"
#include "core/schema/table.h"

namespace ormsh::orm {

struct ColumnProperty {
    std::string key;           // attribute name on the class
    schema::ColumnPtr column;  // the table column it maps
    std::size_t slot;
};

class Mapper {
public:
    Mapper(std::string class_name, schema::TablePtr table);
    Mapper(const Mapper&) = delete;
    Mapper& operator=(const Mapper&) = delete;

    const std::string& class_name() const { return class_name_; }
    schema::Table& table() const { return *table_; }
    const schema::TablePtr& table_ptr() const { return table_; }

    // Columns ------------------------------------------------------------------------------
    // Maps every column of the table under its key (SQLAlchemy maps all by default); an
    // attribute name other than the column key is given with add_column.
    void add_column(std::string key, schema::ColumnPtr column);
    const std::vector<ColumnProperty>& columns() const { return columns_; }
    const ColumnProperty* column_property(std::string_view key) const;
    // The slot of a table column, or npos when it is not mapped.
    std::size_t slot_of(const schema::Column& column) const;
    const std::vector<std::size_t>& primary_key_slots() const { return pk_slots_; }
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    // Relationships ------------------------------------------------------------------------
    RelationshipProperty& add_relationship(RelationshipConfig config);
    const std::vector<std::unique_ptr<RelationshipProperty>>& relationships() const {
        return relationships_;
    }
    RelationshipProperty* relationship(std::string_view key) const;

    // The host's handle for the mapped class (the Python class object); opaque to core.
    void* class_handle = nullptr;
    // The module the class was defined in ("__main__"), for messages naming the class.
    std::string class_module = "__main__";
    // User code to run on this class's rows and relationship changes; null when there is none.
    MapperHooks* hooks = nullptr;

private:
    std::string class_name_;
    schema::TablePtr table_;
    std::vector<ColumnProperty> columns_;
    std::unordered_map<std::string, std::size_t> column_index_;
    std::unordered_map<const schema::Column*, std::size_t> slot_by_column_;
    std::vector<std::size_t> pk_slots_;
    std::vector<std::unique_ptr<RelationshipProperty>> relationships_;
};

// All mappers of one declarative base / db.Model, by class name: resolves relationship
// targets given as strings and sets up backrefs.
class MapperRegistry {
public:
    Mapper& add(std::unique_ptr<Mapper> mapper);
    Mapper* find(std::string_view class_name) const;
    Mapper* find_by_table(const schema::Table& table) const;
    const std::vector<std::unique_ptr<Mapper>>& mappers() const { return mappers_; }

    // Resolves every relationship not yet configured (targets, directions, backrefs).
    // Returns the backref relationships it created, so the host can add their attributes.
    std::vector<RelationshipProperty*> configure();

private:
    std::vector<std::unique_ptr<Mapper>> mappers_;
};

} // namespace ormsh::orm
