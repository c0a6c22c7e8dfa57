// inspect(obj) / inspect(MappedClass) / object_session(obj): SQLAlchemy's runtime inspection
// of mapped instances (their session state) and mapped classes (columns, keys, relationships).
#include "repl/api/orm/inspection.h"

#include "repl/api/convert.h"
#include "repl/api/exc_bridge.h"
#include "repl/api/orm/model.h"
#include "repl/api/orm/session_object.h"
#include "repl/api/sql_objects.h"

namespace ormsh::api {

namespace {

// The state of one mapped instance; holds the instance so the state outlives no object.
struct InstanceStateObj : lang::Object {
    using Object::Object;
    Value instance;
    void traverse(lang::Visitor& v) override {
        Object::traverse(v);
        if (instance.is_obj()) v.visit(instance.obj());
    }
    void clear_refs() override {
        instance = Value();
        Object::clear_refs();
    }
};

orm::InstanceState& state_of(Interpreter& in, const Value& self) {
    ModelObj* m = as_model(self.as<InstanceStateObj>()->instance);
    if (!m) in.raise("ReferenceError", "the inspected object is gone");
    return m->state_;
}

template <orm::Status S> Value status_is(Interpreter& in, const Value& self) {
    return Value::boolean(state_of(in, self).status == S);
}

lang::Type* instance_state_type() {
    static lang::Type* t = [] {
        lang::TypeBuilder b("InstanceState", {}, "sqlalchemy.orm.state");
        b.property("transient", status_is<orm::Status::Transient>)
            .property("pending", status_is<orm::Status::Pending>)
            .property("persistent", status_is<orm::Status::Persistent>)
            .property("deleted", status_is<orm::Status::Deleted>)
            .property("detached", status_is<orm::Status::Detached>)
            .property("has_identity",
                      [](Interpreter& in, const Value& self) {
                          return Value::boolean(state_of(in, self).has_identity());
                      })
            .property("identity",
                      [](Interpreter& in, const Value& self) -> Value {
                          const orm::InstanceState& state = state_of(in, self);
                          if (!state.has_identity()) return Value::none();
                          std::vector<Value> items;
                          for (const auto& v : state.identity().primary_key)
                              items.push_back(from_db(in, v));
                          return lang::new_tuple(std::move(items));
                      })
            .property("modified",
                      [](Interpreter& in, const Value& self) {
                          orm::InstanceState& st = state_of(in, self);
                          return Value::boolean(st.session && st.session->is_modified(st));
                      })
            .property("object",
                      [](Interpreter&, const Value& self) {
                          return self.as<InstanceStateObj>()->instance;
                      })
            .property("session", [](Interpreter& in, const Value& self) {
                return python_session(state_of(in, self).session);
            });
        return b.build();
    }();
    return t;
}

Value inspect_instance(const Value& obj) {
    auto* s = new InstanceStateObj(instance_state_type());
    s->track();
    s->instance = obj;
    return Value::steal(s);
}

Value object_session(Interpreter& in, const Value&, lang::Args& args) {
    if (args.size() != 1) in.raise("TypeError", "object_session() takes exactly one argument");
    ModelObj& m = require_model(in, args[0]);
    return python_session(m.state_.session);
}

} // namespace

void register_orm_inspection(Interpreter& in, lang::Module& orm_module) {
    (void)in;
    orm_module.dict->set_str("object_session",
                             lang::make_native_function("object_session", object_session));
    register_inspect_hook([](Interpreter&, const Value& x) -> Value {
        if (as_model(x)) return inspect_instance(x);
        return Value();
    });
}

} // namespace ormsh::api
