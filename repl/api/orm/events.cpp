// The listener registry behind sqlalchemy.event, and the hooks it compiles for core/orm: per
// mapped class (orm::MapperHooks: flush events and relationship changes), per column
// attribute (AttributeHooks on the descriptor) and for every session (orm::SessionHooks).
#include "repl/api/orm/events.h"

#include "core/engine/errors.h"
#include "repl/api/convert.h"
#include "repl/api/exc_bridge.h"
#include "repl/api/orm/args.h"
#include "repl/api/orm/attribute_objects.h"
#include "repl/api/orm/session_object.h"
#include "repl/api/orm/validators.h"
#include "repl/api/sqlalchemy/binding.h"
#include "repl/api/sqlalchemy/engine_objects.h"

#include <algorithm>
#include <array>
#include <fmt/core.h>
#include <memory>
#include <optional>
#include <span>
#include <tuple>
#include <unordered_map>

namespace ormsh::api {

enum class TargetKind { Mapper, Attribute, Session };

// The session events ormsh fires, in SessionHooks order.
enum class SessionEvent {
    BeforeFlush,
    AfterFlush,
    AfterFlushPostexec,
    BeforeCommit,
    AfterCommit,
    AfterRollback,
    Count
};

// One registered listener: user code from event.listen(), or a @validates method installed for
// one class when it is configured.
struct Listener {
    TargetKind kind = TargetKind::Mapper;
    Value target; // as given to listen(), for remove() / contains()
    Value match;  // what the target stands for (a scoped_session's sessionmaker, a class ...)
    std::string identifier;
    Value fn;
    bool propagate = false;
    bool retval = false;
    bool named = false;
    bool once = false;
    bool fired = false;
    bool every_mapper = false; // listen(Mapper, ...) / listen(mapper, ...)
    std::int64_t seq = 0;      // registration order; insert=True goes before every other
    // Set for validators.
    const ClassMapping* validator_of = nullptr;
    ValidatorSpec validator;
};

struct AttributeHooks {
    std::vector<Listener*> set, append, remove, bulk_replace;
    bool empty() const {
        return set.empty() && append.empty() && remove.empty() && bulk_replace.empty();
    }
};

namespace {

constexpr std::array<const char*, 6> kMapperEvents = {"before_insert", "after_insert",
                                                      "before_update", "after_update",
                                                      "before_delete", "after_delete"};
constexpr std::array<const char*, 6> kSessionEvents = {"before_flush",         "after_flush",
                                                       "after_flush_postexec", "before_commit",
                                                       "after_commit",         "after_rollback"};
constexpr std::array<const char*, 3> kAttributeEvents = {"set", "append", "remove"};
// SQLAlchemy's other events of each kind: listening to one is an error naming it as not
// supported, rather than a listener that silently never runs.
constexpr std::array<const char*, 19> kOtherMapperEvents = {"init",
                                                            "init_failure",
                                                            "load",
                                                            "refresh",
                                                            "refresh_flush",
                                                            "expire",
                                                            "pickle",
                                                            "unpickle",
                                                            "first_init",
                                                            "before_configured",
                                                            "after_configured",
                                                            "mapper_configured",
                                                            "before_mapper_configured",
                                                            "instrument_class",
                                                            "class_instrument",
                                                            "class_uninstrument",
                                                            "attribute_instrument",
                                                            "after_mapper_constructed",
                                                            "resurrect"};
constexpr std::array<const char*, 19> kOtherSessionEvents = {"after_soft_rollback",
                                                             "after_begin",
                                                             "after_transaction_create",
                                                             "after_transaction_end",
                                                             "before_attach",
                                                             "after_attach",
                                                             "after_bulk_update",
                                                             "after_bulk_delete",
                                                             "transient_to_pending",
                                                             "pending_to_transient",
                                                             "persistent_to_transient",
                                                             "pending_to_persistent",
                                                             "loaded_as_persistent",
                                                             "persistent_to_deleted",
                                                             "deleted_to_persistent",
                                                             "deleted_to_detached",
                                                             "persistent_to_detached",
                                                             "detached_to_persistent",
                                                             "do_orm_execute"};
constexpr std::array<const char*, 6> kOtherAttributeEvents = {
    "bulk_replace",    "modified",           "init_scalar",
    "init_collection", "dispose_collection", "append_wo_mutation"};

template <std::size_t N> int index_of(const std::array<const char*, N>& names, std::string_view n) {
    for (std::size_t i = 0; i < N; ++i)
        if (n == names[i]) return static_cast<int>(i);
    return -1;
}

// Every listener in registration order. Removed ones are retired, not freed: a listener may be
// running (event.remove() inside a listener) while the hooks are rebuilt.
std::vector<std::unique_ptr<Listener>>& registry() {
    static auto* listeners = new std::vector<std::unique_ptr<Listener>>();
    return *listeners;
}
std::vector<std::unique_ptr<Listener>>& retired() {
    static auto* listeners = new std::vector<std::unique_ptr<Listener>>();
    return *listeners;
}
std::int64_t next_seq = 1;
std::int64_t next_front_seq = -1;

// The session listeners per SessionEvent, in the order they run.
std::array<std::vector<Listener*>, static_cast<std::size_t>(SessionEvent::Count)>&
session_listeners() {
    static auto* lists =
        new std::array<std::vector<Listener*>, static_cast<std::size_t>(SessionEvent::Count)>();
    return *lists;
}

// --- small objects listeners receive ----------------------------------------------------------

struct MapperObj : lang::Object {
    using Object::Object;
    ClassMapping* mapping = nullptr;
};

ClassMapping& mapping_of_mapper(Interpreter& in, const Value& self) {
    auto* m = static_cast<MapperObj*>(self.obj());
    if (!m->mapping) in.raise("AttributeError", "this Mapper maps no class");
    return *m->mapping;
}

// symbol('NO_VALUE'): the old value a 'set' listener gets for an attribute not loaded.
Value no_value_symbol() {
    static Value* symbol = [] {
        lang::Type* t =
            lang::TypeBuilder("symbol", {}, "sqlalchemy.util.langhelpers")
                .method(
                    "__repr__", +[](Interpreter&, const Value&,
                                    lang::Args&) { return lang::new_str("symbol('NO_VALUE')"); })
                .property("name",
                          [](Interpreter&, const Value&) { return lang::new_str("NO_VALUE"); })
                .build();
        return new Value(Value::steal(new lang::Object(t)));
    }();
    return *symbol;
}

// The initiator argument of attribute listeners (SQLAlchemy's attributes.Event).
Value initiator_event() {
    static Value* event = [] {
        lang::Type* t = lang::TypeBuilder("Event", {}, "sqlalchemy.orm.attributes").build();
        return new Value(Value::steal(new lang::Object(t)));
    }();
    return *event;
}

// The flush_context of session listeners (SQLAlchemy's UOWTransaction): it has .session.
Value flush_context(const Value& session) {
    static lang::Type* type = lang::TypeBuilder("UOWTransaction", {}, "sqlalchemy.orm.unitofwork")
                                  .instance_dict(true)
                                  .build();
    Value ctx = Value::steal(new lang::Object(type));
    Interpreter::current().setattr(ctx, lang::intern("session"), session);
    return ctx;
}

// --- per-class hooks
// ------------------------------------------------------------------------------

class ClassHooks;

struct ClassInfo {
    std::unique_ptr<ClassHooks> hooks;
    std::int64_t mapped_seq = 0;
    bool validators_installed = false;
    Value mapper_object;
};

std::unordered_map<const ClassMapping*, ClassInfo>& classes() {
    static auto* map = new std::unordered_map<const ClassMapping*, ClassInfo>();
    return *map;
}

Value mapper_object(ClassMapping& cm) {
    ClassInfo& info = classes()[&cm];
    if (info.mapper_object.empty()) {
        auto* m = new MapperObj(mapper_type());
        m->mapping = &cm;
        info.mapper_object = Value::steal(m);
    }
    return info.mapper_object;
}

// Calls a user listener with the event's arguments (by name when it asked for named=True).
Value call_listener(Interpreter& in, Listener& l, std::vector<Value> args,
                    std::initializer_list<const char*> names) {
    if (l.once) {
        if (l.fired) return Value();
        l.fired = true;
    }
    if (!l.named) return in.call(l.fn, std::move(args), {});
    std::vector<lang::KwArg> kw;
    std::size_t i = 0;
    for (const char* name : names) {
        if (i < args.size()) kw.push_back({lang::intern(name), args[i]});
        ++i;
    }
    return in.call(l.fn, {}, std::move(kw));
}

// A validator's call: fn(obj, key, value) or, with include_removes, fn(obj, key, value, is_remove).
Value call_validator(Interpreter& in, const Listener& l, const Value& obj, const Value& value,
                     bool is_remove) {
    std::vector<Value> args{obj, lang::new_str(l.validator.key), value};
    if (l.validator.include_removes) args.push_back(Value::boolean(is_remove));
    return in.call(l.validator.fn, std::move(args), {});
}

orm::InstanceState* state_for(Interpreter& in, const Value& v) {
    if (v.is_none()) return nullptr;
    return &require_model(in, v).state_;
}

class ClassHooks final : public orm::MapperHooks {
public:
    explicit ClassHooks(ClassMapping& mapping) : mapping_(mapping) {}

