// Mapped classes and their instances on the language side. A declarative base (db.Model,
// declarative_base()) maps every subclass when its class statement ends: columns and
// relationships are read from the class body, a Table and an orm::Mapper are built, and the
// class attributes become instrumented descriptors. Instances are ModelObj: a Python object
// whose InstanceState (core/orm) holds the mapped values.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/orm/instance_state.h"
#include "core/orm/mapper.h"
#include "core/orm/session.h"
#include "repl/api/sql_objects.h"
#include "repl/lang/interpreter.h"

namespace ormsh::api {

struct DeclarativeRegistry;

// One mapped object. Made by make(), which places the column slots right after the object (and
// so after its state, the last member) in the same allocation: a seed of many objects pays one
// allocation per object.
struct ModelObj : lang::Object, orm::InstanceHost {
    static ModelObj* make(lang::Type* cls, const orm::Mapper& mapper);
    // The object and its slots are one block: free it whole, whatever sizeof says.
    static void operator delete(void* memory) { ::operator delete(memory); }

    void retain() override { incref(); }
    void release() override { decref(); }
    bool referenced_elsewhere() const override { return refcnt > 1; }
    orm::InstanceState& state() override { return state_; }
    std::string describe() const override;
    // Tracked by the cycle collector from then on (or from its first instance attribute).
    void holds_references() override { track(); }
    void traverse(lang::Visitor& v) override;
    void clear_refs() override;

    orm::InstanceState state_;

private:
    ModelObj(lang::Type* cls, const orm::Mapper& mapper) : Object(cls), state_(mapper, *this) {}
};

inline ModelObj& model_of(orm::InstanceState& state) {
    return static_cast<ModelObj&>(state.host());
}
inline lang::Value value_of(orm::InstanceState* state) {
    return state ? lang::Value(static_cast<lang::Object*>(&model_of(*state))) : lang::Value::none();
}
// The ModelObj behind a Python value, or null when it is not a mapped instance.
ModelObj* as_model(const lang::Value& v);
// Same, raising UnmappedInstanceError ("Class 'builtins.str' is not mapped") otherwise.
ModelObj& require_model(Interpreter& in, const lang::Value& v);

// What the registry knows of one mapped class.
struct ClassMapping {
    lang::Type* cls = nullptr;
    orm::Mapper* mapper = nullptr;
    DeclarativeRegistry* registry = nullptr;
    Value table; // the TableObj
};

// The classes of one declarative base and their shared MetaData.
struct DeclarativeRegistry {
    orm::MapperRegistry mappers;
    Value metadata;                            // MetaDataObj
    std::vector<std::unique_ptr<ClassMapping>> classes;
    // Relationship settings that are Python strings or callables (order_by='Invoice.amount',
    // a target class given as a lambda) are resolved when mappers are configured.
    struct PendingArg {
        orm::Mapper* mapper;
        std::string key;
        Value relationship; // the RelationshipObj it was declared with
    };
    std::vector<PendingArg> pending;
    // Flask-SQLAlchemy names tables after the class in snake_case.
    bool snake_case_tablenames = false;
    // The 2.0 form (a DeclarativeBase subclass): annotations other than Mapped[] are errors
    // unless __allow_unmapped__, and the base class is the one below.
    bool strict_annotations = false;
    lang::Type* base_class = nullptr;
    // The Python sqlalchemy.orm.registry (Base.registry): its type_annotation_map resolves
    // Mapped[] annotations. Empty for bases made without one.
    Value registry_object;
    // Values the query property (Model.query) and the session use.
    Value query_session; // the scoped session behind Model.query, if any
    bool configured = false;

    ClassMapping* find(const lang::Type* cls) const;
    ClassMapping* find(std::string_view class_name) const;
};

// The mapping of a class (walking up to a mapped base), or null.
ClassMapping* mapping_of(const lang::Type* cls);
// The mapper of the class mapped to `table`, in any registry, or null.
const orm::Mapper* find_mapper_for_table(const schema::Table* table);
// Resolves relationships of every registry: backrefs get descriptors, string arguments are
// evaluated. Called before the first instance, query or flush, as SQLAlchemy configures
// mappers lazily.
void configure_mappers(Interpreter& in);

// Creates a declarative base class named `name` ("Model", "Base") whose subclasses are mapped
// into `registry`.
lang::Type* make_declarative_base(Interpreter& in, const std::string& name,
                                  std::shared_ptr<DeclarativeRegistry> registry,
                                  lang::Type* extra_base = nullptr);
// Maps the class statement `cls` into `registry` (the hook every declarative base runs).
void map_declarative_class(Interpreter& in, lang::Type& cls, DeclarativeRegistry& registry);
// A native class whose Python subclasses are mapped classes (instances are ModelObj, the
// keyword constructor is the default __init__); `hook` runs when a subclass is created.
lang::Type* make_model_base_type(const std::string& name, const std::string& module,
                                 lang::SubclassHook hook);
// Keeps `registry` for the life of the process and lets configure_mappers() see it.
void adopt_registry(std::shared_ptr<DeclarativeRegistry> registry);
// Calls `fn` for every registry still alive.
void for_each_registry(const std::function<void(DeclarativeRegistry&)>& fn);
// Flask-SQLAlchemy 3's Model.__repr__: "<User 1>", "<User (transient 1403...)>".
Value flask_model_repr(Interpreter& in, const Value& self, lang::Args& args);

// Maps `cls` to an existing table (classical mapper(cls, table, properties={...})).
void map_class_to_table(Interpreter& in, lang::Type* cls, const Value& table,
                        const Value& properties, std::shared_ptr<DeclarativeRegistry> registry);

// Makes ModelObj instances for rows being loaded.
class ModelFactory : public orm::InstanceFactory {
public:
    orm::StateRef create(const orm::Mapper& mapper) override;
};
ModelFactory& model_factory();

// "CustomerEvent" -> "customer_event", as Flask-SQLAlchemy's camel_to_snake_case.
std::string camel_to_snake(const std::string& name);

} // namespace ormsh::api
