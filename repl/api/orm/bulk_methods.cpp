// Session.bulk_save_objects, bulk_insert_mappings and bulk_update_mappings: the Python side of
// core/orm/bulk_persistence. Objects and mappings are turned into rows by mapper slot; the
// objects never join the session, as in SQLAlchemy.
#include "repl/api/orm/bulk_methods.h"

#include "core/orm/bulk_persistence.h"
#include "repl/api/convert.h"
#include "repl/api/exc_bridge.h"
#include "repl/api/orm/args.h"
#include "repl/api/orm/model.h"
#include "repl/api/orm/session_object.h"
#include "repl/api/sqlalchemy/binding.h"

#include <fmt/core.h>

namespace ormsh::api {

namespace {

orm::Session& open_session(Interpreter& in, const Value& self) {
    SessionObj& s = session_of(in, self);
    if (!s.session) in.raise(exc_type(in, "InvalidRequestError"), "This session is closed");
    return *s.session;
}

// A keyword flag, false when not passed.
bool flag(Interpreter& in, const lang::Args& args, const char* name) {
    Value v = kwarg(args, name);
    return !v.empty() && in.truthy(v);
}

// The mapper of bulk_insert_mappings(User, ...): a mapped class.
orm::Mapper& mapper_arg(Interpreter& in, const Value& v) {
    ClassMapping* m = has_layout(v, lang::Layout::Type) ? mapping_of(v.as<lang::Type>()) : nullptr;
    if (!m)
        in.raise(exc_type(in, "ArgumentError"),
                 fmt::format("Class object expected, got '{}'.", in.repr(v)));
    return *m->mapper;
}

// A mapping's values by slot; keys that are not mapped columns are ignored, as SQLAlchemy does.
orm::BulkRow row_from_mapping(Interpreter& in, const orm::Mapper& mapper, const Value& mapping) {
    orm::BulkRow row(mapper.columns().size());
    for (const Value& key : in.to_vector(mapping)) {
        if (!lang::is_str(key)) continue;
        if (const orm::ColumnProperty* prop = mapper.column_property(lang::as_str(key)->s))
            row[prop->slot] = to_db(in, in.getitem(mapping, key));
    }
    return row;
}

Value bulk_insert_mappings(Interpreter& in, const Value& self, lang::Args& args) {
    orm::Session& session = open_session(in, self);
    configure_mappers(in);
    orm::Mapper& mapper = mapper_arg(in, arg_at(in, args, 0));
    std::vector<Value> mappings = in.to_vector(arg_at(in, args, 1));
    std::vector<orm::BulkRow> rows;
    for (const Value& m : mappings)
        rows.push_back(row_from_mapping(in, mapper, m));
    bool return_defaults = flag(in, args, "return_defaults");
    auto keys = guard(in, [&] { return orm::bulk_insert(session, mapper, rows, return_defaults); });
    // return_defaults=True writes generated keys back into the dictionaries.
    const auto& pk_slots = mapper.primary_key_slots();
    if (return_defaults && pk_slots.size() == 1)
        for (std::size_t i = 0; i < keys.size() && i < mappings.size(); ++i)
            if (!engine::is_null(keys[i]))
                in.setitem(mappings[i], lang::new_str(mapper.columns()[pk_slots.front()].key),
                           from_db(in, keys[i]));
    return Value::none();
}

Value bulk_update_mappings(Interpreter& in, const Value& self, lang::Args& args) {
    orm::Session& session = open_session(in, self);
    configure_mappers(in);
    orm::Mapper& mapper = mapper_arg(in, arg_at(in, args, 0));
    std::vector<orm::BulkRow> rows;
    for (const Value& m : in.to_vector(arg_at(in, args, 1)))
        rows.push_back(row_from_mapping(in, mapper, m));
    guard(in, [&] { orm::bulk_update(session, mapper, rows); });
    return Value::none();
}

// bulk_save_objects: new objects are inserted with the attributes they have; objects with an
// identity are updated, by default with only the attributes changed since they were loaded.
Value bulk_save_objects(Interpreter& in, const Value& self, lang::Args& args) {
    orm::Session& session = open_session(in, self);
    configure_mappers(in);
    bool return_defaults = flag(in, args, "return_defaults");
    Value changed_only_arg = kwarg(args, "update_changed_only");
    bool changed_only = changed_only_arg.empty() || in.truthy(changed_only_arg);
    for (const Value& v : in.to_vector(arg_at(in, args, 0))) {
        ModelObj& obj = require_model(in, v);
        orm::InstanceState& state = obj.state_;
        const orm::Mapper& mapper = state.mapper();
        orm::BulkRow row(mapper.columns().size());
        for (const auto& prop : mapper.columns())
            if (state.is_loaded(prop.slot) &&
                (!state.has_identity() || !changed_only || state.is_modified(prop.slot)))
                row[prop.slot] = state.value(prop.slot);
        if (state.has_identity()) {
            orm::IdentityKey key = state.identity();
            for (std::size_t i = 0; i < mapper.primary_key_slots().size(); ++i)
                row[mapper.primary_key_slots()[i]] = key.primary_key[i];
            guard(in, [&] { orm::bulk_update(session, mapper, {row}); });
            continue;
        }
        auto keys =
            guard(in, [&] { return orm::bulk_insert(session, mapper, {row}, return_defaults); });
        if (return_defaults && !keys.empty() && !engine::is_null(keys.front()) &&
            mapper.primary_key_slots().size() == 1)
            state.load_value(mapper.primary_key_slots().front(), keys.front());
    }
    return Value::none();
}

} // namespace

void add_bulk_methods(lang::TypeBuilder& session_type) {
    session_type.method("bulk_save_objects", bulk_save_objects)
        .method("bulk_insert_mappings", bulk_insert_mappings)
        .method("bulk_update_mappings", bulk_update_mappings);
}

} // namespace ormsh::api