    std::array<std::vector<Listener*>, kMapperEvents.size()> persistence_listeners;
    std::unordered_map<std::string, AttributeHooks> attributes;

    bool empty() const {
        for (const auto& l : persistence_listeners)
            if (!l.empty()) return false;
        for (const auto& [key, hooks] : attributes)
            if (!hooks.empty()) return false;
        return true;
    }
    void clear() {
        for (auto& l : persistence_listeners)
            l.clear();
        attributes.clear();
    }

    bool listens(orm::MapperEvent event) const override {
        return !persistence_listeners[static_cast<std::size_t>(event)].empty();
    }

    void persistence(orm::MapperEvent event, const orm::Mapper&, engine::Connection& conn,
                     orm::InstanceState& target) override {
        Interpreter& in = Interpreter::current();
        // Copied: a listener may add or remove listeners.
        std::vector<Listener*> listeners = persistence_listeners[static_cast<std::size_t>(event)];
        try {
            Value session = python_session(target.session);
            auto* owner = dynamic_cast<SessionObj*>(session.obj_or_null());
            BorrowedConnection connection(owner ? owner->bind : Value::none(), conn);
            Value mapper = mapper_object(mapping_);
            Value obj = value_of(&target);
            for (Listener* l : listeners)
                call_listener(in, *l, {mapper, connection.value(), obj},
                              {"mapper", "connection", "target"});
        } catch (const lang::PyException& e) {
            // Carried through the flush (which fails and needs rollback) to the caller.
            throw engine::HostError(in.str(e.exc), std::current_exception());
        }
    }

