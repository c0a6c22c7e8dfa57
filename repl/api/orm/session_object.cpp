// Session, sessionmaker, scoped_session and query_property as Python objects.
#include "repl/api/orm/session_object.h"

#include "core/orm/query.h"
#include "core/sql/execute.h"
#include "core/sql/selectable.h"
#include "repl/api/convert.h"
#include "repl/api/exc_bridge.h"
#include "repl/api/orm/args.h"
#include "repl/api/orm/attribute_objects.h"
#include "repl/api/orm/bulk_methods.h"
#include "repl/api/orm/events.h"
#include "repl/api/orm/orm_dml.h"
#include "repl/api/orm/orm_select.h"
#include "repl/api/orm/query_object.h"
#include "repl/api/result_objects.h"
#include "repl/api/sqlalchemy/binding.h"

#include <fmt/core.h>
#include <typeinfo>
#include <unordered_map>

namespace ormsh::api {
namespace {

lang::Object* alloc_session(lang::Type* t) {
    auto* s = new SessionObj(t);
    s->track();
    return s;
}

SessionObj& self_session(Interpreter& in, const Value& v) {
    return session_of(in, v);
}

orm::Session& core_session(Interpreter& in, const Value& v) {
    SessionObj& s = self_session(in, v);
    if (!s.session) in.raise(exc_type(in, "InvalidRequestError"), "This session is closed");
    return *s.session;
}

Value s_add(Interpreter& in, const Value& self, lang::Args& args) {
    orm::Session& session = core_session(in, self);
    ModelObj& obj = require_model(in, arg_at(in, args, 0));
    configure_mappers(in);
    guard(in, [&] { session.add(obj.state_); });
    return Value::none();
}

Value s_add_all(Interpreter& in, const Value& self, lang::Args& args) {
    orm::Session& session = core_session(in, self);
    configure_mappers(in);
    for (const Value& v : in.to_vector(arg_at(in, args, 0))) {
        ModelObj& obj = require_model(in, v);
        guard(in, [&] { session.add(obj.state_); });
    }
    return Value::none();
}

Value s_delete(Interpreter& in, const Value& self, lang::Args& args) {
    orm::Session& session = core_session(in, self);
    ModelObj& obj = require_model(in, arg_at(in, args, 0));
    configure_mappers(in);
    guard(in, [&] { session.delete_(obj.state_); });
    return Value::none();
}

Value s_flush(Interpreter& in, const Value& self, lang::Args&) {
    configure_mappers(in);
    guard(in, [&] { core_session(in, self).flush(); });
    return Value::none();
}

Value s_commit(Interpreter& in, const Value& self, lang::Args&) {
    configure_mappers(in);
    guard(in, [&] { core_session(in, self).commit(); });
    return Value::none();
}

Value s_rollback(Interpreter& in, const Value& self, lang::Args&) {
    guard(in, [&] { core_session(in, self).rollback(); });
    return Value::none();
}

Value s_close(Interpreter& in, const Value& self, lang::Args&) {
    SessionObj& s = self_session(in, self);
    if (s.session) guard(in, [&] { s.session->close(); });
    return Value::none();
}

Value s_expunge(Interpreter& in, const Value& self, lang::Args& args) {
    ModelObj& obj = require_model(in, arg_at(in, args, 0));
    guard(in, [&] { core_session(in, self).expunge(obj.state_); });
    return Value::none();
}

Value s_expunge_all(Interpreter& in, const Value& self, lang::Args&) {
    guard(in, [&] { core_session(in, self).expunge_all(); });
    return Value::none();
}

Value s_refresh(Interpreter& in, const Value& self, lang::Args& args) {
    ModelObj& obj = require_model(in, arg_at(in, args, 0));
    guard(in, [&] { core_session(in, self).refresh(obj.state_); });
    return Value::none();
}

Value s_expire(Interpreter& in, const Value& self, lang::Args& args) {
    ModelObj& obj = require_model(in, arg_at(in, args, 0));
    guard(in, [&] { core_session(in, self).expire(obj.state_); });
    return Value::none();
}

Value s_expire_all(Interpreter& in, const Value& self, lang::Args&) {
    guard(in, [&] { core_session(in, self).expire_all(); });
    return Value::none();
}

Value s_is_modified(Interpreter& in, const Value& self, lang::Args& args) {
    ModelObj& obj = require_model(in, arg_at(in, args, 0));
    return Value::boolean(core_session(in, self).is_modified(obj.state_));
}

Value s_contains(Interpreter& in, const Value& self, lang::Args& args) {
    ModelObj* obj = as_model(arg_at(in, args, 0));
    if (!obj) return Value::boolean(false);
    return Value::boolean(core_session(in, self).contains(obj->state_));
}

// session.new / dirty / deleted: SQLAlchemy answers with an IdentitySet, printed as
// IdentitySet([...]); a list subclass gives iteration, len() and `in` for free.
lang::Type* identity_set_type() {
    static lang::Type* t =
        lang::TypeBuilder("IdentitySet", {lang::Types::list}, "sqlalchemy.util._collections")
            .method(
                "__repr__",
                +[](Interpreter& in, const Value& self, lang::Args&) {
                    std::string items;
                    for (const Value& v : self.as<lang::List>()->items)
                        items += (items.empty() ? "" : ", ") + in.repr(v);
                    return lang::new_str("IdentitySet([" + items + "])");
                })
            .build();
    return t;
}

Value objects_list(const std::vector<orm::InstanceState*>& states) {
    std::vector<Value> out;
    for (orm::InstanceState* s : states)
        out.push_back(value_of(s));
    auto* set = new lang::List(std::move(out));
    set->type = identity_set_type();
    return Value::steal(set);
}

Value s_query(Interpreter& in, const Value& self, lang::Args& args) {
    SessionObj& s = self_session(in, self);
    return make_query(in, Value(&s), core_session(in, self), args.pos);
}

Value s_get(Interpreter& in, const Value& self, lang::Args& args) {
    if (args.pos.size() < 2)
        in.raise("TypeError", "get() missing 1 required positional argument: 'ident'");
    SessionObj& s = self_session(in, self);
    std::vector<Value> entity{args.pos[0]};
    Value q = make_query(in, Value(&s), core_session(in, self), entity);
    return in.call_method(q, "get", {args.pos[1]});
}

// merge(obj): the persistent object with obj's identity gets obj's loaded values.
Value s_merge(Interpreter& in, const Value& self, lang::Args& args) {
    orm::Session& session = core_session(in, self);
    ModelObj& obj = require_model(in, arg_at(in, args, 0));
    configure_mappers(in);
    orm::InstanceState& st = obj.state_;
    if (st.session == &session) return Value(&obj);
    orm::IdentityKey key = orm::Session::identity_key_of(st);
    if (key.has_null()) {
        guard(in, [&] { session.add(st); });
        return Value(&obj);
    }
    SessionObj& s = self_session(in, self);
    std::vector<Value> entity{Value(obj.type)};
    Value q = make_query(in, Value(&s), session, entity);
    std::vector<Value> pk;
    for (const auto& v : key.primary_key)
        pk.push_back(from_db(in, v));
    Value target = in.call_method(q, "get", {pk.size() == 1 ? pk.front() : lang::new_tuple(pk)});
    if (target.is_none()) {
        Value fresh = in.call(Value(obj.type), {});
        ModelObj& f = require_model(in, fresh);
        for (std::size_t slot = 0; slot < st.slot_count(); ++slot)
            if (st.is_loaded(slot)) f.state_.set_value(slot, st.value(slot));
        guard(in, [&] { session.add(f.state_); });
        return fresh;
    }
    ModelObj& t = require_model(in, target);
    for (std::size_t slot = 0; slot < st.slot_count(); ++slot)
        if (st.is_loaded(slot) &&
            !(t.state_.is_loaded(slot) && t.state_.value(slot) == st.value(slot)))
            t.state_.set_value(slot, st.value(slot));
    return target;
}

Value s_execute(Interpreter& in, const Value& self, lang::Args& args) {
    orm::Session& session = core_session(in, self);
    configure_mappers(in);
    Value stmt = arg_at(in, args, 0);
    sql::NodePtr node =
        lang::is_str(stmt) ? sql::text(lang::as_str(stmt)->s) : node_of(in, stmt, "statement");
    guard(in, [&] { session.autoflush_if_enabled(); });
    if (Value orm_result = execute_orm_select(in, session, node); !orm_result.empty())
        return orm_result;
    Value p = args.pos.size() > 1 ? args.pos[1] : kwarg(args, "params");
    bool has_params = !p.empty() && !p.is_none();
    if (Value orm_result = execute_orm_dml(in, session, node, has_params); !orm_result.empty())
        return orm_result;
    auto param_map = [&](const Value& d) {
        sql::ParamMap params;
        for (const Value& key : in.to_vector(d))
            params[in.str(key)] = to_db(in, in.getitem(d, key));
        return params;
    };
    if (has_params && (has_layout(p, lang::Layout::List) || has_layout(p, lang::Layout::Tuple))) {
        // A list of parameter sets: executemany.
        std::vector<sql::ParamMap> rows;
        for (const Value& d : in.to_vector(p))
            rows.push_back(param_map(d));
        std::int64_t count =
            guard(in, [&] { return sql::execute_many(session.connection(), node, rows); });
        session.note_write();
        return make_result(in, std::make_shared<RowKeys>(), {}, count);
    }
    sql::ParamMap params;
    if (has_params) params = param_map(p);
    return guard(in, [&] {
        bool insert = node->is(sql::NodeKind::Insert);
        engine::Result result = insert ? sql::execute(session.connection(), node, params)
                                       : orm::execute_statement(session, node, params);
        auto keys = std::make_shared<RowKeys>();
        keys->names = result.keys();
        if (insert && node->as<sql::Insert>().returning.empty()) keys->names.clear();
        if (keys->names.empty() && result.rowcount() > 0) session.note_write();
        std::vector<std::vector<Value>> rows;
        std::vector<engine::Value> row;
        while (!keys->names.empty() && result.next(row))
            rows.push_back(row_from_db(in, result, row));
        std::vector<Value> inserted;
        for (const auto& v : result.inserted_primary_key)
            inserted.push_back(from_db(in, v));
        return make_result(in, keys, std::move(rows), result.rowcount(), std::move(inserted));
    });
}

Value s_scalars(Interpreter& in, const Value& self, lang::Args& args) {
    return in.call_method(s_execute(in, self, args), "scalars", {});
}

Value s_scalar(Interpreter& in, const Value& self, lang::Args& args) {
    return in.call_method(s_execute(in, self, args), "scalar", {});
}

// with session.no_autoflush: ... / with session.begin(): ... / with Session(engine) as s: ...
struct SessionContext : lang::Object {
    explicit SessionContext(lang::Type* t) : Object(t) {}
    Value session;
    enum class Kind { NoAutoflush, Begin } kind = Kind::NoAutoflush;
    void traverse(lang::Visitor& v) override {
        Object::traverse(v);
        if (session.is_obj()) v.visit(session.obj());
    }
};

lang::Type* session_context_type() {
    static lang::Type* type =
        lang::TypeBuilder("_SessionContext", {}, "sqlalchemy.orm.session")
            .method(
                "__enter__",
                +[](Interpreter& in, const Value& self, lang::Args&) -> Value {
                    auto* c = static_cast<SessionContext*>(self.obj());
                    if (c->kind == SessionContext::Kind::NoAutoflush) {
                        core_session(in, c->session).push_no_autoflush();
                        return c->session;
                    }
                    return self;
                })
            .method(
                "__exit__",
                +[](Interpreter& in, const Value& self, lang::Args& args) -> Value {
                    auto* c = static_cast<SessionContext*>(self.obj());
                    orm::Session& s = core_session(in, c->session);
                    if (c->kind == SessionContext::Kind::NoAutoflush) {
                        s.pop_no_autoflush();
                    } else if (!args.pos.empty() && args.pos[0].is_none()) {
                        configure_mappers(in);
                        guard(in, [&] { s.commit(); });
                    } else {
                        guard(in, [&] { s.rollback(); });
                    }
                    return Value::boolean(false);
                })
            .method(
                "commit",
                +[](Interpreter& in, const Value& self, lang::Args&) -> Value {
                    auto* c = static_cast<SessionContext*>(self.obj());
                    guard(in, [&] { core_session(in, c->session).commit(); });
                    return Value::none();
                })
            .method(
                "rollback",
                +[](Interpreter& in, const Value& self, lang::Args&) -> Value {
                    auto* c = static_cast<SessionContext*>(self.obj());
                    guard(in, [&] { core_session(in, c->session).rollback(); });
                    return Value::none();
                })
            .build();
    return type;
}

Value make_context(const Value& session, SessionContext::Kind kind) {
    auto* c = new SessionContext(session_context_type());
    c->session = session;
    c->kind = kind;
    c->track();
    return Value::steal(c);
}

Value session_ctor(Interpreter& in, lang::Type* cls, lang::Args& args) {
    Value bind = args.pos.empty() ? kwarg(args, "bind") : args.pos[0];
    Value autoflush = kwarg(args, "autoflush");
    Value expire = kwarg(args, "expire_on_commit");
    Value s = make_session(in, bind.empty() ? Value::none() : bind,
                           autoflush.empty() ? true : in.truthy(autoflush),
                           expire.empty() ? true : in.truthy(expire));
    (void)cls;
    return s;
}

} // namespace

void SessionObj::traverse(lang::Visitor& v) {
    Object::traverse(v);
    if (bind.is_obj()) v.visit(bind.obj());
    if (origin.is_obj()) v.visit(origin.obj());
}

namespace {
// Core session -> its Python object, for object_session() and inspect(obj).session; entries
// are removed when the Python object goes.
std::unordered_map<const orm::Session*, SessionObj*>& session_owners() {
    static auto* owners = new std::unordered_map<const orm::Session*, SessionObj*>();
    return *owners;
}
} // namespace

SessionObj::~SessionObj() {
    if (session) session_owners().erase(session.get());
}

Value python_session(const orm::Session* session) {
    auto it = session ? session_owners().find(session) : session_owners().end();
    return it == session_owners().end() ? Value::none()
                                        : Value(static_cast<lang::Object*>(it->second));
}

void SessionObj::clear_refs() {
    bind = Value();
    origin = Value();
    Object::clear_refs();
}

lang::Type* session_type() {
    static lang::Type* type = [] {
        lang::TypeBuilder b("Session", {}, "sqlalchemy.orm.session");
        b.layout(lang::Layout::Object, alloc_session)
            .ctor(session_ctor)
            .method("add", s_add)
            .method("add_all", s_add_all)
            .method("delete", s_delete)
            .method("flush", s_flush)
            .method("commit", s_commit)
            .method("rollback", s_rollback)
            .method("close", s_close)
            .method("expunge", s_expunge)
            .method("expunge_all", s_expunge_all)
            .method("refresh", s_refresh)
            .method("expire", s_expire)
            .method("expire_all", s_expire_all)
            .method("is_modified", s_is_modified)
            .method("__contains__", s_contains)
            .method("query", s_query)
            .method("get", s_get)
            .method("merge", s_merge)
            .method("execute", s_execute)
            .method("scalars", s_scalars)
            .method("scalar", s_scalar)
            .method(
                "begin",
                +[](Interpreter&, const Value& self, lang::Args&) {
                    return make_context(self, SessionContext::Kind::Begin);
                })
            .method(
                "__enter__", +[](Interpreter&, const Value& self, lang::Args&) { return self; })
            .method(
                "__exit__",
                +[](Interpreter& in, const Value& self, lang::Args& a) {
                    s_close(in, self, a);
                    return Value::boolean(false);
                })
            .property("new",
                      [](Interpreter& in, const Value& self) {
                          return objects_list(core_session(in, self).new_objects());
                      })
            .property("dirty",
                      [](Interpreter& in, const Value& self) {
                          return objects_list(core_session(in, self).dirty_objects());
                      })
            .property("deleted",
                      [](Interpreter& in, const Value& self) {
                          return objects_list(core_session(in, self).deleted_objects());
                      })
            // False after a failed flush until rollback(), as SQLAlchemy's Session.is_active.
            .property("is_active",
                      [](Interpreter& in, const Value& self) {
                          SessionObj& s = self_session(in, self);
                          return Value::boolean(!s.session || !s.session->needs_rollback());
                      })
            // ormsh's own: a flush wrote rows the current transaction has not committed yet
            // (the shell's prompt shows it).
            .property("_ormsh_flushed_uncommitted",
                      [](Interpreter& in, const Value& self) {
                          SessionObj& s = self_session(in, self);
                          return Value::boolean(s.session && s.session->wrote_in_transaction());
                      })
            .property("no_autoflush",
                      [](Interpreter&, const Value& self) {
                          return make_context(self, SessionContext::Kind::NoAutoflush);
                      })
            .property("bind", [](Interpreter& in,
                                 const Value& self) { return self_session(in, self).bind; })
            .property(
                "autoflush",
                [](Interpreter& in, const Value& self) {
                    return Value::boolean(core_session(in, self).autoflush);
                },
                [](Interpreter& in, const Value& self, const Value& v) {
                    core_session(in, self).autoflush = in.truthy(v);
                })
            .method(
                "get_bind", +[](Interpreter& in, const Value& self, lang::Args&) {
                    return self_session(in, self).bind;
                });
        add_bulk_methods(b);
        return b.build();
    }();
    return type;
}

Value make_session(Interpreter& in, const Value& engine, bool autoflush, bool expire_on_commit) {
    Value v = Value::steal(alloc_session(session_type()));
    auto* s = v.as<SessionObj>();
    std::shared_ptr<engine::Engine> core_engine;
    if (!engine.is_none()) {
        auto* e = dynamic_cast<EngineObj*>(engine.obj_or_null());
        if (!e) in.raise(exc_type(in, "ArgumentError"), "Session bind must be an Engine");
        core_engine = e->engine;
        s->bind = engine;
    }
    s->session = std::make_unique<orm::Session>(core_engine, model_factory());
    session_owners()[s->session.get()] = s;
    s->session->autoflush = autoflush;
    s->session->expire_on_commit = expire_on_commit;
    s->session->relationship_loader = orm::lazy_load;
    s->session->hooks = &session_hooks();
    return v;
}

// --- scoped_session ---------------------------------------------------------------------------

namespace {

struct ScopedSessionObj : lang::Object {
    explicit ScopedSessionObj(lang::Type* t) : Object(t) {}
    Value factory;
    Value current;
    void traverse(lang::Visitor& v) override {
        Object::traverse(v);
        if (factory.is_obj()) v.visit(factory.obj());
        if (current.is_obj()) v.visit(current.obj());
    }
    void clear_refs() override {
        factory = Value();
        current = Value();
        Object::clear_refs();
    }
};

Value scoped_current(Interpreter& in, ScopedSessionObj& s) {
    if (s.current.empty()) {
        s.current = in.call(s.factory, {});
        auto* made = dynamic_cast<SessionObj*>(s.current.obj_or_null());
        if (made && made->origin.empty()) made->origin = Value(&s);
    }
    return s.current;
}

} // namespace

lang::Type* scoped_session_type() {
    static lang::Type* type = [] {
        lang::TypeBuilder b("scoped_session", {}, "sqlalchemy.orm.scoping");
        b.instance_dict(true);
        b.method(
             "__call__",
             +[](Interpreter& in, const Value& self, lang::Args&) {
                 return scoped_current(in, *static_cast<ScopedSessionObj*>(self.obj()));
             })
            .method(
                "remove",
                +[](Interpreter& in, const Value& self, lang::Args& a) -> Value {
                    auto* s = static_cast<ScopedSessionObj*>(self.obj());
                    if (!s->current.empty()) {
                        s_close(in, s->current, a);
                        s->current = Value();
                    }
                    return Value::none();
                })
            .method(
                "query_property", +[](Interpreter& in, const Value& self,
                                      lang::Args&) { return make_query_property(in, self); })
            .method(
                "configure",
                +[](Interpreter& in, const Value& self, lang::Args& a) -> Value {
                    auto* s = static_cast<ScopedSessionObj*>(self.obj());
                    in.call(in.getattr(s->factory, "configure"), a);
                    return Value::none();
                })
            .method(
                // Proxied explicitly, as SQLAlchemy's scoped_session does: a seed loop calls it
                // once per object, and __getattr__ would make a bound method each time.
                "add",
                +[](Interpreter& in, const Value& self, lang::Args& a) {
                    Value current = scoped_current(in, *static_cast<ScopedSessionObj*>(self.obj()));
                    if (current.type() == session_type()) return s_add(in, current, a);
                    return in.call(in.getattr(current, "add"), a);
                })
            .method(
                "__getattr__",
                +[](Interpreter& in, const Value& self, lang::Args& a) {
                    auto* s = static_cast<ScopedSessionObj*>(self.obj());
                    return in.getattr(scoped_current(in, *s), lang::as_str(arg_at(in, a, 0)));
                })
            .method(
                "__contains__", +[](Interpreter& in, const Value& self, lang::Args& a) {
                    auto* s = static_cast<ScopedSessionObj*>(self.obj());
                    return s_contains(in, scoped_current(in, *s), a);
                });
        return b.build();
    }();
    return type;
}

Value make_scoped_session(Interpreter&, const Value& factory) {
    auto* s = new ScopedSessionObj(scoped_session_type());
    s->factory = factory;
    s->track();
    return Value::steal(s);
}

SessionObj& session_of(Interpreter& in, const Value& v) {
    // Every session method starts here: the exact dynamic type is cheaper to compare than the
    // cast (a Python subclass of Session is still a SessionObj).
    lang::Object* o = v.obj_or_null();
    if (o && typeid(*o) == typeid(SessionObj)) return *static_cast<SessionObj*>(o);
    if (auto* s = dynamic_cast<SessionObj*>(o)) return *s;
    if (auto* sc = dynamic_cast<ScopedSessionObj*>(v.obj_or_null()))
        return session_of(in, scoped_current(in, *sc));
    in.raise("TypeError", fmt::format("expected a Session, got '{}'", v.type()->name));
}

// --- query_property / sessionmaker ------------------------------------------------------------

namespace {

struct QueryPropertyObj : lang::Object {
    explicit QueryPropertyObj(lang::Type* t) : Object(t) {}
    Value scoped;
    void traverse(lang::Visitor& v) override {
        Object::traverse(v);
        if (scoped.is_obj()) v.visit(scoped.obj());
    }
};

lang::Type* query_property_type() {
    static lang::Type* type =
        lang::TypeBuilder("query_property", {}, "sqlalchemy.orm.scoping")
            .method(
                "__get__",
                +[](Interpreter& in, const Value& self, lang::Args& a) -> Value {
                    auto* qp = static_cast<QueryPropertyObj*>(self.obj());
                    Value cls = a.pos.size() > 1 ? a.pos[1] : Value(arg_at(in, a, 0).type());
                    if (!has_layout(cls, lang::Layout::Type) || !mapping_of(cls.as<lang::Type>()))
                        return Value::none();
                    SessionObj& s = session_of(in, qp->scoped);
                    std::vector<Value> entity{cls};
                    return make_query(in, Value(&s), *s.session, entity);
                })
            .build();
    return type;
}

struct SessionMakerObj : lang::Object {
    explicit SessionMakerObj(lang::Type* t) : Object(t) {}
    Value bind;
    bool autoflush = true;
    bool expire_on_commit = true;
    void traverse(lang::Visitor& v) override {
        Object::traverse(v);
        if (bind.is_obj()) v.visit(bind.obj());
    }
};

void apply_maker_kwargs(Interpreter& in, SessionMakerObj& m, const lang::Args& args) {
    for (const auto& kw : args.kw) {
        if (kw.name->s == "bind")
            m.bind = kw.value;
        else if (kw.name->s == "autoflush")
            m.autoflush = in.truthy(kw.value);
        else if (kw.name->s == "expire_on_commit")
            m.expire_on_commit = in.truthy(kw.value);
    }
}

lang::Type* sessionmaker_type() {
    static lang::Type* type =
        lang::TypeBuilder("sessionmaker", {}, "sqlalchemy.orm.session")
            .method(
                "__call__",
                +[](Interpreter& in, const Value& self, lang::Args& a) {
                    auto* m = static_cast<SessionMakerObj*>(self.obj());
                    SessionMakerObj copy(m->type);
                    copy.bind = m->bind;
                    copy.autoflush = m->autoflush;
                    copy.expire_on_commit = m->expire_on_commit;
                    apply_maker_kwargs(in, copy, a);
                    Value made = make_session(in, copy.bind.empty() ? Value::none() : copy.bind,
                                              copy.autoflush, copy.expire_on_commit);
                    made.as<SessionObj>()->origin = self;
                    return made;
                })
            .method(
                "configure",
                +[](Interpreter& in, const Value& self, lang::Args& a) -> Value {
                    apply_maker_kwargs(in, *static_cast<SessionMakerObj*>(self.obj()), a);
                    return Value::none();
                })
            .build();
    return type;
}

} // namespace

Value scoped_session_factory(const Value& v) {
    if (auto* s = dynamic_cast<ScopedSessionObj*>(v.obj_or_null())) return s->factory;
    return Value();
}

bool is_sessionmaker(const Value& v) {
    return v.is_obj() && v.type()->is_subtype(sessionmaker_type());
}

Value make_query_property(Interpreter&, const Value& scoped) {
    auto* qp = new QueryPropertyObj(query_property_type());
    qp->scoped = scoped;
    qp->track();
    return Value::steal(qp);
}

void add_session_names(Interpreter& in, lang::Module& module) {
    module.dict->set_str("Session", Value(session_type()));
    module.dict->set_str(
        "sessionmaker",
        lang::make_native_closure("sessionmaker", [](Interpreter& in, const Value&, lang::Args& a) {
            auto* m = new SessionMakerObj(sessionmaker_type());
            m->track();
            Value v = Value::steal(m);
            if (!a.pos.empty()) m->bind = a.pos[0];
            apply_maker_kwargs(in, *m, a);
            return v;
        }));
    module.dict->set_str(
        "scoped_session",
        lang::make_native_closure("scoped_session", [](Interpreter& in, const Value&,
                                                       lang::Args& a) {
            if (a.pos.empty())
                in.raise(
                    "TypeError",
                    "scoped_session() missing 1 required positional argument: 'session_factory'");
            return make_scoped_session(in, a.pos[0]);
        }));
    (void)in;
}

} // namespace ormsh::api
