// The Python Session (sqlalchemy.orm.Session) around orm::Session, sessionmaker, and
// scoped_session (the thread-local-style registry Flask-SQLAlchemy's db.session is), with
// query_property() for Base.query.
#pragma once

#include <memory>

#include "core/orm/session.h"
#include "repl/api/orm/model.h"

namespace ormsh::api {

struct SessionObj : lang::Object {
    explicit SessionObj(lang::Type* t) : Object(t) {}
    ~SessionObj() override;
    Value bind; // the EngineObj
    std::unique_ptr<orm::Session> session;
    void traverse(lang::Visitor& v) override;
    void clear_refs() override;
};

lang::Type* session_type();
// The Python Session object owning a core session (None for null or an unknown one).
Value python_session(const orm::Session* session);
lang::Type* scoped_session_type();

// A new Session bound to `engine` (an EngineObj), with the given options.
Value make_session(Interpreter& in, const Value& engine, bool autoflush = true,
                   bool expire_on_commit = true);
// The SessionObj behind a Session or a scoped_session (created on first use).
SessionObj& session_of(Interpreter& in, const Value& v);
// scoped_session(factory): `factory` is called to make the session when first needed.
Value make_scoped_session(Interpreter& in, const Value& factory);
// A class-level descriptor: Model.query gives session.query(Model) on the scoped session.
Value make_query_property(Interpreter& in, const Value& scoped);

// Registers the Session-related names of sqlalchemy.orm into `module`.
void add_session_names(Interpreter& in, lang::Module& module);

} // namespace ormsh::api