    orm::InstanceState* append(orm::InstanceState& owner, const orm::RelationshipProperty& rel,
                               orm::InstanceState& item, orm::Initiator initiator) override {
        const AttributeHooks* hooks = find(rel.key());
        if (!hooks || hooks->append.empty()) return &item;
        Interpreter& in = Interpreter::current();
        Value obj = value_of(&owner), value = value_of(&item);
        for (Listener* l : std::vector<Listener*>(hooks->append)) {
            if (l->validator_of) {
                if (initiator == orm::Initiator::BulkReplace || skips_backref(*l, initiator))
                    continue;
                value = call_validator(in, *l, obj, value, false);
            } else {
                Value r = call_listener(in, *l, {obj, value, initiator_event()},
                                        {"target", "value", "initiator"});
                if (l->retval && !r.empty()) value = r;
            }
        }
        return state_for(in, value);
    }

    void remove(orm::InstanceState& owner, const orm::RelationshipProperty& rel,
                orm::InstanceState& item, orm::Initiator initiator) override {
        const AttributeHooks* hooks = find(rel.key());
        if (!hooks || hooks->remove.empty()) return;
        Interpreter& in = Interpreter::current();
        Value obj = value_of(&owner), value = value_of(&item);
        for (Listener* l : std::vector<Listener*>(hooks->remove)) {
            if (l->validator_of) {
                if (!skips_backref(*l, initiator)) call_validator(in, *l, obj, value, true);
            } else {
                call_listener(in, *l, {obj, value, initiator_event()},
                              {"target", "value", "initiator"});
            }
        }
    }

