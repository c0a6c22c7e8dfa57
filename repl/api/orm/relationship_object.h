// relationship() and backref(): what a class body declares, kept as Python values until the
// mappers are configured, when string and callable arguments ('Invoice',
// order_by='Invoice.amount.desc()', lambda: Post) can be resolved against the registry.
#pragma once

#include <optional>
#include <string>

#include "core/orm/relationship.h"
#include "repl/api/orm/model.h"

namespace ormsh::api {

struct RelationshipObj : lang::Object {
    explicit RelationshipObj(lang::Type* t) : Object(t) {}
    Value argument;       // the target: a class, its name, or a callable returning it
    std::string name;     // backref('name', ...) only
    Value secondary;      // a Table, or its name
    Value order_by;       // str, expression, list of them, or empty
    Value backref;        // str or a backref() RelationshipObj
    Value back_populates; // str
    Value remote_side;    // column(s), or a str to evaluate
    Value foreign_keys;   // column(s), or a str to evaluate
    Value primaryjoin;    // expression, str or callable
    Value secondaryjoin;  // expression, str or callable
    std::string lazy = "select";
    std::optional<std::string> cascade;
    std::optional<bool> uselist;
    bool viewonly = false;
    bool passive_deletes = false;
    void traverse(lang::Visitor& v) override;
    void clear_refs() override;
};

lang::Type* relationship_type();
// sqlalchemy.orm.relationship(...) / backref(...), as native functions.
Value relationship_function(Interpreter& in, const Value& self, lang::Args& args);
Value backref_function(Interpreter& in, const Value& self, lang::Args& args);

// The core configuration for `rel` declared under attribute `key` (what can be known before
// the target classes exist).
orm::RelationshipConfig relationship_config(Interpreter& in, RelationshipObj& rel,
                                            const std::string& key);
// Before configure: a target given as a class or callable becomes a class name; a secondary
// table given by name is looked up.
void resolve_relationship_target(Interpreter& in, DeclarativeRegistry& registry,
                                 DeclarativeRegistry::PendingArg& pending);
// After configure: order_by strings are evaluated with the registry's classes in scope.
void resolve_relationship_arguments(Interpreter& in, DeclarativeRegistry& registry,
                                    DeclarativeRegistry::PendingArg& pending);
// Evaluates a string argument ('Invoice.amount.desc()') with the registry's classes in scope.
Value eval_in_registry(Interpreter& in, DeclarativeRegistry& registry, const std::string& source);

// __table_args__: constraints and indexes (tuple), options (dict).
void apply_table_args(Interpreter& in, const Value& table, const Value& args);

} // namespace ormsh::api