    orm::InstanceState* set(orm::InstanceState& owner, const orm::RelationshipProperty& rel,
                            orm::InstanceState* target, orm::InstanceState* old,
                            orm::Initiator initiator) override {
        const AttributeHooks* hooks = find(rel.key());
        if (!hooks || hooks->set.empty()) return target;
        Interpreter& in = Interpreter::current();
        Value obj = value_of(&owner), value = value_of(target), previous = value_of(old);
        // A new object's reference never assigned has no old value (SQLAlchemy's NO_VALUE).
        bool fresh = owner.status == orm::Status::Transient || owner.status == orm::Status::Pending;
        if (!old && fresh && !owner.related(rel.slot()).scalar_changed)
            previous = no_value_symbol();
        for (Listener* l : std::vector<Listener*>(hooks->set)) {
            if (l->validator_of) {
                if (!skips_backref(*l, initiator))
                    value = call_validator(in, *l, obj, value, false);
            } else {
                Value r = call_listener(in, *l, {obj, value, previous, initiator_event()},
                                        {"target", "value", "oldvalue", "initiator"});
                if (l->retval && !r.empty()) value = r;
            }
        }
        return state_for(in, value);
    }

    void bulk_replace(orm::InstanceState& owner, const orm::RelationshipProperty& rel,
                      std::vector<orm::InstanceState*>& items) override {
        const AttributeHooks* hooks = find(rel.key());
        if (!hooks || hooks->bulk_replace.empty()) return;
        Interpreter& in = Interpreter::current();
        Value obj = value_of(&owner);
        for (Listener* l : std::vector<Listener*>(hooks->bulk_replace))
            for (auto& item : items)
                item = state_for(in, call_validator(in, *l, obj, value_of(item), false));
        std::erase(items, nullptr);
    }

private:
    const AttributeHooks* find(const std::string& key) const {
        auto it = attributes.find(key);
        return it == attributes.end() ? nullptr : &it->second;
    }
    static bool skips_backref(const Listener& l, orm::Initiator initiator) {
        return initiator == orm::Initiator::Backref && !l.validator.include_backrefs;
    }

    ClassMapping& mapping_;
};

// --- compiling listeners into hooks
// ---------------------------------------------------------------

// Where a mapper listener applies to `cm`: its place in the order SQLAlchemy runs them
// (listeners on Mapper first; then in the order they were attached to the mapper, where
// listeners held on a base class before the class was mapped attach at mapping, in MRO order),
// or nothing when it does not apply.
std::optional<std::tuple<int, std::int64_t, std::size_t, std::int64_t>>
mapper_listener_order(const Listener& l, const ClassMapping& cm, std::int64_t mapped_seq) {
    if (l.every_mapper) return std::make_tuple(0, l.seq, std::size_t{0}, l.seq);
    if (!has_layout(l.match, lang::Layout::Type)) return std::nullopt;
    const lang::Type* t = l.match.as<lang::Type>();
    const auto& mro = cm.cls->mro;
    auto it = std::find(mro.begin(), mro.end(), t);
    if (it == mro.end()) return std::nullopt;
    std::size_t depth = static_cast<std::size_t>(it - mro.begin());
    if (depth > 0 && !l.propagate) return std::nullopt;
    return std::make_tuple(1, std::max(l.seq, mapped_seq), depth, l.seq);
}

void rebuild(ClassMapping& cm) {
    ClassInfo& info = classes()[&cm];
    if (!info.hooks) info.hooks = std::make_unique<ClassHooks>(cm);
    ClassHooks& hooks = *info.hooks;
    hooks.clear();
    std::vector<Listener*> ordered;
    for (const auto& l : registry())
        ordered.push_back(l.get());
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const Listener* a, const Listener* b) { return a->seq < b->seq; });

    for (std::size_t e = 0; e < kMapperEvents.size(); ++e) {
        std::vector<std::pair<std::tuple<int, std::int64_t, std::size_t, std::int64_t>, Listener*>>
            found;
        for (Listener* l : ordered) {
            if (l->kind != TargetKind::Mapper || l->identifier != kMapperEvents[e]) continue;
            if (auto order = mapper_listener_order(*l, cm, info.mapped_seq))
                found.emplace_back(*order, l);
        }
        std::stable_sort(found.begin(), found.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        for (const auto& f : found)
            hooks.persistence_listeners[e].push_back(f.second);
    }

    const orm::Mapper& mapper = *cm.mapper;
    for (Listener* l : ordered) {
        if (l->kind != TargetKind::Attribute) continue;
        if (l->validator_of) {
            if (l->validator_of != &cm) continue;
            const std::string& key = l->validator.key;
            AttributeHooks& a = hooks.attributes[key];
            const orm::RelationshipProperty* rel = mapper.relationship(key);
            if (rel && rel->uselist()) {
                a.append.push_back(l);
                a.bulk_replace.push_back(l);
                if (l->validator.include_removes) a.remove.push_back(l);
            } else if (rel || mapper.column_property(key)) {
                a.set.push_back(l);
            }
            continue;
        }
        AttributeObj* attr = attribute_of(l->match);
        if (!attr || attr->mapping != &cm) continue;
        AttributeHooks& a = hooks.attributes[attr->key];
        if (l->identifier == "set")
            a.set.push_back(l);
        else if (l->identifier == "append")
            a.append.push_back(l);
        else
            a.remove.push_back(l);
    }

    cm.mapper->hooks = hooks.empty() ? nullptr : &hooks;
    for (const auto& prop : mapper.columns()) {
        AttributeObj* attr = attribute_of(cm.cls->dict->get_str(prop.key));
        if (!attr || attr->mapping != &cm) continue;
        auto it = hooks.attributes.find(prop.key);
        attr->hooks =
            it != hooks.attributes.end() && !it->second.set.empty() ? &it->second : nullptr;
    }
}

void rebuild_sessions() {
    auto& lists = session_listeners();
    for (auto& l : lists)
        l.clear();
    std::vector<Listener*> ordered;
    for (const auto& l : registry())
        if (l->kind == TargetKind::Session) ordered.push_back(l.get());
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const Listener* a, const Listener* b) { return a->seq < b->seq; });
    for (Listener* l : ordered)
        lists[index_of(kSessionEvents, l->identifier)].push_back(l);
}

void rebuild_all() {
    for (auto& [cm, info] : classes())
        rebuild(*const_cast<ClassMapping*>(cm));
    rebuild_sessions();
}

// --- session hooks ----------------------------------------------------------------------------

bool session_matches(const Listener& l, const Value& session) {
    if (has_layout(l.match, lang::Layout::Type))
        return session.type()->is_subtype(l.match.as<lang::Type>());
    if (l.match.is(session)) return true;
    auto* s = dynamic_cast<SessionObj*>(session.obj_or_null());
    return s && !s->origin.empty() && l.match.is(s->origin);
}

class PythonSessionHooks final : public orm::SessionHooks {
public:
    void before_flush(orm::Session& s) override { fire(s, SessionEvent::BeforeFlush, true, true); }
    void after_flush(orm::Session& s) override { fire(s, SessionEvent::AfterFlush, true, false); }
    void after_flush_postexec(orm::Session& s) override {
        fire(s, SessionEvent::AfterFlushPostexec, true, false);
    }
    void before_commit(orm::Session& s) override {
        fire(s, SessionEvent::BeforeCommit, false, false);
    }
    void after_commit(orm::Session& s) override {
        fire(s, SessionEvent::AfterCommit, false, false);
    }
    void after_rollback(orm::Session& s) override {
        fire(s, SessionEvent::AfterRollback, false, false);
    }

private:
    static void fire(orm::Session& s, SessionEvent event, bool with_context, bool with_instances) {
        const auto& listeners = session_listeners()[static_cast<std::size_t>(event)];
        if (listeners.empty()) return;
        Interpreter& in = Interpreter::current();
        Value session = python_session(&s);
        if (session.is_none()) return;
        try {
            Value context;
            for (Listener* l : std::vector<Listener*>(listeners)) {
                if (!session_matches(*l, session)) continue;
                std::vector<Value> args{session};
                if (with_context) {
                    if (context.empty()) context = flush_context(session);
                    args.push_back(context);
                }
                if (with_instances) args.push_back(Value::none());
                call_listener(in, *l, std::move(args), {"session", "flush_context", "instances"});
            }
        } catch (const lang::PyException& e) {
            throw engine::HostError(in.str(e.exc), std::current_exception());
        }
    }
};

// --- event.listen() and friends
// -------------------------------------------------------------------

struct ResolvedTarget {
    TargetKind kind;
    Value match;
    bool every_mapper = false;
};

ResolvedTarget resolve_target(Interpreter& in, const Value& target) {
    if (attribute_of(target)) return {TargetKind::Attribute, target};
    if (dynamic_cast<SessionObj*>(target.obj_or_null()) || is_sessionmaker(target))
        return {TargetKind::Session, target};
    Value factory = scoped_session_factory(target);
    if (!factory.empty()) return {TargetKind::Session, is_sessionmaker(factory) ? factory : target};
    if (has_layout(target, lang::Layout::Type)) {
        lang::Type* t = target.as<lang::Type>();
        if (t->is_subtype(session_type())) return {TargetKind::Session, target};
        if (t == mapper_type()) return {TargetKind::Mapper, target, true};
        return {TargetKind::Mapper, target};
    }
    if (auto* m = dynamic_cast<MapperObj*>(target.obj_or_null()))
        return {TargetKind::Mapper, Value(m->mapping->cls)};
    Value classical = in.import_module("sqlalchemy.orm")->dict->get_str("mapper");
    if (!classical.empty() && classical.is(target)) return {TargetKind::Mapper, target, true};
    in.raise("AttributeError",
             fmt::format("'{}' object has no attribute 'dispatch'", target.type()->name));
}

void check_identifier(Interpreter& in, const ResolvedTarget& t, const Value& target,
                      const std::string& identifier) {
    bool known = false, other = false;
    switch (t.kind) {
    case TargetKind::Mapper:
        known = index_of(kMapperEvents, identifier) >= 0;
        other = index_of(kOtherMapperEvents, identifier) >= 0;
        break;
    case TargetKind::Session:
        known = index_of(kSessionEvents, identifier) >= 0;
        other = index_of(kOtherSessionEvents, identifier) >= 0;
        break;
    case TargetKind::Attribute:
        known = index_of(kAttributeEvents, identifier) >= 0;
        other = index_of(kOtherAttributeEvents, identifier) >= 0;
        if (!known && !other) in.raise("AttributeError", identifier);
        break;
    }
    if (known) return;
    if (other)
        in.raise("NotImplementedError",
                 fmt::format("ormsh does not support the '{}' event yet", identifier));
    in.raise(exc_type(in, "InvalidRequestError"),
             fmt::format("No such event '{}' for target '{}'", identifier, in.str(target)));
}

Value listen_impl(Interpreter& in, const Value& target, const Value& identifier_value,
                  const Value& fn, std::span<const lang::KwArg> kw) {
    std::string identifier = str_arg(in, identifier_value, "event identifier");
    ResolvedTarget resolved = resolve_target(in, target);
    check_identifier(in, resolved, target, identifier);
    auto l = std::make_unique<Listener>();
    l->kind = resolved.kind;
    l->target = target;
    l->match = resolved.match;
    l->every_mapper = resolved.every_mapper;
    l->identifier = identifier;
    l->fn = fn;
    bool insert = false;
    for (const auto& k : kw) {
        const lang::StrText& name = k.name->s;
        bool on = in.truthy(k.value);
        if (name == "propagate")
            l->propagate = on;
        else if (name == "retval")
            l->retval = on;
        else if (name == "named")
            l->named = on;
        else if (name == "once")
            l->once = on;
        else if (name == "insert")
            insert = on;
        else if (name == "raw" && on)
            in.raise("NotImplementedError", "ormsh does not support raw=True listeners yet");
        else if (name != "raw" && name != "active_history" && name != "restore_load_context")
            in.raise("TypeError",
                     fmt::format("listen() got an unexpected keyword argument '{}'", name));
    }
    l->seq = insert ? next_front_seq-- : next_seq++;
    registry().push_back(std::move(l));
    rebuild_all();
    return Value::none();
}

Value event_listen(Interpreter& in, const Value&, lang::Args& args) {
    if (args.pos.size() < 3)
        in.raise("TypeError",
                 "listen() missing required arguments: 'target', 'identifier' and 'fn'");
    return listen_impl(in, args.pos[0], args.pos[1], args.pos[2], args.kw);
}

Value event_listens_for(Interpreter& in, const Value&, lang::Args& args) {
    if (args.pos.size() < 2)
        in.raise("TypeError",
                 "listens_for() missing required arguments: 'target' and 'identifier'");
    Value target = args.pos[0], identifier = args.pos[1];
    std::vector<lang::KwArg> kw(args.kw.begin(), args.kw.end());
    return lang::make_native_closure(
        "decorate", [target, identifier, kw](Interpreter& in, const Value&, lang::Args& a) {
            Value fn = arg_at(in, a, 0);
            listen_impl(in, target, identifier, fn, kw);
            return fn;
        });
}

std::vector<std::unique_ptr<Listener>>::iterator
find_listener(Interpreter& in, const Value& target, const Value& identifier, const Value& fn) {
    std::string id = str_arg(in, identifier, "event identifier");
    auto& all = registry();
    return std::find_if(all.begin(), all.end(), [&](const std::unique_ptr<Listener>& l) {
        return !l->validator_of && l->target.is(target) && l->identifier == id && l->fn.is(fn);
    });
}

Value event_remove(Interpreter& in, const Value&, lang::Args& args) {
    if (args.pos.size() != 3)
        in.raise("TypeError", "remove() takes exactly 3 arguments: target, identifier, fn");
    auto it = find_listener(in, args.pos[0], args.pos[1], args.pos[2]);
    if (it == registry().end())
        in.raise(exc_type(in, "InvalidRequestError"),
                 fmt::format("No listeners found for event {} / {} / {} ", in.repr(args.pos[0]),
                             in.repr(args.pos[1]), in.repr(args.pos[2])));
    retired().push_back(std::move(*it));
    registry().erase(it);
    rebuild_all();
    return Value::none();
}

Value event_contains(Interpreter& in, const Value&, lang::Args& args) {
    if (args.pos.size() != 3)
        in.raise("TypeError", "contains() takes exactly 3 arguments: target, identifier, fn");
    return Value::boolean(find_listener(in, args.pos[0], args.pos[1], args.pos[2]) !=
                          registry().end());
}

} // namespace

// --- public
// ---------------------------------------------------------------------------------------

Value run_column_set_hooks(Interpreter& in, const AttributeHooks& hooks, ModelObj& obj,
                           std::size_t slot, Value value) {
    Value self(static_cast<lang::Object*>(&obj));
    Value old;
    for (Listener* l : std::vector<Listener*>(hooks.set)) {
        if (l->validator_of) {
            value = call_validator(in, *l, self, value, false);
            continue;
        }
        if (old.empty())
            old = obj.state_.is_loaded(slot) ? from_db(in, obj.state_.value(slot))
                                             : no_value_symbol();
        Value r = call_listener(in, *l, {self, value, old, initiator_event()},
                                {"target", "value", "oldvalue", "initiator"});
        if (l->retval && !r.empty()) value = r;
    }
    return value;
}

void note_class_mapped(Interpreter&, ClassMapping& mapping) {
    ClassInfo& info = classes()[&mapping];
    info.mapped_seq = next_seq++;
    rebuild(mapping);
}

void note_registry_configured(Interpreter& in, DeclarativeRegistry& registry_) {
    bool installed = false;
    for (const auto& cm : registry_.classes) {
        ClassInfo& info = classes()[cm.get()];
        if (info.validators_installed) continue;
        info.validators_installed = true;
        std::string mapper_name =
            fmt::format("mapped class {}->{}", cm->cls->name, cm->mapper->table().name());
        for (ValidatorSpec& spec : collect_validators(in, *cm->cls, mapper_name)) {
            auto l = std::make_unique<Listener>();
            l->kind = TargetKind::Attribute;
            l->validator_of = cm.get();
            l->validator = std::move(spec);
            l->seq = next_seq++;
            registry().push_back(std::move(l));
            installed = true;
        }
    }
    if (installed) rebuild_all();
}

orm::SessionHooks& session_hooks() {
    static auto* hooks = new PythonSessionHooks();
    return *hooks;
}

lang::Type* mapper_type() {
    static lang::Type* type = [] {
        return lang::TypeBuilder("Mapper", {}, "sqlalchemy.orm.mapper")
            .property("class_",
                      [](Interpreter& in, const Value& self) {
                          return Value(mapping_of_mapper(in, self).cls);
                      })
            .property("local_table",
                      [](Interpreter& in, const Value& self) {
                          return mapping_of_mapper(in, self).table;
                      })
            .property("persist_selectable",
                      [](Interpreter& in, const Value& self) {
                          return mapping_of_mapper(in, self).table;
                      })
            .method(
                "__str__",
                +[](Interpreter& in, const Value& self, lang::Args&) {
                    ClassMapping& cm = mapping_of_mapper(in, self);
                    return lang::new_str(fmt::format("mapped class {}->{}", cm.cls->name,
                                                     cm.mapper->table().name()));
                })
            .method(
                "__repr__",
                +[](Interpreter& in, const Value& self, lang::Args&) {
                    ClassMapping& cm = mapping_of_mapper(in, self);
                    return lang::new_str(fmt::format("<Mapper at 0x{:x}; {}>",
                                                     reinterpret_cast<std::uintptr_t>(self.obj()),
                                                     cm.cls->name));
                })
            .build();
    }();
    return type;
}

void register_event_module(Interpreter& in) {
    in.register_builtin_module("sqlalchemy.event", [](Interpreter&, lang::Module& m) {
        m.dict->set_str("listen", lang::make_native_function("listen", event_listen));
        m.dict->set_str("listens_for",
                        lang::make_native_function("listens_for", event_listens_for));
        m.dict->set_str("remove", lang::make_native_function("remove", event_remove));
        m.dict->set_str("contains", lang::make_native_function("contains", event_contains));
    });
}

} // namespace ormsh::api
